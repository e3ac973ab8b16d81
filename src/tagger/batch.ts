// One batch of input lines to one string of JSON Lines: the unit of work `emokb tag` hands to a
// worker thread (or runs in-process). Parsing happens here, in the worker, so the main thread only
// reads, splits and writes. A malformed line becomes an error record naming its line number;
// with `strict`, the batch stops at the first one and reports it instead.
import { prepareOptions, type ResolvedOptions, type Tagger } from './Tagger.js';

export type InputFormat = 'text' | 'jsonl';

export interface BatchTask {
  /** Input lines without their line terminators; `null` marks a line that was too long to keep. */
  lines: Array<string | null>;
  /** Line number (1-based, counted over all inputs) of `lines[0]`. */
  firstLine: number;
  format: InputFormat;
  textField: string;
  idField: string;
  strict: boolean;
  options: ResolvedOptions;
  /** For error messages about over-long lines. */
  maxLineBytes: number;
}

export interface BatchOutput {
  /** JSON Lines, each terminated by "\n" (possibly empty). */
  output: string;
  /** Number of error records written (or, with `strict`, 1 when the batch stopped). */
  errors: number;
  /** With `strict`: the first malformed line; `output` then holds only the lines before it. */
  stoppedAt?: { line: number; message: string };
}

export function errorRecord(line: number, message: string, id: unknown = null): string {
  return JSON.stringify({ id, line, error: { code: 'BAD_INPUT', message } });
}

export function tagBatch(tagger: Tagger, task: BatchTask): BatchOutput {
  const parts: string[] = [];
  let errors = 0;
  // Resolved once per batch (validation skipped per line); only `id` changes from line to line.
  const options = prepareOptions(task.options);
  for (let i = 0; i < task.lines.length; i++) {
    const lineNumber = task.firstLine + i;
    const line = task.lines[i] as string | null;
    let text: string;
    let id: unknown = lineNumber;
    let problem: string | undefined;
    if (line === null) {
      problem = `line ${lineNumber}: longer than ${task.maxLineBytes} bytes; skipped`;
      text = '';
    } else if (task.format === 'text') {
      text = line;
    } else {
      if (line.trim() === '') continue; // blank lines between JSON records carry nothing
      text = '';
      try {
        const record: unknown = JSON.parse(line);
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          problem = `line ${lineNumber}: expected a JSON object with a "${task.textField}" field`;
        } else {
          const r = record as Record<string, unknown>;
          const value = r[task.textField];
          if (r[task.idField] !== undefined) id = r[task.idField];
          if (typeof value !== 'string') problem = `line ${lineNumber}: field "${task.textField}" is ${value === undefined ? 'missing' : `not a string (${value === null ? 'null' : typeof value})`}`;
          else text = value;
        }
      } catch (error) {
        problem = `line ${lineNumber}: not valid JSON (${(error as Error).message})`;
      }
    }
    if (problem !== undefined) {
      errors++;
      if (task.strict) return { output: parts.join(''), errors, stoppedAt: { line: lineNumber, message: problem } };
      parts.push(`${errorRecord(lineNumber, problem, id === lineNumber ? null : id)}\n`);
      continue;
    }
    options.id = typeof id === 'string' || typeof id === 'number' ? id : id == null ? null : JSON.stringify(id);
    parts.push(`${JSON.stringify(tagger.tag(text, options))}\n`);
  }
  return { output: parts.join(''), errors };
}
