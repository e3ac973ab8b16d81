// Throughput of the tagger, in one run, against baselines on the same texts:
//   1. in-process on one core over the GoEmotions training texts (~3 MB): a tokenise-only pass
//      (the ceiling), the `sentiment` package (AFINN look-up, the lexicon-based baseline), and this
//      tagger with every feature on (morphology, multiword matching, negation, intensity, emphasis,
//      matches returned);
//   2. `emokb tag` end to end (a child process: start, store, lexicon, 2 worker threads, JSON
//      Lines out to a file) on a ~100 MB file built from the same texts in a temp dir, with the
//      child's peak resident memory (VmHWM from /proc, polled; it covers all threads).
// Usage: npm run bench:tag [-- --mb 100] [-- --workers 2] [-- --skip-e2e] [-- --e2e-only] [-- --lexicon FILE.ttl]
//   --lexicon: measure with this lexicon instead of lexicons/ (in-process: ontology + FILE; end to
//   end: the seeded store plus `emokb import FILE`)
process.env.DOTENV_CONFIG_QUIET ??= 'true';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os, { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';

const root = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const targetMb = Number(arg('--mb', 100));
const workers = Number(arg('--workers', 2));
const { readSeed } = await import('../dist/kb/seed.js');
const { KnowledgeBase } = await import('../dist/kb/KnowledgeBase.js');
const { Tagger } = await import('../dist/tagger/Tagger.js');
const { prepareOptions } = await import('../dist/tagger/options.js');
const { TokenBuffer, tokenizeInto } = await import('../dist/text/tokenize.js');

const trainPath = join(root, '..', 'shared', 'data', 'goemotions', 'train.tsv');
const texts = (await readFile(trainPath, 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((row) => row.slice(0, row.indexOf('\t')));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const mb = bytes / 1e6;

const lexiconFile = arg('--lexicon', undefined);
const { seedFiles } = await import('../dist/kb/seed.js');
const { readTurtleFile } = await import('../dist/rdf/turtle.js');
const kb = KnowledgeBase.fromQuads(
  lexiconFile
    ? (await Promise.all([...(await seedFiles()).filter((f) => !f.includes('/lexicons/')), lexiconFile].map(readTurtleFile))).flat()
    : await readSeed(),
);
const tagger = Tagger.for(kb);
const stats = tagger.index.data.stats;
const options = prepareOptions({}); // every feature on, matches returned

// Contenders run round-robin (one pass each, repeated), so a change in machine load during the
// run hits all of them alike; each figure is the median of its passes.
function timeAll(contenders, runs = 7) {
  for (const [, fn] of contenders) fn(); // warm-up: JIT, lemma and word caches
  const times = contenders.map(() => []);
  for (let r = 0; r < runs; r++) {
    contenders.forEach(([, fn], i) => {
      const t0 = performance.now();
      fn();
      times[i].push(performance.now() - t0);
    });
  }
  return contenders.map(([name], i) => {
    const sorted = times[i].sort((a, b) => a - b);
    const ms = sorted[Math.floor(sorted.length / 2)];
    return { name, ms, mbps: mb / (ms / 1000), docs: texts.length / (ms / 1000) };
  });
}

let sink = 0;
const buffer = new TokenBuffer();
const sentiment = new Sentiment();
const noMatches = prepareOptions({ matches: false });
const rows = argv.includes('--e2e-only')
  ? []
  : timeAll([
      [
        'tokenise only (ceiling)',
        () => {
          for (const t of texts) sink += tokenizeInto(t, buffer).count;
        },
      ],
      [
        'sentiment 5.0.2 (AFINN)',
        () => {
          for (const t of texts) sink += sentiment.analyze(t).score;
        },
      ],
      [
        'emokb tagger, all features',
        () => {
          for (const t of texts) sink += tagger.tag(t, options).matches.length;
        },
      ],
      [
        'emokb tagger, --no-matches',
        () => {
          for (const t of texts) sink += tagger.tag(t, noMatches).dominant.primary ? 1 : 0;
        },
      ],
    ]);
const sentimentRow = rows[1];
const tokenRow = rows[0];
console.log(`# emokb bench:tag\n`);
if (rows.length) {
  console.log(
    `input: GoEmotions train, ${texts.length} texts, ${mb.toFixed(2)} MB; lexicon: ${stats.lexiconEntries} entries + ${stats.seedLabels} label seeds (${stats.keys} keys); node ${process.version}; median of 7 round-robin passes after a warm-up; load average ${loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores\n`,
  );
  console.log('| in-process, one core | MB/s | docs/s | vs sentiment | vs tokenise-only |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.mbps.toFixed(1)} | ${Math.round(r.docs).toLocaleString('en')} | ${(r.mbps / sentimentRow.mbps).toFixed(2)}x | ${(r.mbps / tokenRow.mbps).toFixed(2)}x |`,
    );
  }
  const ours = rows[2].mbps / sentimentRow.mbps;
  console.log(`\ntarget: tagger (all features) >= 1.0x sentiment: ${ours >= 1 ? 'MET' : 'NOT MET'} (${ours.toFixed(2)}x)`);
}

if (!argv.includes('--skip-e2e')) {
  const dir = await mkdtemp(join(tmpdir(), 'emokb-bench-'));
  try {
    const input = join(dir, 'corpus.txt');
    const out = createWriteStream(input);
    let written = 0;
    const block = `${texts.join('\n')}\n`;
    const blockBytes = Buffer.byteLength(block);
    while (written < targetMb * 1e6) {
      if (!out.write(block)) await new Promise((r) => out.once('drain', () => r(undefined)));
      written += blockBytes;
    }
    await new Promise((r) => out.end(r));
    const size = (await stat(input)).size;
    const data = join(dir, 'data');
    const bin = join(root, 'bin', 'emokb.js');
    await run([bin, '--data', data, 'stats'], false); // seed the store once, outside the timing
    if (lexiconFile) await run([bin, '--data', data, 'import', lexiconFile], false);
    // compile the lexicon once into the store's cache (as any first `emokb tag` run does), outside the timing
    await writeFile(join(dir, 'one.txt'), 'warm up\n');
    await run([bin, '--data', data, 'tag', join(dir, 'one.txt'), '--workers', '0', '-q', '-o', join(dir, 'one.jsonl')], false);
    const result = await run([bin, '--data', data, 'tag', input, '--workers', String(workers), '-o', join(dir, 'out.jsonl'), '-q'], true);
    const outSize = (await stat(join(dir, 'out.jsonl'))).size;
    const mbps = size / 1e6 / result.seconds;
    const load = loadavg()[0];
    console.log(`\n| emokb tag end to end | input | output | wall time | MB/s | CPU time (all threads) | MB per CPU-second | peak RSS |`);
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${workers} workers, all features | ${(size / 1e6).toFixed(0)} MB, ${((size / blockBytes) * texts.length).toFixed(0)} lines | ${(outSize / 1e6).toFixed(0)} MB | ${result.seconds.toFixed(1)} s | ${mbps.toFixed(1)} | ${result.cpuSeconds.toFixed(1)} s | ${(size / 1e6 / result.cpuSeconds).toFixed(1)} | ${(result.peakKb / 1024).toFixed(0)} MB |`,
    );
    console.log(
      `\n(load average at the end: ${load.toFixed(2)} on ${availableCores()} cores: other processes on this machine slow the wall time, not the CPU time)`,
    );
    console.log(
      `\ntarget: >= 10 MB/s with 2 workers: ${mbps >= 10 ? 'MET' : 'NOT MET'} (${mbps.toFixed(1)}); peak memory < 400 MB: ${result.peakKb / 1024 < 400 ? 'MET' : 'NOT MET'} (${(result.peakKb / 1024).toFixed(0)} MB)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
if (sink === -1) console.log(sink);

function availableCores() {
  return os.availableParallelism();
}

/** Runs the CLI; with `measure`, polls the child's VmHWM (peak RSS of the whole process). */
function run(args, measure) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    let cpuTicks = 0;
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const poll = async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
        const fields = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1].split(' ');
        cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12])); // utime + stime, all threads
      } catch {}
    };
    const timer = measure ? setInterval(poll, 50) : undefined;
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`emokb ${args.slice(1).join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, peakKb, cpuSeconds: cpuTicks / 100 });
    });
  });
}
