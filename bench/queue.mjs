// The job queue (`emokb tag submit|worker|collect`) against `emokb tag` on the same input, in one
// run on this machine:
//   1. baseline: `emokb tag --workers 1` and `--workers 2` (-o a file), wall time;
//   2. one queue worker (`--concurrency 1`) end to end: from `submit` to the end of `collect`
//      (the worker started and ready before), at several chunk sizes: the queue's overhead per MB
//      against (1), its overhead per chunk (the slope of time over chunk count), the worker's peak
//      resident memory (VmHWM, polled) and Redis's peak memory, per chunk size;
//   3. two queue workers (two processes, `--concurrency 1` each) against one, at the default chunk size.
// The input is the GoEmotions training texts (../shared/data/goemotions/train.tsv) repeated to
// --mb MB in a temp dir. Redis: a throwaway redis-server started here (appendonly, fsync every
// second, as scripts/services.sh runs it), or EMOKB_QUEUE. Every figure is printed beside its
// baseline; nothing is asserted. The machine's load average is printed: other work on it moves
// every figure.
// Usage: npm run build && node bench/queue.mjs [--mb 10] [--chunks 1000,10000,50000]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'emokb.js');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const targetMb = Number(arg('--mb', 5));
const chunkSizes = String(arg('--chunks', '1000,10000,40000')).split(',').map(Number);
const { CHUNK_LINES } = await import('../dist/cli/tagQueue.js');

const dir = await mkdtemp(join(tmpdir(), 'emokb-bench-queue-'));
const data = join(dir, 'data');
const input = join(dir, 'input.txt');
const texts = (await readFile(join(root, '..', 'shared', 'data', 'goemotions', 'train.tsv'), 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((row) => row.slice(0, row.indexOf('\t')));
const block = `${texts.join('\n')}\n`;
const copies = Math.max(1, Math.round((targetMb * 1e6) / Buffer.byteLength(block)));
await writeFile(input, block.repeat(copies));
const inputBytes = (await stat(input)).size;
const inputLines = texts.length * copies;
const mb = inputBytes / 1e6;

/** Runs the CLI to the end; resolves with its standard output, standard error and wall time. */
function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, '--data', data, ...args], {
      env: { ...process.env, EMOKB_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ out, err, ms: performance.now() - t0 }) : reject(new Error(`emokb ${args.join(' ')}: exit ${code}\n${err}`)),
    );
  });
}

/** Peak resident memory of a process so far (VmHWM, kB), or 0 where /proc is not there. */
async function peakKb(pid) {
  try {
    return Number((await readFile(`/proc/${pid}/status`, 'utf8')).match(/VmHWM:\s+(\d+)/)[1]);
  } catch {
    return 0;
  }
}

/** A queue worker process; resolves once it says it is ready. */
function startWorker(queue) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data', data, 'tag', 'worker', '--queue', queue, '--concurrency', '1'], {
      env: { ...process.env, EMOKB_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let peak = 0;
    const poll = setInterval(async () => (peak = Math.max(peak, await peakKb(child.pid))), 100);
    child.stderr.on('data', (d) => {
      err += d;
      if (err.includes('worker ready'))
        resolve({
          peakMb: async () => Math.max(peak, await peakKb(child.pid)) / 1024,
          stop: () =>
            new Promise((done) => {
              clearInterval(poll);
              child.once('close', done);
              child.kill('SIGTERM');
            }),
        });
    });
    child.on('close', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${err}`)));
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** @type {import('node:child_process').ChildProcess | undefined} */
let redis;
let queue = process.env.EMOKB_QUEUE;
if (!queue) {
  const port = await freePort();
  await new Promise((resolve, reject) => {
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    redis.on('error', reject);
    let log = '';
    redis.stdout.on('data', (d) => {
      log += d;
      if (log.includes('Ready to accept connections')) resolve(undefined);
    });
  });
  queue = `redis://127.0.0.1:${port}`;
}
const { Redis } = await import('ioredis');
const client = new Redis(queue);
const redisPeakMb = async () => Number((await client.info('memory')).match(/used_memory_peak:(\d+)/)[1]) / 1e6;

/** One job end to end, workers already running: submit (returns once all is enqueued), then collect. */
async function queueRun(chunkLines, file = input, lines = inputLines) {
  await client.config('RESETSTAT');
  await client.memory('PURGE').catch(() => {});
  const t0 = performance.now();
  const { out } = await run(['tag', 'submit', file, '--queue', queue, '--chunk-lines', String(chunkLines), '-q']);
  const id = out.trim();
  const collected = await run(['tag', 'collect', id, '--queue', queue, '-q', '-o', join(dir, 'queue.jsonl')]);
  const ms = performance.now() - t0;
  const chunks = Math.ceil(lines / chunkLines);
  return { ms, chunks, collectMs: collected.ms };
}

const fmt = (x, d = 1) => x.toFixed(d);
console.log(
  `input: ${fmt(mb)} MB, ${inputLines} lines (GoEmotions train texts x ${copies}); queue ${queue}; load average at start ${loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')}`,
);
await run(['stats']); // seed the store and compile the lexicon cache outside the timings
await run(['tag', '-q', '-o', join(dir, 'warm.jsonl'), input, '--workers', '1']);

const base1 = await run(['tag', '-q', '-o', join(dir, 'tag1.jsonl'), input, '--workers', '1']);
const base2 = await run(['tag', '-q', '-o', join(dir, 'tag2.jsonl'), input, '--workers', '2']);
const outputBytes = (await stat(join(dir, 'tag1.jsonl'))).size;
console.log(
  `\nbaseline emokb tag --workers 1: ${fmt(base1.ms / 1000, 2)} s (${fmt(mb / (base1.ms / 1000))} MB/s); --workers 2: ${fmt(base2.ms / 1000, 2)} s (${fmt(mb / (base2.ms / 1000))} MB/s)`,
);
console.log(`output: ${fmt(outputBytes / 1e6)} MB of JSON Lines, ${fmt(outputBytes / inputBytes, 2)} bytes out per byte in`);

console.log('\none worker (--concurrency 1), submit to end of collect, by chunk size:');
console.log('chunk lines | chunks | time s | MB/s | vs tag --workers 1 | overhead s/MB | worker peak MB | Redis peak MB');
const sweep = [];
for (const lines of chunkSizes) {
  const worker = await startWorker(queue);
  const r = await queueRun(lines);
  const peak = await worker.peakMb();
  await worker.stop();
  const redisMb = await redisPeakMb();
  sweep.push({ lines, ...r });
  console.log(
    `${String(lines).padStart(11)} | ${String(r.chunks).padStart(6)} | ${fmt(r.ms / 1000, 2).padStart(6)} | ${fmt(mb / (r.ms / 1000)).padStart(4)} | ${fmt(r.ms / base1.ms, 2).padStart(18)} | ${fmt((r.ms - base1.ms) / 1000 / mb, 3).padStart(13)} | ${fmt(peak, 0).padStart(14)} | ${fmt(redisMb, 0).padStart(13)}`,
  );
}
// Overhead per chunk, apart from tagging: 3,000 short lines as 3,000 chunks of one line against one chunk.
const tiny = join(dir, 'tiny.txt');
await writeFile(tiny, `${texts.slice(0, 3000).join('\n')}\n`);
{
  const worker = await startWorker(queue);
  const many = await queueRun(1, tiny, 3000);
  const once = await queueRun(3000, tiny, 3000);
  await worker.stop();
  console.log(
    `overhead per chunk: ${fmt((many.ms - once.ms) / (3000 - 1), 2)} ms (3,000 one-line chunks ${fmt(many.ms / 1000, 2)} s against one chunk of 3,000 lines ${fmt(once.ms / 1000, 2)} s, 1 worker)`,
  );
}

console.log(`\ntwo workers against one (--chunk-lines ${CHUNK_LINES}, each worker --concurrency 1):`);
const one = await startWorker(queue);
const r1 = await queueRun(CHUNK_LINES);
const two = await startWorker(queue);
const r2 = await queueRun(CHUNK_LINES);
await Promise.all([one.stop(), two.stop()]);
console.log(
  `1 worker: ${fmt(r1.ms / 1000, 2)} s (${fmt(mb / (r1.ms / 1000))} MB/s); 2 workers: ${fmt(r2.ms / 1000, 2)} s (${fmt(mb / (r2.ms / 1000))} MB/s): ${fmt(r1.ms / r2.ms, 2)}x; emokb tag --workers 2 beside them: ${fmt(mb / (base2.ms / 1000))} MB/s`,
);
console.log(
  `load average at end ${loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')}`,
);

client.disconnect();
if (redis) redis.kill('SIGTERM');
await rm(dir, { recursive: true, force: true });
