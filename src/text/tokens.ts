// Tokens and sentences as plain objects, for callers and tests that want to look at a text's cut
// (the tagger itself reads the token buffer that tokenizeInto fills).
import { BREAK, TokenBuffer, tokenizeInto } from './tokenize.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'clause' | 'terminal' | 'break' | 'symbol';
  /** The lookup key (lowercase, folded apostrophes and hyphens; an emoji or emoticon's normal form); words and symbols only. */
  norm?: string;
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first and last token. */
  tokens: [number, number];
}

const KIND_NAMES = ['', 'word', 'clause', 'terminal', 'break', 'symbol'] as const;

/** Tokens and sentences as plain objects: for callers and tests; the tagger uses `tokenizeInto`. */
export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const b = tokenizeInto(text, new TokenBuffer());
  const tokens: Token[] = [];
  for (let t = 0; t < b.count; t++) {
    const kind = KIND_NAMES[b.kind[t]!] as Token['kind'];
    tokens.push({
      text: text.slice(b.start[t]!, b.end[t]!),
      start: b.start[t]!,
      end: b.end[t]!,
      kind,
      ...(kind === 'word' ? { norm: b.word(t) } : kind === 'symbol' ? { norm: b.norm[t]! } : {}),
      sentence: b.sentence[t]!,
    });
  }
  const sentences: Sentence[] = [];
  for (let s = 0; s < b.sentenceCount; s++) {
    const f = b.sentenceFirst[s]!;
    let last = b.sentenceLast[s]!;
    while (last > f && b.kind[last] === BREAK) last--;
    sentences.push({ start: b.start[f]!, end: b.end[last]!, tokens: [f, b.sentenceLast[s]!] });
  }
  return { tokens, sentences };
}
