// `emokb audit` and `emokb concordance` end to end: the real CLI over the built dist/, on a store
// seeded in a temp dir and small corpora written here.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let data: string;
let corpus: string;
const run = (args: string[], input?: string) => runCli(['--data', data, ...args], { input });

// 30 documents; line 2 has three emotion words, line 4 none. Every emotion word used here is an
// entry of the shipped lexicon (happy, sad, furious, glad, afraid, angry).
const LINES = Array.from({ length: 30 }, (_, i) =>
  i === 1
    ? 'I was happy, then sad, then furious.'
    : i === 3
      ? 'The bus leaves at noon.'
      : `Line ${i + 1}: so ${['happy', 'sad', 'glad', 'afraid', 'angry'][i % 5]} today`,
);

beforeAll(async () => {
  dir = await tempDir('emokb-audit-');
  data = join(dir, 'data');
  corpus = join(dir, 'corpus.txt');
  await writeFile(corpus, `${LINES.join('\n')}\n`);
  expect((await run(['stats', '--json'])).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rowsOf = (tsv: string) =>
  tsv
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.split('\t'));

async function writeSample(name: string, extra: string[]): Promise<string[][]> {
  const file = join(dir, name);
  const r = await run(['audit', '--corpus', corpus, '--write-sample', file, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  return rowsOf(await readFile(file, 'utf8'));
}

describe('emokb audit: the sample', () => {
  it('is reproducible from the seed, differs with another seed, and a smaller sample is the start of a larger one', async () => {
    const a = await writeSample('a.tsv', ['--sample', '6', '--seed', '7']);
    const b = await writeSample('b.tsv', ['--sample', '6', '--seed', '7']);
    const c = await writeSample('c.tsv', ['--sample', '6', '--seed', '8']);
    const small = await writeSample('small.tsv', ['--sample', '3', '--seed', '7']);
    expect(a).toHaveLength(7);
    expect(b).toEqual(a);
    expect(c.slice(1).map((r) => r.slice(4, 8))).not.toEqual(a.slice(1).map((r) => r.slice(4, 8)));
    expect(small).toEqual(a.slice(0, 4));
  });

  it('is drawn over matches, not texts: a full draw holds every match once, three from the text with three', async () => {
    const all = await writeSample('all.tsv', ['--sample', '1000', '--seed', '1']);
    const rows = all.slice(1);
    expect(rows).toHaveLength(31); // 28 one-word lines + 3 on line 2; line 4 has none
    const spans = new Set(rows.map((r) => `${r[4]}:${r[5]}`));
    expect(spans.size).toBe(31);
    expect(
      rows
        .filter((r) => r[4] === '2')
        .map((r) => r[9])
        .sort(),
    ).toEqual(['furious', 'happy', 'sad']);
    expect(rows.some((r) => r[4] === '4')).toBe(false);
  });

  it('is blind: the file shows the text around the span and the emotion path, nothing of how it matched', async () => {
    const [header, first] = await writeSample('blind.tsv', ['--sample', '2', '--width', '10']);
    expect(header).toEqual([
      'sample',
      'corpus',
      'part',
      'seed',
      'line',
      'start',
      'end',
      'emotion',
      'left',
      'match',
      'right',
      'path',
      'decision',
      'note',
    ]);
    expect(first![12]).toBe('');
    const text = LINES[Number(first![4]) - 1]!;
    expect(text.slice(Number(first![5]), Number(first![6]))).toBe(first![9]);
    expect(first![7]).toMatch(/^https:\/\/w3id\.org\/emokb\/emotion\//);
    const file = join(dir, 'blind.jsonl');
    expect((await run(['audit', '--corpus', corpus, '--sample', '2', '--write-sample', file])).code).toBe(0);
    const record = JSON.parse((await readFile(file, 'utf8')).split('\n')[0]!) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(header);
    for (const hidden of ['kind', 'via', 'rules', 'term', 'lemma', 'weight']) expect(record).not.toHaveProperty(hidden);
  });
});

describe('emokb audit: judgments and the report', () => {
  it('records judged lines from a sample file with their key, once, and reports the precision with a Wilson interval', async () => {
    const sample = await writeSample('judge.tsv', ['--sample', '5', '--seed', '3']);
    const verdicts = ['right', 'w', 'right', 'r', ''];
    const judged = join(dir, 'judged.tsv');
    await writeFile(
      judged,
      `${sample.map((r, i) => (i === 0 ? r : [...r.slice(0, 12), verdicts[i - 1]!, i === 2 ? 'collocation: a test' : '']).join('\t')).join('\n')}\n`,
    );
    const decisions = join(dir, 'audit.tsv');
    const r = await run(['audit', '--judgments', judged, '--decisions', decisions, '--judge', 'tester']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/4 judgment\(s\) recorded .*1 row\(s\) without a decision/);
    // After the verdicts, what was hidden: kind, via, rules per judged row.
    expect(rowsOf(r.stdout)[0]).toEqual(['sample', 'decision', 'match', 'path', 'kind', 'via', 'rules', 'term']);
    const rows = rowsOf(await readFile(decisions, 'utf8'));
    expect(rows[0]!.slice(0, 13)).toEqual([
      'corpus',
      'part',
      'seed',
      'line',
      'start',
      'end',
      'text',
      'term',
      'emotion',
      'decision',
      'note',
      'judge',
      'time',
    ]);
    expect(rows.slice(1).map((x) => x[9])).toEqual(['right', 'wrong', 'right', 'right']);
    expect(rows[2]).toEqual(
      expect.arrayContaining([
        corpus,
        '3',
        sample[2]![4],
        sample[2]![5],
        sample[2]![6],
        sample[2]![9],
        sample[2]![7],
        'wrong',
        'collocation: a test',
        'tester',
      ]),
    );
    expect(Number(rows[1]![18])).toBe(31); // all counted matches of the corpus: the report's weight

    const again = await run(['audit', '--judgments', judged, '--decisions', decisions]);
    expect(again.stderr).toMatch(/0 judgment\(s\) recorded .*4 already there/);
    expect(rowsOf(await readFile(decisions, 'utf8'))).toHaveLength(5);

    // a decisions file edited by hand, its final newline lost: new rows start on a line of their own
    const partial = join(dir, 'partial.tsv');
    await writeFile(partial, (await readFile(decisions, 'utf8')).trimEnd().split('\n').slice(0, 3).join('\n'));
    expect((await run(['audit', '--judgments', judged, '--decisions', partial])).code).toBe(0);
    expect(rowsOf(await readFile(partial, 'utf8'))).toHaveLength(5);
    const reread = await run(['audit', '--report', '--decisions', partial, '--json', '--min-judged', '1']);
    expect(reread.code, reread.stderr).toBe(0);
    expect(JSON.parse(reread.stdout).overall).toMatchObject({ judged: 4, right: 3 });

    const report = await run(['audit', '--report', '--decisions', decisions, '--json', '--min-judged', '1']);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout);
    expect(json.overall).toMatchObject({ judged: 4, right: 3, precision: 0.75 });
    // Wilson 95% for 3 of 4: 0.301 to 0.954.
    expect(json.overall.low).toBeCloseTo(0.3006, 3);
    expect(json.overall.high).toBeCloseTo(0.9544, 3);
    expect(json.errorKinds).toEqual({ collocation: 1 });
    const text = await run(['audit', '--report', '--decisions', decisions]);
    expect(text.stdout).toMatch(/overall\s+3 \/ 4\s+75\.0%\s+\[30\.1%, 95\.4%\]/);
    // --seed: only the samples drawn with that seed (a before/after pair in one decisions file)
    const seed = rowsOf(await readFile(decisions, 'utf8'))[1]![2]!;
    const same = await run(['audit', '--report', '--decisions', decisions, '--json', '--seed', seed]);
    expect(JSON.parse(same.stdout).overall).toMatchObject({ judged: 4, right: 3 });
    const other = await run(['audit', '--report', '--decisions', decisions, '--seed', String(Number(seed) + 1)]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/has no judgments of samples drawn with seed \d+/);
  });

  it('asks on standard input, blind first: the verdict, a note, then what was hidden; a second session skips what was judged', async () => {
    const decisions = join(dir, 'interactive.tsv');
    const args = ['audit', '--corpus', corpus, '--sample', '3', '--seed', '5', '--decisions', decisions, '--judge', 'me'];
    const r = await run(args, 'x\nr\n\nw\nname: not a feeling\nq\n');
    expect(r.code, r.stderr).toBe(0);
    const first = r.stdout.indexOf('[1/3]');
    const verdictPrompt = r.stdout.indexOf('[r/w/s/q]>', first);
    const revealed = r.stdout.indexOf(', via ', first);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(verdictPrompt).toBeGreaterThan(first);
    expect(revealed).toBeGreaterThan(r.stdout.indexOf('note>', verdictPrompt));
    expect(r.stdout.slice(first, verdictPrompt)).not.toMatch(/via|kind|names|evokes|rules/);
    expect(r.stdout).toMatch(/"x": type r/);
    expect(r.stdout).toMatch(/2 judgment\(s\) recorded/);
    const rows = rowsOf(await readFile(decisions, 'utf8')).slice(1);
    expect(rows.map((x) => [x[9], x[10], x[11]])).toEqual([
      ['right', '', 'me'],
      ['wrong', 'name: not a feeling', 'me'],
    ]);
    const next = await run(args, 'r\n');
    expect(next.stdout).toMatch(/1 of 3 sampled matches to judge \(2 judged before\)/);
    expect(next.stdout).toMatch(/\[3\/3\]/);
    expect(rowsOf(await readFile(decisions, 'utf8'))).toHaveLength(4);
  });

  it('refuses a sample file whose match is no longer in the corpus, recording nothing', async () => {
    const sample = await writeSample('stale.tsv', ['--sample', '2', '--seed', '9']);
    const stale = join(dir, 'stale-judged.tsv');
    await writeFile(
      stale,
      `${sample.map((r, i) => (i === 0 ? r : [...r.slice(0, 5), String(Number(r[5]) + 1), ...r.slice(6, 12), 'right', '']).join('\t')).join('\n')}\n`,
    );
    const decisions = join(dir, 'stale-audit.tsv');
    const r = await run(['audit', '--judgments', stale, '--decisions', decisions]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error BAD_INPUT: .*stale-judged\.tsv:2: .* has no match at .*nothing recorded/);
    await expect(readFile(decisions, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('emokb concordance', () => {
  it('lists every use of a term, matched or not, with what the tagger made of it', async () => {
    const file = join(dir, 'concordance.tsv');
    await writeFile(
      file,
      [
        'I am happy with you\t1',
        'I am not happy at all\t1',
        'she was happier then\t1',
        'my friend and I cannot stand him\t1',
        'stand up, friend\t1',
        'the HAPPY hour\t1',
      ].join('\n'),
    );
    const r = await run(['concordance', 'happy', '--corpus', file]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => /^\s*(\d+)/.exec(l)![1])).toEqual(['1', '2', '3', '6']);
    expect(lines[0]).toMatch(/I am \[happy\] with you\s+= joy \(names, form\)$/);
    expect(lines[1]).toMatch(/\[happy\] at all\s+< "not happy" = /);
    expect(lines[2]).toMatch(/\[happier\] then\s+= joy > /);
    expect(lines[3]).toMatch(/\[HAPPY\]/);
    expect(r.stderr).toMatch(/"happy": 4 occurrence\(s\) in 6 documents/);
    // Aligned: every match starts at the same column.
    expect(new Set(lines.map((l) => l.indexOf('[')))).toHaveProperty('size', 1);

    const stand = await run(['concordance', 'stand', '--corpus', file, '--json']);
    const records = stand.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => [x.line, x.status])).toEqual([
      [4, 'inside'],
      [5, 'unmatched'],
    ]);
    expect(records[0]).toMatchObject({ matchText: 'cannot stand', path: expect.arrayContaining(['anger']) });

    const friend = await run(['concordance', 'friend', '--corpus', file, '--limit', '1', '--width', '5']);
    expect(friend.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^4 +my \[friend\] and I \.\.\.\s+-$/)]);
    expect(friend.stderr).toMatch(/2 occurrence\(s\).* 0 matched; 1 shown/);

    // JSON Lines as `emokb tag` reads them: labels may be left out.
    const jsonl = join(dir, 'concordance.jsonl');
    await writeFile(jsonl, '{"text": "so happy"}\n\n{"text": "happy days", "labels": ["joy"]}\n');
    const fromJsonl = await run(['concordance', 'happy', '--corpus', jsonl]);
    expect(
      fromJsonl.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
    ).toEqual(['1', '3']);
  });
});

describe('bad input', () => {
  it.each([
    [['audit', '--corpus', 'no-such-corpus.tsv'], /--corpus: cannot read no-such-corpus\.tsv: ENOENT/],
    [['audit', '--corpus', 'CORPUS', '--sample', '0'], /--sample: "0" is not a whole number from 1 to 100000/],
    [['audit', '--corpus', 'CORPUS', '--sample', '99999999999'], /--sample: "99999999999"/],
    [['audit', '--corpus', 'CORPUS', '--sample', 'ten'], /--sample: "ten"/],
    [['audit', '--corpus', 'CORPUS', '--seed', '-1'], /--seed: "-1"/],
    [['audit', '--corpus', 'CORPUS', '--part', '3/2'], /--part: "3\/2"/],
    [
      ['audit', '--corpus', 'CORPUS', '--decisions', '/no-such-dir/audit.tsv'],
      /--decisions: the directory of \/no-such-dir\/audit\.tsv does not exist/,
    ],
    [['audit'], /give --corpus FILE to draw a sample, --judgments FILE .* or --report/],
    [['audit', '--report', '--decisions', 'no-such-decisions.tsv'], /no-such-decisions\.tsv has no judgments/],
    [['audit', '--report', '--corpus', 'CORPUS'], /--corpus does not apply with --report/],
    [['audit', '--judgments', 'x.tsv', '--report'], /--judgments and --report: give one of them/],
    [['audit', '--judgments', 'no-such-sample.tsv'], /--judgments: cannot read no-such-sample\.tsv: ENOENT/],
    [['concordance', 'happy'], /concordance needs --corpus FILE/],
    [['concordance', ' ', '--corpus', 'CORPUS'], /the term is empty/],
    [['concordance', 'happy', '--corpus', 'CORPUS', '--width', '0'], /--width: "0"/],
  ])('%j is refused with BAD_INPUT', async (args, message) => {
    const r = await run(args.map((a) => (a === 'CORPUS' ? corpus : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error BAD_INPUT: /);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('refuses to overwrite a sample file and a judged file with a bad decision, naming the line', async () => {
    const file = join(dir, 'exists.tsv');
    await writeFile(file, 'judged work\n');
    const r = await run(['audit', '--corpus', corpus, '--write-sample', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists.tsv exists/);
    expect(await readFile(file, 'utf8')).toBe('judged work\n');

    const sample = await writeSample('bad-verdict.tsv', ['--sample', '2']);
    const judged = join(dir, 'bad-verdict-judged.tsv');
    await writeFile(
      judged,
      `${sample.map((row, i) => (i === 0 ? row : [...row.slice(0, 12), i === 1 ? 'right' : 'maybe', '']).join('\t')).join('\n')}\n`,
    );
    const decisions = join(dir, 'bad-verdict-audit.tsv');
    const bad = await run(['audit', '--judgments', judged, '--decisions', decisions]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-verdict-judged\.tsv:3: decision "maybe" is not right or wrong/);
    await expect(readFile(decisions, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
