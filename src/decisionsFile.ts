// The shape both review commands read decisions in (terms and edges): TSV rows or a JSON array,
// each row carrying the place it came from (`file:line` or `file[index]`) so an error can name it.
import { EmokbError } from './errors.js';

export interface Row<T> {
  value: T;
  source: string;
}

/**
 * TSV rows split on tabs; blank lines and `#` comments are skipped, and so is a first line whose
 * first column is `headerFirst` (case-insensitive) and whose `decisionColumn` says `decision`.
 */
export function tsvRows(text: string, file: string, headerFirst: string, decisionColumn: number): Array<Row<string[]>> {
  const out: Array<Row<string[]>> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const fields = line.split('\t');
    if (i === 0 && fields[0]?.toLowerCase() === headerFirst && fields[decisionColumn]?.toLowerCase() === 'decision') return;
    out.push({ value: fields, source: `${file}:${i + 1}` });
  });
  return out;
}

/** A JSON array of objects; anything else is a clear error naming the file. */
export function jsonRows(text: string, file: string, expected: string): Array<Row<Record<string, unknown>>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EmokbError('PARSE_ERROR', `${file}: not JSON: ${(error as Error).message}`, { file });
  }
  if (!Array.isArray(data)) throw new EmokbError('BAD_INPUT', `${file}: expected ${expected}`, { file });
  return data.map((d, i) => ({ value: (d ?? {}) as Record<string, unknown>, source: `${file}[${i}]` }));
}
