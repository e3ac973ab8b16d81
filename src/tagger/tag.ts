// The one-call library entry: `await tag(text, options)` with the knowledge this package ships
// (ontology/ and lexicons/), loaded and compiled on the first call and kept for the process; or
// with a snapshot of your own (`options.kb`). For many texts, build a `Tagger` once and call
// `tagger.tag()` (synchronous).
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { KnowledgeBase as KB } from '../kb/KnowledgeBase.js';
import { readSeed } from '../kb/seed.js';
import { Tagger } from './Tagger.js';
import type { SchemeName, SchemeTagResult, TagOptions, TagResult } from './types.js';

let shipped: Promise<KnowledgeBase> | undefined;

/** The shipped knowledge as a snapshot (read once per process). */
export function shippedKnowledge(): Promise<KnowledgeBase> {
  shipped ??= readSeed().then((quads) => KB.fromQuads(quads));
  return shipped;
}

export async function tag(text: string, options: TagOptions & { kb?: KnowledgeBase; scheme: SchemeName }): Promise<SchemeTagResult>;
export async function tag(text: string, options?: TagOptions & { kb?: KnowledgeBase }): Promise<TagResult>;
export async function tag(text: string, options: TagOptions & { kb?: KnowledgeBase } = {}): Promise<TagResult | SchemeTagResult> {
  const { kb, ...rest } = options;
  return Tagger.for(kb ?? (await shippedKnowledge())).tag(text, rest as TagOptions);
}
