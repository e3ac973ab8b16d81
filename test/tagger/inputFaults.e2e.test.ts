// `emokb tag` against input a careless user gives it, through the real CLI: far too many workers,
// binary or non-UTF-8 bytes, blank JSON Lines. Each is said clearly, and never costs the machine.
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await tempDir('emokb-tag-faults-');
  data = join(dir, 'data');
  const seeded = await runCli(['--data', data, 'stats', '--json']);
  expect(seeded.code, seeded.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parse = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('emokb tag on careless input', { timeout: 60_000 }, () => {
  it('refuses --workers over the cap, naming the flag and the cap, before reading anything', async () => {
    const file = join(dir, 'four.txt');
    await writeFile(file, 'I am furious\nso happy today\nthe table\nwhat a sad day\n');
    const out = join(dir, 'never.jsonl');
    const r = await runCli(['--data', data, 'tag', '--workers', '1000', '-o', out, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^emokb: error BAD_INPUT: --workers: 1000 is over the cap of \d+ worker threads \(each costs about 40 MB/);
    expect(r.stdout).toBe('');
    const help = await runCli(['tag', '--help']);
    expect(help.stdout).toMatch(/--workers <n>\s+worker threads, at most \d+/);
  });

  it('starts no more workers than the input has batches', async () => {
    const file = join(dir, 'four.txt');
    await writeFile(file, 'I am furious\nso happy today\nthe table\nwhat a sad day\n');
    const few = await runCli(['--data', data, 'tag', '--workers', '32', '--tiers', 'primary', file]);
    expect(few.code, few.stderr).toBe(0);
    expect(parse(few.stdout).map((o) => o.dominant.primary)).toEqual(['anger', 'joy', null, 'sadness']);
    expect(few.stderr).toMatch(/1 worker of 32: the input needed no more\)/);
    // Two files of four lines in batches of two: four batches, so at most four workers of eight.
    const batches = await runCli(['--data', data, 'tag', '--workers', '8', '--batch-lines', '2', file, file]);
    expect(batches.code, batches.stderr).toBe(0);
    expect(batches.stderr).toMatch(/tagged 8 lines .*\(.*, [1-4] workers? of 8: the input needed no more\)/);
  });

  it('gives lines that are not text (invalid UTF-8, a NUL byte) an error record; --strict stops there', async () => {
    const file = join(dir, 'mixed.txt');
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from('so happy\n'),
        Buffer.from('caf\xe9 sad\n', 'latin1'),
        Buffer.from('PK\u0003\u0004\u0000\u0000zip\n'),
        Buffer.from('sad\n'),
      ]),
    );
    const r = await runCli(['--data', data, 'tag', '--tiers', 'primary', '--no-matches', file]);
    expect(r.code, r.stderr).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(4);
    expect(out[0]!.dominant.primary).toBe('joy');
    expect(out[1]).toEqual({
      id: null,
      line: 2,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^line 2: is not valid UTF-8 text: .*iconv/) },
    });
    expect(out[2]).toEqual({
      id: null,
      line: 3,
      error: { code: 'BAD_INPUT', message: 'line 3: holds a NUL byte: binary input, not text' },
    });
    expect(out[3]!.id).toBe(4);
    expect(r.stderr).toMatch(/tagged 4 lines \(2 errors, 2 of them not text: binary or not UTF-8\)/);

    const strict = await runCli(['--data', data, 'tag', '--strict', '--no-matches', file]);
    expect(strict.code).toBe(2);
    expect(parse(strict.stdout)).toHaveLength(1);
    expect(strict.stderr).toMatch(/error BAD_INPUT: line 2: is not valid UTF-8 text/);
  });

  it('skips blank JSON Lines and says so in the summary; a blank plain-text line is still a document', async () => {
    const input = '{"id":"a","text":"so sad"}\n\n   \n{"id":"b","text":"joy"}\n';
    const r = await runCli(['--data', data, 'tag', '--format', 'jsonl', '--no-matches'], { input });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).map((o) => o.id)).toEqual(['a', 'b']);
    expect(r.stderr).toMatch(/tagged 2 lines \(0 errors; 2 blank lines skipped\)/);
    const text = await runCli(['--data', data, 'tag', '--no-matches'], { input: 'sad\n\njoy\n' });
    expect(parse(text.stdout).map((o) => [o.id, o.dominant.primary])).toEqual([
      [1, 'sadness'],
      [2, null],
      [3, 'joy'],
    ]);
    expect(text.stderr).toMatch(/tagged 3 lines \(0 errors\)/);
  });
});
