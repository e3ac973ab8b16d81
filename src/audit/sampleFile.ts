// The blind sample for judging outside a terminal: `--write-sample FILE` writes each sampled match
// as the judge first sees it (the sentence around the span, the span, the emotion path) with empty
// `decision` and `note` columns and nothing about how it matched; `--judgments FILE` reads the same
// file back once the decisions are filled in. TSV, or JSON Lines for a name ending in .jsonl.
import { EmokbError } from '../errors.js';
import { tsvRows } from '../decisionsFile.js';
import { cell, parseVerdict, type Verdict } from './decisions.js';

export interface BlindRow {
  sample: number;
  corpus: string;
  part: string;
  seed: number;
  line: number;
  start: number;
  end: number;
  emotion: string;
  left: string;
  match: string;
  right: string;
  path: string;
}

export interface JudgedRow extends BlindRow {
  decision: Verdict;
  note: string;
  /** file:line of the row, for messages. */
  source: string;
}

export const BLIND_COLUMNS = [
  'sample',
  'corpus',
  'part',
  'seed',
  'line',
  'start',
  'end',
  'emotion',
  'left',
  'match',
  'right',
  'path',
  'decision',
  'note',
] as const;
const NUMERIC = new Set(['sample', 'seed', 'line', 'start', 'end']);

export const isJsonLines = (file: string) => /\.(jsonl|ndjson)$/i.test(file);

export function formatBlindSample(rows: readonly BlindRow[], file: string): string {
  if (isJsonLines(file)) return rows.map((r) => `${JSON.stringify({ ...r, decision: '', note: '' })}\n`).join('');
  const lines = rows.map((r) => BLIND_COLUMNS.map((c) => (c === 'decision' || c === 'note' ? '' : cell(r[c]))).join('\t'));
  return `${BLIND_COLUMNS.join('\t')}\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** The rows with a decision; rows left blank are counted, not returned. A malformed row names its line. */
export function parseJudgedSample(text: string, file: string): { judged: JudgedRow[]; blank: number } {
  const records: Array<{ value: Record<string, unknown>; source: string }> = [];
  if (isJsonLines(file)) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      const source = `${file}:${i + 1}`;
      try {
        const value = JSON.parse(line) as unknown;
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        records.push({ value: value as Record<string, unknown>, source });
      } catch (error) {
        throw new EmokbError('BAD_INPUT', `${source}: not a JSON object (${(error as Error).message})`, { file, line: i + 1 });
      }
    });
  } else {
    // A judge's spreadsheet may drop the empty trailing note column: pad to the full width.
    for (const { value, source } of tsvRows(text, file, 'sample', BLIND_COLUMNS.indexOf('decision'))) {
      records.push({ value: Object.fromEntries(BLIND_COLUMNS.map((c, i) => [c, value[i] ?? ''])), source });
    }
  }
  const judged: JudgedRow[] = [];
  let blank = 0;
  for (const { value, source } of records) {
    const row: Record<string, unknown> = { source };
    for (const c of BLIND_COLUMNS) {
      const raw = value[c] ?? '';
      if (NUMERIC.has(c)) {
        const n = typeof raw === 'number' ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
        if (!Number.isSafeInteger(n))
          throw new EmokbError(
            'BAD_INPUT',
            `${source}: ${c} is "${String(raw)}", not a whole number (is this a sample written by --write-sample?)`,
            { file },
          );
        row[c] = n;
      } else row[c] = String(raw);
    }
    const said = String(row.decision).trim();
    if (!said) {
      blank++;
      continue;
    }
    const decision = parseVerdict(said);
    if (!decision) throw new EmokbError('BAD_INPUT', `${source}: decision "${said}" is not right or wrong (r/w, y/n)`, { file });
    if (!row.corpus) throw new EmokbError('BAD_INPUT', `${source}: no corpus file named`, { file });
    judged.push({ ...(row as unknown as JudgedRow), decision, note: String(row.note).trim() });
  }
  return { judged, blank };
}
