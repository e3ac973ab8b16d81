// `emokb tag submit`: cuts the input into chunks of whole lines exactly as `emokb tag` cuts it into
// batches (splitBatches, so line numbers run on over several files alike), stores each chunk's text
// in Redis and enqueues one BullMQ job per chunk. Back-pressure: before each chunk it waits while
// the job holds more than `maxBytes` in Redis (text not yet tagged plus results not yet
// collected), so Redis memory stays bounded whatever the input size; the workers and `collect`
// bring it down. A heartbeat key says the submitter is alive: if it dies before enqueuing
// everything, `collect` can tell and says so instead of waiting for chunks that never come.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { EmokbError } from '../errors.js';
import { splitBatches } from '../tagger/stream.js';
import { QUEUE_NAME, redisOptions, type QueueConnection } from './connection.js';
import { keys, type ChunkData, type JobSpec } from './job.js';

/** Seconds the heartbeat lives without renewal; it is renewed every third of that. */
export const HEARTBEAT_SECONDS = 6;

export interface SubmitOptions {
  connection: QueueConnection;
  files: string[];
  stdin: Readable;
  spec: JobSpec;
  kb: string;
  chunkLines: number;
  /** A chunk is also cut at about this many bytes. */
  chunkBytes: number;
  maxBytes: number;
  totalBytes: number;
  /** Called once the job exists, before its first chunk is enqueued. */
  onCreated: (id: string) => void;
  onProgress?: (read: number, total: number) => void;
  /** One line when submitting starts or stops waiting for the queue to drain. */
  say: (line: string) => void;
}

export interface SubmitSummary {
  id: string;
  chunks: number;
  lines: number;
  bytes: number;
}

export async function submitJob(o: SubmitOptions): Promise<SubmitSummary> {
  const { redis } = o.connection;
  const id = randomBytes(6).toString('hex');
  const k = keys(id);
  await redis.hset(k.meta, {
    spec: JSON.stringify(o.spec),
    kb: o.kb,
    created: Date.now(),
    chunks: 0,
    pending: 0,
  });
  const beat = () => redis.set(k.submitter, String(process.pid), 'EX', HEARTBEAT_SECONDS);
  await beat();
  const heartbeat = setInterval(() => void beat().catch(() => {}), (HEARTBEAT_SECONDS * 1000) / 3);
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(o.connection.address) });
  queue.on('error', () => {}); // connection trouble: ours says it (connectQueue), and commands wait
  o.onCreated(id);
  const summary = { lines: 0, documents: 0, bytes: 0 };
  let index = 0;
  try {
    await splitBatches(
      {
        files: o.files,
        stdin: o.stdin,
        batchLines: o.chunkLines,
        batchBytes: o.chunkBytes,
        maxLineBytes: o.spec.maxLineBytes,
        onProgress: o.onProgress,
        totalBytes: o.totalBytes,
        exactLines: true,
      },
      summary,
      async (batch) => {
        await waitForRoom(o, id, batch.bytes.length);
        const i = index++;
        const data: ChunkData = { job: id, index: i, firstLine: batch.firstLine, lines: batch.lines, overlong: batch.overlong };
        await redis
          .multi()
          .set(k.input(i), Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength))
          .hincrby(k.meta, 'pending', batch.bytes.length)
          .hset(k.meta, 'chunks', i + 1)
          .exec();
        await queue.add('chunk', data, {
          jobId: k.chunkJob(i),
          attempts: o.spec.attempts,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: false,
        });
      },
    );
    // Sealed: from here on, `collect` knows how many chunks there are.
    await redis.hset(k.meta, { total: index, lines: summary.lines, bytes: summary.bytes });
    await redis.del(k.submitter);
    return { id, chunks: index, lines: summary.lines, bytes: summary.bytes };
  } finally {
    clearInterval(heartbeat);
    await queue.close().catch(() => {});
  }
}

/** Waits while the job holds more than `maxBytes` (a chunk larger than the bound alone still goes). */
async function waitForRoom(o: SubmitOptions, id: string, adding: number): Promise<void> {
  let waiting = false;
  for (;;) {
    const [pendingText, spec] = await o.connection.redis.hmget(keys(id).meta, 'pending', 'spec');
    if (spec === null)
      throw new EmokbError(
        'CONFLICT',
        `job ${id} was deleted from the queue while it was being submitted (a --strict collect stopped at a malformed line, or its keys were deleted); submitting stopped`,
        { job: id },
      );
    const pending = Number(pendingText ?? 0);
    if (pending === 0 || pending + adding <= o.maxBytes) break;
    if (!waiting)
      o.say(
        `emokb: job ${id} holds ${(pending / 1e6).toFixed(1)} MB in Redis (EMOKB_QUEUE_MAX_BYTES ${(o.maxBytes / 1e6).toFixed(1)} MB): waiting for workers to tag and \`emokb tag collect ${id}\` to take results`,
      );
    waiting = true;
    await sleep(200);
  }
  if (waiting) o.say(`emokb: job ${id}: room in the queue again, submitting`);
}
