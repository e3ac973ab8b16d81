// The streaming engine of `emokb tag`: reads inputs as byte chunks, splits lines, groups them into
// batches, tags batches on a worker pool (or in-process), and writes results in input order.
// Memory stays bounded by (batches in flight) x (batch size) + one over-long line's cap, whatever
// the input size: reading pauses while the pool is busy and while the output is not draining.
//
// Why piscina rather than bare worker_threads: it gives a pool with a task queue, promise-based
// dispatch, worker restart on a crash, and clean shutdown, so this file only adds what piscina does
// not know about: keeping output in input order and bounding work in flight.
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { SETTINGS } from '../settings.js';
import { EmokbError } from '../errors.js';
import type { LexiconData } from '../lexicon/types.js';
import { tagBatch, type BatchOutput, type BatchTask, type InputFormat } from './batch.js';
import type { ResolvedOptions } from './options.js';
import { Tagger } from './Tagger.js';
import { documentFrame, type OutputFormat } from './outputFormat.js';
import { useWinkDataSnapshot } from '../text/wordForms.js';

export interface StreamOptions {
  /** Input files; '-' or none: standard input. */
  files: string[];
  stdin: Readable;
  output: Writable;
  format: InputFormat;
  textField: string;
  idField: string;
  strict: boolean;
  options: ResolvedOptions;
  /** Default jsonl (see outputFormat.ts). */
  outputFormat?: OutputFormat;
  /** 0: tag in this thread; N >= 1: a pool of N worker threads. */
  workers: number;
  lexicon: LexiconData;
  /** The lemmatiser's data as JSON (`winkDataSnapshot`), so threads need not compile it. */
  winkData?: string;
  /** Lines per batch (default 2000) and bytes per batch (default 256 KiB), whichever is reached first. */
  batchLines?: number;
  batchBytes?: number;
  /** Young-generation heap of each worker thread, MB (default: the settings table's EMOKB_TAG_YOUNG_MB default). */
  youngGenerationMb?: number;
  /** A longer line is not kept: it becomes an error record (default 16 MiB). */
  maxLineBytes?: number;
  /** Called with bytes read so far and the total (when known: files only). */
  onProgress?: (read: number, total: number) => void;
  /** The input files' total size (`checkInputFiles`), for onProgress. */
  totalBytes?: number;
  /** Where the worker entry lives (tests of a build may point elsewhere). */
  workerFile?: string;
}

export interface StreamSummary {
  lines: number;
  documents: number;
  errors: number;
  bytes: number;
  /** Of the errors, lines that are not text (not valid UTF-8, or a NUL byte). */
  notText: number;
  /** JSON Lines: blank lines skipped (counted in `documents`, no record written). */
  skipped: number;
  /** Worker threads started: never more than batches (a 4-line file starts one, whatever --workers says). */
  workersStarted: number;
}

/** The worker thread entry of `emokb tag` (also the queue worker's threads: the same code tags). */
export const DEFAULT_WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
/** Output buffers larger than this (a batch with huge lines) are not kept for reuse. */
const MAX_SPARE_BYTES = 8 << 20;

/**
 * Checks that every input file (not '-') is a readable file, before anything is written (an
 * `--output` file is truncated when opened), and returns their total size. BAD_INPUT names the file.
 */
export async function checkInputFiles(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (file === '-') continue;
    try {
      const s = await stat(file);
      if (s.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      await access(file, constants.R_OK);
      total += s.size;
    } catch (error) {
      throw new EmokbError('BAD_INPUT', `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`, { file });
    }
  }
  return total;
}

export async function tagStream(o: StreamOptions): Promise<StreamSummary> {
  const batchLines = o.batchLines ?? 2000;
  const batchBytes = o.batchBytes ?? 256 << 10;
  const maxLineBytes = o.maxLineBytes ?? 16 << 20;
  const pool =
    o.workers > 0
      ? new Piscina({
          filename: o.workerFile ?? DEFAULT_WORKER,
          workerData: { lexicon: o.lexicon, winkData: o.winkData },
          // Threads start as batches arrive (piscina adds one per queued task up to maxThreads), so a
          // small input never pays for threads it cannot use: each holds its own tagger and lexicon,
          // about 40 MB (README, "Tagging a corpus").
          minThreads: 0,
          maxThreads: o.workers,
          idleTimeout: 60_000,
          // A small young generation: a batch's garbage is short-lived, and V8's default lets each
          // worker's heap balloon by tens of MB before collecting (peak memory is a target).
          resourceLimits: { maxYoungGenerationSizeMb: o.youngGenerationMb ?? SETTINGS.tagYoungMb.default },
        })
      : undefined;
  if (!pool && o.winkData !== undefined) useWinkDataSnapshot(o.winkData);
  const local = pool ? undefined : Tagger.fromData(o.lexicon);
  const maxInFlight = Math.max(2, o.workers * 3);
  const inFlight: Array<Promise<BatchOutput>> = [];
  const summary: StreamSummary = { lines: 0, documents: 0, errors: 0, bytes: 0, notText: 0, skipped: 0, workersStarted: 0 };

  // Output buffers come back here once written, and go out again with the next task (so the
  // worker writes into memory that already exists instead of allocating a buffer per batch).
  const spare: ArrayBuffer[] = [];
  const maxSpare = maxInFlight + 2;
  // A write that fails reports it in its callback, often after write() has returned true and the
  // batch moved on: the failure is kept, and the next write (or the end) rejects with it.
  let writeError: Error | undefined;
  const writeBytes = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (writeError) return reject(writeError);
      const recycle = () => {
        if (spare.length < maxSpare && bytes.buffer.byteLength <= MAX_SPARE_BYTES) spare.push(bytes.buffer as ArrayBuffer);
      };
      if (!bytes.length) {
        recycle();
        return resolve();
      }
      const ok = o.output.write(bytes, (error) => {
        if (!error) return recycle();
        writeError ??= error;
        reject(error);
      });
      if (ok) resolve();
      else o.output.once('drain', resolve);
    });

  /** Writes the oldest batch's output; with --strict, stops at its first malformed line. */
  const drainOne = async () => {
    const result = await inFlight.shift()!;
    await writeBytes(result.bytes);
    summary.errors += result.errors;
    summary.notText += result.notText ?? 0;
    summary.skipped += result.skipped ?? 0;
    if (result.stoppedAt) {
      throw new EmokbError('BAD_INPUT', `${result.stoppedAt.message} (--strict: stopped; results up to the line before it were written)`, {
        line: result.stoppedAt.line,
      });
    }
  };

  // Batches are whole lines of raw bytes (splitBatches): the main thread finds line ends and
  // counts lines, the worker decodes, splits, parses and tags.
  // EmotionML is one document: its head before the first record, its end after the last.
  const frame = documentFrame(o.outputFormat, o.lexicon, o.options.scheme);

  try {
    if (frame.head) await writeBytes(new TextEncoder().encode(frame.head));
    await splitBatches({ ...o, batchLines, batchBytes, maxLineBytes }, summary, async (batch) => {
      const out = spare.pop();
      const task: BatchTask = {
        bytes: batch.bytes,
        overlong: batch.overlong,
        firstLine: batch.firstLine,
        format: o.format,
        textField: o.textField,
        idField: o.idField,
        strict: o.strict,
        options: o.options,
        output: o.outputFormat,
        maxLineBytes,
        out,
      };
      inFlight.push(
        pool
          ? (pool.run(task, { transferList: out ? [batch.bytes.buffer, out] : [batch.bytes.buffer] }) as Promise<BatchOutput>)
          : Promise.resolve(tagBatch(local!, task)),
      );
      if (pool) summary.workersStarted = Math.max(summary.workersStarted, pool.threads.length);
      while (inFlight.length >= maxInFlight) await drainOne();
    });
    while (inFlight.length) await drainOne();
    if (frame.tail) await writeBytes(new TextEncoder().encode(frame.tail));
    return summary;
  } finally {
    // On a --strict stop, let batches still running finish quietly before closing the pool.
    await Promise.allSettled(inFlight);
    await pool?.destroy();
  }
}

/** A unit of input: whole lines as UTF-8 bytes, each ending in "\n" (see BatchTask). */
export interface InputBatch {
  bytes: Uint8Array<ArrayBuffer>;
  /** Indexes (within the batch) of lines too long to keep: each is an empty line here. */
  overlong: number[];
  /** Line number (1-based, counted over all inputs) of the batch's first line. */
  firstLine: number;
  lines: number;
}

export interface SplitOptions {
  files: string[];
  stdin: Readable;
  batchLines: number;
  batchBytes: number;
  maxLineBytes: number;
  onProgress?: (read: number, total: number) => void;
  totalBytes?: number;
  /**
   * Cut batches at exactly `batchLines` lines (`emokb tag submit --chunk-lines`). Without it a run
   * of short lines read at once may overshoot `batchLines` (within the byte budget): `emokb tag`
   * keeps that, cheaper, behaviour.
   */
  exactLines?: boolean;
}

/**
 * Reads the inputs in order and cuts them into batches of whole lines (at most `batchLines` lines
 * and about `batchBytes` bytes), numbering lines over all inputs; `onBatch` is awaited before
 * reading on, so a slow consumer slows the reading. A line longer than maxLineBytes is dropped as
 * it streams (an empty line flagged in `overlong`, for the tagger to report). `emokb tag` and
 * `emokb tag submit` both cut their input here: the same lines get the same numbers either way.
 */
export async function splitBatches(
  o: SplitOptions,
  summary: Pick<StreamSummary, 'lines' | 'documents' | 'bytes'>,
  onBatch: (batch: InputBatch) => Promise<void>,
): Promise<void> {
  const { batchLines, batchBytes, maxLineBytes } = o;
  const total = o.totalBytes ?? 0;
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let partsLines = 0;
  let overlong: number[] = [];
  let firstLine = 1;
  const submit = async () => {
    if (!partsLines) return;
    const bytes = new Uint8Array(partsBytes);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const batch: InputBatch = { bytes, overlong, firstLine, lines: partsLines };
    firstLine += partsLines;
    summary.documents += partsLines;
    parts = [];
    partsBytes = 0;
    partsLines = 0;
    overlong = [];
    await onBatch(batch);
  };
  /** Adds complete lines (a buffer ending in "\n" holding `count` lines). */
  const addLines = async (chunk: Buffer, count: number) => {
    parts.push(chunk);
    partsBytes += chunk.length;
    partsLines += count;
    summary.lines += count;
    if (partsLines >= batchLines || partsBytes >= batchBytes) await submit();
  };
  const NEWLINE = Buffer.from('\n');

  const inputs = o.files.length ? o.files : ['-'];
  for (const file of inputs) {
    const stream = file === '-' ? o.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
    // The unfinished last line of what was read so far, and whether it is being dropped.
    let carry: Buffer[] = [];
    let carryBytes = 0;
    let dropping = false;
    try {
      for await (const data of stream) {
        const chunk = typeof data === 'string' ? Buffer.from(data) : (data as Buffer);
        summary.bytes += chunk.length;
        o.onProgress?.(summary.bytes, total);
        let from = 0;
        // Line by line only up to the batch size: find where the batch can end, count lines there.
        while (from < chunk.length) {
          const nl = chunk.indexOf(10, from);
          if (nl < 0) {
            if (!dropping) {
              carry.push(chunk.subarray(from));
              carryBytes += chunk.length - from;
              if (carryBytes > maxLineBytes) {
                dropping = true;
                carry = [];
                carryBytes = 0;
              }
            }
            break;
          }
          if (dropping) {
            // The end of an over-long line: an empty line in the batch, flagged.
            overlong.push(partsLines);
            await addLines(NEWLINE, 1);
            dropping = false;
            from = nl + 1;
            continue;
          }
          if (carry.length) {
            carry.push(chunk.subarray(from, nl + 1));
            const line = Buffer.concat(carry);
            carry = [];
            carryBytes = 0;
            if (line.length - 1 > maxLineBytes) {
              overlong.push(partsLines);
              await addLines(NEWLINE, 1);
            } else await addLines(line, 1);
            from = nl + 1;
            continue;
          }
          // A run of whole lines: up to the last newline within the remaining batch budget.
          const budget = Math.max(1, batchBytes - partsBytes);
          const limit = Math.min(chunk.length, from + budget);
          let end = chunk.lastIndexOf(10, limit - 1);
          if (end < from) end = nl;
          let slice = chunk.subarray(from, end + 1);
          let count = 0;
          for (let i = slice.indexOf(10); i >= 0; i = slice.indexOf(10, i + 1)) {
            count++;
            // exactLines: the run ends at the batch's last line.
            if (o.exactLines && partsLines + count >= batchLines && i < slice.length - 1) {
              end = from + i;
              slice = chunk.subarray(from, end + 1);
              break;
            }
          }
          if (count > 0 && slice.length - 1 > maxLineBytes && count === 1) {
            overlong.push(partsLines);
            await addLines(NEWLINE, 1);
          } else await addLines(slice, count);
          from = end + 1;
        }
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
        throw new EmokbError('BAD_INPUT', `${file}: cannot read (${e.code})`, { file });
      }
      throw error;
    }
    // A last line without a newline.
    if (dropping) {
      overlong.push(partsLines);
      await addLines(NEWLINE, 1);
    } else if (carryBytes > 0) {
      await addLines(Buffer.concat([...carry, NEWLINE]), 1);
    }
  }
  await submit();
}
