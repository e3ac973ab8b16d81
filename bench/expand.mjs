// The vocabulary pipeline's cost: `emokb expand` over the whole hierarchy on a store holding the
// hierarchy only, with a cold cache (WordNet and word vectors compiled first) and a warm one, the
// overlap-method check figures, and a full SHACL validation of the ontology plus the shipped lexicon.
// Usage: npm run build && node bench/expand.mjs
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/emokb.js');
const work = await mkdtemp(join(tmpdir(), 'emokb-bench-expand-'));
const cache = join(work, 'cache');

function cli(args, env = {}) {
  const began = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, EMOKB_CACHE: cache, ...env },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms: performance.now() - began, stdout: r.stdout };
}

const hierarchy = join(work, 'hierarchy.ttl');
await writeFile(
  hierarchy,
  (await Promise.all(['schema.ttl', 'parrott.ttl', 'crosswalks.ttl'].map((f) => readFile(join(root, 'ontology', f), 'utf8')))).join('\n'),
);
const rows = [];
for (const [name, fresh] of /** @type {Array<[string, boolean]>} */ ([
  ['expand, cold cache (compiles WordNet and vectors)', true],
  ['expand, warm cache', false],
])) {
  const data = join(work, `data-${fresh ? 'cold' : 'warm'}`);
  if (fresh) await rm(cache, { recursive: true, force: true });
  cli(['--data', data, 'import', hierarchy]);
  const run = cli(['--data', data, 'expand', '--check', '--json', '--time', '2026-01-01T00:00:00Z']);
  const summary = JSON.parse(run.stdout);
  rows.push({ name, ms: Math.round(run.ms), proposed: summary.proposed, added: summary.added, check: summary.overlapCheck });
}
for (const r of rows)
  console.log(
    `${r.name.padEnd(52)} ${String(r.ms).padStart(7)} ms  (${r.proposed} words; ${r.added.candidates} candidates, ${r.added.rejected} rejected by ambiguity)`,
  );
console.log('\noverlap resolution on the tertiary hold-out check set (nearest secondary = parent?)');
for (const c of rows[1].check) {
  console.log(
    `  ${c.method.padEnd(9)} ${c.correct}/${c.total} = ${c.accuracy}   without namesakes ${c.correctExcludingNamesakes}/${c.totalExcludingNamesakes} = ${c.accuracyExcludingNamesakes}`,
  );
}

// Whole-graph SHACL validation of what a fresh store is seeded with (ontology + lexicons).
const { readSeed } = await import(join(root, 'dist/kb/seed.js'));
const { validateGraph } = await import(join(root, 'dist/shacl/validate.js'));
const quads = await readSeed();
const times = [];
for (let i = 0; i < 3; i++) {
  const began = performance.now();
  const report = await validateGraph(quads);
  times.push(performance.now() - began);
  if (!report.conforms) console.log(`  (${report.violations.length} violations)`);
}
console.log(`\nSHACL validation of the seed graph (${quads.length} quads): ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
await rm(work, { recursive: true, force: true });
