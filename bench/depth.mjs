// Depth report: GoEmotions items whose single label the crosswalk maps below the primary tier (the
// items `npm run eval` scores in its "Depth" section), broken down by gold label: the tagger's
// dominant secondary is right, wrong with the primary right, wrong with the primary wrong, or
// empty; for the wrong ones, which secondary won and the matches that carried it. Run it on the
// training split to look for what to fix (the default), on dev only to measure.
// Usage: node bench/depth.mjs [--split train|dev] [--label NAME] [--examples N] [--terms N]
//   --label: list the wrong items of one gold label, with their matches
process.env.DOTENV_CONFIG_QUIET ??= 'true';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = join(root, '..', 'shared', 'data');
const { readSeed } = await import('../dist/kb/seed.js');
const { KnowledgeBase } = await import('../dist/kb/KnowledgeBase.js');
const { Tagger } = await import('../dist/tagger/Tagger.js');
const { prepareOptions } = await import('../dist/tagger/options.js');
const { crosswalk, parseLabelNames, parseLabelledCorpus } = await import('../dist/expansion/corpus.js');

const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const split = arg('--split', 'train');
const only = arg('--label', null);
const examples = Number(arg('--examples', 8));
const topTerms = Number(arg('--terms', 6));

const kb = KnowledgeBase.fromQuads(await readSeed());
const tagger = Tagger.for(kb);
const names = parseLabelNames(await readFile(join(dataDir, 'goemotions', 'labels.txt'), 'utf8'), 'labels.txt');
const file = join(dataDir, 'goemotions', `${split}.tsv`);
const items = parseLabelledCorpus(await readFile(file, 'utf8'), file, names);
const walk = crosswalk(kb, 'goemotions');

const options = prepareOptions({});
const rows = new Map();
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
for (const item of items) {
  if (item.labels.length !== 1) continue;
  const label = item.labels[0];
  const secondaries = new Set();
  const primaries = new Set();
  for (const iri of walk.get(label) ?? []) {
    const path = kb.path(iri);
    primaries.add(path[0].label);
    if (path.length >= 2) secondaries.add(path[1].label);
  }
  if (!secondaries.size) continue;
  const row =
    rows.get(label) ??
    rows
      .set(label, {
        expected: [...secondaries].join('|'),
        n: 0,
        right: 0,
        wrongSecondary: 0,
        wrongPrimary: 0,
        empty: 0,
        won: new Map(),
        terms: new Map(),
        emptyTerms: new Map(),
        wrong: [],
      })
      .get(label);
  row.n++;
  const r = tagger.tag(item.text, options);
  const got = r.dominant.secondary;
  const reading = (m) => (m.readAs ?? m.path).slice(0, 2).join('>');
  const describe = () =>
    r.matches.map((m) => `${m.text}${m.negated ? '(neg)' : ''}->${reading(m)}${m.rules ? `[${m.rules.join(',')}]` : ''}`).join(', ');
  if (got === null) {
    row.empty++;
    // Matches that gave no secondary (a primary-only reading) or none at all.
    if (r.matches.length === 0) count(row.emptyTerms, '(no match)');
    for (const m of r.matches) count(row.emptyTerms, `${m.text.toLowerCase()}->${reading(m)}`);
  } else if (secondaries.has(got)) row.right++;
  else {
    const primaryRight = primaries.has(r.dominant.primary);
    if (primaryRight) row.wrongSecondary++;
    else row.wrongPrimary++;
    count(row.won, `${primaryRight ? '' : '!'}${r.dominant.primary}>${got}`);
    for (const m of r.matches) if (!m.negated && (m.readAs ?? m.path)[1] === got) count(row.terms, `${m.text.toLowerCase()}->${got}`);
    row.wrong.push(`  - ${primaryRight ? 'sec' : 'PRI'} "${item.text.slice(0, 110)}" -> ${r.dominant.primary}>${got}: ${describe()}`);
  }
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
const sorted = [...rows].sort((a, b) => b[1].n - b[1].right - (a[1].n - a[1].right));
let n = 0,
  right = 0,
  wrongSecondary = 0,
  wrongPrimary = 0,
  empty = 0;
for (const [, r] of sorted) {
  n += r.n;
  right += r.right;
  wrongSecondary += r.wrongSecondary;
  wrongPrimary += r.wrongPrimary;
  empty += r.empty;
}
console.log(`# Depth on GoEmotions ${split}: ${n} items whose single label maps below the primary\n`);
console.log(
  `right ${right} (${pct(right, n)}); wrong secondary, right primary ${wrongSecondary} (${pct(wrongSecondary, n)}); wrong primary ${wrongPrimary} (${pct(wrongPrimary, n)}); empty ${empty} (${pct(empty, n)})\n`,
);
console.log('| gold label | expected secondary | items | right | wrong secondary | wrong primary | empty | missed |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [label, r] of sorted)
  console.log(
    `| ${label} | ${r.expected} | ${r.n} | ${r.right} (${pct(r.right, r.n)}) | ${r.wrongSecondary} | ${r.wrongPrimary} | ${r.empty} | ${r.n - r.right} |`,
  );
for (const [label, r] of sorted) {
  if (only && label !== only) continue;
  console.log(`\n## ${label} (expected ${r.expected}): ${r.n - r.right} missed of ${r.n}\n`);
  console.log(`- chosen instead (! = wrong primary): ${top(r.won, 8)}`);
  console.log(`- matches that carried it: ${top(r.terms, topTerms * 2)}`);
  console.log(`- matches in empty items (primary-only or none): ${top(r.emptyTerms, topTerms)}`);
  if (only) for (const line of r.wrong.slice(0, examples)) console.log(line);
}
