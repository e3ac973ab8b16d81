// The job queue under faults, end to end (real CLI, real workers, real Redis): kill -9 of a worker
// inside a chunk (before and after its output is stored), a chunk that fails every try, kill -9 of
// the submitter, back-pressure on a slow queue, and kill -9 of Redis itself (appendonly on: the job
// completes after the restart). Kills happen at points the processes say they have reached (the
// test-only fault points of src/queue/worker.ts), or while the submitter says it is waiting.
import { readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from '../helpers/cli.js';
import { ownRedis, skipQueueTests, testQueue, type RedisServer } from '../helpers/redis.js';
import { collect, startWorker, statusUntil, submit, tag, writeInputs, type WorkerProcess } from './queueCli.js';

let dir: string;
let data: string;
let queue: { url: string; stop: () => Promise<void> };
let inputs: Awaited<ReturnType<typeof writeInputs>>;
let big: string;
let workers: WorkerProcess[] = [];
/** Workers give up on a dead worker's chunk after 2 s here (EMOKB_QUEUE_STALL_MS), not 30 s. */
const FAST = { EMOKB_QUEUE_STALL_MS: '2000' };

const lines = (text: string) => text.split(/(?<=\n)/);

describe.skipIf(skipQueueTests)('the job queue under faults', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    dir = await tempDir('emokb-queue-faults-');
    data = join(dir, 'data');
    queue = await testQueue(12);
    const redis = new Redis(queue.url, { lazyConnect: true });
    await redis.connect();
    await redis.flushdb();
    redis.disconnect();
    const seeded = await runCli(['--data', data, 'stats', '--json']);
    expect(seeded.code, seeded.stderr).toBe(0);
    inputs = await writeInputs(dir);
    // 30,000 lines of about 70 bytes: 2.1 MB, twice the smallest EMOKB_QUEUE_MAX_BYTES.
    big = join(dir, 'big.txt');
    const row = (i: number) => `${i} I am so happy today, not sad but furious about the terrible news, really\n`;
    await writeFile(big, Array.from({ length: 30_000 }, (_, i) => row(i)).join(''));
  }, 120_000);
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    workers = [];
  });
  afterAll(async () => {
    await queue?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  for (const point of ['chunk', 'stored'] as const) {
    it(`kill -9 of a worker ${point === 'chunk' ? 'after tagging a chunk, before storing it' : 'after storing a chunk, before acknowledging it'}: nothing lost, nothing twice`, async () => {
      const doomed = await startWorker(data, queue.url, {
        env: { ...FAST, EMOKB_TEST_FAULT_POINT: point, EMOKB_TEST_FAULT_WAIT_MS: '120000' },
      });
      workers.push(doomed);
      const id = await submit(data, queue.url, [inputs.t1, inputs.t2, '--chunk-lines', '50']);
      const inside = await doomed.waitFor(new RegExp(`emokb-test: inside ${point} ${id} \\d+`));
      await doomed.kill();
      const chunk = Number(inside.split(' ').pop());
      workers.push(await startWorker(data, queue.url, { env: FAST }));
      const r = await collect(queue.url, id);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe((await tag(data, [inputs.t1, inputs.t2])).stdout);
      expect(chunk).toBeGreaterThanOrEqual(0);
    });
  }

  it('kill -9 of collect after some chunks: to standard output it cannot resume (CONFLICT); -o FILE again resumes it', async () => {
    workers.push(await startWorker(data, queue.url, { env: FAST }));
    const id = await submit(data, queue.url, [inputs.t1, inputs.t2, '--chunk-lines', '40']);
    const out = join(dir, 'resumed.jsonl');
    const first = startCli(['tag', 'collect', id, '--queue', queue.url, '-q', '-o', out], {
      env: { EMOKB_TEST_FAULT_POINT: 'collect', EMOKB_TEST_FAULT_WAIT_MS: '120000' },
    });
    first.stdin!.end();
    let err = '';
    await new Promise<void>((resolve) =>
      first.stderr!.setEncoding('utf8').on('data', (d: string) => {
        err += d;
        if (err.includes(`emokb-test: inside collect ${id} 1`)) resolve();
      }),
    );
    const exited = new Promise((resolve) => first.once('close', resolve));
    first.kill('SIGKILL');
    await exited;
    const refused = await collect(queue.url, id);
    expect(refused.code).toBe(10);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`error CONFLICT: job ${id}: an earlier collect already wrote its first 2 chunks (`);
    const r = await runCli(['tag', 'collect', id, '--queue', queue.url, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`emokb: job ${id}: resuming into ${out} after chunk 1 (`);
    expect(await readFile(out, 'utf8')).toBe((await tag(data, [inputs.t1, inputs.t2])).stdout);
  });

  it('a chunk that fails every try is reported with its error after EMOKB_QUEUE_ATTEMPTS tries; the rest of the job is written', async () => {
    workers.push(await startWorker(data, queue.url, { env: { ...FAST, EMOKB_TEST_FAIL_CHUNK: '2' } }));
    const id = await submit(data, queue.url, [inputs.t1, '--chunk-lines', '5'], { EMOKB_QUEUE_ATTEMPTS: '2' });
    const s = await statusUntil(queue.url, id, (x) => x.finished);
    expect(s.failed).toEqual([{ index: 2, message: 'chunk 2 (lines 11-15) failed 2 times: test fault: chunk 2 always fails' }]);
    expect(s.done).toBe(79);
    const r = await collect(queue.url, id);
    expect(r.code).toBe(17);
    expect(r.stderr).toContain(
      `emokb: error JOB_INCOMPLETE: job ${id}: 1 chunk failed after every try, and its lines are missing from the output (the rest was written in order):\n  chunk 2 (lines 11-15) failed 2 times: test fault: chunk 2 always fails\n`,
    );
    const expected = lines((await tag(data, [inputs.t1])).stdout);
    expect(lines(r.stdout)).toEqual([...expected.slice(0, 10), ...expected.slice(15)]);
  });

  it('back-pressure: the submitter waits while the job holds more than EMOKB_QUEUE_MAX_BYTES, and goes on as workers and collect drain it', async () => {
    const max = 1 << 20;
    const submitter = startCli(['--data', data, 'tag', 'submit', big, '--queue', queue.url, '--chunk-lines', '1000', '-q'], {
      env: { EMOKB_QUEUE_MAX_BYTES: String(max) },
    });
    submitter.stdin!.end();
    let out = '';
    let err = '';
    submitter.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    const waiting = new Promise<void>((resolve) =>
      submitter.stderr!.setEncoding('utf8').on('data', (d: string) => {
        err += d;
        if (err.includes('waiting for workers')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => submitter.once('close', resolve));
    await waiting;
    const id = out.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const redis = new Redis(queue.url);
    const [pending, chunks] = (await redis.hmget(`emokb:job:${id}`, 'pending', 'chunks')).map(Number);
    redis.disconnect();
    // No worker yet: what it holds is text, at most the bound (the chunk that would pass it waits).
    expect(pending).toBeLessThanOrEqual(max);
    expect(chunks).toBeLessThan(30);
    expect(err).toMatch(
      new RegExp(
        `job ${id} holds 1\\.0 MB in Redis \\(EMOKB_QUEUE_MAX_BYTES 1\\.0 MB\\): waiting for workers to tag and \`emokb tag collect ${id}\` to take results`,
      ),
    );
    workers.push(await startWorker(data, queue.url, { env: FAST }));
    const r = await collect(queue.url, id);
    expect(await exited).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe((await tag(data, [big])).stdout);
  });

  it('kill -9 of the submitter: its chunks are tagged, status says it stopped, collect writes them and exits JOB_INCOMPLETE', async () => {
    const submitter = startCli(['--data', data, 'tag', 'submit', big, '--queue', queue.url, '--chunk-lines', '1000', '-q'], {
      env: { EMOKB_QUEUE_MAX_BYTES: String(1 << 20) },
    });
    submitter.stdin!.end();
    let out = '';
    let err = '';
    submitter.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    await new Promise<void>((resolve) =>
      submitter.stderr!.setEncoding('utf8').on('data', (d: string) => {
        err += d;
        if (err.includes('waiting for workers')) resolve();
      }),
    );
    const exited = new Promise((resolve) => submitter.once('close', resolve));
    submitter.kill('SIGKILL');
    await exited;
    const id = out.trim();
    const stopped = await statusUntil(queue.url, id, (s) => !s.submitterAlive);
    expect(stopped.sealed).toBe(false);
    const text = await runCli(['tag', 'status', id, '--queue', queue.url]);
    expect(text.stdout).toContain(`submitted  ${stopped.chunks} chunks, submitter stopped before enqueuing all input`);
    workers.push(await startWorker(data, queue.url, { env: FAST }));
    const r = await collect(queue.url, id);
    expect(r.code).toBe(17);
    expect(r.stderr).toContain(
      `error JOB_INCOMPLETE: job ${id}: its submitter stopped before enqueuing all input (it enqueued ${stopped.chunks} chunks, all written here in order); submit the input again as a new job`,
    );
    // Chunks of exactly 1,000 lines: the output is emokb tag's first chunks x 1,000 lines.
    expect(lines(r.stdout)).toEqual(lines((await tag(data, [big])).stdout).slice(0, stopped.chunks * 1000));
  });

  describe('kill -9 of Redis', () => {
    let server: RedisServer;
    beforeAll(async () => {
      server = await ownRedis();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('with appendonly on, the job completes after Redis returns: the workers reconnect, nothing lost or doubled', async () => {
      const worker = await startWorker(data, server.url, { env: FAST });
      workers.push(worker);
      const id = await submit(data, server.url, [inputs.t1, inputs.t2, '--chunk-lines', '5']);
      await statusUntil(server.url, id, (s) => s.done >= 5);
      await server.kill();
      await worker.waitFor(`lost the queue at ${server.url}`);
      await server.restart();
      await worker.waitFor(`the queue at ${server.url} is back`);
      const r = await collect(server.url, id);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe((await tag(data, [inputs.t1, inputs.t2])).stdout);
    });
  });
});
