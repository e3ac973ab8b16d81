// Replicas over a SPARQL store (Virtuoso) against `emokb serve` on the embedded store, on loopback:
//   1. read throughput of one replica and of the embedded server, the query of bench:api (a), by
//      autocannon at the same concurrency, alternately (embedded, replica, embedded, ...);
//   2. edit latency: GraphQL `applyEdit` (a term added) through the embedded server and through a
//      replica, one at a time, median and p95;
//   3. pickup: after an edit through replica A, how long until replicas B and C serve the new version
//      (each asked every 5 ms), with the default poll interval (EMOKB_POLL_MS, 250 ms);
//   4. the database's load from version polling: the CPU time Virtuoso spends per second, idle and
//      with 10 pollers sending the replicas' version query every 250 ms (the query a replica sends,
//      from 10 clients: ten whole replicas do not fit on this machine beside Virtuoso).
// Figures and ratios only, no assertions. Needs the services: `set -a; eval "$(scripts/services.sh start
// virtuoso)"; set +a` (EMOKB_STORE=sparql:...), and `npm run build` first. Every loop is bounded.
// Usage: node bench/replicas.mjs [--duration 8] [--edits 15] [--rounds 2]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const duration = arg('--duration', 8);
const edits = arg('--edits', 15);
const rounds = arg('--rounds', 2);
const connections = 20;
const TOKEN = 'bench-replicas-token-0123456789abcdef';
const QUERY_A = '{ emotion(label: "irritation") { path { label } children { label } terms(first: 10) { edges { node { lemma } } } } }';

if (!process.env.EMOKB_STORE?.startsWith('sparql:')) {
  console.error(
    'bench/replicas.mjs: EMOKB_STORE is not a sparql: URL; run set -a; eval "$(scripts/services.sh start virtuoso)"; set +a first',
  );
  process.exit(2);
}
const queryUrl = process.env.EMOKB_STORE.slice('sparql:'.length);
const graphs = `urn:emokb:bench:${Date.now()}:`;

const children = [];
function start(args, env) {
  const child = spawn(process.execPath, [join(root, 'bin/emokb.js'), ...args], {
    cwd: root,
    env: { ...process.env, EMOKB_LOG_LEVEL: 'info', EMOKB_ACCESS_LOG: 'off', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  /** When (epoch ms, the log line's own time) each version was taken in from the store. */
  const tookIn = new Map();
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      buffer += d;
      for (const m of d.matchAll(/\{[^\n]*"took in changes from the shared store"[^\n]*\}/g)) {
        const entry = JSON.parse(m[0]);
        tookIn.set(entry.version, entry.time);
      }
      const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(buffer);
      if (m) resolve({ url: m[1], child, tookIn });
    });
    child.once('exit', (code) => reject(new Error(`emokb exited with ${code}: ${buffer.slice(-2000)}`)));
  });
}

async function ready(url) {
  const end = Date.now() + 300_000;
  while (Date.now() < end) {
    if (
      (await fetch(`${url}/ready`)
        .then((r) => r.status)
        .catch(() => 0)) === 200
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready within 300 s`);
}

/** @returns {Promise<any>} */
const post = (url, body, auth) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json());

const version = async (url) => (await post(url, { query: '{ version { version } }' })).data.version.version;

function drive(url, seconds) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY_A }),
        connections,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

async function editLatency(url, token, prefix) {
  const times = [];
  for (let i = 0; i < edits; i++) {
    const t = performance.now();
    const body = await post(
      url,
      {
        query: 'mutation($edit: EditInput!) { applyEdit(edit: $edit) { change } }',
        variables: { edit: { kind: 'TERM_ADD', author: 'bench', text: `${prefix}word${i}`, emotion: 'fury', weight: 0.5 } },
      },
      token,
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    times.push(performance.now() - t);
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** CPU seconds (user + system) of a process so far, from /proc. */
async function cpuSeconds(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function virtuosoPid() {
  const { execFileSync } = await import('node:child_process');
  const pids = execFileSync('pgrep', ['-f', 'virtuoso-t'], { encoding: 'utf8' }).trim().split('\n').map(Number);
  // The one whose configuration names the HTTP port of EMOKB_STORE.
  const port = new URL(queryUrl).port;
  for (const pid of pids) {
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    const ini = cmd.split('\0').find((a) => a.endsWith('.ini'));
    if (ini && (await readFile(ini, 'utf8')).includes(`:${port}`)) return pid;
  }
  throw new Error(`no virtuoso-t serving port ${port}`);
}

async function pollingLoad(pid, pollers, seconds) {
  const VERSION_QUERY = `SELECT ?v WHERE { GRAPH <${graphs}graph:meta> { <${graphs}store> <${graphs}version> ?v } }`;
  let stop = false;
  let requests = 0;
  const loops = Array.from({ length: pollers }, async () => {
    while (!stop) {
      const t = Date.now();
      await fetch(queryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
        body: new URLSearchParams({ query: VERSION_QUERY }),
      }).then((r) => r.text());
      requests++;
      await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - t))));
    }
  });
  const before = await cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const used = (await cpuSeconds(pid)) - before;
  stop = true;
  await Promise.all(loops);
  return { cpuPerSecond: used / seconds, requestsPerSecond: requests / seconds };
}

try {
  const dir = await mkdtemp(join(tmpdir(), 'emokb-bench-replicas-'));
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${TOKEN}\n`);
  const shared = { EMOKB_SPARQL_GRAPHS: graphs, EMOKB_EDIT_TOKEN_FILE: tokenFile };
  const t0 = performance.now();
  const a = await start(['serve', '--port', '0'], shared);
  await ready(a.url);
  const seedMs = performance.now() - t0;
  const [b, c] = await Promise.all([start(['serve', '--port', '0'], shared), start(['serve', '--port', '0'], shared)]);
  await Promise.all([ready(b.url), ready(c.url)]);
  // --data on the command line wins over EMOKB_STORE from the environment.
  const embedded = await start(['--data', join(dir, 'data'), 'serve', '--port', '0'], {});
  await ready(embedded.url);
  // server.json is written just after /ready turns 200.
  let embeddedToken;
  for (let i = 0; i < 100 && !embeddedToken; i++) {
    embeddedToken = await readFile(join(dir, 'data', 'server.json'), 'utf8').then(
      (t) => JSON.parse(t).token,
      () => undefined,
    );
    if (!embeddedToken) await new Promise((r) => setTimeout(r, 50));
  }
  console.log(
    `replicas over ${queryUrl} (graphs ${graphs}); first replica seeded the empty store and was ready in ${(seedMs / 1000).toFixed(1)} s`,
  );

  // 1. read throughput
  const reads = { embedded: [], replica: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, url] of [
      ['embedded', embedded.url],
      ['replica', a.url],
    ]) {
      const result = await drive(url, duration);
      reads[name].push({ rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx });
    }
  }
  const best = (runs) => runs.reduce((x, y) => (y.rps > x.rps ? y : x));
  const re = best(reads.embedded);
  const rr = best(reads.replica);
  console.log(`\n1. reads, query (a) of bench:api, ${connections} connections, ${duration} s x ${rounds} rounds alternating (best round):`);
  console.log(`   embedded store   ${re.rps.toFixed(0).padStart(6)} req/s  p99 ${re.p99} ms  errors ${re.errors}`);
  console.log(
    `   SPARQL replica   ${rr.rps.toFixed(0).padStart(6)} req/s  p99 ${rr.p99} ms  errors ${rr.errors}   ratio ${((rr.rps / re.rps) * 100).toFixed(1)}%`,
  );

  // 2. edit latency
  const le = await editLatency(embedded.url, embeddedToken, 'embedded');
  const lr = await editLatency(a.url, TOKEN, 'replica');
  console.log(`\n2. edit latency, applyEdit (term add), ${edits} one after another:`);
  console.log(`   embedded store   median ${le.median.toFixed(0)} ms  p95 ${le.p95.toFixed(0)} ms`);
  console.log(
    `   SPARQL replica   median ${lr.median.toFixed(0)} ms  p95 ${lr.p95.toFixed(0)} ms   ratio ${(lr.median / le.median).toFixed(2)}x`,
  );

  // 3. pickup time
  const pickups = [];
  const takenIn = [];
  for (let i = 0; i < 10; i++) {
    await post(
      a.url,
      {
        query: 'mutation($edit: EditInput!) { applyEdit(edit: $edit) { change } }',
        variables: { edit: { kind: 'TERM_ADD', author: 'bench', text: `pickup${i}`, emotion: 'fury', weight: 0.5 } },
      },
      TOKEN,
    );
    const t = performance.now();
    const target = await version(a.url);
    const seen = await Promise.all(
      [b.url, c.url].map(async (url) => {
        const end = Date.now() + 10_000;
        while (Date.now() < end) {
          if ((await version(url)) >= target) return performance.now() - t;
          await new Promise((r) => setTimeout(r, 5));
        }
        return Infinity;
      }),
    );
    pickups.push(Math.max(...seen));
    // When both had taken the change in (their log lines), before the first request that shows it.
    const edited = Date.now() - (performance.now() - t);
    takenIn.push(Math.max(...[b, c].map((r) => (r.tookIn.get(target) ?? Infinity) - edited)));
  }
  console.log(`\n3. pickup: an edit through replica A until B and C both serve it (poll every 250 ms), 10 edits:`);
  console.log(
    `   served: median ${quantile(pickups, 0.5).toFixed(0)} ms  max ${Math.max(...pickups).toFixed(0)} ms (the first answer showing the new version)`,
  );
  console.log(
    `   taken in: median ${quantile(takenIn, 0.5).toFixed(0)} ms  max ${Math.max(...takenIn).toFixed(0)} ms (the replicas' own log lines: poll wait + log entries read + new snapshot)`,
  );

  // 4. polling load on the database
  for (const r of [a, b, c]) r.child.kill('SIGTERM'); // only the pollers below ask it now
  await new Promise((r) => setTimeout(r, 1000));
  const pid = await virtuosoPid();
  const idle = await pollingLoad(pid, 0, 10);
  const ten = await pollingLoad(pid, 10, 10);
  console.log(`\n4. Virtuoso CPU from version polling (10 s each):`);
  console.log(`   no pollers        ${(idle.cpuPerSecond * 1000).toFixed(1)} ms CPU per second`);
  console.log(
    `   10 pollers/250 ms ${(ten.cpuPerSecond * 1000).toFixed(1)} ms CPU per second, ${ten.requestsPerSecond.toFixed(1)} queries/s: ${(((ten.cpuPerSecond - idle.cpuPerSecond) * 1000) / ten.requestsPerSecond).toFixed(2)} ms CPU per version query`,
  );
} finally {
  for (const child of children) child.kill('SIGKILL');
}
