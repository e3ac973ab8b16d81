// One reading of a numeric flag for every command: a value that is not a number (a whole number,
// unless `fraction`), or is out of bounds, is BAD_INPUT naming the flag, the value and the range.
import { EmokbError } from '../errors.js';

export interface NumberBounds {
  min?: number;
  max?: number;
  /** Accept fractions (thresholds such as 0.3); default: whole numbers only. */
  fraction?: boolean;
}

export function numberFlag(value: string, flag: string, { min = 0, max, fraction = false }: NumberBounds = {}): number {
  const text = value.trim();
  const n = Number(text);
  // Decimal only (Number() also takes "0x1", "1e3" and " "), and whole numbers within exact range.
  const shaped = fraction ? /^-?(\d+\.?\d*|\.\d+)$/.test(text) : /^\d+$/.test(text) && Number.isSafeInteger(n);
  if (!shaped || n < min || (max !== undefined && n > max)) {
    const range = max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
    throw new EmokbError('BAD_INPUT', `${flag}: "${value}" is not a ${fraction ? 'number' : 'whole number'} ${range}`, { option: flag });
  }
  return n;
}
