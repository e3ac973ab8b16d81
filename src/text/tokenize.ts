// The tagger's tokenizer: one pass over UTF-16 code units, no regular expression per character,
// writing into reusable typed arrays so tagging a document allocates little beyond the token
// strings. Words keep inner apostrophes and hyphens ("don't", "heart-broken") so that lexicon keys
// and text are cut the same way; sentences end at . ! ? (runs of them, then space or end), at the
// CJK full stops and at line breaks; "Mr." and single letters before a period do not end one.
//
// Offsets are UTF-16 indexes into the original string, end exclusive, exactly as String#slice
// takes them. Lone surrogates, control characters and emoji are skipped, never a token.

/** Token kinds. */
export const WORD = 1;
/** A clause boundary: , ; : ( ) [ ] quotes, dashes. Ends a negation's scope. */
export const CLAUSE = 2;
/** A sentence terminal run (". ", "?!", "..."). */
export const TERMINAL = 3;
/** A line break: ends the sentence and the clause. */
export const BREAK = 4;

/** Flag bits of a word token. */
export const HAS_HYPHEN = 1;
export const HAS_APOSTROPHE = 2;
/** Two or more letters, all upper case. */
export const ALL_CAPS = 4;
/** Contains a letter (so not a bare number). */
export const HAS_LETTER = 8;
/** Its normalised form differs from the raw text (capitals, curly apostrophes, Unicode hyphens). */
const NEEDS_FOLD = 16;
/**
 * Has non-ASCII letters: its normalised form is a string made while tokenizing, not code units in
 * `chars` (a word's `norm` is also filled later by `word(t)`, so `norm !== ''` does not tell).
 */
export const NON_ASCII = 32;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** The 32-bit FNV-1a hash of a normalised word, as the tokenizer computes it inline. */
export function hashWord(norm: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A text code unit as it appears in the normalised word (ASCII lower case, folded joiners). */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c === 0x2019 || c === 0x2018) return 0x27;
  if (c === 0x2010 || c === 0x2011) return 0x2d;
  return c;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'etc',
  'jr',
  'sr',
  'prof',
  'inc',
  'ltd',
  'co',
  'no',
  'vol',
  'approx',
  'dept',
  'mt',
]);
const ABBREVIATION_MAX = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** This module's source, part of the compiled-lexicon cache's key (lexicon/cache.ts): lexicon keys are cut by it. */
export const TOKENIZER_SOURCE = import.meta.url;

// ASCII character classes: 0 not a word character.
const LOWER_CLASS = 1;
const UPPER_CLASS = 2;
const DIGIT_CLASS = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER_CLASS;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER_CLASS;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT_CLASS;

// Word-character table for the BMP, filled lazily: 0 unknown, 1 word, 2 not a word.
const BMP = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let v = BMP[c]!;
  if (v === 0) {
    v = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    BMP[c] = v;
  }
  return v === 1;
}

/** Length in code units of the word character at i (1, 2 for an astral letter), or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  return isWordCode(c) ? 1 : 0;
}

function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isTerminalCode(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function isClauseCode(c: number): boolean {
  switch (c) {
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x22:
    case 0x201c:
    case 0x201d:
    case 0x2013:
    case 0x2014:
    case 0x2d:
    case 0xff0c:
    case 0x3001:
    case 0xff1b:
      return true;
    default:
      return false;
  }
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

/**
 * Tokenizes `text` into `buffer` (reset first). Sentences are assigned when `sentences` is true,
 * or later with `assignSentences` (the tagger needs them only for texts with a match).
 */
export function tokenizeInto(text: string, buffer: TokenBuffer, sentences = true): TokenBuffer {
  buffer.reset();
  buffer.text = text;
  const n = text.length;
  if (buffer.chars.length < n || (buffer.chars.length > 1 << 20 && n < 1 << 16)) buffer.chars = new Uint16Array(Math.max(1024, n));
  const chars = buffer.chars;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    let w = c < 128 ? (ASCII_CLASS[c] !== 0 ? 1 : 0) : wordCharAt(text, i);
    if (w > 0) {
      const start = i;
      let flags = 0;
      let upper = 0;
      let lower = 0;
      let other = false;
      let fold = false;
      let h = FNV_OFFSET;
      // d: the code unit at i, a word character of w code units.
      let d = c;
      for (;;) {
        if (d < 128) {
          const k = ASCII_CLASS[d];
          if (k === UPPER_CLASS) (upper++, (flags |= HAS_LETTER), (d |= 32));
          else if (k === LOWER_CLASS) (lower++, (flags |= HAS_LETTER));
          h = Math.imul(h ^ d, FNV_PRIME);
          chars[i] = d;
        } else other = true;
        const wasDigit = d >= 48 && d <= 57;
        i += w;
        if (i >= n) break;
        const e = text.charCodeAt(i);
        if (e < 128) {
          if (ASCII_CLASS[e] !== 0) {
            d = e;
            w = 1;
            continue;
          }
        } else {
          w = wordCharAt(text, i);
          if (w > 0) {
            d = e;
            continue;
          }
        }
        // An apostrophe or hyphen joins two word characters; a period joins two digits (3.5).
        if ((isJoiner(e) || (e === 0x2e && wasDigit)) && i + 1 < n) {
          const next = wordCharAt(text, i + 1);
          if (next > 0 && (e !== 0x2e || (text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57))) {
            if (e === 0x27 || e === 0x2019) flags |= HAS_APOSTROPHE;
            else if (e !== 0x2e) flags |= HAS_HYPHEN;
            if (e >= 128) fold = true;
            const folded = foldCode(e);
            h = Math.imul(h ^ folded, FNV_PRIME);
            chars[i] = folded;
            i += 1;
            w = next;
            d = text.charCodeAt(i);
            continue;
          }
        }
        break;
      }
      if (other) {
        // Non-ASCII letters (rare path): count case with Unicode classes; the normalised form is
        // built now and hashed as a string (lower-casing may change its length).
        const raw = text.slice(start, i);
        for (const ch of raw) {
          if (UPPER.test(ch)) (upper++, (flags |= HAS_LETTER));
          else if (LOWER.test(ch)) (lower++, (flags |= HAS_LETTER));
          else if (WORD_CHAR.test(ch) && !/\p{N}/u.test(ch)) flags |= HAS_LETTER;
        }
        if (upper >= 2 && lower === 0) flags |= ALL_CAPS;
        const norm = normaliseWord(raw);
        buffer.push(start, i, WORD, flags | NON_ASCII, norm, hashWord(norm));
        continue;
      }
      if (upper >= 2 && lower === 0) flags |= ALL_CAPS;
      if (upper > 0 || fold) flags |= NEEDS_FOLD;
      // ASCII: the normalised string is made only if someone asks for it (most words are only hashed).
      buffer.push(start, i, WORD, flags, '', h);
      continue;
    }
    if (isTerminalCode(c)) {
      const start = i;
      i++;
      while (i < n && isTerminalCode(text.charCodeAt(i))) i++;
      buffer.push(start, i, TERMINAL, 0, '');
      continue;
    }
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      const start = i;
      i++;
      while (i < n && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
      buffer.push(start, i, BREAK, 0, '');
      continue;
    }
    if (isClauseCode(c)) buffer.push(i, i + 1, CLAUSE, 0, '');
    i++;
  }
  if (sentences) assignSentences(text, buffer);
  return buffer;
}

function endsSentence(text: string, b: TokenBuffer, t: number): boolean {
  const kind = b.kind[t]!;
  if (kind === BREAK) return true;
  if (kind !== TERMINAL) return false;
  const end = b.end[t]!;
  // Terminal punctuation ends a sentence only before space or the end ("3.5", "e.g.x" do not).
  if (end < text.length) {
    const next = text.charCodeAt(end);
    if (!(
      next === 32 ||
      next === 9 ||
      next === 10 ||
      next === 13 ||
      next === 0xa0 ||
      next === 0x22 ||
      next === 0x27 ||
      next === 0x201d ||
      next === 0x29 ||
      next >= 0x3000
    ))
      return false;
  }
  // A single period right after an abbreviation or a single letter ("Mr.", "J.") does not end one.
  // (Only a short word can be one: longer ones are not made into strings here.)
  if (
    end - b.start[t]! === 1 &&
    text.charCodeAt(b.start[t]!) === 0x2e &&
    t > 0 &&
    b.kind[t - 1] === WORD &&
    b.end[t - 1] === b.start[t] &&
    b.end[t - 1]! - b.start[t - 1]! <= ABBREVIATION_MAX
  ) {
    const prev = b.word(t - 1);
    if (prev.length === 1 || ABBREVIATIONS.has(prev)) return false;
  }
  return true;
}

export function assignSentences(text: string, b: TokenBuffer): void {
  if (b.sentencesDone) return;
  b.sentencesDone = true;
  let sentence = 0;
  let first = 0;
  let exclaims = false;
  const count = b.count;
  const kinds = b.kind;
  for (let t = 0; t < count; t++) {
    b.sentence[t] = sentence;
    const kind = kinds[t]!;
    // Only a terminal or a line break can end a sentence before the last token.
    if (kind !== TERMINAL && kind !== BREAK && t !== count - 1) continue;
    if (kind === TERMINAL && !exclaims) {
      for (let c = b.start[t]!; c < b.end[t]!; c++) if (text.charCodeAt(c) === 0x21 || text.charCodeAt(c) === 0xff01) exclaims = true;
    }
    if (t === count - 1 || endsSentence(text, b, t)) {
      b.pushSentence(first, t, exclaims);
      sentence++;
      first = t + 1;
      exclaims = false;
    }
  }
}
