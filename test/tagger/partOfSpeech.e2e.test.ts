// `emokb tag --no-part-of-speech / --no-names` end to end, in worker threads (the part-of-speech
// tagger, wink-nlp, loads inside each worker on first need).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await tempDir('emokb-pos-');
  data = join(dir, 'data');
  expect((await runCli(['--data', data, 'stats', '--json'])).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const texts = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => ((JSON.parse(l) as { matches: Array<{ text: string }> }).matches ?? []).map((m) => m.text));

describe('emokb tag: part of speech and names', () => {
  const input =
    'I was wondering whether you could help.\nThe content of the post is interesting.\nWe live on Joy Street now.\nI am content and full of wonder.\n';

  it('blocks a question frame, a part-of-speech mismatch and a name, in a worker thread', async () => {
    const r = await runCli(['--data', data, 'tag', '--workers', '1', '-q'], { input });
    expect(r.code).toBe(0);
    expect(texts(r.stdout)).toEqual([[], [], [], ['content', 'wonder']]);
  });

  it('matches them again with --no-part-of-speech and --no-names', async () => {
    const pos = await runCli(['--data', data, 'tag', '--workers', '1', '-q', '--no-part-of-speech'], { input });
    expect(texts(pos.stdout)).toEqual([['wondering'], ['content'], [], ['content', 'wonder']]);
    const names = await runCli(['--data', data, 'tag', '--workers', '0', '-q', '--no-names'], { input });
    expect(texts(names.stdout)).toEqual([[], [], ['Joy'], ['content', 'wonder']]);
  });
});
