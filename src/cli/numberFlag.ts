// One reading of a numeric flag for every command: a value that is not a number (a whole number,
// unless `fraction`), or is out of bounds, is BAD_INPUT naming the flag, the value and the range.
// The same parser as the settings table's (src/settings.ts), so a flag reads alike everywhere.
import { fieldError } from '../errors.js';
import { parseNumber, Refused, type NumberBounds } from '../settingParsers.js';

export type { NumberBounds };

export function numberFlag(value: string, flag: string, bounds: NumberBounds = {}): number {
  try {
    return parseNumber(value, bounds);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    throw fieldError('BAD_INPUT', flag, `"${value}" ${error.message}`, { option: flag });
  }
}
