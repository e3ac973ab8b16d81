// The compiled-lexicon cache (src/lexicon/cache.ts): a file in the data directory, used only when
// its key (store version, format, compiler sources) matches, made again otherwise.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedLexicon, LEXICON_CACHE_FILE } from '../../src/lexicon/cache.js';
import type { LexiconData } from '../../src/lexicon/types.js';

const data = (version: number): LexiconData => ({
  version,
  emotions: [],
  entries: [],
  keys: [[`key${version}`, 0]],
  marks: [],
  schemes: [],
  stats: { lexiconEntries: 0, seedLabels: 0, blockers: 0, keys: 1, multiword: 0 },
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emokb-lexicon-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the compiled-lexicon cache', () => {
  it('compiles once, then answers from the file while the snapshot is the same', async () => {
    let compiled = 0;
    const compile = async () => (compiled++, data(3));
    expect(await cachedLexicon(dir, 'change 3', compile)).toEqual(data(3));
    expect(await cachedLexicon(dir, 'change 3', compile)).toEqual(data(3));
    expect(compiled).toBe(1);
  });

  it('compiles again for another snapshot, and caches the new one', async () => {
    await cachedLexicon(dir, 'change 3', async () => data(3));
    let compiled = 0;
    expect(await cachedLexicon(dir, 'change 4', async () => (compiled++, data(4)))).toEqual(data(4));
    expect(compiled).toBe(1);
    expect(JSON.parse(await readFile(join(dir, LEXICON_CACHE_FILE), 'utf8')).snapshot).toBe('change 4');
  });

  it('compiles again when the file was made by other compiler code, or is damaged', async () => {
    await cachedLexicon(dir, 'change 3', async () => data(3));
    const file = join(dir, LEXICON_CACHE_FILE);
    const cached = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...cached, compiler: 'other', lexicon: data(99) }));
    expect(await cachedLexicon(dir, 'change 3', async () => data(3))).toEqual(data(3));
    await writeFile(file, '{"format": 2, "vers');
    expect(await cachedLexicon(dir, 'change 3', async () => data(3))).toEqual(data(3));
  });
});
