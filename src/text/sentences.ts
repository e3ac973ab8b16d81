// The sentence splitter over a filled TokenBuffer: a sentence ends at a line break, or at a
// terminal run (. ! ? ...) followed by space or the end (with the emoji and faces right after it),
// unless a single period follows an abbreviation or a single letter ("Mr.", "J."). Run only where sentences matter (the tagger asks
// for a text with a match, or per-sentence results).
import { BREAK, SYMBOL, TERMINAL, WORD, hashWord, type TokenBuffer } from './tokenBuffer.js';

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
      // emoji and faces right after the closing mark belong to the sentence it closes ("Great game. 😂")
      let last = t;
      if (kind === TERMINAL) while (last + 1 < count && kinds[last + 1] === SYMBOL) b.sentence[++last] = sentence;
      b.pushSentence(first, last, exclaims);
      sentence++;
      first = last + 1;
      exclaims = false;
      t = last;
    }
  }
}

/**
 * Whether sentence `sentence` (after assignSentences) is a question: its closing run, before any
 * emoji or face after it, holds a "?" ("Did you enjoy it? 😂").
 */
export function sentenceAsks(text: string, b: TokenBuffer, sentence: number): boolean {
  let last = b.sentenceLast[sentence]!;
  while (last > b.sentenceFirst[sentence]! && b.kind[last] === SYMBOL) last--;
  if (b.kind[last] !== TERMINAL) return false;
  for (let c = b.start[last]!; c < b.end[last]!; c++) {
    const code = text.charCodeAt(c);
    if (code === 0x3f || code === 0xff1f) return true;
  }
  return false;
}

/**
 * Discourse words that may open a sentence before the word that heads its clause ("So are you
 * happy?", "Well, isn't it great?", "Wait, did you enjoy it?"): the question rules look past them.
 */
const DISCOURSE_OPENERS: ReadonlySet<number> = new Set(
  ['so', 'but', 'and', 'well', 'oh', 'ok', 'okay', 'also', 'then', 'now', 'hey', 'wait', 'seriously', 'honestly', 'um', 'uh', 'lol'].map(
    hashWord,
  ),
);
/** Discourse openers passed over at most before the head word. */
const MAX_OPENERS = 2;

/**
 * The first word of sentence `sentence` (after assignSentences) that is not a discourse opener,
 * before token `until`, with at most two openers before it ("So, are you ..." -> "are"); -1 if
 * there is none. Where a yes/no question's auxiliary stands (tagger/askedFeeling.ts, the
 * conducive negative questions of tagger/negationScope.ts).
 */
export function sentenceHead(b: TokenBuffer, sentence: number, until: number): number {
  for (let k = b.sentenceFirst[sentence]!, words = 0; k < until; k++) {
    if (b.kind[k] !== WORD) continue;
    if (!DISCOURSE_OPENERS.has(b.hash[k]!)) return k;
    if (++words > MAX_OPENERS) return -1;
  }
  return -1;
}
