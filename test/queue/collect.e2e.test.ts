// `emokb tag submit|worker|status|collect` end to end: the real CLI, real worker processes and a
// real Redis (test/helpers/redis.ts). The collected output of a job is `emokb tag`'s on the same
// files with the same options, byte for byte, bad lines included; two jobs at once do not mix; bad
// arguments are refused before anything is written; a worker with another knowledge base version
// leaves the job to others.
import { cp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { skipQueueTests, testQueue } from '../helpers/redis.js';
import { collect, startWorker, status, statusUntil, submit, tag, writeInputs, type WorkerProcess } from './queueCli.js';

let dir: string;
let data: string;
let queue: { url: string; stop: () => Promise<void> };
let inputs: Awaited<ReturnType<typeof writeInputs>>;
const workers: WorkerProcess[] = [];

describe.skipIf(skipQueueTests)('emokb tag on a job queue', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = await tempDir('emokb-queue-');
    data = join(dir, 'data');
    queue = await testQueue(11);
    const redis = new Redis(queue.url, { lazyConnect: true });
    await redis.connect();
    await redis.flushdb();
    redis.disconnect();
    const seeded = await runCli(['--data', data, 'stats', '--json']);
    expect(seeded.code, seeded.stderr).toBe(0);
    inputs = await writeInputs(dir);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await queue?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('collects exactly what emokb tag writes: two jobs at once on two workers, text and JSON Lines, bad lines included', async () => {
    workers.push(await startWorker(data, queue.url), await startWorker(data, queue.url));
    const jobs = [
      { args: [inputs.t1, inputs.t2], chunk: '7' },
      { args: [inputs.j1, inputs.j2, '--tiers', 'primary', '--no-matches'], chunk: '5' },
      { args: [inputs.j1, '--scheme', 'ekman', '--output-format', 'emotionml'], chunk: '33' },
      { args: [inputs.t2, inputs.t1, '--per-sentence', '--negation', 'opposite'], chunk: '1000' },
    ];
    // All submitted before any is collected: their chunks are in the queue together.
    const ids = await Promise.all(jobs.map((j) => submit(data, queue.url, [...j.args, '--chunk-lines', j.chunk])));
    expect(new Set(ids).size).toBe(jobs.length);
    const collected = await Promise.all(ids.map((id) => collect(queue.url, id)));
    for (const [i, job] of jobs.entries()) {
      const expected = await tag(data, job.args);
      expect(expected.code).toBe(0);
      expect(collected[i]!.code, collected[i]!.stderr).toBe(0);
      expect(collected[i]!.stdout).toBe(expected.stdout);
    }
    // The error records are there, with emokb tag's line numbers counted over both files.
    expect(collected[0]!.stdout).toContain('"line":406,"error":{"code":"BAD_INPUT","message":"line 406: is not valid UTF-8 text');
    expect(collected[1]!.stdout).toContain(
      '{"id":"x13","line":14,"error":{"code":"BAD_INPUT","message":"line 14: field \\"text\\" is missing"}}',
    );
    // Both workers took chunks (7-line chunks of 800 lines: 115 chunks to share).
    expect(workers[0]!.stderr()).toContain(`tagging job ${ids[0]}`);
    expect(workers[1]!.stderr()).toContain(`tagging job ${ids[0]}`);
    // Collected jobs are deleted from the queue.
    const gone = await collect(queue.url, ids[0]!);
    expect(gone.code).toBe(5);
    expect(gone.stderr).toMatch(
      /error NOT_FOUND: job "[0-9a-f]{12}": no such job on the queue at redis:\/\/.* \(a job is deleted once collected/,
    );
  });

  it('writes -o FILE, and status reports the finished job', async () => {
    const id = await submit(data, queue.url, [inputs.t1, '--chunk-lines', '50']);
    const done = await statusUntil(queue.url, id, (s) => s.finished);
    expect(done).toMatchObject({ id, chunks: 8, sealed: true, done: 8, failed: [], inFlight: 0, lines: 400 });
    expect(done.kb).toMatch(/^emokb \d+\.\d+\.\d+, lexicon [0-9a-f]{16}$/);
    const text = await runCli(['tag', 'status', id, '--queue', queue.url]);
    expect(text.stdout).toMatch(/^job {8}[0-9a-f]{12}\n[\s\S]*\ndone {7}8\nfailed {5}0\nin flight {2}0\n[\s\S]*state {6}finished\n$/);
    const out = join(dir, 'out.jsonl');
    const r = await collect(queue.url, id, ['-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(await readFile(out, 'utf8')).toBe((await tag(data, [inputs.t1])).stdout);
  });

  it('--strict: stops where emokb tag stops, with its message and exit status, after the same lines', async () => {
    const expected = await tag(data, [inputs.j1, '--strict']);
    expect(expected.code).toBe(2);
    const id = await submit(data, queue.url, [inputs.j1, '--strict', '--chunk-lines', '2']);
    const r = await collect(queue.url, id);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(expected.stdout);
    expect(r.stderr.trim()).toBe(expected.stderr.trim());
    expect(r.stderr).toMatch(
      /error BAD_INPUT: line 4: not valid JSON .*\(--strict: stopped; results up to the line before it were written\)/,
    );
  });

  it('refuses bad arguments and an unreachable queue, saying what and where, writing nothing', async () => {
    const out = join(dir, 'never.jsonl');
    const cases: Array<[string[], number, RegExp]> = [
      [
        ['tag', 'submit', inputs.t1, '--queue', 'http://localhost:6379'],
        2,
        /BAD_INPUT: --queue: "http:\/\/localhost:6379" is not a redis:\/\/ URL/,
      ],
      [
        ['tag', 'submit', inputs.t1, '--queue', 'redis://127.0.0.1:6379/x'],
        2,
        /BAD_INPUT: --queue: .* has a path that is not a database number/,
      ],
      [['tag', 'submit', inputs.t1], 2, /BAD_INPUT: --queue: no job queue given; give --queue redis:\/\/HOST:PORT or set EMOKB_QUEUE/],
      [
        ['tag', 'submit', inputs.t1, '--queue', queue.url, '--chunk-lines', '0'],
        2,
        /BAD_INPUT: --chunk-lines: "0" is not a whole number from 1 to 1000000/,
      ],
      [['tag', 'submit', inputs.t1, '--queue', queue.url, '--chunk-lines', '1e9'], 2, /BAD_INPUT: --chunk-lines: "1e9"/],
      [['tag', 'submit', join(dir, 'missing.txt'), '--queue', queue.url], 2, /BAD_INPUT: .*missing\.txt: cannot read \(ENOENT\)/],
      [
        ['tag', 'worker', '--queue', queue.url, '--concurrency', '100000'],
        2,
        /BAD_INPUT: --concurrency: "100000" is not a whole number from 1 to \d+/,
      ],
      [
        ['tag', 'submit', inputs.t1, '--queue', 'redis://127.0.0.1:1'],
        16,
        /QUEUE_UNAVAILABLE: --queue redis:\/\/127\.0\.0\.1:1: cannot connect to Redis \(ECONNREFUSED\)/,
      ],
      [['tag', 'collect', '0123456789ab', '--queue', 'redis://127.0.0.1:1', '-o', out], 16, /QUEUE_UNAVAILABLE/],
      [['tag', 'collect', '0123456789ab', '--queue', queue.url, '-o', out], 5, /NOT_FOUND: job "0123456789ab": no such job/],
      [['tag', 'status', 'nope', '--queue', queue.url], 5, /NOT_FOUND: job "nope": no such job/],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(['--data', data, ...args], { env: { EMOKB_QUEUE: undefined as unknown as string } });
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
    }
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
    const empty = await runCli(['tag', 'status', 'x'], { env: { EMOKB_QUEUE: '' } });
    expect(empty.stderr).toMatch(/BAD_INPUT: EMOKB_QUEUE: "" is not a URL/);
  });

  it('a worker with another knowledge base version leaves the job to others and says so; a matching worker tags it', async () => {
    for (const w of workers.splice(0)) expect(await w.stop()).toBe(0);
    const other = join(dir, 'other-data');
    await cp(data, other, { recursive: true });
    const edit = await runCli(['--data', other, 'term', 'add', 'glumtastic', '--emotion', 'gloom', '--pos', 'adjective']);
    expect(edit.code, edit.stderr).toBe(0);
    const stranger = await startWorker(other, queue.url);
    workers.push(stranger);
    const id = await submit(data, queue.url, [inputs.t1, '--chunk-lines', '100']);
    const said = await stranger.waitFor(
      new RegExp(
        `refusing job ${id}: it was submitted with knowledge base emokb [^;]+; this worker has emokb [^(]+\\(left for a worker with that version\\)`,
      ),
    );
    expect(said).toBeTruthy();
    const refused = await statusUntil(queue.url, id, (s) => s.refused !== undefined);
    expect(refused).toMatchObject({ done: 0, failed: [], inFlight: 4 });
    expect(refused.refused).toMatch(/pid \d+ has emokb .*, lexicon [0-9a-f]{16}$/);
    workers.push(await startWorker(data, queue.url));
    const r = await collect(queue.url, id);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe((await tag(data, [inputs.t1])).stdout);
    expect(stranger.stderr()).not.toContain(`tagging job ${id}`);
    expect(await status(queue.url, id).catch((e: Error) => e.message)).toMatch(/status failed \(5\)/);
  });
});
