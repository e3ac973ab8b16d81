// Emoji and emoticons as tokens of their own (kind SYMBOL): the tokenizer asks here at a code unit
// that is no word character, and gets back where the symbol ends and its normal form, the key the
// lexicon knows it by.
//
// An emoji is one Extended_Pictographic code point (Unicode UTS #51) with what may follow it:
// variation selectors (U+FE0E/F) and skin tones (U+1F3FB-1F3FF), which do not change what it shows,
// and zero-width-joiner sequences. Its normal form drops the selectors and skin tones, and the
// gender signs and hair parts a sequence may join ("🤦‍♂️" is a facepalm); another joined part stays
// in the form, joiner and all, since the sequence shows something else ("😮‍💨" exhales, "❤️‍🩹"
// mends). A run of the same emoji written without a space ("😂😂😂") is one token: repetition is
// emphasis, not three pieces of evidence. Other Extended_Pictographic characters ("©", "™", "‼")
// are symbol tokens too; with no entry they match nothing and the negation window passes over them.
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

/** Code units of a modifier at i that belongs to the emoji before it (selector, skin tone), or 0. */
function modifierAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0xfe0f || c === 0xfe0e) return 1;
  // skin tones U+1F3FB-1F3FF: D83C DFFB-DFFF
  if (c === 0xd83c) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdffb && d <= 0xdfff) return 2;
  }
  return 0;
}

/** Joined parts that only say who is shown: the gender signs ♀ ♂ and the hair parts 🦰-🦳. */
function isPersonPart(codePoint: number): boolean {
  return codePoint === 0x2640 || codePoint === 0x2642 || (codePoint >= 0x1f9b0 && codePoint <= 0x1f9b3);
}

/**
 * End of the emoji at i (with its modifiers and joined parts), or i when there is none; its
 * normal form into `hit.norm` (see the header).
 */
function emojiAt(text: string, i: number, hit: SymbolHit): number {
  const n = text.length;
  let w = pictographAt(text, i);
  if (w === 0) return i;
  let norm = text.slice(i, i + w);
  let k = i + w;
  for (;;) {
    let m: number;
    while (k < n && (m = modifierAt(text, k)) > 0) k += m;
    // a zero-width joiner and the pictograph it joins ("👨‍👩‍👧", "🤦‍♂️")
    if (k + 1 < n && text.charCodeAt(k) === 0x200d && (w = pictographAt(text, k + 1)) > 0) {
      if (!isPersonPart(text.codePointAt(k + 1)!)) norm += '\u200d' + text.slice(k + 1, k + 1 + w);
      k += 1 + w;
      continue;
    }
    hit.norm = norm;
    return k;
  }
}

/** Words after which "<3" is "less than three" ("in <3 hours", "<3 mins"), not a heart. */
const UNITS: ReadonlySet<string> = new Set([
  'sec',
  'secs',
  'second',
  'seconds',
  'min',
  'mins',
  'minute',
  'minutes',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'yrs',
  'times',
  'people',
  'km',
  'kg',
  'mb',
  'gb',
  'ms',
]);

/** Whether the word after position i (past spaces) is a unit of UNITS. */
function unitAfter(text: string, i: number): boolean {
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const m = /^[A-Za-z]+/.exec(text.slice(i, i + 12));
  return m !== null && UNITS.has(m[0].toLowerCase());
}

/** Emoticons by their written form, to their normal form (symbolAt tries the longest first: ":'(" before ":("). */
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
/** The faces' normal forms, for messages (":)", ":D", ":(" ...). */
export const EMOTICON_FORMS: readonly string[] = [...new Set(EMOTICONS.values())];

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
    // a face's closing bracket that closes a bracket opened right before it is code ("a[:]", "f(:)")
    const opened = i > 0 ? text.charCodeAt(i - 1) : 0;
    for (let len = Math.min(EMOTICON_MAX, text.length - i); len >= 2; len--) {
      const written = text.slice(i, i + len);
      const norm = EMOTICONS.get(written);
      if (
        norm !== undefined &&
        besideEmoticon(text.charCodeAt(i + len)) &&
        !((opened === 0x5b && written.endsWith(']')) || (opened === 0x28 && written.endsWith(')'))) &&
        !(norm === '<3' && unitAfter(text, i + len))
      ) {
        hit.end = i + len;
        hit.norm = norm;
        return true;
      }
    }
    return false;
  }
  const end = emojiAt(text, i, hit);
  if (end === i) return false;
  const norm = hit.norm;
  // a run of the same emoji, written without a space between, is one token
  let k = end;
  for (;;) {
    const next = emojiAt(text, k, hit);
    if (next === k || hit.norm !== norm) break;
    k = next;
  }
  hit.end = k;
  hit.norm = norm;
  return true;
}
