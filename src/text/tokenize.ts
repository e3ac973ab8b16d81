// The tagger's tokenizer: one pass over UTF-16 code units, no regular expression per character,
// writing into reusable typed arrays so tagging a document allocates little beyond the token
// strings. Words keep inner apostrophes and hyphens ("don't", "heart-broken") so that lexicon keys
// and text are cut the same way; sentences end at . ! ? (runs of them, then space or end), at the
// CJK full stops and at line breaks; "Mr." and single letters before a period do not end one.
//
// Offsets are UTF-16 indexes into the original string, end exclusive, exactly as String#slice
// takes them. Emoji and emoticons are tokens of their own (SYMBOL, symbols.ts); lone surrogates,
// control characters and other symbols are skipped, never a token.
import { assignSentences, sentenceAsks, sentenceHead } from './sentences.js';
import { SYMBOLS_SOURCE, mayStartEmoticon, symbolAt, type SymbolHit } from './symbols.js';
import {
  ALL_CAPS,
  BREAK,
  CLAUSE,
  COMMA,
  FNV_OFFSET,
  FNV_PRIME,
  HAS_APOSTROPHE,
  HAS_HYPHEN,
  HAS_LETTER,
  NEEDS_FOLD,
  NON_ASCII,
  SYMBOL,
  TERMINAL,
  TOKEN_BUFFER_SOURCE,
  TokenBuffer,
  WORD,
  hashWord,
  normaliseWord,
} from './tokenBuffer.js';

// The tokenizer's callers import the buffer and the splitter from here, as one module.
export {
  ALL_CAPS,
  BREAK,
  CLAUSE,
  COMMA,
  HAS_APOSTROPHE,
  HAS_HYPHEN,
  HAS_LETTER,
  NON_ASCII,
  SYMBOL,
  TERMINAL,
  TokenBuffer,
  WORD,
  hashWord,
  normaliseWord,
};
export { assignSentences, sentenceAsks, sentenceHead };

/** A text code unit as it appears in the normalised word (ASCII lower case, folded joiners). */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c === 0x2019 || c === 0x2018) return 0x27;
  if (c === 0x2010 || c === 0x2011) return 0x2d;
  return c;
}

/** The sources that cut and normalise lexicon keys, part of the compiled-lexicon cache's key (lexicon/cache.ts). */
export const TOKENIZER_SOURCES: readonly string[] = [import.meta.url, TOKEN_BUFFER_SOURCE, SYMBOLS_SOURCE];

/** The symbol symbolAt found (reused: the tokenizer is not re-entrant). */
const SYMBOL_HIT: SymbolHit = { end: 0, norm: '' };

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
          // A run of ASCII word characters (most of every text), each looked up once: lower-cased,
          // hashed and copied into `chars` until the first code unit that is not one.
          let k = ASCII_CLASS[d]!;
          for (;;) {
            if (k === LOWER_CLASS) lower++;
            else if (k === UPPER_CLASS) (upper++, (d |= 32));
            h = Math.imul(h ^ d, FNV_PRIME);
            chars[i] = d;
            if (++i >= n) break;
            const e = text.charCodeAt(i);
            if (e >= 128 || (k = ASCII_CLASS[e]!) === 0) break;
            d = e;
          }
        } else {
          other = true;
          i += w;
        }
        if (i >= n) break;
        // (d: the last word character, lower-cased)
        const wasDigit = d >= 48 && d <= 57;
        const e = text.charCodeAt(i);
        if (e < 128) {
          // (an ASCII word character here follows a non-ASCII one: the run above stops only at a non-word)
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
      if (upper !== 0 || lower !== 0) flags |= HAS_LETTER;
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
    // An emoji (any non-ASCII code unit that is no letter may start one) or an emoticon (":", "=", "<", ">")
    if ((c >= 0xa9 || mayStartEmoticon(c)) && symbolAt(text, i, SYMBOL_HIT)) {
      buffer.push(i, SYMBOL_HIT.end, SYMBOL, NON_ASCII, SYMBOL_HIT.norm, hashWord(SYMBOL_HIT.norm));
      i = SYMBOL_HIT.end;
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
