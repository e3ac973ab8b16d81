// The time written into provenance (prov:generatedAtTime) by the pipelines and reviews: an explicit
// time (`--time`), else SOURCE_DATE_EPOCH, so that rebuilding the lexicon or the relations from
// their curation record gives byte-identical files, else now.
import { EmokbError } from '../errors.js';
import { resolve } from '../settings.js';

/** yyyy-mm-dd, or yyyy-mm-ddThh:mm[:ss[.fff]] with Z or an offset. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?$/;

export function provenanceTime(explicit?: string, flag = '--time'): string {
  if (explicit !== undefined) {
    // ISO 8601 with an explicit zone (or a date alone, read as UTC): Date's own parser also takes
    // "1", "March 7" and local times, which would make a "reproducible" time depend on the machine.
    const m = ISO_TIME.exec(explicit.trim());
    const time = new Date(explicit.trim());
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (!m || Number.isNaN(time.getTime()) || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
      throw new EmokbError('BAD_INPUT', `${flag}: "${explicit}" is not a date and time (ISO 8601, e.g. 2026-11-30T00:00:00Z)`, {
        option: flag,
      });
    }
    return time.toISOString();
  }
  // SOURCE_DATE_EPOCH through the settings table: a bad or empty one is refused naming it.
  return resolve('sourceDateEpoch', undefined).value ?? new Date().toISOString();
}
