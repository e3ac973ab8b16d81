// The integrity record's hash: a function of the set of lines only, updatable from a delta, and
// changed by the loss or alteration of any one line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, EMPTY_INTEGRITY, integrityOf } from '../../src/store/integrity.js';

describe('integrity record', () => {
  it('property: the record advanced by a delta equals the record of the resulting set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.uniqueArray(fc.string(), { maxLength: 10 }), (start, extra) => {
        const before = integrityOf(start, 1);
        const added = extra.filter((line) => !start.includes(line));
        const removed = start.slice(0, Math.floor(start.length / 2));
        const after = [...start.filter((l) => !removed.includes(l)), ...added];
        expect(advance(before, 2, added, removed)).toEqual(integrityOf([...after].reverse(), 2));
      }),
    );
  });

  it('property: dropping or altering one line changes the hash', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 40 }), fc.nat(), (lines, i) => {
        const k = i % lines.length;
        const whole = integrityOf(lines, 1).hash;
        expect(
          integrityOf(
            lines.filter((_, j) => j !== k),
            1,
          ).hash,
        ).not.toBe(whole);
        expect(
          integrityOf(
            lines.map((l, j) => (j === k ? `${l}x` : l)),
            1,
          ).hash,
        ).not.toBe(whole);
      }),
    );
  });

  it('an empty store has the empty record', () => {
    expect(integrityOf([], 0)).toEqual(EMPTY_INTEGRITY);
  });
});
