// The time written into provenance (prov:generatedAtTime) by the pipelines and reviews: an explicit
// time (`--time`), else SOURCE_DATE_EPOCH, so that rebuilding the lexicon or the relations from
// their curation record gives byte-identical files, else now.
import { EmokbError } from '../errors.js';

export function provenanceTime(explicit?: string, flag = '--time'): string {
  if (explicit !== undefined) {
    const time = new Date(explicit);
    if (Number.isNaN(time.getTime())) throw new EmokbError('BAD_INPUT', `${flag}: "${explicit}" is not a date and time (ISO 8601, e.g. 2026-11-30T00:00:00Z)`, { option: flag });
    return time.toISOString();
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  const time = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch.trim()) || Number.isNaN(time.getTime())) {
    throw new EmokbError('BAD_INPUT', `SOURCE_DATE_EPOCH: "${epoch}" is not a whole number of seconds since 1970 (up to year 275760)`, { variable: 'SOURCE_DATE_EPOCH' });
  }
  return time.toISOString();
}
