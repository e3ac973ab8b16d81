// Cold start of `emokb serve` to a ready /ready, and its peak memory (VmHWM: the most resident
// memory the process ever had, which for a first start is the seeding peak), against a baseline:
// a bare Node HTTP server started the same way (same spawn, same readiness poll) in the same run.
// Two emokb rows: the first start (an absent data directory: a new store is created and seeded)
// and a restart on the seeded store.
// Usage: npm run bench:startup [-- --runs N]
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const BARE = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () {
  process.stderr.write(JSON.stringify({ msg: 'listening', url: 'http://127.0.0.1:' + this.address().port + '/graphql' }) + '\\n');
});`;

async function start(args) {
  const began = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, EMOKB_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        try {
          const entry = JSON.parse(line);
          if (entry.msg === 'listening') resolve(entry.url.replace(/\/graphql$/, ''));
        } catch {}
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  while (
    (await fetch(`${url}/ready`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  )
    await new Promise((r) => setTimeout(r, 5));
  const ms = performance.now() - began;
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rssMb };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (name, results) => ({ name, ms: median(results.map((r) => r.ms)), rssMb: median(results.map((r) => r.rssMb)) });

const work = await mkdtemp(join(tmpdir(), 'emokb-bench-'));
const seeded = join(work, 'seeded');
await start([join(root, 'bin/emokb.js'), '--data', seeded, 'serve', '--port', '0']); // seed once

const bare = [],
  first = [],
  warm = [];
for (let i = 0; i < runs; i++) {
  bare.push(await start(['-e', BARE]));
  const fresh = join(work, `fresh-${i}`);
  first.push(await start([join(root, 'bin/emokb.js'), '--data', fresh, 'serve', '--port', '0']));
  const copy = join(work, `copy-${i}`);
  await cp(seeded, copy, { recursive: true });
  warm.push(await start([join(root, 'bin/emokb.js'), '--data', copy, 'serve', '--port', '0']));
}
await rm(work, { recursive: true, force: true });

const base = summary('bare node http server', bare);
const rows = [base, summary('emokb serve, restart (seeded store)', warm), summary('emokb serve, first start (seeds)', first)];
console.log(`startup to ready (median of ${runs} runs, node ${process.version}, ${(await import('node:os')).cpus().length} cores)`);
console.log('server                                   ms to /ready   x bare  peak RSS MB  x bare');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(40)} ${r.ms.toFixed(0).padStart(12)} ${(r.ms / base.ms).toFixed(1).padStart(8)} ${r.rssMb.toFixed(0).padStart(12)} ${(r.rssMb / base.rssMb).toFixed(1).padStart(8)}`,
  );
}
