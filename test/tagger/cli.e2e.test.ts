// `emokb tag` end to end: the real CLI over the built dist/, on a store seeded in a temp dir.
import { closeSync, openSync } from 'node:fs';
import { writeFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await tempDir('emokb-tag-');
  data = join(dir, 'data');
  const seeded = await runCli(['--data', data, 'stats', '--json']);
  expect(seeded.code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parse = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('emokb tag', () => {
  it('tags plain text lines from a file with 2 workers, in input order, ids = line numbers', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0 ? `line ${i} I am so happy` : i % 3 === 1 ? `line ${i} not sad but furious!` : `line ${i} nothing here`,
    );
    const file = join(dir, 'in.txt');
    await writeFile(file, `${lines.join('\n')}\n`);
    const r = await runCli(['--data', data, 'tag', file, '--workers', '2', '--batch-lines', '100', '--tiers', 'primary']);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(3000);
    expect(out.map((o) => o.id)).toEqual(lines.map((_, i) => i + 1));
    expect(out.slice(0, 3).map((o) => o.dominant.primary)).toEqual(['joy', 'anger', null]);
    expect(out[1]!.matches.map((m: any) => [m.text, m.negated])).toEqual([
      ['sad', true],
      ['furious', false],
    ]);
    // (emotions below the primary depend on what lexicons/ ships; offsets and the primary do not)
    expect(out[0]!.matches[0]).toMatchObject({ text: 'happy', start: 15, end: 20, path: expect.arrayContaining(['joy']) });
    expect(Object.keys(out[0]!.scores)).toEqual(['primary']);
    expect(r.stderr).toMatch(/tagged 3000 lines/);
  });

  it('reads a question with no emotion word as weak surprise, unless --no-punctuation-cues', async () => {
    const input = 'You did what?\nAre you happy?\n';
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map((o) => o.dominant.primary)).toEqual(['surprise', 'joy']);
    expect(on[0]!.matches).toEqual([
      expect.objectContaining({ text: '?', start: 12, end: 13, lemma: '?', kind: 'evokes', negated: false }),
    ]);
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-punctuation-cues'], { input })).stdout);
    expect(off.map((o) => o.dominant.primary)).toEqual([null, 'joy']);
  });

  it('counts only incredulous questions, unless --no-question-incredulity', async () => {
    const input = 'Where are the keys?\nYou did what?\n';
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map((o) => o.dominant.primary)).toEqual([null, 'surprise']);
    expect(on[1]!.matches[0].rules).toEqual(['question-incredulity', 'default-narrower']);
    const any = parse((await runCli(['--data', data, 'tag', '--workers', '2', '-q', '--no-question-incredulity'], { input })).stdout);
    expect(any.map((o) => o.dominant.primary)).toEqual(['surprise', 'surprise']);
    expect(any[1]!.matches[0].rules).toEqual(['default-narrower']);
  });

  it('reads a broad emotion word down to the tertiary tier, unless --no-default-narrower', async () => {
    const input = "I'm so sad\n";
    const [on] = parse((await runCli(['--data', data, 'tag', '--workers', '2', '-q'], { input })).stdout);
    expect(on!.dominant).toEqual({ primary: 'sadness', secondary: 'sadness', tertiary: 'sadness' });
    expect(on!.matches[0]).toMatchObject({
      text: 'sad',
      emotion: 'sadness',
      emotionId: 'sadness-primary',
      path: ['sadness'],
      rules: ['default-narrower'],
      readAs: ['sadness', 'sadness', 'sadness'],
      readAsId: 'sadness-tertiary',
    });
    const [off] = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-default-narrower'], { input })).stdout);
    expect(off!.dominant).toEqual({ primary: 'sadness', secondary: null, tertiary: null });
    expect(off!.matches[0].rules).toBeUndefined();
  });

  it('reads who feels it (appraisal, evaluative frame, undergoer, valence) unless each is turned off', async () => {
    // ("great" is no evaluative lexicon word since the lexical precision review: "wonderful" is)
    const input = 'I feel so stupid\na wonderful game\nI teased him\nI feel so talented\n';
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map((o) => o.dominant.primary)).toEqual(['sadness', null, null, 'joy']);
    expect(on[0]!.matches).toEqual([expect.objectContaining({ text: 'stupid', emotion: 'shame', rules: ['appraisal-self'] })]);
    expect(on[3]!.matches).toEqual([
      expect.objectContaining({ text: 'talented', lemma: 'talented', rules: ['default-narrower', 'appraisal-self', 'valence'] }),
    ]);
    const flags = ['--no-appraisal', '--no-evaluative-frame', '--no-undergoer', '--no-valence'];
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', ...flags], { input })).stdout);
    expect(off.map((o) => o.dominant.primary)).toEqual(['anger', 'joy', 'anger', null]);
  });

  it('reads "sorry" by what one is sorry for, and stretched spellings, unless --no-apology, --no-stretched-spellings', async () => {
    const input = "I'm so sorry, I messed up\nI loooove it\nI was ambitious then.\n";
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map((o) => o.dominant.tertiary)).toEqual(['regret', 'love', null]);
    expect(on[0]!.matches).toEqual([expect.objectContaining({ text: 'so sorry', rules: ['apology'] })]);
    const flags = ['--no-apology', '--no-stretched-spellings', '--no-valence-frames'];
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', ...flags], { input })).stdout);
    expect(off.map((o) => o.dominant.primary)).toEqual(['sadness', null, 'joy']);
    expect(off[0]!.dominant.secondary).toBe('sympathy');
  });

  it('laughs past a negation (interjection scope) unless --no-interjection-scope', async () => {
    const input = 'Nobody has been banned lol\n';
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on[0]!.dominant.tertiary).toBe('amusement');
    expect(on[0]!.matches).toEqual([expect.objectContaining({ text: 'lol', negated: false, rules: ['interjection-scope'] })]);
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-interjection-scope'], { input })).stdout);
    expect(off[0]!.dominant.primary).toBeNull();
  });

  it('drops ", huh?", "my feet hurt", a swear before a positive word, "Miss Gamble", the "I\'m afraid" hedge, a word quoted alone, "Enjoy your stay" and "Did you enjoy it?" unless --no-tag-question, --no-physical-sense, --no-expressive-intensifier, --no-courtesy-title, --no-afraid-hedge, --no-quoted-mention, --no-well-wish, --no-asked-feeling', async () => {
    const input =
      'Nice day, huh?\nMy feet hurt.\nI fucking love it\nMiss Gamble, your check.\nI\'m afraid it can\'t be done.\nStop using the word "love".\nEnjoy your stay.\nDid you enjoy it?\n';
    const texts = (o: { matches?: Array<{ text: string }> }) => (o.matches ?? []).map((m) => m.text);
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map(texts)).toEqual([[], [], ['love'], [], [], [], [], []]);
    const flags = [
      '--no-tag-question',
      '--no-physical-sense',
      '--no-expressive-intensifier',
      '--no-courtesy-title',
      '--no-afraid-hedge',
      '--no-quoted-mention',
      '--no-well-wish',
      '--no-asked-feeling',
    ];
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', ...flags], { input })).stdout);
    expect(off.map(texts)).toEqual([['huh'], ['hurt'], ['fucking', 'love'], ['Miss'], ['afraid'], ['love'], ['Enjoy'], ['enjoy']]);
  });

  it('reads "Isn\'t it wonderful?" as delight unless --no-conducive-question', async () => {
    const input = "Isn't it wonderful?\n";
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on[0]!.dominant.primary).toBe('joy');
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-conducive-question'], { input })).stdout);
    expect(off[0]!.dominant.primary).toBeNull();
  });

  it('reads emoji and ASCII faces unless --no-emoji', async () => {
    const input = 'that game last night 😂😂\nso tired :(\n';
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map((r) => r.dominant.tertiary)).toEqual(['amusement', 'unhappiness']);
    expect(on[0]!.matches).toEqual([expect.objectContaining({ text: '😂😂', start: 21, end: 25, emotion: 'amusement' })]);
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-emoji'], { input })).stdout);
    expect(off.map((r) => r.dominant.primary)).toEqual([null, null]);
  });

  it('reads "nice to see" as gladness (evaluative infinitive) unless --no-evaluative-infinitive', async () => {
    const input = 'Nice to see you again\nNice to meet you\n';
    const on = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q'], { input })).stdout);
    expect(on.map((o) => o.dominant.tertiary)).toEqual(['gladness', null]);
    expect(on[0]!.matches).toEqual([expect.objectContaining({ text: 'Nice', rules: ['evaluative-infinitive'] })]);
    const off = parse((await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-evaluative-infinitive'], { input })).stdout);
    expect(off.map((o) => o.dominant.primary)).toEqual([null, null]);
  });

  it('gives the same output with workers and in the main thread', async () => {
    const file = join(dir, 'in.txt');
    const a = await runCli(['--data', data, 'tag', file, '--workers', '2', '-q']);
    const b = await runCli(['--data', data, 'tag', file, '--workers', '0', '-q']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('reads JSON Lines from standard input; a malformed line is an error record and tagging goes on', async () => {
    const input = [
      '{"id":"a","body":"so sad"}',
      '{not json',
      '{"id":"c","body":42}',
      '',
      '{"id":"d"}',
      '[1]',
      '{"id":"f","body":"joy"}',
    ].join('\n');
    const r = await runCli(['--data', data, 'tag', '--text-field', 'body', '--no-matches', '--workers', '2'], { input });
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd', null, 'f']);
    expect(out.map((o) => o.line ?? null)).toEqual([null, 2, 3, 5, 6, null]);
    expect(out[1]!.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(out[2]!.error.message).toMatch(/line 3: field "body" is not a string/);
    expect(out[5]!.dominant.primary).toBe('joy');
    expect(out[0]).not.toHaveProperty('matches');
  });

  it('--strict stops at the first malformed line with exit status 2, having written the lines before it', async () => {
    const input = ['{"id":1,"text":"sad"}', '{"id":2,"text":"joy"}', 'oops', '{"id":4,"text":"fear"}'].join('\n');
    const r = await runCli(['--data', data, 'tag', '--format', 'jsonl', '--strict', '--workers', '2'], { input });
    expect(r.code).toBe(2);
    expect(parse(r.stdout).map((o) => o.id)).toEqual([1, 2]);
    expect(r.stderr).toMatch(/error BAD_INPUT: line 3: not valid JSON/);
  });

  it('writes to --output, handles CRLF and a missing final newline, and never crashes on odd bytes', async () => {
    const file = join(dir, 'odd.txt');
    await writeFile(
      file,
      Buffer.concat([Buffer.from('happy\r\n\u0000\u0007 😀 中文\r\n'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\nsad')]),
    );
    const outFile = join(dir, 'out.jsonl');
    const r = await runCli(['--data', data, 'tag', file, '-o', outFile, '--workers', '1', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = parse(await readFile(outFile, 'utf8'));
    // A NUL byte and bytes that are not UTF-8 are not text: error records (test/tagger/inputFaults.e2e.test.ts).
    expect(out.map((o) => o.dominant?.primary ?? o.error.code)).toEqual(['joy', 'BAD_INPUT', 'BAD_INPUT', 'sadness']);
  });

  it('caches the compiled lexicon per store version and recompiles after a change', async () => {
    // an invented word, so the test does not depend on what lexicons/ ships
    const before = await runCli(['--data', data, 'tag', '--tiers', 'primary', '-q'], { input: 'glumpish' });
    expect(parse(before.stdout)[0]!.dominant.primary).toBeNull();
    const cached = JSON.parse(await readFile(join(data, 'tagger-lexicon.json'), 'utf8'));
    expect(cached).toMatchObject({ format: 6 });
    const term = join(dir, 'glumpish.ttl');
    await writeFile(
      term,
      `@prefix emo: <https://w3id.org/emokb/ontology#> . @prefix ontolex: <http://www.w3.org/ns/lemon/ontolex#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      <https://w3id.org/emokb/lexicon/en/glumpish> a ontolex:LexicalEntry ; emo:status emo:Accepted ;
        ontolex:canonicalForm <https://w3id.org/emokb/lexicon/en/glumpish#form> ; ontolex:sense <https://w3id.org/emokb/lexicon/en/glumpish#sense-dejection> .
      <https://w3id.org/emokb/lexicon/en/glumpish#form> a ontolex:Form ; ontolex:writtenRep "glumpish"@en .
      <https://w3id.org/emokb/lexicon/en/glumpish#sense-dejection> a ontolex:LexicalSense ; ontolex:reference <https://w3id.org/emokb/emotion/dejection> ;
        emo:weight "0.9"^^xsd:decimal ; emo:senseKind emo:Names .`,
    );
    const imported = await runCli(['--data', data, 'import', term]);
    expect(imported.code).toBe(0);
    const after = await runCli(['--data', data, 'tag', '--tiers', 'primary', '-q'], { input: 'glumpish' });
    expect(parse(after.stdout)[0]!.matches[0]).toMatchObject({ text: 'glumpish', emotion: 'dejection', weight: 0.9 });
    expect(JSON.parse(await readFile(join(data, 'tagger-lexicon.json'), 'utf8')).snapshot).not.toBe(cached.snapshot);
  });

  it('does not trust a cached lexicon made by other code', async () => {
    await runCli(['--data', data, 'tag', '-q'], { input: 'happy' });
    const file = join(data, 'tagger-lexicon.json');
    const cached = JSON.parse(await readFile(file, 'utf8'));
    // Same store version, other compiler, and a lexicon that knows nothing.
    await writeFile(file, JSON.stringify({ ...cached, compiler: 'other code', lexicon: { ...cached.lexicon, entries: [], keys: [] } }));
    const run = await runCli(['--data', data, 'tag', '--tiers', 'primary', '-q'], { input: 'happy' });
    expect(parse(run.stdout)[0]!.dominant.primary).toBe('joy');
    expect(JSON.parse(await readFile(file, 'utf8')).compiler).toBe(cached.compiler);
    // A cache of an older format (no punctuation cues) is compiled again, not read as if complete.
    const { marks, ...withoutMarks } = cached.lexicon;
    expect(marks.map(([mark]: [string, number]) => mark)).toEqual(['?']);
    await writeFile(file, JSON.stringify({ ...cached, format: 1, lexicon: withoutMarks }));
    const old = await runCli(['--data', data, 'tag', '--tiers', 'primary', '-q'], { input: 'You did what?' });
    expect(old.code, old.stderr).toBe(0);
    expect(parse(old.stdout)[0]!.dominant.primary).toBe('surprise');
    expect(JSON.parse(await readFile(file, 'utf8')).lexicon.marks).toEqual(marks);
  });

  it('rejects bad options and unreadable files with exit status 2', async () => {
    expect((await runCli(['--data', data, 'tag', '--tiers', 'primary,nope'])).code).toBe(2);
    expect((await runCli(['--data', data, 'tag', '--negation', 'maybe'])).stderr).toMatch(/--negation/);
    expect((await runCli(['--data', data, 'tag', '--min-score', '7'])).stderr).toMatch(/--min-score/);
    const missing = await runCli(['--data', data, 'tag', join(dir, 'missing.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.txt: cannot read/);
    expect((await runCli(['--data', data, 'tag', '--min-score', 'abc'])).stderr).toMatch(/--min-score: "abc" is not a number from 0 to 1/);
  });

  it('checks every input and the --output path before writing: a bad one leaves an existing output as it was', async () => {
    const input = join(dir, 'ok.txt');
    const out = join(dir, 'kept.jsonl');
    await writeFile(input, 'happy\n');
    await writeFile(out, 'earlier results\n');
    const missing = await runCli(['--data', data, 'tag', '-o', out, input, join(dir, 'missing.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.txt: cannot read \(ENOENT\)/);
    expect(await readFile(out, 'utf8')).toBe('earlier results\n');
    const folder = await runCli(['--data', data, 'tag', dir]);
    expect(folder.stderr).toMatch(/cannot read \(EISDIR\)/);
    const nowhere = await runCli(['--data', data, 'tag', '-o', join(dir, 'no', 'such', 'dir.jsonl'), input]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/--output .*dir\.jsonl: cannot write \(ENOENT\)/);
  });

  it('a full disk is OUTPUT_FAILED (exit 11) naming the output, for a file and for standard output', async () => {
    const input = join(dir, 'ok.txt');
    await writeFile(input, 'happy\n');
    const file = await runCli(['--data', data, 'tag', '-q', '-o', '/dev/full', input]);
    expect(file.code).toBe(11);
    expect(file.stderr).toMatch(/OUTPUT_FAILED: --output \/dev\/full: cannot write \(ENOSPC\)/);
    const full = openSync('/dev/full', 'w');
    const stdout = await runCli(['--data', data, 'tag', '-q', input], { stdoutFd: full }).finally(() => closeSync(full));
    expect(stdout.code).toBe(11);
    expect(stdout.stderr).toMatch(/OUTPUT_FAILED: standard output: cannot write \(ENOSPC\)/);
  });
});
