// The audit's decisions file (default curation/en/audit.tsv): one judged match a line, appended as
// judgments are made, read back by `emokb audit --report`. Like the review decisions files it is
// TSV with a header whose `decision` column holds the verdict (here `right` or `wrong`), and an
// error names the file and line. A match is keyed by the corpus file, line, span, term, emotion
// IRI and seed; a key judged again later keeps its last judgment.
import { appendFile, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EmokbError } from '../errors.js';
import { tsvRows } from '../decisionsFile.js';
import { readInputFile } from '../readInput.js';

export const DEFAULT_DECISIONS = 'curation/en/audit.tsv';

export type Verdict = 'right' | 'wrong';

export interface AuditJudgment {
  corpus: string;
  /** `I/N` when the sample was drawn from a part of the corpus, else empty. */
  part: string;
  seed: number;
  line: number;
  start: number;
  end: number;
  /** The span as written. */
  text: string;
  /** The lexicon term that matched (its canonical form). */
  term: string;
  emotion: string;
  decision: Verdict;
  note: string;
  judge: string;
  time: string;
  /** What the judge was shown after the verdict: the emotion path, kind, via and rules. */
  path: string;
  kind: string;
  via: string;
  rules: string;
  /** How often the term matches in the sampled corpus (part), and all matches there: the report's weights. */
  termMatches: number;
  corpusMatches: number;
}

export const COLUMNS = [
  'corpus',
  'part',
  'seed',
  'line',
  'start',
  'end',
  'text',
  'term',
  'emotion',
  'decision',
  'note',
  'judge',
  'time',
  'path',
  'kind',
  'via',
  'rules',
  'termMatches',
  'corpusMatches',
] as const satisfies ReadonlyArray<keyof AuditJudgment>;

const NUMERIC = new Set(['seed', 'line', 'start', 'end', 'termMatches', 'corpusMatches']);

export function judgmentKey(j: Pick<AuditJudgment, 'corpus' | 'line' | 'start' | 'end' | 'term' | 'emotion' | 'seed'>): string {
  return [j.corpus, j.line, j.start, j.end, j.term, j.emotion, j.seed].join('\t');
}

/** A cell of one line: tabs and line breaks would break the row. */
export function cell(value: string | number): string {
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** `right`/`wrong` and their short forms; undefined for anything else. */
export function parseVerdict(value: string): Verdict | undefined {
  const v = value.trim().toLowerCase();
  if (['right', 'r', 'y', 'yes', '1'].includes(v)) return 'right';
  if (['wrong', 'w', 'n', 'no', '0'].includes(v)) return 'wrong';
  return undefined;
}

/** The judgments in a decisions file, the last one per key; an absent file has none. */
export async function readJudgments(file: string): Promise<AuditJudgment[]> {
  try {
    await stat(file);
  } catch {
    return [];
  }
  const text = await readInputFile(file, '--decisions');
  const byKey = new Map<string, AuditJudgment>();
  for (const { value, source } of tsvRows(text, file, 'corpus', COLUMNS.indexOf('decision'))) {
    const j: Record<string, unknown> = {};
    COLUMNS.forEach((c, i) => {
      const raw = value[i] ?? '';
      if (NUMERIC.has(c)) {
        if (!/^\d+$/.test(raw)) throw new EmokbError('BAD_INPUT', `${source}: column ${c} is "${raw}", not a whole number`, { file });
        j[c] = Number(raw);
      } else j[c] = raw;
    });
    const decision = parseVerdict(String(j.decision));
    if (!decision || !j.corpus || !j.term)
      throw new EmokbError(
        'BAD_INPUT',
        `${source}: expected ${COLUMNS.length} tab-separated columns (${COLUMNS.join(', ')}) with decision right or wrong`,
        { file },
      );
    j.decision = decision;
    const judgment = j as unknown as AuditJudgment;
    const key = judgmentKey(judgment);
    byKey.delete(key);
    byKey.set(key, judgment);
  }
  return [...byKey.values()];
}

/** Refuses, before any judging, a decisions file that could not be created: its directory is missing. */
export async function checkWritable(file: string, flag = '--decisions'): Promise<void> {
  try {
    if ((await stat(dirname(file))).isDirectory()) return;
  } catch {
    // missing: said below
  }
  throw new EmokbError(
    'BAD_INPUT',
    `${flag}: the directory of ${file} does not exist${flag === '--decisions' ? ' (run from the repository, or give --decisions FILE)' : ''}`,
    { file },
  );
}

/** Appends judgments (the header first when the file is new); refuses a file whose directory is missing. */
export async function appendJudgments(file: string, judgments: readonly AuditJudgment[]): Promise<void> {
  if (!judgments.length) return;
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  const exists = size !== undefined;
  if (!exists) await checkWritable(file);
  // A file edited by hand may lack its final newline: the first new row must not join its last.
  const lastByte = size ? await readLastByte(file) : '\n';
  const rows = judgments.map((j) => COLUMNS.map((c) => cell(j[c])).join('\t'));
  const text = `${exists ? (lastByte === '\n' ? '' : '\n') : `${COLUMNS.join('\t')}\n`}${rows.join('\n')}\n`;
  try {
    await appendFile(file, text, 'utf8');
  } catch (error) {
    throw new EmokbError('OUTPUT_FAILED', `--decisions: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file,
    });
  }
}

async function readLastByte(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer.toString('latin1');
  } finally {
    await handle.close();
  }
}
