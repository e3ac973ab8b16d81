// The connection to the job queue's Redis (`emokb tag submit|worker|status|collect`): one checked
// connection for emokb's own keys, and the options BullMQ opens its own connections with. A server
// that cannot be reached at start is QUEUE_UNAVAILABLE naming the URL and the reason, after a few
// quick tries (never an endless wait on a typo); once connected, a lost connection is retried
// without end, so a worker, a waiting submitter or collector rides out a Redis restart (README,
// "Bulk tagging on a job queue").
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { EmokbError } from '../errors.js';
import type { QueueAddress } from '../settingParsers.js';

/** The one BullMQ queue every emokb job's chunks go through. */
export const QUEUE_NAME = 'emokb-tag';

/** Tries to connect at start before giving up, and the wait of each (about 2 s in all). */
const START_TRIES = 4;
const CONNECT_TIMEOUT_MS = 2000;

/** Options of every connection to `address` (BullMQ's included): retried without end once connected. */
export function redisOptions(address: QueueAddress): ConnectionOptions {
  return ioredisOptions(address) as ConnectionOptions;
}

function ioredisOptions(address: QueueAddress): RedisOptions {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    username: address.username,
    password: address.password,
    // BullMQ needs null (its blocking commands wait as long as they must); ours then wait for a reconnection too.
    maxRetriesPerRequest: null,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

export interface QueueConnection {
  redis: Redis;
  address: QueueAddress;
  close(): Promise<void>;
}

/**
 * Connects to the queue's Redis, or fails with QUEUE_UNAVAILABLE naming the URL. `say` gets one
 * line when a connection made is later lost (and when it is back).
 */
export async function connectQueue(address: QueueAddress, say: (line: string) => void = () => {}): Promise<QueueConnection> {
  let ready = false;
  let lastError: Error | undefined;
  const redis = new Redis({
    ...ioredisOptions(address),
    lazyConnect: true,
    retryStrategy: (times: number) => (ready ? Math.min(times * 200, 2000) : times < START_TRIES ? 200 : null),
  });
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  let lost = false;
  redis.on('ready', () => {
    if (lost) say(`emokb: the queue at ${address.display} is back`);
    lost = false;
  });
  redis.on('reconnecting', () => {
    if (ready && !lost) say(`emokb: lost the queue at ${address.display} (${lastError?.message ?? 'closed'}); reconnecting`);
    lost = true;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = (lastError as NodeJS.ErrnoException | undefined)?.code ?? lastError?.message ?? (error as Error).message;
    throw new EmokbError('QUEUE_UNAVAILABLE', `--queue ${address.display}: cannot connect to Redis (${reason})`, {
      option: '--queue',
      queue: address.display,
    });
  }
  ready = true;
  return {
    redis,
    address,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
