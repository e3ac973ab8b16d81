import { describe, expect, it } from 'vitest';
import { WordClasses } from '../../src/lexicon/wordClasses.js';

describe('WordClasses (WordNet SemCor counts by part of speech)', () => {
  const wn = WordClasses.load();

  it("sums a word's tagged uses by part of speech, satellites as adjectives", () => {
    const [noun, verb, adjective] = wn.counts('wonder');
    expect(verb).toBeGreaterThan(noun);
    expect(adjective).toBe(0);
    expect(wn.counts('happy')[2]).toBeGreaterThan(0);
    expect(wn.counts('happy')[0] + wn.counts('happy')[1]).toBe(0);
  });

  it('finds the first and a word next to longer ones, and nothing for an unknown word', () => {
    // "good%" lines sit beside "good-for-nothing%" and "good_faith%": only good's own count
    expect(wn.counts('good')[2]).toBeGreaterThan(100);
    expect(wn.counts('zzzzqx')).toEqual([0, 0, 0, 0]);
    expect(wn.counts("'hood")).toEqual(expect.any(Array));
  });
});
