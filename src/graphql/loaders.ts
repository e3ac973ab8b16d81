// Per-request batching of the fields that fan out (parent, children, terms): a list of 100 emotions
// asking for their parents, children and terms costs one batched snapshot read per field and level,
// each key read once, instead of one read per emotion. The loaders live in the request context and
// die with it, so a request never sees another snapshot's answers.
import DataLoader from 'dataloader';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { termCatalog, type TermView } from './terms.js';

/** How many snapshot index reads a request made: batches (calls) and keys (distinct emotions) through the loaders, and direct reads for fields outside any list. */
export interface SnapshotReads {
  batches: number;
  keys: number;
  direct: number;
}

export interface SnapshotLoaders {
  parent: DataLoader<string, Emotion | null>;
  children: DataLoader<string, Emotion[]>;
  terms: DataLoader<string, readonly TermView[]>;
  readonly reads: SnapshotReads;
}

const NO_TERMS: readonly TermView[] = Object.freeze([]);

export function createLoaders(kb: KnowledgeBase): SnapshotLoaders {
  const reads: SnapshotReads = { batches: 0, keys: 0, direct: 0 };
  const batch = <V>(read: (iri: string) => V) =>
    new DataLoader<string, V>(async (iris) => {
      reads.batches++;
      reads.keys += iris.length;
      return iris.map(read);
    });
  let parent: DataLoader<string, Emotion | null> | undefined;
  let children: DataLoader<string, Emotion[]> | undefined;
  let terms: DataLoader<string, readonly TermView[]> | undefined;
  // Created on first use: most requests touch one or none of them.
  return {
    get parent() {
      return (parent ??= batch((iri) => kb.parent(iri)));
    },
    get children() {
      return (children ??= batch((iri) => kb.children(iri)));
    },
    get terms() {
      return (terms ??= batch((iri) => termCatalog(kb).byEmotion.get(iri) ?? NO_TERMS));
    },
    reads,
  };
}
