// `emokb tag collect` and `emokb tag status`. Collect writes the job's output in input order as
// chunks finish (it need not wait for the whole job), deleting each chunk's result from Redis once
// its bytes are handed to the output, so a collector running beside a large submission keeps Redis
// memory bounded. How far it got (chunks and bytes written) is recorded with the job: a collect
// that was stopped can be resumed into the same file (`-o FILE` again: the file is cut back to
// what was recorded, and the rest appended). When every chunk is done or failed it writes the
// output's end, deletes the job's keys, and reports failed chunks (JOB_INCOMPLETE), with --strict
// the first malformed line (BAD_INPUT, as `emokb tag`), or a submitter that died before enqueuing
// everything (JOB_INCOMPLETE).
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { EmokbError } from '../errors.js';
import { QUEUE_NAME, redisOptions, type QueueConnection } from './connection.js';
import { chunkCounts, keys, readJob, type ChunkResult, type JobState } from './job.js';

export interface CollectOptions {
  connection: QueueConnection;
  id: string;
  output: Writable;
  /** Where a resumed collect starts: the chunk and output byte recorded by the earlier one (0, 0 for a fresh start). */
  resume?: { chunk: number; bytes: number };
  onProgress?: (state: JobState, done: number, failed: number) => void;
  /** How long to wait between looks at a chunk not ready yet. */
  pollMs?: number;
}

export interface CollectSummary {
  chunks: number;
  lines: number;
  bytes: number;
  errors: number;
  notText: number;
  skipped: number;
  failed: Array<{ index: number; message: string }>;
}

/** The job, or NOT_FOUND naming the id and the queue. */
export async function jobOrNotFound(connection: QueueConnection, id: string): Promise<JobState> {
  const job = await readJob(connection.redis, id);
  if (!job)
    throw new EmokbError(
      'NOT_FOUND',
      `job ${JSON.stringify(id)}: no such job on the queue at ${connection.address.display} (a job is deleted once collected; ids are the 12 hex digits \`emokb tag submit\` printed)`,
      { job: id },
    );
  return job;
}

export async function collectJob(o: CollectOptions): Promise<CollectSummary> {
  const { redis } = o.connection;
  const k = keys(o.id);
  const pollMs = o.pollMs ?? 100;
  let job = await jobOrNotFound(o.connection, o.id);
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(o.connection.address) });
  queue.on('error', () => {});
  const summary: CollectSummary = { chunks: 0, lines: 0, bytes: 0, errors: 0, notText: 0, skipped: 0, failed: [] };
  let written = o.resume?.bytes ?? 0;
  const write = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (!bytes.length) return resolve();
      o.output.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  try {
    if (!o.resume && job.spec.head) written += await writeText(write, job.spec.head);
    let lastLook = Date.now();
    for (let i = o.resume?.chunk ?? 0; ;) {
      job = (await readJob(redis, o.id)) ?? vanished(o);
      if (job.total !== undefined && i >= job.total) break;
      const [done, failure, result] = await Promise.all([
        redis.getbit(k.done, i),
        redis.hget(k.failed, String(i)),
        redis.hget(k.results, String(i)),
      ]);
      if (done === 1 && result !== null) {
        const bytes = await redis.getBuffer(k.output(i));
        // A finished chunk always has its output (empty or not) until a collect takes it: none
        // means another collect of this job took it, and writing nothing in its place would lose lines.
        if (bytes === null)
          throw new EmokbError(
            'CONFLICT',
            `job ${o.id}: chunk ${i}'s output was taken by another collect of the same job; run one collect a job (nothing more was written here)`,
            { job: o.id, chunk: i },
          );
        const counts = JSON.parse(result) as ChunkResult;
        await write(bytes);
        written += bytes.length;
        await redis
          .multi()
          .del(k.output(i))
          .hincrby(k.meta, 'pending', -bytes.length)
          .hset(k.meta, { collected: i + 1, collectedBytes: written })
          .exec();
        await testFaultPoint(o.id, i);
        summary.chunks++;
        summary.errors += counts.errors;
        summary.notText += counts.notText;
        summary.skipped += counts.skipped;
        if (counts.stoppedAt) {
          await deleteJob(o.connection, queue, o.id, job);
          throw new EmokbError(
            'BAD_INPUT',
            `${counts.stoppedAt.message} (--strict: stopped; results up to the line before it were written)`,
            { line: counts.stoppedAt.line, job: o.id },
          );
        }
        i++;
        lastLook = Date.now();
        continue;
      }
      if (failure !== null) {
        summary.failed.push({ index: i, message: failure });
        await redis.hset(k.meta, { collected: i + 1, collectedBytes: written });
        i++;
        continue;
      }
      // Not ready. A submitter gone before enqueuing this chunk will never enqueue it.
      if (job.total === undefined && !job.submitterAlive && i >= job.chunks) {
        throw new EmokbError(
          'JOB_INCOMPLETE',
          `job ${o.id}: its submitter stopped before enqueuing all input (it enqueued ${job.chunks} chunk${job.chunks === 1 ? '' : 's'}, all written here in order); submit the input again as a new job`,
          { job: o.id, chunks: job.chunks },
        );
      }
      // Now and then, ask BullMQ whether the chunk still exists: one failed by BullMQ itself
      // (stalled too often) or lost (Redis restarted without its last writes) is reported, not awaited.
      if (Date.now() - lastLook > 2000 && i < job.chunks) {
        lastLook = Date.now();
        const lost = await lostChunk(queue, o.connection, o.id, i);
        if (lost) {
          // Recorded as a failure, which the next pass reports (and counts once) like any other.
          await redis.hset(k.failed, i, lost);
          continue;
        }
      }
      o.onProgress?.(job, ...(await countsOf(o.connection, o.id)));
      await sleep(pollMs);
    }
    if (job.spec.tail) written += await writeText(write, job.spec.tail);
    summary.lines = job.lines;
    summary.bytes = job.bytes;
    o.onProgress?.(job, ...(await countsOf(o.connection, o.id)));
    await deleteJob(o.connection, queue, o.id, job);
    if (summary.failed.length) {
      throw new EmokbError(
        'JOB_INCOMPLETE',
        `job ${o.id}: ${summary.failed.length} chunk${summary.failed.length === 1 ? '' : 's'} failed after every try, and ${summary.failed.length === 1 ? 'its' : 'their'} lines are missing from the output (the rest was written in order):\n${summary.failed.map((f) => `  ${f.message}`).join('\n')}`,
        { job: o.id, failed: summary.failed },
      );
    }
    return summary;
  } finally {
    await queue.close().catch(() => {});
  }
}

async function writeText(write: (bytes: Uint8Array) => Promise<void>, text: string): Promise<number> {
  const bytes = Buffer.from(text, 'utf8');
  await write(bytes);
  return bytes.length;
}

function vanished(o: CollectOptions): never {
  throw new EmokbError(
    'JOB_INCOMPLETE',
    `job ${o.id}: its records vanished from the queue at ${o.connection.address.display} while collecting (Redis restarted without persistence, or the keys were deleted); submit the input again`,
    { job: o.id },
  );
}

async function countsOf(connection: QueueConnection, id: string): Promise<[number, number]> {
  const { done, failed } = await chunkCounts(connection.redis, id);
  return [done, failed.size];
}

/** Why chunk `i` will never be done (failed by BullMQ, or gone), or undefined while it may still be. */
async function lostChunk(queue: Queue, connection: QueueConnection, id: string, i: number): Promise<string | undefined> {
  const k = keys(id);
  const job = await queue.getJob(k.chunkJob(i));
  if (job) {
    const state = await job.getState();
    return state === 'failed' ? `chunk ${i} failed ${job.attemptsMade} times: ${job.failedReason}` : undefined;
  }
  // No BullMQ job: done and removed (look again), or never stored.
  const [done, input] = await Promise.all([connection.redis.getbit(k.done, i), connection.redis.exists(k.input(i))]);
  if (done === 1 || input === 1) return undefined;
  return `chunk ${i}: lost from Redis (neither its text nor its result is there: Redis restarted without its last writes?)`;
}

/** Deletes every key of a collected job, and BullMQ's records of its failed chunks (a --strict stop, too). */
export async function deleteJob(connection: QueueConnection, queue: Queue, id: string, job: JobState): Promise<void> {
  const k = keys(id);
  // The record first: a worker finishing a chunk of a deleted job then stores nothing (FINISH).
  await connection.redis.del(k.meta);
  const failed = await connection.redis.hkeys(k.failed);
  for (const i of failed) await (await queue.getJob(k.chunkJob(Number(i))))?.remove().catch(() => {});
  const stale: string[] = [];
  for (let i = 0; i < job.chunks; i++) stale.push(k.input(i), k.output(i));
  for (let at = 0; at < stale.length; at += 1000) await connection.redis.del(...stale.slice(at, at + 1000));
  await connection.redis.del(k.results, k.done, k.failed, k.submitter);
}

export interface JobStatus {
  id: string;
  kb: string;
  /** Chunks enqueued, and whether the submitter has enqueued all input (else whether it is alive). */
  chunks: number;
  sealed: boolean;
  submitterAlive: boolean;
  done: number;
  failed: Array<{ index: number; message: string }>;
  /** Enqueued, neither done nor failed: waiting for a worker or being tagged. */
  inFlight: number;
  collected: number;
  lines: number;
  bytes: number;
  doneBytes: number;
  /** MB/s of input tagged, from the job's creation to its last chunk done. */
  throughput: number;
  seconds: number;
  refused: string | undefined;
  finished: boolean;
}

export async function jobStatus(connection: QueueConnection, id: string): Promise<JobStatus> {
  const job = await jobOrNotFound(connection, id);
  const { done, failed } = await chunkCounts(connection.redis, id);
  const seconds = Math.max(((job.doneAt ?? Date.now()) - job.created) / 1000, 1e-3);
  const sealed = job.total !== undefined;
  return {
    id,
    kb: job.kb,
    chunks: job.chunks,
    sealed,
    submitterAlive: job.submitterAlive,
    done,
    failed: [...failed].sort((a, b) => a[0] - b[0]).map(([index, message]) => ({ index, message })),
    inFlight: Math.max(0, job.chunks - done - failed.size),
    collected: job.collected,
    lines: job.lines,
    bytes: job.bytes,
    doneBytes: job.doneBytes,
    throughput: job.doneBytes / 1e6 / seconds,
    seconds,
    refused: job.refused,
    finished: sealed && done + failed.size >= job.chunks,
  };
}

// Test-only (like src/store/faultInjection.ts; nothing happens unless the variable is set):
// EMOKB_TEST_FAULT_POINT=collect says `emokb-test: inside collect ID I` on standard error once
// chunk I (I >= 1) is written and recorded, then waits EMOKB_TEST_FAULT_WAIT_MS (default 30,000) for the kill.
async function testFaultPoint(id: string, index: number): Promise<void> {
  if (process.env.EMOKB_TEST_FAULT_POINT !== 'collect' || index < 1) return;
  process.stderr.write(`emokb-test: inside collect ${id} ${index}\n`);
  await sleep(Number(process.env.EMOKB_TEST_FAULT_WAIT_MS ?? 30_000));
}
