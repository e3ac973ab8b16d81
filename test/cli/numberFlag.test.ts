// One reading of numeric flags: decimal only, whole numbers within exact range, bounds named.
import { describe, expect, it } from 'vitest';
import { numberFlag } from '../../src/cli/numberFlag.js';

describe('numberFlag', () => {
  it('reads whole numbers and, when allowed, decimal fractions', () => {
    expect(numberFlag('12', '--n')).toBe(12);
    expect(numberFlag(' 0.25 ', '--x', { fraction: true, max: 1 })).toBe(0.25);
    expect(numberFlag('.5', '--x', { fraction: true })).toBe(0.5);
  });

  it('refuses what Number() alone would take, naming the flag, the value and the range', () => {
    expect(() => numberFlag('0x1', '--min-share', { fraction: true, max: 1 })).toThrow('--min-share: "0x1" is not a number from 0 to 1');
    expect(() => numberFlag('1e3', '--n', { fraction: true })).toThrow('is not a number >= 0');
    expect(() => numberFlag('', '--n', { fraction: true })).toThrow('--n: "" is not a number');
    expect(() => numberFlag('99999999999999999999', '--limit')).toThrow('--limit: "99999999999999999999" is not a whole number >= 0');
    expect(() => numberFlag('1.5', '--workers')).toThrow('is not a whole number');
    expect(() => numberFlag('70000', '--port', { max: 65535 })).toThrow('from 0 to 65535');
  });
});
