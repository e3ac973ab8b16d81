// The streaming engine of `emokb tag`: reads inputs as byte chunks, splits lines, groups them into
// batches, tags batches on a worker pool (or in-process), and writes results in input order.
// Memory stays bounded by (batches in flight) x (batch size) + one over-long line's cap, whatever
// the input size: reading pauses while the pool is busy and while the output is not draining.
//
// Why piscina rather than bare worker_threads: it gives a pool with a task queue, promise-based
// dispatch, worker restart on a crash, and clean shutdown, so this file only adds what piscina does
// not know about: keeping output in input order and bounding work in flight.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { EmokbError } from '../errors.js';
import type { LexiconData } from '../lexicon/LexiconIndex.js';
import { tagBatch, type BatchOutput, type BatchTask, type InputFormat } from './batch.js';
import { Tagger, type ResolvedOptions } from './Tagger.js';

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
  /** 0: tag in this thread; N >= 1: a pool of N worker threads. */
  workers: number;
  lexicon: LexiconData;
  /** Lines per batch (default 1000) and characters per batch (default 1 MiB), whichever is reached first. */
  batchLines?: number;
  batchChars?: number;
  /** A longer line is not kept: it becomes an error record (default 16 MiB). */
  maxLineBytes?: number;
  /** Called with bytes read so far and the total (when known: files only). */
  onProgress?: (read: number, total: number) => void;
  /** Where the worker entry lives (tests of a build may point elsewhere). */
  workerFile?: string;
}

export interface StreamSummary {
  lines: number;
  documents: number;
  errors: number;
  bytes: number;
}

const DEFAULT_WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

export async function tagStream(o: StreamOptions): Promise<StreamSummary> {
  const batchLines = o.batchLines ?? 1000;
  const batchChars = o.batchChars ?? 1 << 20;
  const maxLineBytes = o.maxLineBytes ?? 16 << 20;
  const pool =
    o.workers > 0
      ? new Piscina({ filename: o.workerFile ?? DEFAULT_WORKER, workerData: { lexicon: o.lexicon }, minThreads: o.workers, maxThreads: o.workers, idleTimeout: 60_000 })
      : undefined;
  const local = pool ? undefined : Tagger.fromData(o.lexicon);
  const maxInFlight = Math.max(2, o.workers * 3);
  const inFlight: Array<Promise<BatchOutput>> = [];
  const summary: StreamSummary = { lines: 0, documents: 0, errors: 0, bytes: 0 };
  let total = 0;
  if (o.onProgress) for (const f of o.files) if (f !== '-') total += (await stat(f)).size;

  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (!chunk) return resolve();
      const ok = o.output.write(chunk, (error) => (error ? reject(error) : undefined));
      if (ok) resolve();
      else o.output.once('drain', resolve);
    });

  /** Writes the oldest batch's output; with --strict, stops at its first malformed line. */
  const drainOne = async () => {
    const result = await inFlight.shift()!;
    await write(result.output);
    summary.errors += result.errors;
    if (result.stoppedAt) {
      throw new EmokbError('BAD_INPUT', `${result.stoppedAt.message} (--strict: stopped; results up to the line before it were written)`, {
        line: result.stoppedAt.line,
      });
    }
  };

  let lines: Array<string | null> = [];
  let chars = 0;
  let firstLine = 1;
  const submit = async () => {
    if (!lines.length) return;
    const task: BatchTask = { lines, firstLine, format: o.format, textField: o.textField, idField: o.idField, strict: o.strict, options: o.options, maxLineBytes };
    firstLine += lines.length;
    summary.documents += lines.length;
    lines = [];
    chars = 0;
    inFlight.push(pool ? (pool.run(task) as Promise<BatchOutput>) : Promise.resolve(tagBatch(local!, task)));
    while (inFlight.length >= maxInFlight) await drainOne();
  };
  const pushLine = async (line: string | null) => {
    summary.lines++;
    lines.push(line);
    chars += line === null ? 0 : line.length;
    if (lines.length >= batchLines || chars >= batchChars) await submit();
  };

  try {
    const inputs = o.files.length ? o.files : ['-'];
    for (const file of inputs) {
      const stream = file === '-' ? o.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
      const decoder = new StringDecoder('utf8');
      let pending = '';
      let overlong = false;
      const emit = async (text: string) => {
        if (overlong) {
          overlong = false;
          return pushLine(null);
        }
        return pushLine(text.endsWith('\r') ? text.slice(0, -1) : text);
      };
      try {
        for await (const chunk of stream) {
          const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
          summary.bytes += buffer.length;
          o.onProgress?.(summary.bytes, total);
          const text = decoder.write(buffer);
          let from = 0;
          for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            const piece = text.slice(from, nl);
            await emit(pending ? pending + piece : piece);
            pending = '';
            from = nl + 1;
          }
          if (!overlong) {
            pending += text.slice(from);
            // An over-long line is dropped as it streams (bounded memory) and reported once it ends.
            if (pending.length > maxLineBytes) {
              overlong = true;
              pending = '';
            }
          }
        }
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
          throw new EmokbError('BAD_INPUT', `${file}: cannot read (${e.code})`, { file });
        }
        throw error;
      }
      const rest = pending + decoder.end();
      if (rest || overlong) await emit(rest);
    }
    await submit();
    while (inFlight.length) await drainOne();
    return summary;
  } finally {
    // On a --strict stop, let batches still running finish quietly before closing the pool.
    await Promise.allSettled(inFlight);
    await pool?.destroy();
  }
}
