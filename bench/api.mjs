// Load benchmark of the GraphQL API against a bare graphql-yoga server answering `{ hello }`, both
// on loopback, each driven by autocannon at the same concurrency; prints req/s, p50/p99 latency and
// the ratio to the bare server, for
//   (a) emotion(label: "irritation") { path children terms(first: 10) }   target >= 70% of bare
//   (b) classify of a 300-character text                                   target >= 40% of bare
// with p99 < 25 ms at 20 connections. The targets are against bare yoga as it comes (its default
// 25 MB body limit pipes every request body through a stream transform). emokb turns that pipe off
// (its own body limit needs none), so a second baseline, "lean bare", is yoga with the same setting:
// the ratios against it are printed too, so no part of the gain is the baseline's handicap. Both
// bare servers run with NODE_ENV=production, as `emokb serve` does. `{ version }` on emokb shows the
// fixed cost of its plugin stack (request id, limits, metrics, access log). The contenders run
// alternately (bare, lean, version, a, b, bare, ...) so that load from elsewhere on the machine hits
// all alike; each run also reports the server's own CPU time per request (from /proc), which other
// load on the machine moves far less than req/s (the summary gives its median). `--soak S` then drives query (a) and (b) for S seconds, sampling the server's RSS, and
// fails on any error or on memory that keeps growing. Loopback only; every loop is bounded; it
// stops by itself.
// Usage: npm run bench:api [-- --duration 10] [-- --connections 20] [-- --rounds 2] [-- --soak 120]
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const duration = arg('--duration', 10);
const connections = arg('--connections', 20);
const rounds = arg('--rounds', 2);
const soak = arg('--soak', 0);
const HOST = '127.0.0.1';

const QUERY_A = '{ emotion(label: "irritation") { path { label } children { label } terms(first: 10) { edges { node { lemma } } } } }';
const TEXT =
  'I was so annoyed this morning when the train was late again, and then furious when they cancelled it. ' +
  'By lunch I felt hopeless about the whole week, but a friend called and I was relieved and even a bit happy. ' +
  'Still, I dread tomorrow and I am nervous about the meeting, worried it will go wrong once more!!';
const QUERY_B = 'query($t: String!) { classify(text: $t) { dominant { primary secondary tertiary } scores { primary { label score } } } }';

// --- the bare baseline: graphql-yoga with one field, in a process of its own like emokb -----------
const BARE = `
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }), logging: false, graphiql: false, landingPage: false, ...(process.env.BARE_LEAN ? { maxRequestBodySize: false } : {}) });
const server = createServer(yoga);
server.listen(0, '${HOST}', () => console.log(JSON.stringify({ port: server.address().port })));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function startBare(lean = false) {
  // NODE_ENV as `emokb serve` runs (it sets production unless told otherwise), so graphql-js's
  // development checks cost neither side.
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production', ...(lean ? { BARE_LEAN: '1' } : {}) },
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (line) => resolve(JSON.parse(line).port));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url: `http://${HOST}:${port}`, pid: child.pid, close: () => (child.kill('SIGTERM'), new Promise((r) => child.once('exit', r))) };
}

// --- emokb: the real CLI on a seeded copy of the store ---------------------------------------------
const TEMPLATE = join(tmpdir(), 'emokb-bench-api-store');

async function waitFor(url, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became ready`);
}

/** Starts `emokb serve`; its URL comes from server.json, written once the store is open and ready. */
async function startEmokb(dataDir) {
  // The server's log goes to /dev/null: it is still written (its cost is measured), but this
  // process, which also runs the load generator, does not spend CPU reading it.
  const child = spawn(process.execPath, [join(root, 'bin', 'emokb.js'), '--data', dataDir, 'serve', '--port', '0', '--host', HOST], {
    cwd: root,
    env: { ...process.env, EMOKB_LOG_LEVEL: process.env.EMOKB_LOG_LEVEL ?? 'info' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    const info = await readFile(join(dataDir, 'server.json'), 'utf8').then(
      (t) => JSON.parse(t),
      () => null,
    );
    if (info?.pid === child.pid) return { child, url: info.url };
    if (child.exitCode !== null) throw new Error(`emokb serve exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('emokb serve was not ready in 300 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function seededCopy() {
  if (!(await stat(join(TEMPLATE, 'CURRENT')).catch(() => null))) {
    process.stdout.write(`seeding a template store in ${TEMPLATE} (once; the full lexicon takes a while)...\n`);
    await rm(TEMPLATE, { recursive: true, force: true });
    const { child, url } = await startEmokb(TEMPLATE);
    await waitFor(`${url}/ready`, 300_000);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const dir = await mkdtemp(join(tmpdir(), 'emokb-bench-api-'));
  await cp(TEMPLATE, join(dir, 'data'), { recursive: true });
  await rm(join(dir, 'data', 'server.json'), { force: true });
  return join(dir, 'data');
}

/** CPU time (user + system, ms) the process has used, from /proc; 0 where there is none. */
async function cpuMs(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields.length > 13 ? ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 : 0; // clock ticks of 10 ms
}

function rss(pid) {
  return readFile(`/proc/${pid}/status`, 'utf8').then(
    (s) => Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0) * 1024,
    () => 0,
  );
}

function drive(url, body, seconds) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration: seconds,
        pipelining: 1,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  const dataDir = await seededCopy();
  const bare = await startBare();
  const lean = await startBare(true);
  const emokb = await startEmokb(dataDir);
  await waitFor(`${emokb.url}/ready`, 120_000);
  const bodies = {
    bare: JSON.stringify({ query: '{ hello }' }),
    lean: JSON.stringify({ query: '{ hello }' }),
    version: JSON.stringify({ query: '{ version { version } }' }),
    a: JSON.stringify({ query: QUERY_A }),
    b: JSON.stringify({ query: QUERY_B, variables: { t: TEXT.slice(0, 300) } }),
  };
  const urlOf = (name) => (name === 'bare' ? bare.url : name === 'lean' ? lean.url : emokb.url);
  const pidOf = (name) => (name === 'bare' ? bare.pid : name === 'lean' ? lean.pid : emokb.child.pid);
  // Correctness first: the answers the load will repeat.
  for (const [name, body] of Object.entries(bodies)) {
    const answer = /** @type {any} */ (
      await (await fetch(`${urlOf(name)}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()
    );
    if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
  }
  const terms = /** @type {any} */ (
    await (await fetch(`${emokb.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies.a })).json()
  ).data.emotion.terms.edges.length;
  console.log(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; ${connections} connections, ${duration} s per run, ${rounds} rounds; query (a) returns ${terms} terms; text (b) ${TEXT.slice(0, 300).length} characters`,
  );
  const names = ['bare', 'lean', 'version', 'a', 'b'];
  // Warm up all (JIT, caches, and emokb's compiled queries).
  for (const name of names) await drive(urlOf(name), bodies[name], 2);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const before = await cpuMs(pidOf(name));
      const result = await drive(urlOf(name), bodies[name], duration);
      // The server's own CPU per request: unlike req/s, barely moved by other load on the machine.
      result.cpuUs = (((await cpuMs(pidOf(name))) - before) * 1000) / Math.max(1, result.requests.total);
      runs[name].push(result);
      const bad = result.errors + result.timeouts + (result.non2xx ?? 0);
      console.log(
        `  round ${round + 1} ${name.padEnd(7)} ${fmt(result.requests.average).padStart(7)} req/s  p50 ${fmt(result.latency.p50, 1)} ms  p99 ${fmt(result.latency.p99, 1)} ms  server CPU ${fmt(result.cpuUs)} us/request${bad ? `  ERRORS ${bad}` : ''}`,
      );
    }
  }
  const summary = (name) => {
    const list = runs[name];
    const avg = (f) => list.reduce((s, r) => s + f(r), 0) / list.length;
    const cpu = [...list.map((r) => r.cpuUs)].sort((x, y) => x - y);
    return {
      rps: avg((r) => r.requests.average),
      p50: avg((r) => r.latency.p50),
      p99: avg((r) => r.latency.p99),
      cpuUs: cpu[Math.floor(cpu.length / 2)],
      errors: list.reduce((s, r) => s + r.errors + r.timeouts + (r.non2xx ?? 0), 0),
    };
  };
  const base = summary('bare');
  const leanBase = summary('lean');
  const pct = (s, b) => `${fmt((s.rps / b.rps) * 100)}%`;
  const cpu = (s) => fmt(s.cpuUs);
  console.log('\n| server / query | req/s | p50 ms | p99 ms | vs bare | vs lean bare | server CPU us/request | target |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  console.log(
    `| bare yoga \`{ hello }\` | ${fmt(base.rps)} | ${fmt(base.p50, 1)} | ${fmt(base.p99, 1)} | 100% | ${pct(base, leanBase)} | ${cpu(base)} | |`,
  );
  console.log(
    `| lean bare yoga \`{ hello }\` (maxRequestBodySize: false) | ${fmt(leanBase.rps)} | ${fmt(leanBase.p50, 1)} | ${fmt(leanBase.p99, 1)} | ${pct(leanBase, base)} | 100% | ${cpu(leanBase)} | |`,
  );
  const version = summary('version');
  console.log(
    `| emokb \`{ version { version } }\` | ${fmt(version.rps)} | ${fmt(version.p50, 1)} | ${fmt(version.p99, 1)} | ${pct(version, base)} | ${pct(version, leanBase)} | ${cpu(version)} | |`,
  );
  let pass = true;
  for (const [name, label, target] of /** @type {Array<[string, string, number]>} */ ([
    ['a', '(a) emotion + path + children + terms(10)', 0.7],
    ['b', '(b) classify, 300 characters', 0.4],
  ])) {
    const s = summary(name);
    const ratio = s.rps / base.rps;
    const ok = ratio >= target && s.p99 < 25 && s.errors === 0;
    pass &&= ok;
    console.log(
      `| emokb ${label} | ${fmt(s.rps)} | ${fmt(s.p50, 1)} | ${fmt(s.p99, 1)} | ${pct(s, base)} | ${pct(s, leanBase)} | ${cpu(s)} | >= ${target * 100}% of bare, p99 < 25 ms: ${ok ? 'met' : 'NOT met'} |`,
    );
  }

  if (soak > 0) {
    console.log(`\nsoak: ${soak} s alternating (a) and (b), ${connections} connections, RSS sampled every 5 s`);
    const samples = [];
    const sampler = setInterval(async () => samples.push(await rss(emokb.child.pid)), 5000);
    let errors = 0,
      requests = 0;
    const slice = 10;
    for (let t = 0; t < soak; t += slice) {
      const r = await drive(emokb.url, (t / slice) % 2 ? bodies.b : bodies.a, Math.min(slice, soak - t));
      errors += r.errors + r.timeouts + (r.non2xx ?? 0);
      requests += r.requests.total;
    }
    clearInterval(sampler);
    const mb = (b) => fmt(b / 1048576, 0);
    const third = Math.max(1, Math.floor(samples.length / 3));
    const early = Math.max(...samples.slice(0, third)),
      late = Math.max(...samples.slice(-third));
    const growth = (late - early) / early;
    console.log(`  ${fmt(requests)} requests, ${errors} errors; RSS (MB) ${samples.map(mb).join(' ')}`);
    console.log(
      `  peak RSS first third ${mb(early)} MB, last third ${mb(late)} MB (${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%): ${errors === 0 && growth < 0.1 ? 'flat, no errors' : 'NOT flat or errors'}`,
    );
    pass &&= errors === 0 && growth < 0.1;
  }

  emokb.child.kill('SIGTERM');
  await new Promise((r) => emokb.child.once('exit', r));
  await bare.close();
  await lean.close();
  await rm(join(dataDir, '..'), { recursive: true, force: true });
  console.log(pass ? '\nall targets met' : '\nsome targets NOT met (see above; the machine may be loaded)');
}

await main();
