// The flat document structure the tokenizer fills and every later stage reads: token kinds and
// flag bits, the word hash and normal form, and TokenBuffer's parallel typed arrays, reused from
// text to text (see tokenize.ts for how they are filled, sentences.ts for sentence numbers).

/** This module's source, part of the compiled-lexicon cache's key: it normalises and hashes words. */
export const TOKEN_BUFFER_SOURCE = import.meta.url;

/** Token kinds. */
export const WORD = 1;
/** A clause boundary: , ; : ( ) [ ] quotes, dashes. Ends a negation's scope. */
export const CLAUSE = 2;
/** A sentence terminal run (". ", "?!", "..."). */
export const TERMINAL = 3;
/** A line break: ends the sentence and the clause. */
export const BREAK = 4;
/**
 * An emoji or an emoticon (symbols.ts): its normal form is its `norm`, looked up like a word's, and
 * it carries the NON_ASCII flag so that look-ups take the string (an emoticon's code units are not
 * copied into `chars`).
 */
export const SYMBOL = 5;

/** Flag bits of a word token. */
export const HAS_HYPHEN = 1;
export const HAS_APOSTROPHE = 2;
/** Two or more letters, all upper case. */
export const ALL_CAPS = 4;
/** Contains a letter (so not a bare number). */
export const HAS_LETTER = 8;
/** Its normalised form differs from the raw text (capitals, curly apostrophes, Unicode hyphens). */
export const NEEDS_FOLD = 16;
/**
 * Has non-ASCII letters: its normalised form is a string made while tokenizing, not code units in
 * `chars` (a word's `norm` is also filled later by `word(t)`, so `norm !== ''` does not tell).
 */
export const NON_ASCII = 32;

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** The 32-bit FNV-1a hash of a normalised word, as the tokenizer computes it inline. */
export function hashWord(norm: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Lowercases and folds apostrophe and hyphen variants: the key under which a word is looked up. */
export function normaliseWord(word: string): string {
  let w = word.toLowerCase();
  if (w.length === word.length && isAscii(word)) return w;
  if (/[\u2018\u2019\u2010\u2011]/.test(w)) w = w.replace(/[\u2018\u2019]/g, "'").replace(/[\u2010\u2011]/g, '-');
  return w;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** The comma's code unit: a CLAUSE token the rules read as a comma ("sorry, but", ", huh?"). */
export const COMMA = 0x2c;

/** Reusable token storage: parallel arrays, grown on demand, reset per document. */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  kind = new Uint8Array(256);
  flags = new Uint8Array(256);
  /** Sentence index of each token. */
  sentence = new Int32Array(256);
  /** Hash of each word's normalised form (`hashWord`), computed while tokenizing. */
  hash = new Int32Array(256);
  /**
   * The normalised code units of the text's ASCII words, at the text's own indexes (lower case,
   * folded joiners): what `wordEquals` compares against, so a look-up never reads the string.
   */
  chars = new Uint16Array(1024);
  /** Normalised words, filled on demand by `word(t)` ('' until then, and for non-words). */
  norm: string[] = [];
  /** The text last tokenized. */
  text = '';
  /**
   * Per sentence (the first `sentenceCount` entries): first and last token index, and whether it
   * ends in "!" (1). Typed arrays with a count, reused from text to text: filling JS arrays anew
   * for every text with a match cost as much as tokenizing it.
   */
  sentenceCount = 0;
  sentenceFirst = new Int32Array(16);
  sentenceLast = new Int32Array(16);
  sentenceExclaims = new Uint8Array(16);
  /** Whether sentence fields are filled for the current text (they are computed on demand). */
  sentencesDone = false;

  reset(): void {
    this.count = 0;
    this.sentencesDone = false;
    // `push` overwrites norm[n] for every token: keep the array's storage from one text to the next
    // (truncating frees it and the next text regrows it), except after a long text.
    if (this.norm.length > 4096) this.norm.length = 0;
    this.sentenceCount = 0;
  }

  /** Appends a sentence (assignSentences). */
  pushSentence(first: number, last: number, exclaims: boolean): void {
    const n = this.sentenceCount;
    if (n === this.sentenceFirst.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
        const b = make(n * 2);
        b.set(a);
        return b;
      };
      this.sentenceFirst = grow(this.sentenceFirst, (size) => new Int32Array(size));
      this.sentenceLast = grow(this.sentenceLast, (size) => new Int32Array(size));
      this.sentenceExclaims = grow(this.sentenceExclaims, (size) => new Uint8Array(size));
    }
    this.sentenceFirst[n] = first;
    this.sentenceLast[n] = last;
    this.sentenceExclaims[n] = exclaims ? 1 : 0;
    this.sentenceCount = n + 1;
  }

  push(start: number, end: number, kind: number, flags: number, norm: string, hash = 0): void {
    const n = this.count;
    if (n === this.start.length) this.#grow();
    this.start[n] = start;
    this.end[n] = end;
    this.kind[n] = kind;
    this.flags[n] = flags;
    this.norm[n] = norm;
    this.hash[n] = hash;
    this.count = n + 1;
  }

  /** The normalised form of word token t (the lexicon's key space), computed once on demand. */
  word(t: number): string {
    let w = this.norm[t]!;
    if (w === '' && this.kind[t] === WORD) {
      const raw = this.text.slice(this.start[t]!, this.end[t]!);
      w = this.flags[t]! & NEEDS_FOLD ? normaliseWord(raw) : raw;
      this.norm[t] = w;
    }
    return w;
  }

  /** The hash of token k if it is a word of sentence `sentence`, else -1 (the rules' look at a neighbour). */
  hashIn(k: number, sentence: number): number {
    return k >= 0 && k < this.count && this.kind[k] === WORD && this.sentence[k] === sentence ? this.hash[k]! : -1;
  }

  /** The normalised form of token k if it is a word of sentence `sentence`, else ''. */
  wordIn(k: number, sentence: number): string {
    return k >= 0 && k < this.count && this.kind[k] === WORD && this.sentence[k] === sentence ? this.word(k) : '';
  }

  /** Whether word token t's normalised form equals `norm`, without building the string when it can. */
  wordEquals(t: number, norm: string): boolean {
    const w = this.norm[t]!;
    if (w !== '') return w === norm;
    const start = this.start[t]!;
    const length = this.end[t]! - start;
    if (norm.length !== length) return false;
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[start + k] !== norm.charCodeAt(k)) return false;
    return true;
  }

  #grow(): void {
    const size = this.start.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (n) => new Int32Array(n));
    this.end = grow(this.end, (n) => new Int32Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.sentence = grow(this.sentence, (n) => new Int32Array(n));
    this.hash = grow(this.hash, (n) => new Int32Array(n));
  }
}
