// The real CLI end to end on a temporary store holding the hierarchy only (no shipped lexicon):
// expand one family, a decisions file with an unknown term (named, nothing applied), a good
// decisions file, and an interactive session driven through standard input.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ontologyDir } from '../../src/paths.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { TEST_CACHE } from './cache.js';

const env = { EMOKB_CACHE: TEST_CACHE, EMOKB_AUTHOR: 'Test Reviewer' };

/** A temporary store holding the hierarchy and crosswalks only (no shipped lexicon). */
async function hierarchyStore(prefix: string): Promise<{ dir: string; data: string }> {
  const dir = await tempDir(prefix);
  const data = join(dir, 'data');
  const hierarchy = join(dir, 'hierarchy.ttl');
  const parts = await Promise.all(['schema.ttl', 'parrott.ttl', 'crosswalks.ttl'].map((f) => readFile(ontologyDir(f), 'utf8')));
  await writeFile(hierarchy, parts.join('\n'));
  expect((await runCli(['--data', data, 'import', hierarchy], { env })).code).toBe(0);
  return { dir, data };
}

describe('emokb expand and review', () => {
  it('expands one family, reviews in batch and interactively', async () => {
    const { dir, data } = await hierarchyStore('emokb-expand-');

    const expanded = await runCli(['--data', data, 'expand', '--emotion', 'rage-secondary', '--time', '2026-01-02T03:04:05Z', '--json'], {
      env,
    });
    expect(expanded.code, expanded.stderr).toBe(0);
    expect(expanded.stderr).not.toMatch(/\[[░█]/); // no progress bar when standard error is not a terminal
    const summary = JSON.parse(expanded.stdout);
    expect(summary.scope).toBe('rage-secondary');
    expect(summary.added.candidates).toBeGreaterThan(50);

    // Unknown term on line 3: the line is named and nothing is applied.
    const bad = join(dir, 'bad.tsv');
    await writeFile(bad, 'term\tpos\tdecision\temotions\tkind\tnote\nfury\tnoun\taccept\nno such word\tnoun\treject\n');
    const refused = await runCli(['--data', data, 'review', '--decisions', bad], { env });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/bad\.tsv:3: no candidate "no such word"/);
    let stats = JSON.parse((await runCli(['--data', data, 'lexicon', 'stats', '--json'], { env })).stdout);
    expect(stats.entries.accepted).toBe(0);

    const good = join(dir, 'good.tsv');
    await writeFile(good, 'fury\tnoun\taccept\nrage\tnoun\treassign\twrath:0.9\nfed up\tadjective\tadd\texasperation-secondary\t\tidiom\n');
    const applied = await runCli(['--data', data, 'review', '--decisions', good, '--json'], { env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ accept: 1, reassign: 1, add: 1, reviewer: 'Test Reviewer' });

    // Interactive: accept one, undo it, reject it, then quit; the decision made is kept.
    const session = await runCli(['--data', data, 'review', '--emotion', 'fury'], { env, input: 'a\nu\nr\nq\n' });
    expect(session.code, session.stderr).toBe(0);
    expect(session.stdout).toMatch(/gloss/);
    expect(session.stdout).toMatch(/undone/);
    expect(session.stdout).toMatch(/1 decision\(s\) kept/);

    stats = JSON.parse((await runCli(['--data', data, 'lexicon', 'stats', '--json'], { env })).stdout);
    expect(stats.entries.accepted).toBe(3);
    expect(stats.entries.rejected).toBeGreaterThanOrEqual(1);
    const ttl = (await runCli(['--data', data, 'lexicon', 'export'], { env })).stdout;
    expect(ttl).toMatch(/"furies"@en/);
    expect(ttl).toMatch(/"fed up"@en/);

    // Each run is a prov:Activity: the batch named by its file, the kept interactive decision by its
    // time; the undone decision's activity is gone with it, and the store validates.
    const runs = await runCli(
      [
        '--data',
        data,
        'sparql',
        `PREFIX prov: <http://www.w3.org/ns/prov#>
         SELECT ?run ?agent (COUNT(DISTINCT ?output) AS ?outputs) WHERE { ?run a prov:Activity ; prov:wasAssociatedWith ?agent .
           OPTIONAL { ?output prov:wasGeneratedBy ?run } } GROUP BY ?run ?agent ORDER BY ?run`,
        '--format',
        'csv',
      ],
      { env },
    );
    expect(runs.code, runs.stderr).toBe(0);
    const rows = runs.stdout
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.map(([run]) => run!.replace(/\d{8}T\d{9}Z$/, '<time>'))).toEqual([
      'https://w3id.org/emokb/activity/review/<time>',
      'https://w3id.org/emokb/activity/review/good',
    ]);
    for (const [, agent, outputs] of rows) {
      expect(agent).toBe('https://w3id.org/emokb/agent/Test_Reviewer');
      expect(Number(outputs)).toBeGreaterThan(0);
    }
    const valid = await runCli(['--data', data, 'validate'], { env });
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
  }, 180_000);

  it('names a review run by its decisions file, so that a rebuild with SOURCE_DATE_EPOCH exports the same lexicon', async () => {
    const rebuild = async (prefix: string) => {
      const { dir, data } = await hierarchyStore(prefix);
      const fixed = { ...env, SOURCE_DATE_EPOCH: '1795996800' };
      expect((await runCli(['--data', data, 'expand', '--emotion', 'rage-secondary'], { env: fixed })).code).toBe(0);
      const good = join(dir, 'good.tsv'); // the same name in another directory
      await writeFile(
        good,
        'fury\tnoun\taccept\nrage\tnoun\treassign\twrath:0.9\nfed up\tadjective\tadd\texasperation-secondary\t\tidiom\n',
      );
      const reviewed = await runCli(['--data', data, 'review', '--decisions', good], { env: fixed });
      expect(reviewed.code, reviewed.stderr).toBe(0);
      return (await runCli(['--data', data, 'lexicon', 'export'], { env: fixed })).stdout;
    };
    const [one, two] = await Promise.all([rebuild('emokb-rebuild-a-'), rebuild('emokb-rebuild-b-')]);
    expect(two).toBe(one);
    const run = '<https://w3id.org/emokb/activity/review/good>';
    expect(one).toContain(`<https://w3id.org/emokb/lexicon/en/fury-noun#sense-fury> a ontolex:LexicalSense`);
    const described = one.slice(one.indexOf(`${run} a prov:Activity`)).split(/\.\n/)[0]!;
    expect(described).toContain('prov:startedAtTime "2026-11-30T00:00:00.000Z"^^xsd:dateTime');
    expect(described).toContain('prov:used <https://w3id.org/emokb/source/wordnet-3.1>');
    expect(described).toContain('prov:wasAssociatedWith agent:Test_Reviewer');
    expect(one.match(new RegExp(`prov:wasGeneratedBy ${run.replace(/[./]/g, '\\$&')}`, 'g'))!.length).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('proposes corpus candidates with evidence, and refuses a bad corpus naming the line', async () => {
    const { dir, data } = await hierarchyStore('emokb-corpus-');
    // GoEmotions-style ids into a label file: 0 annoyance, 1 joy, 2 neutral.
    const names = join(dir, 'labels.txt');
    await writeFile(names, 'annoyance\njoy\nneutral\n');
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => `what a dumbass move number ${i}\t0\tid`),
      ...Array.from({ length: 6 }, (_, i) => `such a lovely picnic ${i}\t1\tid`),
      ...Array.from({ length: 20 }, (_, i) => `the move to the picnic table ${i}\t2\tid`),
    ];
    const corpus = join(dir, 'corpus.tsv');
    await writeFile(corpus, `${rows.join('\n')}\n`);

    // Bad input first: nothing may be written by any of these.
    const noScheme = await runCli(['--data', data, 'expand', '--corpus', corpus], { env });
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toMatch(/--corpus needs --scheme/);
    const broken = join(dir, 'broken.tsv');
    await writeFile(broken, 'fine\t0\nno tab on this line\n');
    const badLine = await runCli(['--data', data, 'expand', '--corpus', broken, '--scheme', 'goemotions', '--label-names', names], { env });
    expect(badLine.code).toBe(2);
    expect(badLine.stderr).toMatch(/broken\.tsv:2: expected text<TAB>labels/);
    const badNumber = await runCli(['--data', data, 'expand', '--corpus', corpus, '--scheme', 'goemotions', '--min-lift', 'high'], { env });
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toMatch(/--min-lift: "high" is not a number/);
    const stray = await runCli(['--data', data, 'expand', '--scheme', 'goemotions'], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--scheme applies only with --corpus/);
    const wordNetOnly = await runCli(['--data', data, 'expand', '--corpus', corpus, '--scheme', 'goemotions', '--method', 'gloss'], {
      env,
    });
    expect(wordNetOnly.code).toBe(2);
    expect(wordNetOnly.stderr).toMatch(/--method does not apply with --corpus/);
    const badPart = await runCli(
      ['--data', data, 'expand', '--corpus', corpus, '--scheme', 'goemotions', '--label-names', names, '--part', '3/2'],
      { env },
    );
    expect(badPart.code).toBe(2);
    expect(badPart.stderr).toMatch(/--part: "3\/2" is not a part I\/N/);
    let stats = JSON.parse((await runCli(['--data', data, 'lexicon', 'stats', '--json'], { env })).stdout);
    expect(stats.entries).toEqual({ accepted: 0, candidate: 0, rejected: 0 });

    const run = await runCli(
      [
        '--data',
        data,
        'expand',
        '--corpus',
        corpus,
        '--scheme',
        'goemotions',
        '--label-names',
        names,
        '--source',
        'toy',
        '--min-documents',
        '5',
        '--json',
      ],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ source: 'toy', documents: 32, labelled: 12, unmappedLabels: ['neutral'] });
    // The change log records the run as typed, so that it can be repeated.
    const history = await runCli(['--data', data, 'history', '--limit', '1'], { env });
    expect(history.stdout).toContain(`expand --corpus ${corpus} --scheme goemotions --label-names ${names} --source toy --min-documents 5`);
    // --part holds the other lines out: the even half of the 32 lines
    const half = await runCli(
      [
        '--data',
        data,
        'expand',
        '--corpus',
        corpus,
        '--scheme',
        'goemotions',
        '--label-names',
        names,
        '--part',
        '2/2',
        '--dry-run',
        '--json',
      ],
      { env },
    );
    expect(half.code, half.stderr).toBe(0);
    expect(JSON.parse(half.stdout)).toMatchObject({ documents: 16, labelled: 6 });
    stats = JSON.parse((await runCli(['--data', data, 'lexicon', 'stats', '--json'], { env })).stdout);
    expect(stats.entries.candidate).toBe(summary.added.candidates);
    const store = (await runCli(['--data', data, 'export'], { env })).stdout;
    expect(store).toMatch(
      /dumbass-noun#sense-annoyance> a ontolex:LexicalSense;\s+ontolex:reference emotion:annoyance;[^<]*emo:method "corpus";[^<]*emo:senseKind emo:Evokes/,
    );
    expect(store).toMatch(/"toy: 6 of 6 documents carry anger \(lift \d+\.\d\d\)"/);
    expect(store).not.toMatch(/lexicon\/en\/table/); // in every kind of document: no lift

    // The interactive review shows a corpus candidate's counts, which are its whole case.
    const session = await runCli(['--data', data, 'review', '--emotion', 'annoyance'], { env, input: 'q\n' });
    expect(session.code, session.stderr).toBe(0);
    expect(session.stdout).toMatch(/path {6}corpus:toy/);
    expect(session.stdout).toMatch(/evidence {2}toy: 6 of 6 documents carry anger \(lift \d+\.\d\d\)/);
  }, 180_000);

  it('proposes situation phrases with --phrases, recorded as corpus-phrase with their counts', async () => {
    const { dir, data } = await hierarchyStore('emokb-phrases-');
    const names = join(dir, 'labels.txt');
    await writeFile(names, 'annoyance\njoy\nneutral\n');
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => `my sister got promoted on day ${i}\t1\tid`),
      ...Array.from({ length: 20 }, (_, i) => `my sister went to work on day ${i}\t2\tid`),
    ];
    const corpus = join(dir, 'corpus.tsv');
    await writeFile(corpus, `${rows.join('\n')}\n`);
    const stray = await runCli(['--data', data, 'expand', '--phrases'], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--phrases applies only with --corpus/);

    const args = ['--data', data, 'expand', '--corpus', corpus, '--scheme', 'goemotions', '--label-names', names, '--source', 'toy'];
    const run = await runCli([...args, '--phrases', '--min-documents', '5'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/proposed {5}1 phrases/);
    const history = await runCli(['--data', data, 'history', '--limit', '1'], { env });
    expect(history.stdout).toContain(`--min-documents 5 --phrases`);
    const store = (await runCli(['--data', data, 'export'], { env })).stdout;
    expect(store).toMatch(
      /get_promoted-verb#sense-joy-[a-z]+> a ontolex:LexicalSense;[^<]*emo:method "corpus-phrase";[^<]*emo:senseKind emo:Evokes/,
    );
    expect(store).toMatch(/"toy: 6 of 6 documents carry joy \(lift \d+\.\d\d\)"/);
    expect(store).toMatch(/"surface forms: got promoted"/);
  }, 180_000);
});
