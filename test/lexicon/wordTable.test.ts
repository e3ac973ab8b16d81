// The word table (src/lexicon/wordTable.ts) is a cache on the tagger's hot path: whatever it answers
// for a word token must be what a Map keyed by the normalised word answers, or a word would be
// tagged with another word's record. Words are looked up as LexiconIndex.infoAt does: the
// tokenizer's buffer (the word's code units at its place in a text, the hash computed inline),
// `get`, and on a miss `add` of `b.word(t)` unless the table is `full`. Hashes can be forced onto a
// few values, so that words of one length share a hash and only the comparison of their code units
// tells them apart, and so that probe runs are long and wrap around the end of the table.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { LexiconIndex } from '../../src/lexicon/LexiconIndex.js';
import { WordTable } from '../../src/lexicon/wordTable.js';
import { NO_ROOTS, NOTHING, WordInfo } from '../../src/lexicon/wordInfo.js';
import { NON_ASCII, TokenBuffer, WORD, tokenizeInto } from '../../src/text/tokenize.js';
import { fixtureKb } from '../tagger/helpers.js';

// Code units a word may be made of: ASCII (capitals are folded), inner joiners (curly ones are
// folded to ASCII), and non-ASCII letters: Latin-1, one whose lower case is longer (İ), Greek final
// sigma, CJK, Hangul and half-width katakana (code units >= 0x8000), a combining accent and an
// astral letter (a surrogate pair).
const ASCII_UNITS = [...'abcdefghijklmnopqrstuvwxyz', ...'ABCXYZ', ...'0189', "'", '-', '’', '‐'];
const OTHER_UNITS = ['é', 'ß', 'ñ', 'İ', 'Σ', 'ς', 'ж', '中', '가', 'ｱ', '\u0301', '𝒜'];
const wordOf = (units: string[]) => fc.array(fc.constantFrom(...units), { maxLength: 20 }).map((u) => u.join('').slice(0, 20));
const asciiWord = wordOf(ASCII_UNITS);
const mixedWord = wordOf([...ASCII_UNITS, ...OTHER_UNITS]);
/** Words of 0 to 20 code units, mostly ASCII (the words the table holds). */
const anyWord = fc.oneof({ arbitrary: asciiWord, weight: 3 }, { arbitrary: mixedWord, weight: 1 });
const SEPARATORS = [' ', ', ', '. ', '! ', '\n', ' (', '... '];

/** A text of words drawn from `vocabulary` (so that words recur), as token positions shift from text to text. */
const textsOf = (vocabulary: string[]) =>
  fc.array(
    fc
      .array(fc.tuple(fc.nat(vocabulary.length - 1), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
      .map((parts) => parts.map(([i, s]) => vocabulary[i] + s).join('')),
    { maxLength: 12 },
  );

/** Ways to replace the tokenizer's hash: keep it; a few values (-1 probes from the last slot and wraps); one value for all. */
type HashMode = 'real' | 'few' | 'one';
const FEW = [-1, 0, 1 << 12, 0x7fffffff];
function forceHash(h: number, mode: HashMode): number {
  return mode === 'real' ? h : mode === 'one' ? 7 : FEW[(h >>> 0) % FEW.length]!;
}

/**
 * Looks every word token of `b` up as LexiconIndex.infoAt does (its hash forced by `mode`), and
 * checks the table's answer against `model`, the Map of what was added: on a miss the word is
 * added (unless the table is full) with the record `makeInfo` gives. Returns the mismatches.
 */
function lookUpAll(
  table: WordTable,
  model: Map<string, WordInfo>,
  b: TokenBuffer,
  mode: HashMode,
  makeInfo: (w: string) => WordInfo | undefined,
): string[] {
  const wrong: string[] = [];
  for (let t = 0; t < b.count; t++) {
    if (b.kind[t] !== WORD) continue;
    const word = b.word(t);
    if (word === '') wrong.push('an empty word token'); // never made: length 0 marks an empty slot
    if (b.flags[t]! & NON_ASCII) continue; // infoAt asks the string-keyed Map for these, never the table
    b.hash[t] = forceHash(b.hash[t]!, mode);
    const got = table.get(b, t);
    const want = model.get(word);
    if (got !== want)
      wrong.push(`${word}: ${got?.norm ?? (got === NOTHING ? 'NOTHING' : got)} for ${want?.norm ?? (want === NOTHING ? 'NOTHING' : want)}`);
    if (want === undefined && !table.full) {
      const info = makeInfo(word);
      if (info === undefined) continue; // a word only looked up
      table.add(b.hash[t]!, word, info);
      model.set(word, info);
    }
  }
  return wrong;
}

/** Each word gets a record of its own (its norm names it in a failure), a third of them the shared NOTHING. */
const recordFor = (w: string) => (w.length % 3 === 0 ? NOTHING : new WordInfo(w.length, NO_ROOTS, 0, w, false));

/** A pseudo-random generator for the big tables (deterministic: a failure reproduces). */
function randomWords(seed: number, count: number): string[] {
  let s = seed >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), s >>> 0);
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const seen = new Set<string>();
  while (seen.size < count) {
    let w = '';
    for (let n = 1 + (next() % 20); n > 0; n--) w += letters[next() % letters.length];
    seen.add(w);
  }
  return [...seen];
}

describe('WordTable', () => {
  it('answers what a Map of the added words answers, for any words, texts and hash collisions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anyWord, { minLength: 1, maxLength: 60 }).chain((vocabulary) => fc.tuple(textsOf(vocabulary), textsOf(vocabulary))),
        fc.constantFrom<HashMode>('real', 'few', 'one'),
        ([texts, probes], mode) => {
          const table = new WordTable();
          const model = new Map<string, WordInfo>();
          const b = new TokenBuffer(); // reused from text to text, as the tagger does (stale code units beyond each word)
          for (const text of texts) expect(lookUpAll(table, model, tokenizeInto(text, b, false), mode, recordFor)).toEqual([]);
          // again, every word now known, at other positions; then other texts, whose new words are only looked up
          for (const text of texts) expect(lookUpAll(table, model, tokenizeInto(`x ${text}`, b, false), mode, () => undefined)).toEqual([]);
          for (const text of probes) expect(lookUpAll(table, model, tokenizeInto(text, b, false), mode, () => undefined)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells apart words of one hash that differ in one code unit, at either end and at the inline limit', () => {
    const words = [
      'a',
      'b',
      'ab',
      'ba',
      'happy',
      'happx',
      'happ',
      'abcdefg',
      'abcdefh',
      'bbcdefg',
      'abcdefgh',
      'abcdefgi',
      'abcdefhh',
      'bbcdefgh',
    ];
    words.push(
      'abcdefghi',
      'abcdefghj',
      'abcdefgii',
      'bbcdefghi',
      'happiness',
      'happinesses',
      'happinessez',
      "don't",
      'don-t',
      'dont',
      '0123456789abcdefghij',
    );
    for (const mode of ['few', 'one'] as const) {
      const table = new WordTable();
      const model = new Map<string, WordInfo>();
      const b = new TokenBuffer();
      // every other word added, then all looked up: each absent word shares hash and length with a present one
      const added = words.filter((_, i) => i % 2 === 0);
      expect(lookUpAll(table, model, tokenizeInto(added.join(' '), b, false), mode, recordFor)).toEqual([]);
      expect(lookUpAll(table, model, tokenizeInto(words.join(' '), b, false), mode, () => undefined)).toEqual([]);
      expect(lookUpAll(table, model, tokenizeInto([...words].reverse().join(', '), b, false), mode, recordFor)).toEqual([]);
    }
  });

  it('keeps every word through several doublings, with colliding hashes', () => {
    // 20,000 words: 4,096 slots doubled four times; hashes cut to 16 bits collide by the thousand
    const words = randomWords(42, 20_000);
    const table = new WordTable();
    const model = new Map<string, WordInfo>();
    const b = tokenizeInto(words.join(' '), new TokenBuffer(), false);
    const cut = (h: number) => h & 0xffff;
    const pass = (makeInfo: (w: string) => WordInfo | undefined) => {
      const wrong: string[] = [];
      for (let t = 0; t < b.count; t++) {
        b.hash[t] = cut(b.hash[t]!);
        const got = table.get(b, t);
        const word = b.word(t);
        if (got !== model.get(word)) wrong.push(word);
        const info = got === undefined ? makeInfo(word) : undefined;
        if (info) (table.add(b.hash[t]!, word, info), model.set(word, info));
      }
      return wrong;
    };
    expect(pass(recordFor)).toEqual([]);
    expect(model.size).toBe(words.length);
    expect(pass(() => undefined)).toEqual([]);
    // words never added, of the same hashes' range, are not found
    const others = randomWords(7, 5_000).filter((w) => !model.has(w));
    tokenizeInto(others.join(' '), b, false);
    expect(pass(() => undefined)).toEqual([]);
  });

  it('becomes full at half of its 2^18 slots, and still answers right for the words it holds', () => {
    const words = randomWords(1, 140_000);
    const table = new WordTable();
    const model = new Map<string, WordInfo>();
    const b = tokenizeInto(words.join(' '), new TokenBuffer(), false);
    expect(lookUpAll(table, model, b, 'real', recordFor)).toEqual([]);
    expect(table.full).toBe(true);
    expect(model.size).toBe(1 << 17); // the words after that went to the string-keyed cache
    expect(lookUpAll(table, model, b, 'real', () => undefined)).toEqual([]);
  });

  it('compares any 16-bit code units, sign bit included (a buffer filled by hand)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 0x8000, 0xffff, 0x7fff)), {
            minLength: 1,
            maxLength: 20,
          }),
          {
            minLength: 1,
            maxLength: 40,
            selector: (u) => u.join(),
          },
        ),
        (words) => {
          const table = new WordTable();
          const model = new Map<string, WordInfo>();
          const b = new TokenBuffer();
          const lookUp = (units: number[], at: number) => {
            b.reset();
            b.chars.fill(0xffff);
            b.chars.set(units, at);
            b.push(at, at + units.length, WORD, 0, '', 7); // one hash for all
            return table.get(b, 0);
          };
          words.forEach((units, i) => {
            const key = String.fromCharCode(...units);
            if (i % 2 === 0) {
              const info = new WordInfo(i, NO_ROOTS, 0, key, false);
              table.add(7, key, info);
              model.set(key, info);
            }
          });
          for (const [i, units] of words.entries()) expect(lookUp(units, i % 5)).toBe(model.get(String.fromCharCode(...units)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('LexiconIndex.infoAt', () => {
  let index: LexiconIndex;
  beforeAll(async () => {
    const kb: KnowledgeBase = await fixtureKb();
    index = LexiconIndex.fromData(LexiconIndex.for(kb).data); // a table of its own, filled by this test's runs only
  });

  it('answers for every word token what the string-keyed look-up answers', () => {
    // lexicon words, cues and multiword parts among random ones, so that records are not all NOTHING
    const known = fc.constantFrom(
      'happy',
      'Happiness',
      'furious',
      'heartbroken',
      'fed',
      'up',
      'not',
      'very',
      'HOPE',
      'rage',
      'don’t',
      'sadness',
      'angry',
    );
    const word = fc.oneof(anyWord, known);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }).chain(textsOf), (texts) => {
        const b = new TokenBuffer();
        for (const text of [...texts, ...texts]) {
          tokenizeInto(text, b);
          for (let t = 0; t < b.count; t++) {
            if (b.kind[t] !== WORD) continue;
            const got = index.infoAt(b, t);
            const want = index.info(b.word(t));
            expect(got === NOTHING).toBe(want === NOTHING);
            const fields = (i: WordInfo) => [i.packed, i.mweRoots, i.mweMax, i.norm, i.inner, i.cue, i.modifier];
            expect(fields(got)).toEqual(fields(want));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
