// The judged audits as a development proxy for precision in context: every judged match in
// curation/en/audit*.tsv (the curator's and the blind judges' decisions files) is looked for again
// in its corpus line with the current build, lexicon and options, the way `emokb audit --judgments`
// finds a row again (same line, same span, same emotion, counted matches only), and counted as
//   kept:    still made (same span, same emotion);
//   moved:   the span (or one overlapping it) still matched, but only as another emotion or span;
//   removed: nothing matches there any more;
// each split by the judges' verdict, with the precision of what is kept. It is not a fresh blind
// audit: the judged rows were drawn from older builds, so a change that adds matches is not seen
// (only a new sample judged blind measures that), and rules written while reading these rows fit
// them. Each judgment counts once (a match judged by two judges counts twice).
// Usage: npm run build && node bench/judged.mjs [--off OPTION]... [--on OPTION]... [--judge 1|2|curator]
//          [--files GLOB-PREFIX] [--lexicon FILE.ttl]... [--show removed|moved|kept|changed] [--verdict right|wrong]
//   --off/--on: compare the defaults with this option (camelCase or kebab-case) off/on; the rows the
//   change affects are counted by verdict (what the rule removes that was judged wrong vs right)
//   --show: print those rows (of the compared run when --off/--on is given, else of the defaults)
process.env.DOTENV_CONFIG_QUIET ??= 'true';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { readSeed, seedFiles } = await import('../dist/kb/seed.js');
const { readTurtleFile } = await import('../dist/rdf/turtle.js');
const { KnowledgeBase } = await import('../dist/kb/KnowledgeBase.js');
const { Tagger } = await import('../dist/tagger/Tagger.js');
const { prepareOptions } = await import('../dist/tagger/options.js');
const { readJudgments } = await import('../dist/audit/decisions.js');
const { parseCorpus, corpusFormat } = await import('../dist/audit/corpusText.js');
const { parsePart } = await import('../dist/expansion/corpus.js');
const { contextWindow } = await import('../dist/audit/context.js');

const argv = process.argv.slice(2);
const all = (flag) => argv.flatMap((a, i) => (argv[i - 1] === flag ? [a] : []));
const one = (flag) => all(flag)[0];
const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const change = {
  ...Object.fromEntries(all('--off').map((o) => [camel(o), false])),
  ...Object.fromEntries(all('--on').map((o) => [camel(o), true])),
};
const compared = Object.keys(change).length > 0;
const judgeFilter = one('--judge');
const filePrefix = one('--files') ?? 'audit';
const show = one('--show');
const verdictFilter = one('--verdict');
const lexiconFiles = all('--lexicon');

const quads = lexiconFiles.length
  ? (await Promise.all([...(await seedFiles()).filter((f) => !f.includes('/lexicons/')), ...lexiconFiles].map(readTurtleFile))).flat()
  : await readSeed();
const tagger = Tagger.for(KnowledgeBase.fromQuads(quads));
const base = prepareOptions({});
const other = compared ? prepareOptions(change) : undefined;

const dir = join(root, 'curation', 'en');
const files = (await readdir(dir)).filter((f) => f.startsWith(filePrefix) && f.endsWith('.tsv')).sort();
const judgments = [];
for (const f of files) {
  for (const j of await readJudgments(join(dir, f))) {
    const who = /judge 1/.test(j.judge) ? '1' : /judge 2/.test(j.judge) ? '2' : 'curator';
    if (!judgeFilter || judgeFilter === who) judgments.push({ ...j, file: f, who });
  }
}

// Each corpus (and part) read once, as the audit reads it.
const corpora = new Map();
async function documentAt(corpus, part, line) {
  const key = `${corpus}\t${part}`;
  if (!corpora.has(key)) {
    const file = resolve(root, corpus);
    const docs = parseCorpus(await readFile(file, 'utf8'), file, corpusFormat(file), undefined, part ? parsePart(part) : undefined);
    corpora.set(key, new Map(docs.map((d) => [d.line, d])));
  }
  return corpora.get(key).get(line);
}

const tagCache = new Map();
/** The counted (not negated) matches of a text under options `o`. */
function counted(text, o, name) {
  const key = `${name}\t${text}`;
  if (!tagCache.has(key))
    tagCache.set(
      key,
      (tagger.tag(text, o).matches ?? []).filter((m) => !m.negated),
    );
  return tagCache.get(key);
}

/** kept / moved / removed for one judged row, and the match that stands there now. */
function outcome(j, matches) {
  const same = matches.find((m) => m.start === j.start && m.end === j.end && j.emotion.endsWith(`/${m.emotionId}`));
  if (same) return { state: 'kept', now: same };
  const over = matches.find((m) => m.start < j.end && m.end > j.start);
  if (over) return { state: 'moved', now: over };
  return { state: 'removed' };
}

const rows = [];
let missing = 0;
for (const j of judgments) {
  const doc = await documentAt(j.corpus, j.part, j.line);
  if (!doc || doc.text.slice(j.start, j.end).toLowerCase() !== j.text.toLowerCase()) {
    missing++;
    continue;
  }
  const a = outcome(j, counted(doc.text, base, 'base'));
  const b = other ? outcome(j, counted(doc.text, other, 'other')) : undefined;
  rows.push({ j, doc, a, b });
}

const tally = (pick) => {
  const t = { kept: { right: 0, wrong: 0 }, moved: { right: 0, wrong: 0 }, removed: { right: 0, wrong: 0 } };
  for (const r of rows) t[pick(r).state][r.j.decision]++;
  return t;
};
const pct = (a, n) => (n ? `${((100 * a) / n).toFixed(1)}%` : 'n/a');
const describe = (name, t) => {
  const kept = t.kept.right + t.kept.wrong;
  return [
    `${name}`,
    `  kept     right ${String(t.kept.right).padStart(4)}  wrong ${String(t.kept.wrong).padStart(4)}   precision of what is kept ${pct(t.kept.right, kept)} (${t.kept.right}/${kept})`,
    `  moved    right ${String(t.moved.right).padStart(4)}  wrong ${String(t.moved.wrong).padStart(4)}   (the span, or one overlapping it, matched as another emotion or span)`,
    `  removed  right ${String(t.removed.right).padStart(4)}  wrong ${String(t.removed.wrong).padStart(4)}`,
  ].join('\n');
};

const distinct = new Set(rows.map((r) => `${r.j.corpus}\t${r.j.part}\t${r.j.line}\t${r.j.start}\t${r.j.end}\t${r.j.emotion}`)).size;
console.log(
  `# judged matches re-tagged (a development proxy, NOT a fresh blind audit: rows come from older builds' samples and new matches are not seen)\n`,
);
console.log(
  `files: curation/en/${filePrefix}*.tsv (${files.length}); judgments: ${rows.length}${judgeFilter ? ` (judge ${judgeFilter})` : ''} of ${distinct} distinct matches; ${rows.filter((r) => r.j.decision === 'right').length} judged right, ${rows.filter((r) => r.j.decision === 'wrong').length} wrong${missing ? `; ${missing} not found in their corpus line` : ''}\n`,
);
console.log(
  describe(
    'defaults',
    tally((r) => r.a),
  ),
);
if (compared) {
  const name = Object.entries(change)
    .map(([k, v]) => `${k} ${v ? 'on' : 'off'}`)
    .join(', ');
  console.log(
    `\n${describe(
      name,
      tally((r) => r.b),
    )}`,
  );
  // What the option does to the judged rows: rows whose state differs between the two runs.
  const diff = { right: 0, wrong: 0 };
  const lost = { right: 0, wrong: 0 };
  const gained = { right: 0, wrong: 0 };
  for (const r of rows) {
    if (r.a.state === r.b.state && (r.a.now?.emotionId ?? '') === (r.b.now?.emotionId ?? '')) continue;
    diff[r.j.decision]++;
    if (r.a.state === 'kept' && r.b.state !== 'kept') gained[r.j.decision]++;
    if (r.a.state !== 'kept' && r.b.state === 'kept') lost[r.j.decision]++;
  }
  console.log(
    `\nthe defaults against ${name}: ${diff.right + diff.wrong} judged rows differ; the defaults keep ${gained.wrong} wrong and ${gained.right} right ones that ${name} does not, and leave out ${lost.wrong} wrong and ${lost.right} right ones it keeps`,
  );
}

if (show) {
  const pick = (r) => (compared ? r.b : r.a);
  const want = (r) => {
    if (verdictFilter && r.j.decision !== verdictFilter) return false;
    if (show === 'changed') return compared && (r.a.state !== r.b.state || (r.a.now?.emotionId ?? '') !== (r.b.now?.emotionId ?? ''));
    return pick(r).state === show;
  };
  console.log(`\n## rows ${show}${verdictFilter ? ` judged ${verdictFilter}` : ''}`);
  for (const r of rows.filter(want)) {
    const w = contextWindow(r.doc.text, r.j.start, r.j.end, 50);
    const now = pick(r).now;
    console.log(
      [
        r.j.decision,
        r.j.term,
        r.j.path,
        `${w.left} [${w.match}] ${w.right}`,
        r.j.note,
        now && pick(r).state === 'moved' ? `now: ${now.text} ${now.path.join(' > ')}` : '',
      ].join('\t'),
    );
  }
}
