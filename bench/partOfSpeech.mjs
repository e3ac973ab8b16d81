// bench:pos — how often the part-of-speech and name rules need the part-of-speech tagger
// (wink-nlp) on GoEmotions dev, and what the matcher costs with them on and off (in-process, one
// core, median of 5 interleaved passes after a warm-up). Run after `npm run build`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { readSeed } = await import('../dist/kb/seed.js');
const { KnowledgeBase } = await import('../dist/kb/KnowledgeBase.js');
const { LexiconIndex } = await import('../dist/lexicon/LexiconIndex.js');
const { Matcher } = await import('../dist/tagger/matcher.js');
const { prepareOptions } = await import('../dist/tagger/options.js');

const file = process.argv[2] ?? join(root, '..', 'shared', 'data', 'goemotions', 'dev.tsv');
const texts = (await readFile(file, 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((r) => r.slice(0, r.indexOf('\t')));
const index = LexiconIndex.for(KnowledgeBase.fromQuads(await readSeed()));
const checked = index.entries.filter((e) => e.posCheck);
console.log(`entries with a part of speech: ${index.entries.filter((e) => e.pos).length}; worth tagging (posCheck): ${checked.length}`);
console.log(`  ${checked.map((e) => `${e.lemma}/${e.pos}`).join(' ')}`);

const m = new Matcher(index);
const on = prepareOptions({});
const off = prepareOptions({ partOfSpeech: false, names: false });
m.context.tagged = 0;
for (const t of texts) m.match(t, on);
console.log(
  `${file}: ${texts.length} texts; ${m.context.tagged} (${((100 * m.context.tagged) / texts.length).toFixed(1)}%) needed the part-of-speech tagger`,
);

const pass = (o) => {
  const t0 = performance.now();
  for (const t of texts) m.match(t, o);
  return performance.now() - t0;
};
for (let i = 0; i < 3; i++) (pass(on), pass(off));
const times = { on: [], off: [] };
for (let i = 0; i < 5; i++) (times.on.push(pass(on)), times.off.push(pass(off)));
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `matcher per pass (median of 5): rules off ${median(times.off).toFixed(1)} ms, on ${median(times.on).toFixed(1)} ms (${(median(times.on) / median(times.off)).toFixed(2)}x)`,
);
