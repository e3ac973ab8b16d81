// Silent texts: the development texts with a gold emotion that the tagger gives no emotion at all
// (GoEmotions dev without the items labelled only neutral; XED part 1/2, its odd lines; part 2/2 is
// held out and never read here), their share, and a seeded random sample of them to read (README,
// Method, "Silent texts").
// Usage: npm run build && node bench/silent.mjs [--sample 30] [--seed 8]
//   the sample: that many texts of each set, a Fisher-Yates shuffle driven by mulberry32(seed)
process.env.DOTENV_CONFIG_QUIET ??= 'true';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = join(root, '..', 'shared', 'data');
const { readSeed } = await import('../dist/kb/seed.js');
const { KnowledgeBase } = await import('../dist/kb/KnowledgeBase.js');
const { Tagger } = await import('../dist/tagger/Tagger.js');

const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const sampleSize = arg('--sample', 30);
const seed = arg('--seed', 8);
const tagger = Tagger.for(KnowledgeBase.fromQuads(await readSeed()));

const rows = async (file) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);
const neutral = '27'; // GoEmotions' labels.txt, 0-based: the last line is "neutral"
const sets = [
  {
    name: 'GoEmotions dev (an emotion label)',
    texts: (await rows(join(dataDir, 'goemotions', 'dev.tsv')))
      .map((l) => l.split('\t'))
      .filter(([, ids]) => ids.split(',').some((id) => id !== neutral))
      .map(([text, ids]) => ({ text, labels: ids })),
  },
  {
    name: 'XED English part 1/2',
    texts: (await rows(join(dataDir, 'xed', 'en-annotated.tsv')))
      .filter((_, i) => i % 2 === 0)
      .map((l) => l.split('\t'))
      .map(([text, ids]) => ({ text, labels: ids })),
  },
];

/** mulberry32: a small seeded generator, enough to draw a sample anyone can draw again. */
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

for (const set of sets) {
  const silent = set.texts.filter((item) => tagger.tag(item.text, { matches: false }).dominant.primary === null);
  const share = ((100 * silent.length) / set.texts.length).toFixed(1);
  console.log(`## ${set.name}: ${silent.length} of ${set.texts.length} silent (${share}%)\n`);
  const rand = mulberry32(seed);
  for (let i = silent.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [silent[i], silent[j]] = [silent[j], silent[i]];
  }
  silent.slice(0, sampleSize).forEach((item, i) => console.log(`${i + 1}\t[${item.labels}]\t${item.text}`));
  console.log('');
}
