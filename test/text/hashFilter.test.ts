// The hash filter is a fast path before a Set<number>: it may say "maybe" for a hash not in the
// set, never "no" for one that is (else the valence fallback would miss a word).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashFilter } from '../../src/text/hashFilter.js';
import { hashWord } from '../../src/text/tokenBuffer.js';

describe('HashFilter', () => {
  it('never says "no" to a hash it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 2000 }), (hashes) => {
        const filter = new HashFilter(hashes);
        for (const h of hashes) expect(filter.mayHave(h)).toBe(true);
      }),
    );
  });

  it('says "no" to most words outside a small set', () => {
    const filter = new HashFilter(['brave', 'talented', 'awful'].map(hashWord));
    const others = ['the', 'i', 'to', 'a', 'you', 'that', 'in', 'for', 'was', 'my', 'not', 'be', 'on', 'so', 'have'];
    expect(others.filter((w) => filter.mayHave(hashWord(w))).length).toBeLessThan(2);
    expect(filter.mayHave(hashWord('talented'))).toBe(true);
  });
});
