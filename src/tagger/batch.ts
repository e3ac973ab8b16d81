// One batch of input lines to JSON Lines as UTF-8 bytes: the unit of work `emokb tag` hands to a
// worker thread (or runs in-process). Parsing happens here, in the worker, so the main thread only
// reads, splits and writes. A malformed line becomes an error record naming its line number;
// with `strict`, the batch stops at the first one and reports it instead.
import { isUtf8 } from 'node:buffer';
import { ByteWriter } from './serialize.js';
import { prepareOptions, type ResolvedOptions } from './options.js';
import type { Tagger } from './Tagger.js';
import { needsRecords, RecordWriter, type OutputFormat } from './outputFormat.js';

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
  /** Default jsonl (see outputFormat.ts). */
  output?: OutputFormat;
  /** For error messages about over-long lines. */
  maxLineBytes: number;
  /** A buffer to write the output into (handed back by the main thread for reuse; it may outgrow it). */
  out?: ArrayBuffer;
}

export interface BatchOutput {
  /** JSON Lines as UTF-8, each terminated by "\n" (possibly empty). */
  bytes: Uint8Array;
  /** Number of error records written (or, with `strict`, 1 when the batch stopped). */
  errors: number;
  /** Of those, lines that are not text: not valid UTF-8, or holding a NUL byte (binary input). */
  notText?: number;
  /** JSON Lines: blank lines, skipped (no record). */
  skipped?: number;
  /** With `strict`: the first malformed line; `bytes` then holds only the lines before it. */
  stoppedAt?: { line: number; message: string };
}

export function errorRecord(line: number, message: string, id: unknown = null): string {
  return JSON.stringify({ id, line, error: { code: 'BAD_INPUT', message } });
}

/**
 * Lines of a task: given, or decoded from its bytes line by line (a line of ASCII, the common case,
 * decodes on V8's fast path into a compact string; decoding the batch at once would make the whole
 * batch a two-byte string as soon as one character is not ASCII). A "\r" before "\n" is dropped.
 * A line that is not text (not valid UTF-8, or holding a NUL byte) is left as "" and, when
 * `notText` is given, recorded there by its index: decoding it would tag U+FFFD replacement
 * characters as if they were what the file says.
 */
export function taskLines(task: BatchTask, notText?: Map<number, string>): Array<string | null> {
  if (task.lines) return task.lines;
  if (!task.bytes) return [];
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const lines: Array<string | null> = [];
  if (bytes.length === 0) lines.push('');
  // One check of the whole batch (simdutf, a few GB/s); lines are looked at one by one only in a
  // batch that fails it.
  const check = notText !== undefined && (!isUtf8(bytes) || bytes.includes(0));
  let from = 0;
  for (;;) {
    const nl = bytes.indexOf(10, from);
    const end = nl < 0 ? bytes.length : nl;
    if (nl < 0 && from >= bytes.length) break;
    const problem = check ? notTextProblem(bytes.subarray(from, end)) : undefined;
    if (problem) notText!.set(lines.length, problem);
    lines.push(problem ? '' : bytes.toString('utf8', from, end > from && bytes[end - 1] === 13 ? end - 1 : end));
    if (nl < 0) break;
    from = nl + 1;
  }
  for (const i of task.overlong ?? []) lines[i] = null;
  return lines;
}

function notTextProblem(line: Buffer): string | undefined {
  if (line.includes(0)) return 'holds a NUL byte: binary input, not text';
  if (!isUtf8(line)) return 'is not valid UTF-8 text: binary input, or another encoding (convert it first, e.g. iconv -f latin1 -t utf-8)';
  return undefined;
}

/**
 * Tags a batch into `out` (a fresh writer when not given): JSON Lines as UTF-8, never as strings.
 * The returned `bytes` is a view of the writer's buffer.
 */
export function tagBatch(tagger: Tagger, task: BatchTask, out?: ByteWriter): BatchOutput {
  const notText = new Map<number, string>();
  const lines = taskLines(task, notText);
  const w = out ?? new ByteWriter(task.out ? new Uint8Array(task.out) : Math.max(1 << 16, (task.bytes?.length ?? 0) * 4));
  let errors = 0;
  let skipped = 0;
  // Resolved once per batch (validation skipped per line); only `id` changes from line to line.
  const options = prepareOptions(task.options);
  const records = needsRecords(task.output, options) ? recordWriter(tagger, task.output ?? 'jsonl', options.scheme) : undefined;
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = task.firstLine + i;
    const line = lines[i] as string | null;
    let text: string;
    let id: unknown = lineNumber;
    let problem: string | undefined;
    if (line === null) {
      problem = `line ${lineNumber}: longer than ${task.maxLineBytes} bytes; skipped`;
      text = '';
    } else if (notText.has(i)) {
      problem = `line ${lineNumber}: ${notText.get(i)}`;
      text = '';
    } else if (task.format === 'text') {
      text = line;
    } else {
      if (line.trim() === '') {
        skipped++; // blank lines between JSON records carry nothing (counted, so the summary adds up)
        continue;
      }
      text = '';
      try {
        const record: unknown = JSON.parse(line);
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          problem = `line ${lineNumber}: expected a JSON object with a "${task.textField}" field`;
        } else {
          const r = record as Record<string, unknown>;
          const value = r[task.textField];
          if (r[task.idField] !== undefined) id = r[task.idField];
          if (typeof value !== 'string')
            problem = `line ${lineNumber}: field "${task.textField}" is ${value === undefined ? 'missing' : `not a string (${value === null ? 'null' : typeof value})`}`;
          else text = value;
        }
      } catch (error) {
        problem = `line ${lineNumber}: not valid JSON (${(error as Error).message})`;
      }
    }
    if (problem !== undefined) {
      errors++;
      if (task.strict)
        return { bytes: w.view(), errors, notText: notText.size, skipped, stoppedAt: { line: lineNumber, message: problem } };
      const record = errorRecord(lineNumber, problem, id === lineNumber ? null : id);
      if (records) records.error(w, problem, record);
      else w.utf8(`${record}\n`);
      continue;
    }
    options.id = typeof id === 'string' || typeof id === 'number' ? id : id == null ? null : JSON.stringify(id);
    if (records) {
      records.record(w, text, options);
      continue;
    }
    tagger.writeJson(text, options, w);
    w.bytes(NEWLINE);
  }
  return { bytes: w.view(), errors, notText: notText.size, skipped };
}

const NEWLINE = Uint8Array.of(10);

const writers = new WeakMap<Tagger, Map<string, RecordWriter>>();

/** One record writer per tagger, format and scheme (a worker thread tags many batches). */
function recordWriter(tagger: Tagger, format: OutputFormat, scheme: string | null): RecordWriter {
  let byKey = writers.get(tagger);
  if (!byKey) writers.set(tagger, (byKey = new Map()));
  const key = `${format} ${scheme ?? ''}`;
  let writer = byKey.get(key);
  if (!writer) byKey.set(key, (writer = new RecordWriter(tagger, format, scheme)));
  return writer;
}
