// `emokb tag submit|worker|status|collect`: bulk tagging over a BullMQ job queue on Redis, for
// corpora too large for one machine (README, "Bulk tagging on a job queue"). The input is cut and
// tagged by the code `emokb tag` runs, so `collect` writes exactly what `emokb tag` would. The
// queue modules (bullmq, ioredis) are loaded only when one of these commands runs: a plain
// `emokb tag` pays nothing for them.
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { optionFor, resolve as resolveSetting } from '../settings.js';
import type { QueueAddress } from '../settingParsers.js';
import type { QueueConnection } from '../queue/connection.js';
import { EmokbError } from '../errors.js';
import { checkInputFiles } from '../tagger/stream.js';
import { documentFrame } from '../tagger/outputFormat.js';
import type { LexiconData } from '../lexicon/types.js';
import type { GlobalOptions } from './context.js';
import { numberFlag } from './numberFlag.js';
import { MAX_WORKERS, addInputOptions, addTaggingOptions, checkScheme, taggingSpec, type TaggingFlags } from './tag.js';
import { loadLexicon, loadWinkData } from './tagData.js';

/** Lines per chunk by default, and the byte cap of a chunk (bench/queue.mjs; README, "Bulk tagging on a job queue"). */
export const CHUNK_LINES = 10_000;
export const CHUNK_BYTES = 4 << 20;
const MAX_CHUNK_LINES = 1_000_000;
/** Lines of `emokb tag` over 16 MiB become error records; the queue keeps the same limit. */
const MAX_LINE_BYTES = 16 << 20;

const say = (line: string) => process.stderr.write(`${line}\n`);

/** `--data` after the subcommand too (options after a queue subcommand are its own: cli/main.ts). */
function dataOption(command: Command): Command {
  const { flags, description } = optionFor('data');
  return command.option(flags, description);
}

function queueAddress(flag: string | undefined): QueueAddress {
  const address = resolveSetting('queue', flag).value;
  if (!address)
    throw new EmokbError('BAD_INPUT', '--queue: no job queue given; give --queue redis://HOST:PORT or set EMOKB_QUEUE', {
      option: '--queue',
    });
  return address;
}

function emokbVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Connects to the queue at `address`, runs `use` with the connection and closes it, however `use`
 * ends (the one way in for submit, worker, status and collect).
 */
async function withQueue<T>(address: QueueAddress, use: (connection: QueueConnection) => Promise<T>): Promise<T> {
  const { connectQueue } = await import('../queue/connection.js');
  const connection = await connectQueue(address, say);
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

/**
 * The compiled lexicon, waiting up to EMOKB_LOCK_WAIT while another process holds the store (the
 * store is opened for a moment to read its version: two workers started at once on one data
 * directory would otherwise refuse each other with STORE_LOCKED). The wait is the one of
 * storeOrServer.ts's `routed`, and so is its last refusal: it says how long it waited.
 * (Exported for its test.)
 */
export async function lexiconOf(globals: GlobalOptions): Promise<LexiconData> {
  const waitMs = resolveSetting('lockWait', undefined).value * 1000;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadLexicon(globals);
    } catch (error) {
      if (!(error instanceof EmokbError) || error.code !== 'STORE_LOCKED') throw error;
      if (Date.now() >= deadline)
        throw new EmokbError('STORE_LOCKED', `${error.message}; waited ${Math.round(waitMs / 1000)} s (EMOKB_LOCK_WAIT)`, error.details);
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 + attempt * 50, 500)));
    }
  }
}

async function kbOf(lexicon: LexiconData): Promise<string> {
  const { kbVersion } = await import('../queue/job.js');
  return kbVersion(lexicon, emokbVersion());
}

interface SubmitFlags extends TaggingFlags {
  queue?: string;
  chunkLines?: string;
  progress: boolean;
  quiet?: boolean;
}

export function registerTagQueue(tag: Command): void {
  // A subcommand's name as the first argument of `tag` runs it; its options are its own.
  tag.enablePositionalOptions();
  const submit = tag
    .command('submit')
    .description('cut files into chunks and enqueue them as one job on the queue; prints the job id (see `emokb tag worker`, `collect`)')
    .argument('[files...]', "input files ('-' or none: standard input)")
    .option(optionFor('queue').flags, optionFor('queue').description)
    .option(
      '--chunk-lines <n>',
      `at most this many lines per chunk (default ${CHUNK_LINES}; a chunk is also cut at ${CHUNK_BYTES >> 20} MiB)`,
    );
  addInputOptions(submit);
  addTaggingOptions(submit);
  dataOption(submit);
  submit
    .option('--no-progress', 'no progress bar (shown on standard error when reading files and it is a terminal)')
    .option('-q, --quiet', 'no summary on standard error')
    .action(async (files: string[], options: SubmitFlags, command: Command) => {
      const address = queueAddress(options.queue);
      const { format, tagOptions, outputFormat } = taggingSpec(files, options);
      const chunkLines =
        options.chunkLines === undefined ? CHUNK_LINES : numberFlag(options.chunkLines, '--chunk-lines', { min: 1, max: MAX_CHUNK_LINES });
      const maxBytes = resolveSetting('queueMaxBytes', undefined).value;
      const attempts = resolveSetting('queueAttempts', undefined).value;
      const totalBytes = await checkInputFiles(files);
      const { submitJob } = await import('../queue/submit.js');
      await withQueue(address, async (connection) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const lexicon = await lexiconOf(globals);
        checkScheme(lexicon, tagOptions);
        const frame = documentFrame(outputFormat, lexicon, tagOptions.scheme);
        const bar =
          files.length > 0 && !files.includes('-') && options.progress && process.stderr.isTTY
            ? new SingleBar({ stream: process.stderr, format: 'submitting [{bar}] {percentage}% | {value}/{total} MB', hideCursor: true })
            : undefined;
        const started = performance.now();
        bar?.start(Math.max(1, Math.round(totalBytes / 1e5) / 10), 0);
        const summary = await submitJob({
          connection,
          files,
          stdin: process.stdin,
          spec: {
            format,
            textField: options.textField ?? 'text',
            idField: options.idField,
            strict: options.strict ?? false,
            options: tagOptions,
            outputFormat,
            maxLineBytes: MAX_LINE_BYTES,
            head: frame.head,
            tail: frame.tail,
            attempts,
          },
          kb: await kbOf(lexicon),
          chunkLines,
          chunkBytes: CHUNK_BYTES,
          maxBytes,
          totalBytes,
          onCreated: (id) => process.stdout.write(`${id}\n`),
          onProgress: bar ? (read) => bar.update(Math.round(read / 1e5) / 10) : undefined,
          say: (line) => (bar ? undefined : say(line)),
        });
        bar?.stop();
        if (!options.quiet) {
          const seconds = (performance.now() - started) / 1000;
          say(
            `emokb: job ${summary.id}: enqueued ${summary.chunks} chunk${summary.chunks === 1 ? '' : 's'} (${summary.lines} lines, ${(summary.bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s; \`emokb tag status ${summary.id}\`, \`emokb tag collect ${summary.id}\``,
          );
        }
      });
    });

  dataOption(tag.command('worker'))
    .description('tag chunks from the queue until stopped (SIGINT, SIGTERM: the chunks in hand are finished first)')
    .option(optionFor('queue').flags, optionFor('queue').description)
    .option('--concurrency <n>', `chunks tagged at once, one thread each (default: the cores available; at most ${MAX_WORKERS})`)
    .action(async (options: { queue?: string; concurrency?: string }, command: Command) => {
      const address = queueAddress(options.queue);
      const concurrency =
        options.concurrency === undefined
          ? Math.min(availableParallelism(), MAX_WORKERS)
          : numberFlag(options.concurrency, '--concurrency', { min: 1, max: MAX_WORKERS });
      const stallMs = resolveSetting('queueStallMs', undefined).value;
      const youngGenerationMb = resolveSetting('tagYoungMb', undefined).value;
      const { startWorker } = await import('../queue/worker.js');
      await withQueue(address, async (connection) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const lexicon = await lexiconOf(globals);
        const winkData = await loadWinkData(globals);
        const worker = await startWorker({
          connection,
          concurrency,
          lexicon,
          winkData,
          kb: await kbOf(lexicon),
          stallMs,
          youngGenerationMb,
          say,
        });
        const stop = () => {
          say('emokb: worker stopping: finishing the chunks in hand');
          void worker.stop();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await worker.stopped;
      });
    });

  tag
    .command('status')
    .description("a job's progress: chunks done, failed and in flight, throughput (a live bar on a terminal until it finishes)")
    .argument('<job>', 'the job id `emokb tag submit` printed')
    .option(optionFor('queue').flags, optionFor('queue').description)
    .option('--json', 'one JSON object instead of text')
    .option('--once', 'on a terminal too, report once instead of following the job')
    .action(async (id: string, options: { queue?: string; json?: boolean; once?: boolean }) => {
      const address = queueAddress(options.queue);
      const { jobStatus } = await import('../queue/collect.js');
      await withQueue(address, async (connection) => {
        let status = await jobStatus(connection, id);
        if (!options.json && !options.once && process.stderr.isTTY && !status.finished) {
          const bar = new SingleBar({
            stream: process.stderr,
            format: 'job {job} [{bar}] {value}/{total} chunks | {failed} failed | {inFlight} in flight | {mbs} MB/s',
            hideCursor: true,
          });
          const fields = () => ({ job: id, failed: status.failed.length, inFlight: status.inFlight, mbs: status.throughput.toFixed(1) });
          bar.start(Math.max(status.chunks, 1), status.done + status.failed.length, fields());
          while (!status.finished) {
            await new Promise((resolve) => setTimeout(resolve, 500));
            status = await jobStatus(connection, id);
            bar.setTotal(Math.max(status.chunks, 1));
            bar.update(status.done + status.failed.length, fields());
          }
          bar.stop();
        }
        if (options.json) process.stdout.write(`${JSON.stringify(status)}\n`);
        else process.stdout.write(statusText(status));
      });
    });

  tag
    .command('collect')
    .description("write a job's output in input order as its chunks finish (waits for the whole job), then delete the job from the queue")
    .argument('<job>', 'the job id `emokb tag submit` printed')
    .option(optionFor('queue').flags, optionFor('queue').description)
    .option('-o, --output <file>', 'write here instead of standard output (a collect that was stopped resumes into the same file)')
    .option('--no-progress', 'no progress bar (shown on standard error when it is a terminal)')
    .option('-q, --quiet', 'no summary on standard error')
    .action(async (id: string, options: { queue?: string; output?: string; progress: boolean; quiet?: boolean }) => {
      const address = queueAddress(options.queue);
      const { collectJob, jobOrNotFound } = await import('../queue/collect.js');
      await withQueue(address, async (connection) => {
        let output: WriteStream | undefined;
        let writeFailure: NodeJS.ErrnoException | undefined;
        const started = performance.now();
        try {
          const job = await jobOrNotFound(connection, id);
          let resume: { chunk: number; bytes: number } | undefined;
          if (job.collected > 0) {
            const size = options.output
              ? await stat(options.output).then(
                  (s) => s.size,
                  () => -1,
                )
              : -1;
            if (size < job.collectedBytes)
              throw new EmokbError(
                'CONFLICT',
                `job ${id}: an earlier collect already wrote its first ${job.collected} chunk${job.collected === 1 ? '' : 's'} (${job.collectedBytes} bytes) and took them off the queue; resume it into that output with \`emokb tag collect ${id} -o FILE\``,
                { job: id },
              );
            await truncate(options.output!, job.collectedBytes);
            resume = { chunk: job.collected, bytes: job.collectedBytes };
            say(`emokb: job ${id}: resuming into ${options.output} after chunk ${job.collected - 1} (${job.collectedBytes} bytes kept)`);
          }
          if (options.output) {
            output = createWriteStream(options.output, resume ? { flags: 'r+', start: resume.bytes } : {});
            output.on('error', (error: NodeJS.ErrnoException) => (writeFailure = error));
            try {
              await once(output, 'open');
            } catch (error) {
              throw new EmokbError(
                'BAD_INPUT',
                `--output ${options.output}: cannot write (${(error as NodeJS.ErrnoException).code ?? error})`,
                {
                  option: '--output',
                },
              );
            }
          }
          const bar =
            options.progress && process.stderr.isTTY
              ? new SingleBar({
                  stream: process.stderr,
                  format: 'collecting [{bar}] {value}/{total} chunks | {failed} failed',
                  hideCursor: true,
                })
              : undefined;
          bar?.start(Math.max(job.total ?? job.chunks, 1), job.collected, { failed: 0 });
          try {
            const summary = await collectJob({
              connection,
              id,
              output: output ?? process.stdout,
              resume,
              onProgress: bar
                ? (state, done, failed) => {
                    bar.setTotal(Math.max(state.total ?? state.chunks, 1));
                    bar.update(done + failed, { failed });
                  }
                : undefined,
            });
            bar?.stop();
            if (output) {
              output.end();
              await finished(output);
            }
            if (!options.quiet) {
              const seconds = (performance.now() - started) / 1000;
              const skipped = summary.skipped ? `; ${summary.skipped} blank line${summary.skipped === 1 ? '' : 's'} skipped` : '';
              const notText = summary.notText ? `, ${summary.notText} of them not text: binary or not UTF-8` : '';
              say(
                `emokb: job ${id}: collected ${summary.chunks} chunk${summary.chunks === 1 ? '' : 's'}, ${summary.lines} lines (${summary.errors} errors${notText}${skipped}) from ${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
              );
            }
          } finally {
            bar?.stop();
          }
        } catch (error) {
          if (writeFailure)
            throw new EmokbError(
              'OUTPUT_FAILED',
              `--output ${options.output}: cannot write (${writeFailure.code ?? writeFailure.message})`,
              {
                option: '--output',
              },
            );
          throw error;
        } finally {
          if (output && !output.closed) output.end();
        }
      });
    });
}

function statusText(s: import('../queue/collect.js').JobStatus): string {
  const lines = [
    `job        ${s.id}`,
    `kb         ${s.kb}`,
    `submitted  ${s.chunks} chunk${s.chunks === 1 ? '' : 's'}${s.sealed ? `, all input (${s.lines} lines, ${(s.bytes / 1e6).toFixed(1)} MB)` : s.submitterAlive ? ', still submitting' : ', submitter stopped before enqueuing all input'}`,
    `done       ${s.done}`,
    `failed     ${s.failed.length}`,
    ...s.failed.map((f) => `           ${f.message}`),
    `in flight  ${s.inFlight}`,
    `collected  ${s.collected}`,
    `throughput ${s.throughput.toFixed(1)} MB/s (${(s.doneBytes / 1e6).toFixed(1)} MB tagged in ${s.seconds.toFixed(1)} s)`,
    ...(s.refused ? [`refused    by a worker with another knowledge base: ${s.refused}`] : []),
    `state      ${s.finished ? 'finished' : 'running'}`,
  ];
  return `${lines.join('\n')}\n`;
}
