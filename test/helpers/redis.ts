// The Redis behind the job-queue tests (`emokb tag submit|worker|status|collect`). The shared one
// comes from the environment: EMOKB_QUEUE (set by `scripts/services.sh`, or by the suite's
// globalSetup through vitest's `inject`). Without it, a throwaway `redis-server` is started here.
// The Redis crash test always starts its own (ownRedis: its own port and directory, appendonly
// on), since it kills it. Without a `redis-server` (Debian: apt-get install redis-server) the
// queue tests are skipped, unless EMOKB_REQUIRE_SERVICES=1 (CI), where they fail instead.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  dir: string;
  /** kill -9 of the server process. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (its appendonly file is read back). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const redisServerMissing = spawnSync('redis-server', ['--version']).error !== undefined;

/** Whether the queue tests must run (CI): then a missing redis-server fails them rather than skipping. */
export const servicesRequired = process.env.EMOKB_REQUIRE_SERVICES === '1';

/** Skip the queue tests only where that is allowed (see above). */
export const skipQueueTests = redisServerMissing && !servicesRequired && !sharedQueueUrl();

function sharedQueueUrl(): string | undefined {
  if (process.env.EMOKB_QUEUE) return process.env.EMOKB_QUEUE;
  try {
    return (inject as (key: string) => string | undefined)('EMOKB_QUEUE') || undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server of the test's own, with appendonly persistence fsynced on every write (so a
 * kill -9 loses nothing acknowledged; see the README on `everysec`).
 */
export async function ownRedis(): Promise<RedisServer> {
  if (redisServerMissing)
    throw new Error('redis-server is not installed (Debian: apt-get install redis-server); EMOKB_REQUIRE_SERVICES=1 makes this a failure');
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'emokb-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d.toString();
        if (/Ready to accept connections/.test(log)) resolve();
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${log}`)));
    });
  };
  await start();
  const kill = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    restart: start,
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The queue for one test file: the shared Redis (EMOKB_QUEUE) in database `db`, so that files
 * running at the same time do not take each other's chunks (each file a db of its own, 1 to 15), or
 * a throwaway server of its own.
 */
export async function testQueue(db: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const shared = sharedQueueUrl();
  if (shared) {
    const base = shared.replace(/\/\d*$/, '');
    return { url: `${base}/${db}`, stop: async () => {} };
  }
  const server = await ownRedis();
  return { url: server.url, stop: server.stop };
}
