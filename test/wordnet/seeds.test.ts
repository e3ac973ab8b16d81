// Seed senses (src/wordnet/seeds.ts): the WordNet senses an emotion's label stands for, chosen on
// the small WordNet fixture that the expansion tests share.
import { describe, expect, it } from 'vitest';
import { Emotionality } from '../../src/wordnet/emotional.js';
import { chooseSeeds } from '../../src/wordnet/seeds.js';
import { fixtureKb, fixtureWordNet } from '../expansion/fixtures.js';

function resources() {
  const wn = fixtureWordNet();
  return { wn, emotionality: new Emotionality(wn) };
}

describe('seeds', () => {
  it('takes "rage" the feeling, not "rage" the fashion', () => {
    const r = resources();
    const kb = fixtureKb();
    const seed = chooseSeeds(r.wn, r.emotionality, kb.resolve('rage-secondary'));
    expect(seed.synsets.map((s) => s.name)).toEqual(['fury.n.01']);
  });

  it('leaves an emotion without an emotional WordNet sense unseeded', () => {
    const r = resources();
    const seed = chooseSeeds(r.wn, r.emotionality, fixtureKb().resolve('grouchiness'));
    expect(seed.synsets).toEqual([]);
  });
});
