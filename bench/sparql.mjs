// Compares the SPARQL engines considered for /sparql on the seeded knowledge (about 96,000
// triples): the memory each adds to a process that already holds the snapshot (RSS after a GC,
// before and after loading the engine and running the queries) and the median latency of each
// query in bench/sparqlQueries.mjs. Each engine runs in its own child process, beside a baseline
// child that only holds the snapshot.
// Usage: npm run build && node bench/sparql.mjs [--runs N] [--data DIR]
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUERIES } from './sparqlQueries.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 10));

const rssMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1e6;
};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function child(engine, dataDir) {
  const { withService } = await import(join(root, 'dist/cli/context.js'));
  await withService({ data: dataDir }, async (service) => {
    const quads = service.snapshot.quads;
    const before = rssMb();
    let run;
    const loadStart = performance.now();
    if (engine === 'oxigraph') {
      const ox = (await import('oxigraph')).default;
      const { serialize } = await import(join(root, 'dist/rdf/turtle.js'));
      // One N-Triples text through the parser: adding quad by quad crosses into WASM per term (54 s measured).
      const store = new ox.Store();
      store.load(await serialize(quads, 'ntriples'), { format: 'application/n-triples' });
      run = async (query) => {
        const out = store.query(query, {
          results_format: query.includes('CONSTRUCT') ? 'application/n-triples' : 'application/sparql-results+json',
        });
        return /** @type {string} */ (out).length;
      };
    } else if (engine === 'comunica') {
      const { Quadstore } = await import('quadstore');
      // Not a dependency (it was not chosen): `npm install --no-save quadstore-comunica@6.3.1` to run its row.
      // @ts-expect-error: not a dependency, so no types (installed only to run this row)
      const { Engine } = await import('quadstore-comunica').catch(() => {
        process.stdout.write(JSON.stringify({ engine, missing: true }) + '\n');
        process.exit(0);
      });
      const { ClassicLevel } = await import('classic-level');
      const { DataFactory } = await import('n3');
      const dir = await mkdtemp(join(tmpdir(), 'emokb-bench-qs-'));
      const store = new Quadstore({ backend: /** @type {any} */ (new ClassicLevel(dir)), dataFactory: /** @type {any} */ (DataFactory) });
      await store.open();
      await store.multiPut([...quads]);
      const engineInstance = new Engine(store);
      run = async (query) => {
        // The bundle has no result serializers: the bindings or quads are only counted.
        const result = await engineInstance.query(query);
        let n = 0;
        for await (const _ of await result.execute()) n++;
        return n;
      };
      process.on('exit', () => void rm(dir, { recursive: true, force: true }));
    } else {
      run = async () => 0;
    }
    const loadMs = performance.now() - loadStart;
    const loaded = rssMb();
    const times = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const t = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        bytes = await run(query);
        t.push(performance.now() - s);
      }
      process.stderr.write(`${engine} ${name} ${t.map(Math.round).join(' ')} ms\n`);
      times[name] = {
        medianMs: Math.round(median(t) * 10) / 10,
        firstMs: Math.round(t[0]),
        bytes /* oxigraph: bytes serialized; comunica: rows or quads */,
      };
    }
    const after = rssMb();
    process.stdout.write(
      JSON.stringify({
        engine,
        loadMs: Math.round(loadMs),
        loadedMb: Math.round(loaded - before),
        afterQueriesMb: Math.round(after - before),
        times,
      }) + '\n',
    );
  });
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  const dataDir = arg('--data', undefined) ?? (await mkdtemp(join(tmpdir(), 'emokb-bench-sparql-')));
  const rows = [];
  for (const engine of ['baseline', 'oxigraph', 'comunica']) {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--child', engine, dataDir, '--runs', String(runs)],
      {
        cwd: root,
        env: { ...process.env, EMOKB_LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) {
      // Comunica over quadstore did not finish multiPrimaryTerms here (exit 13: its promise never settled).
      console.log(`${engine}: exited ${r.status ?? r.signal}; the queries it finished:\n${r.stderr}`);
      continue;
    }
    const row = JSON.parse(r.stdout.trim().split('\n').pop());
    if (row.missing) console.log(`${engine}: not installed (npm install --no-save quadstore-comunica@6.3.1), row skipped`);
    else rows.push(row);
  }
  console.log(`runs per query: ${runs}; data: ${dataDir}`);
  console.log('engine     load ms  +RSS loaded MB  +RSS after queries MB');
  for (const r of rows)
    console.log(
      `${r.engine.padEnd(10)} ${String(r.loadMs).padStart(7)}  ${String(r.loadedMb).padStart(14)}  ${String(r.afterQueriesMb).padStart(21)}`,
    );
  console.log(`\nmedian ms (first run ms) per query`);
  console.log(['query'.padEnd(20), ...rows.slice(1).map((r) => r.engine.padStart(20))].join(' '));
  for (const name of Object.keys(QUERIES))
    console.log(
      [name.padEnd(20), ...rows.slice(1).map((r) => `${r.times[name].medianMs} (${r.times[name].firstMs})`.padStart(20))].join(' '),
    );
}
