// Emoji and emoticons as tokens of their own (kind SYMBOL): the tokenizer asks here at a code unit
// that is no word character, and gets back where the symbol ends and its normal form, the key the
// lexicon knows it by.
//
// An emoji is one Extended_Pictographic code point (Unicode UTS #51) with what may follow it and
// does not change what it shows: variation selectors (U+FE0E/F), skin tones (U+1F3FB-1F3FF), a
// keycap mark, and zero-width-joiner sequences ("🤦‍♂️" is a facepalm). Its normal form is the
// first code point alone, and a run of the same emoji written without a space ("😂😂😂") is one
// token: repetition is emphasis, not three pieces of evidence.
//
// An emoticon is one of a short list of ASCII faces (":)", ":-(", ":'(", "<3" ...) standing as a
// word stands, with a space, the text's edge or punctuation on both sides ("10:30", "Note:Dave",
// "f(x):" are none). Its normal form drops the nose and reads "=" as ":" (":-)", "=)" are ":)").

/** This module's source, part of the compiled-lexicon cache's key (it cuts and normalises keys). */
export const SYMBOLS_SOURCE = import.meta.url;

/** Where the symbol at the tokenizer's position ends, and its normal form (`norm`); none: end 0. */
export interface SymbolHit {
  end: number;
  norm: string;
}

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** BMP pictograph table, filled lazily: 0 unknown, 1 pictograph, 2 not. */
const BMP = new Uint8Array(65536);

/** Code points (1 or 2 code units) of the pictograph at i, or 0. */
function pictographAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
    return PICTOGRAPH.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (c < 0xa9) return 0;
  let v = BMP[c]!;
  if (v === 0) {
    v = c >= 0xd800 && c <= 0xdfff ? 2 : PICTOGRAPH.test(String.fromCharCode(c)) ? 1 : 2;
    BMP[c] = v;
  }
  return v === 1 ? 1 : 0;
}

/** Code units of a modifier at i that belongs to the emoji before it (selector, skin tone, keycap), or 0. */
function modifierAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0xfe0f || c === 0xfe0e || c === 0x20e3) return 1;
  // skin tones U+1F3FB-1F3FF: D83C DFFB-DFFF
  if (c === 0xd83c) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdffb && d <= 0xdfff) return 2;
  }
  return 0;
}

/** End of the emoji at i (with its modifiers and joined parts), or i when there is none. */
function emojiEnd(text: string, i: number): number {
  const n = text.length;
  let w = pictographAt(text, i);
  if (w === 0) return i;
  let k = i + w;
  for (;;) {
    let m: number;
    while (k < n && (m = modifierAt(text, k)) > 0) k += m;
    // a zero-width joiner and the pictograph it joins ("👨‍👩‍👧", "🤦‍♂️")
    if (k + 1 < n && text.charCodeAt(k) === 0x200d && (w = pictographAt(text, k + 1)) > 0) {
      k += 1 + w;
      continue;
    }
    return k;
  }
}

/**
 * Emoticons by their written form, to their normal form. Longest first within a shared start, so
 * ":'(" is tried before ":(" (the scan below tries every form; the longest that fits wins).
 */
const EMOTICONS: ReadonlyMap<string, string> = new Map([
  [':)', ':)'],
  [':-)', ':)'],
  [':]', ':)'],
  ['=)', ':)'],
  [':D', ':D'],
  [':-D', ':D'],
  ['=D', ':D'],
  [':(', ':('],
  [':-(', ':('],
  [':[', ':('],
  ['=(', ':('],
  [":'(", ":'("],
  [":'-(", ":'("],
  [':\u2019(', ":'("],
  ['>:(', '>:('],
  ['>:-(', '>:('],
  [':O', ':O'],
  [':-O', ':O'],
  [':o', ':O'],
  ['<3', '<3'],
  ['</3', '</3'],
]);
const EMOTICON_MAX = Math.max(...[...EMOTICONS.keys()].map((k) => k.length));

/** Whether the code unit c may stand beside an emoticon: a space, an edge, or punctuation (no word character). */
function besideEmoticon(c: number): boolean {
  if (Number.isNaN(c)) return true;
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) return true;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return false;
  if (c < 128) return c !== 0x2f && c !== 0x3a && c !== 0x3d && c !== 0x3c && c !== 0x3e; // not "/", ":", "=", "<", ">"
  return !/^[\p{L}\p{N}]$/u.test(String.fromCharCode(c));
}

/** Whether c can start an emoticon (":", "=", "<", ">"): the tokenizer asks only there. */
export function mayStartEmoticon(c: number): boolean {
  return c === 0x3a || c === 0x3d || c === 0x3c || c === 0x3e;
}

/**
 * The symbol at text[i] (an emoji, a run of the same emoji, or an emoticon standing alone), into
 * `hit`; returns false when there is none (hit untouched).
 */
export function symbolAt(text: string, i: number, hit: SymbolHit): boolean {
  const c = text.charCodeAt(i);
  if (mayStartEmoticon(c)) {
    if (i > 0 && !besideEmoticon(text.charCodeAt(i - 1))) return false;
    for (let len = Math.min(EMOTICON_MAX, text.length - i); len >= 2; len--) {
      const norm = EMOTICONS.get(text.slice(i, i + len));
      if (norm !== undefined && besideEmoticon(text.charCodeAt(i + len))) {
        hit.end = i + len;
        hit.norm = norm;
        return true;
      }
    }
    return false;
  }
  const end = emojiEnd(text, i);
  if (end === i) return false;
  const base = text.codePointAt(i)!;
  const norm = String.fromCodePoint(base);
  // a run of the same emoji, written without a space between, is one token
  let k = end;
  while (k < text.length && text.codePointAt(k) === base) {
    const next = emojiEnd(text, k);
    if (next === k) break;
    k = next;
  }
  hit.end = k;
  hit.norm = norm;
  return true;
}
