// Hostile and unusual text never crashes the tagger and always gives a well-formed result.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagResult } from '../../src/tagger/types.js';
import { fixtureKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await fixtureKb());
});

function wellFormed(text: string, r: TagResult) {
  expect(Object.keys(r.dominant).sort()).toEqual(['primary', 'secondary', 'tertiary']);
  for (const m of r.matches ?? []) expect(text.slice(m.start, m.end)).toBe(m.text);
  expect(() => JSON.stringify(r)).not.toThrow();
}

const cases: Array<[string, string]> = [
  ['empty', ''],
  ['only punctuation', '?!.,;:()[]"\'-—…'],
  ['1 MB of one character', 'a'.repeat(1 << 20)],
  ['1 MB of one letter-with-space', 'sad '.repeat(1 << 18)],
  ['1 MB of hyphens', '-'.repeat(1 << 20)],
  ['1 MB of apostrophes between letters', "a'".repeat(1 << 19)],
  ['lone surrogates', '\ud800 sad \udc00 happy \ud83d'],
  ['control characters', '\u0000\u0001sad\u0007\u001b[31mjoy\u007f\u0085'],
  ['right-to-left', 'אני עצוב مرحبا بالعالم \u202e sad \u202c'],
  ['CJK', '我很难过。とても悲しい！슬퍼요'],
  ['emoji and ZWJ sequences', '😢😡👨‍👩‍👧 sad 🏳️‍🌈 joy'],
  ['combining marks', 'sa\u0301d joy\u0308'],
  ['only whitespace', ' \t\n\r\u00a0\u2028 '],
];

describe('bad input', () => {
  for (const [name, text] of cases) {
    it(`${name}: a valid result`, () => {
      const r = tagger.tag(text, { perSentence: true });
      wellFormed(text, r);
    });
  }

  it('1 MB of one character is tagged quickly enough for a request (no quadratic path)', () => {
    const r = tagger.tag('x'.repeat(1 << 20));
    expect(r.dominant.primary).toBeNull();
  });

  it('finds emotions next to hostile characters', () => {
    expect(tagger.tag('\u0000sad\u0000').dominant.primary).toBe('sadness');
    expect(tagger.tag('😢sad😢').dominant.primary).toBe('sadness');
  });
});
