// The provenance time of pipeline and review writes: explicit, else SOURCE_DATE_EPOCH, else now.
import { afterEach, describe, expect, it } from 'vitest';
import { EmokbError } from '../../src/errors.js';
import { provenanceTime } from '../../src/rdf/provenanceTime.js';

afterEach(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});

describe('provenanceTime', () => {
  it('takes an explicit time, else SOURCE_DATE_EPOCH, else now', () => {
    process.env.SOURCE_DATE_EPOCH = '1764460800';
    expect(provenanceTime('2026-01-02T03:04:05+01:00')).toBe('2026-01-02T02:04:05.000Z');
    expect(provenanceTime()).toBe('2025-11-30T00:00:00.000Z');
    delete process.env.SOURCE_DATE_EPOCH;
    const before = Date.now();
    expect(Date.parse(provenanceTime())).toBeGreaterThanOrEqual(before);
  });

  it('refuses a time or an epoch that is not one, naming it', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(EmokbError);
        expect((error as EmokbError).code).toBe('BAD_INPUT');
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(refused(() => provenanceTime('yesterday'))).toBe(
      '--time: "yesterday" is not a date and time (ISO 8601, e.g. 2026-11-30T00:00:00Z)',
    );
    // what Date alone would take: a number, a month name, a local time, a day that rolls over
    for (const loose of ['1', 'March 7', '2026-11-30T10:00', '2026-02-30'])
      expect(refused(() => provenanceTime(loose))).toMatch(/is not a date and time/);
    expect(provenanceTime('2026-11-30')).toBe('2026-11-30T00:00:00.000Z');
    process.env.SOURCE_DATE_EPOCH = 'soon';
    expect(refused(() => provenanceTime())).toMatch(/^SOURCE_DATE_EPOCH: "soon" is not a whole number/);
    process.env.SOURCE_DATE_EPOCH = '99999999999999';
    expect(refused(() => provenanceTime())).toMatch(/^SOURCE_DATE_EPOCH: "99999999999999" is not a whole number/);
  });
});
