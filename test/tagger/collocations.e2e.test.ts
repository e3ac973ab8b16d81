// The collocation rule end to end: the shipped lexicon's non-emotional expressions through the
// real `emokb tag` (and its --no-collocations flag), and `term block` / `undo` / `export` on a small store.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataDir } from '../edit/helpers.js';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await tempDir('emokb-colloc-');
  data = join(dir, 'data');
  expect((await runCli(['--data', data, 'stats', '--json'])).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const matched = async (text: string, ...flags: string[]) => {
  const r = await runCli(['--data', data, 'tag', '--workers', '0', '-q', ...flags], { input: `${text}\n` });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout).matches as Array<{ text: string }>).map((m) => m.text);
};

describe('emokb tag and the shipped non-emotional expressions', () => {
  it('matches nothing inside "who cares" or "distress signal" by default, and the words again with --no-collocations', async () => {
    // ("best friend" is blocked too, but "best" names no emotion anywhere since the lexical precision review)
    expect(await matched('Who cares, we sent a distress signal and I am so happy')).toEqual(['happy']);
    expect(await matched('Who cares, we sent a distress signal and I am so happy', '--no-collocations')).toEqual([
      'cares',
      'distress',
      'happy',
    ]);
    // "passed" reached "passion" only by derivation, which reaches no curated entry since session 11
    expect(await matched('he passed the exam', '--no-collocations')).toEqual([]);
  });

  it('refuses to block an expression with no emotion word, naming the argument, exit status 1 or more', async () => {
    const r = await runCli(['--data', data, 'term', 'block', 'the table', '--reason', 'furniture']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/NOT_FOUND.*"the table" holds no word the lexicon matches/);
  });
});

describe('emokb term block on a small store', () => {
  // The hierarchy and one term, so that each of the seven CLI runs loads a small store.
  let small: string;
  beforeAll(async () => {
    small = join(dir, 'small');
    await seedDataDir(small);
    expect((await runCli(['--data', small, 'term', 'add', 'happy', '--emotion', 'joy-primary', '--author', 'T'])).code).toBe(0);
  });
  const words = async (text: string) => {
    const r = await runCli(['--data', small, 'tag', '--workers', '0', '-q'], { input: `${text}\n` });
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout).matches as Array<{ text: string }>).map((m) => m.text);
  };

  it('stores a block made with the CLI, exports it, and undoes it', async () => {
    expect(await words('happy hour at the pub')).toEqual(['happy']);
    const block = await runCli(['--data', small, 'term', 'block', 'happy hour', '--reason', 'a bar promotion, not joy', '--author', 'T']);
    expect(block.code, block.stderr).toBe(0);
    expect(await words('happy hours at the pub')).toEqual([]);
    const exported = await runCli(['--data', small, 'export', '--format', 'turtle']);
    expect(exported.stdout).toContain('happy_hour-nonemotional');
    expect(exported.stdout).toContain('"a bar promotion, not joy"');
    expect((await runCli(['--data', small, 'undo', '--author', 'T'])).code).toBe(0);
    expect(await words('happy hour at the pub')).toEqual(['happy']);
  });

  it('blocks a longer expression around a multiword entry ("help me with" around "help me"), which still matches alone', async () => {
    expect((await runCli(['--data', small, 'term', 'add', 'help me', '--emotion', 'fear-primary', '--author', 'T'])).code).toBe(0);
    expect(await words('Can you help me with the dishes?')).toEqual(['help me']);
    const block = await runCli(['--data', small, 'term', 'block', 'help me with', '--reason', 'a request for a hand', '--author', 'T']);
    expect(block.code, block.stderr).toBe(0);
    expect(block.stderr + block.stdout).toMatch(/"help me" no longer matches inside it/);
    expect(await words('Can you help me with the dishes?')).toEqual([]);
    expect(await words('Help me! She is going to die')).toEqual(['Help me']);
  });
});
