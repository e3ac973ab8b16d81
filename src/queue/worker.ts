// `emokb tag worker`: takes chunks off the queue and tags them with the code `emokb tag` runs
// (tagBatch in piscina threads, the same worker entry), so collected output is `emokb tag`'s byte
// for byte. The event loop only moves bytes: tagging runs in the threads, so BullMQ's lock renewal
// is never starved by a long chunk (a starved lock would hand the chunk to a second worker).
//
// At-least-once: a chunk's BullMQ job is acknowledged only after its output is stored (finishChunk);
// a worker killed before that leaves a stalled job that BullMQ gives to another worker after
// EMOKB_QUEUE_STALL_MS, and a second store of the same chunk changes nothing (the done bit guards
// it). A chunk that fails every one of its `attempts` is recorded with its error (failChunk), and
// the job's other chunks go on.
//
// Version check: a chunk of a job submitted with another knowledge base version is left for
// another worker (moved back to the queue for a while, no try spent), and the refusal is said on
// standard error and recorded with the job for `status`: tagging it here would give other output.
import { hostname } from 'node:os';
import { Piscina } from 'piscina';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { LexiconData } from '../lexicon/types.js';
import type { BatchOutput, BatchTask } from '../tagger/batch.js';
import { DEFAULT_WORKER } from '../tagger/stream.js';
import { QUEUE_NAME, redisOptions, type QueueConnection } from './connection.js';
import { failChunk, finishChunk, keys, type ChunkData, type JobSpec } from './job.js';

export interface WorkerOptions {
  connection: QueueConnection;
  concurrency: number;
  lexicon: LexiconData;
  winkData?: string;
  kb: string;
  stallMs: number;
  youngGenerationMb: number;
  say: (line: string) => void;
}

export interface RunningWorker {
  /** Resolves when the worker has stopped (after `stop`). */
  stopped: Promise<void>;
  /** Stops taking chunks, lets the chunks in hand finish, closes everything. */
  stop(): Promise<void>;
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const { redis } = o.connection;
  const pool = new Piscina({
    filename: DEFAULT_WORKER,
    workerData: { lexicon: o.lexicon, winkData: o.winkData },
    minThreads: 0,
    maxThreads: o.concurrency,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: o.youngGenerationMb },
  });
  const refusedJobs = new Set<string>();
  const startedJobs = new Set<string>();
  const me = `${hostname()} pid ${process.pid}`;

  const specOf = async (id: string): Promise<{ spec: JobSpec; kb: string } | undefined> => {
    const [spec, kb] = await redis.hmget(keys(id).meta, 'spec', 'kb');
    if (!spec || !kb) return undefined;
    return { spec: JSON.parse(spec) as JobSpec, kb };
  };

  const process_ = async (job: Job<ChunkData>, token?: string): Promise<void> => {
    const { job: id, index } = job.data;
    const k = keys(id);
    const meta = await specOf(id);
    // The job was collected (its keys deleted) or never finished submitting and was cleared: nothing to do.
    if (!meta) return;
    if (meta.kb !== o.kb) {
      if (!refusedJobs.has(id)) {
        refusedJobs.add(id);
        o.say(
          `emokb: worker: refusing job ${id}: it was submitted with knowledge base ${meta.kb}; this worker has ${o.kb} (left for a worker with that version)`,
        );
      }
      await redis.hset(k.meta, 'refused', `${me} has ${o.kb}`);
      await job.moveToDelayed(Date.now() + Math.min(o.stallMs, 5000), token);
      throw new DelayedError();
    }
    if (!startedJobs.has(id)) {
      startedJobs.add(id);
      o.say(`emokb: worker: tagging job ${id}`);
    }
    const input = await redis.getBuffer(k.input(index));
    if (input === null) {
      if ((await redis.getbit(k.done, index)) === 1) return; // stored by an earlier run: done
      throw new Error(
        `chunk ${index} (lines ${job.data.firstLine}-${job.data.firstLine + job.data.lines - 1}): its text is missing from Redis`,
      );
    }
    testFailure(index);
    const bytes = new Uint8Array(input.length);
    bytes.set(input);
    const task: BatchTask = {
      bytes,
      overlong: job.data.overlong,
      firstLine: job.data.firstLine,
      format: meta.spec.format,
      textField: meta.spec.textField,
      idField: meta.spec.idField,
      strict: meta.spec.strict,
      options: meta.spec.options,
      output: meta.spec.outputFormat,
      maxLineBytes: meta.spec.maxLineBytes,
    };
    const result = (await pool.run(task, { transferList: [bytes.buffer] })) as BatchOutput;
    await testFaultPoint('chunk', id, index);
    await finishChunk(redis, id, index, result.bytes, {
      errors: result.errors,
      notText: result.notText ?? 0,
      skipped: result.skipped ?? 0,
      ...(result.stoppedAt ? { stoppedAt: result.stoppedAt } : {}),
    });
    await testFaultPoint('stored', id, index);
  };

  /** `tries`: the tries made, this one included. */
  const recordFailure = async (job: Job<ChunkData>, error: Error, tries: number) => {
    const { job: id, index, firstLine, lines } = job.data;
    const message = `chunk ${index} (lines ${firstLine}-${firstLine + lines - 1}) failed ${tries} time${tries === 1 ? '' : 's'}: ${error.message}`;
    if ((await failChunk(redis, id, index, message)) === 1) o.say(`emokb: worker: job ${id}: ${message}`);
  };

  const worker = new Worker<ChunkData>(
    QUEUE_NAME,
    async (job, token) => {
      try {
        await process_(job, token);
      } catch (error) {
        if (!(error instanceof DelayedError) && job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
          await recordFailure(job, error as Error, job.attemptsMade + 1).catch(() => {});
        throw error;
      }
    },
    {
      connection: redisOptions(o.connection.address),
      concurrency: o.concurrency,
      lockDuration: o.stallMs,
      stalledInterval: o.stallMs,
      maxStalledCount: 2,
    },
  );
  // A chunk failed for good by BullMQ itself (stalled too often: its workers kept dying).
  worker.on('failed', (job, error) => {
    if (job && job.finishedOn && !(error instanceof DelayedError)) void recordFailure(job, error, job.attemptsMade).catch(() => {});
  });
  worker.on('error', () => {}); // connection trouble: said once by connectQueue, and retried
  await worker.waitUntilReady();
  o.say(
    `emokb: worker ready: ${o.kb}, ${o.concurrency} chunk${o.concurrency === 1 ? '' : 's'} at a time, queue ${o.connection.address.display}`,
  );

  let stopping: Promise<void> | undefined;
  let resolveStopped: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  return {
    stopped,
    stop: () =>
      (stopping ??= (async () => {
        await worker.close();
        await pool.destroy();
        resolveStopped();
      })()),
  };
}

// Test-only hooks (like src/store/faultInjection.ts; nothing happens unless the variable is set):
// EMOKB_TEST_FAIL_CHUNK=I makes every try of chunk I fail; EMOKB_TEST_FAULT_POINT=chunk says
// `emokb-test: inside chunk ID I` on standard error once a chunk is tagged and before its output
// is stored, =stored (`inside stored ID I`) once it is stored and before BullMQ hears it is done;
// then it waits EMOKB_TEST_FAULT_WAIT_MS (default 30,000) for the kill.
function testFailure(index: number): void {
  if (process.env.EMOKB_TEST_FAIL_CHUNK === String(index)) throw new Error(`test fault: chunk ${index} always fails`);
}

async function testFaultPoint(point: 'chunk' | 'stored', id: string, index: number): Promise<void> {
  if (process.env.EMOKB_TEST_FAULT_POINT !== point) return;
  process.stderr.write(`emokb-test: inside ${point} ${id} ${index}\n`);
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.EMOKB_TEST_FAULT_WAIT_MS ?? 30_000)));
}
