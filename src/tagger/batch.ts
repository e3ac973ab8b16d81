// One batch of input lines to one string of JSON Lines: the unit of work `emokb tag` hands to a
// worker thread (or runs in-process). Parsing happens here, in the worker, so the main thread only
// reads, splits and writes. A malformed line becomes an error record naming its line number;
// with `strict`, the batch stops at the first one and reports it instead.
import { serializeResult } from './serialize.js';
import { prepareOptions, type ResolvedOptions, type Tagger } from './Tagger.js';

export type InputFormat = 'text' | 'jsonl';

export interface BatchTask {
  /**
   * Input lines without their line terminators; `null` marks a line that was too long to keep.
   * Or `bytes` instead: UTF-8 of whole lines, each ending in "\n" (the worker decodes and splits,
   * so the main thread only moves bytes; the buffer is transferred, not copied).
   */
  lines?: Array<string | null>;
  bytes?: Uint8Array;
  /** With `bytes`: indexes (within this batch) of lines that were too long and left out. */
  overlong?: number[];
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
  /** JSON Lines, each terminated by "\n" (possibly empty); or as UTF-8 in `bytes` (from a worker). */
  output: string;
  bytes?: Uint8Array;
  /** Number of error records written (or, with `strict`, 1 when the batch stopped). */
  errors: number;
  /** With `strict`: the first malformed line; `output` then holds only the lines before it. */
  stoppedAt?: { line: number; message: string };
}

export function errorRecord(line: number, message: string, id: unknown = null): string {
  return JSON.stringify({ id, line, error: { code: 'BAD_INPUT', message } });
}

/** Lines of a task: given, or decoded from its bytes. */
export function taskLines(task: BatchTask): Array<string | null> {
  if (task.lines) return task.lines;
  if (!task.bytes) return [];
  const text = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength).toString('utf8');
  const lines: Array<string | null> = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  for (const i of task.overlong ?? []) lines[i] = null;
  return lines;
}

export function tagBatch(tagger: Tagger, task: BatchTask): BatchOutput {
  const parts: string[] = [];
  const lines = taskLines(task);
  let errors = 0;
  // Resolved once per batch (validation skipped per line); only `id` changes from line to line.
  const options = prepareOptions(task.options);
  // Most documents match nothing, and their line differs only in the id: write it from a template.
  options.id = null;
  const emptyTail = options.perSentence ? undefined : JSON.stringify(tagger.tag('', options)).slice('{"id":null'.length);
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = task.firstLine + i;
    const line = lines[i] as string | null;
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
    const result = tagger.tag(text, options);
    parts.push(
      emptyTail !== undefined && result.dominant.primary === null && !result.matches?.length
        ? `{"id":${JSON.stringify(options.id)}${emptyTail}\n`
        : `${serializeResult(result)}\n`,
    );
  }
  return { output: parts.join(''), errors };
}
