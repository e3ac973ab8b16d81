// Properties over generated text: offsets always point at the matched text, and the scores are
// exactly the roll-up of the counted matches, normalised per tier.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TIERS } from '../../src/kb/Emotion.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { NegationPolicy, QuestionCue } from '../../src/tagger/types.js';
import { fixtureKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await fixtureKb());
});

// Lexicon words in many spellings, cues, and noise, joined by varied separators.
const WORDS = [
  'sad',
  'SAD',
  'Sadness',
  'joy',
  'happy',
  'angrily',
  'terrified',
  'fed up',
  'fed up with everything',
  'heart-broken',
  'heartbroken',
  "can't stand",
  'cant stand',
  'funeral',
  'really',
  'what',
  'seriously',
  'him',
  'you did',
  'bittersweet',
  'hope',
  'seething',
  'boiling over',
  'rage',
  'fury',
  'not',
  "don't",
  'never',
  'very',
  'a bit',
  'kind of',
  'but',
  'the',
  'and',
  'x',
  '3.5',
  'Mr.',
  'é',
  '中文',
  '😀',
  '\ud800',
  '\u0000',
];
const SEPARATORS = [' ', '  ', ', ', '. ', '! ', '? ', '?! ', '?? ', '\n', '-', "'", '’', '', ' — ', '...'];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const anyText = fc.oneof(textArb, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
const optionsArb = fc.record({
  negation: fc.constantFrom<NegationPolicy>('exclude', 'opposite', 'off'),
  intensity: fc.boolean(),
  emphasis: fc.boolean(),
  // weights that add up unevenly (0.5 + 0.42 vs 0.92) test the tie tolerance of dominant and key order
  evokesFactor: fc.constantFrom(0.5, 1, 0.3, 0.84),
  questionCue: fc.constantFrom<QuestionCue>('incredulity', 'any'),
  defaultNarrower: fc.boolean(),
});

describe('properties', () => {
  it('every match slices back to its text, inside the input, in order', () => {
    fc.assert(
      fc.property(anyText, optionsArb, (text, options) => {
        const r = tagger.tag(text, options);
        let last = -1;
        for (const m of r.matches!) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.start).toBeLessThan(m.end);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.start;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('scores are the per-tier normalised roll-up of the counted matches, and dominant follows them', () => {
    fc.assert(
      fc.property(textArb, optionsArb, (text, options) => {
        const r = tagger.tag(text, options);
        const raw = TIERS.map(() => new Map<string, number>());
        const tierOf = new Map(TIERS.map((t, i) => [t, i] as const));
        for (const m of r.matches!) {
          if (m.negated && !m.countedAs) continue;
          // an opposite is counted at its own (primary) tier; a default narrower reading along its path
          const path = m.negated ? [m.countedAs!] : (m.readAs ?? m.path);
          const tiers = m.negated ? [0] : path.map((_, i) => i);
          path.forEach((label, i) => raw[tiers[i]!]!.set(label, (raw[tiers[i]!]!.get(label) ?? 0) + m.weight));
        }
        for (const tier of TIERS) {
          const expected = raw[tierOf.get(tier)!]!;
          const total = [...expected.values()].reduce((a, b) => a + b, 0);
          const got = r.scores[tier]!;
          expect(Object.keys(got).sort()).toEqual([...expected.keys()].sort());
          for (const [label, value] of expected) expect(got[label]).toBeCloseTo(value / total, 2);
          const sum = Object.values(got).reduce((a, b) => a + b, 0);
          if (expected.size) expect(sum).toBeCloseTo(1, 2);
        }
        // dominant: a top-scoring primary; secondary and tertiary lie under it
        const primary = r.scores.primary!;
        if (r.dominant.primary === null) expect(Object.keys(primary)).toEqual([]);
        else expect(primary[r.dominant.primary]).toBeCloseTo(Math.max(...Object.values(primary)), 3);
        // each tier is listed best first by the dominant's tie rule: the first primary key is it
        expect(Object.keys(primary)[0] ?? null).toBe(r.dominant.primary);
        for (const tier of TIERS) {
          const values = Object.values(r.scores[tier]!);
          values.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(values[i]!));
        }
        if (r.dominant.secondary) expect(r.scores.secondary![r.dominant.secondary]).toBeGreaterThan(0);
        if (r.dominant.tertiary) expect(r.dominant.secondary).not.toBeNull();
        // with default narrower readings (on unless the options turn them off), a text with a
        // primary has every tier (only a negated match counted toward an opposite stops short)
        if (r.dominant.primary !== null && options.defaultNarrower !== false && !r.matches!.some((m) => m.negated)) {
          expect(r.dominant.tertiary).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of previous calls (scratch state is reset)', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const first = tagger.tag(a);
        tagger.tag(b, { perSentence: true });
        expect(tagger.tag(a)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the tokenizer hash', () => {
  it('equals the hash of the normalised word for every word token', async () => {
    const { TokenBuffer, hashWord, tokenizeInto, WORD } = await import('../../src/text/tokenize.js');
    const b = new TokenBuffer();
    fc.assert(
      fc.property(anyText, (text) => {
        tokenizeInto(text, b);
        for (let t = 0; t < b.count; t++) {
          if (b.kind[t] !== WORD) continue;
          expect(b.hash[t]).toBe(hashWord(b.word(t)));
          expect(b.wordEquals(t, b.word(t))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the JSON Lines serializer', () => {
  it('the byte writer of `emokb tag` writes exactly the UTF-8 of JSON.stringify(tag())', async () => {
    const { ByteWriter } = await import('../../src/tagger/serialize.js');
    const { prepareOptions } = await import('../../src/tagger/options.js');
    const w = new ByteWriter(8); // tiny: every document makes it grow
    const tierSets = [undefined, ['primary', 'tertiary'], ['secondary'], []] as const;
    fc.assert(
      fc.property(
        anyText,
        optionsArb,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...tierSets),
        fc.oneof(fc.constant(null), fc.string({ unit: 'binary' }), fc.integer(), fc.double()),
        (text, options, perSentence, matches, tiers, id) => {
          const o = { ...options, perSentence, matches, id, tiers: tiers as never, minScore: perSentence ? 0.2 : 0 };
          w.pos = 0;
          tagger.writeJson(text, prepareOptions(o), w);
          expect(Buffer.from(w.view()).equals(Buffer.from(JSON.stringify(tagger.tag(text, o)), 'utf8'))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
