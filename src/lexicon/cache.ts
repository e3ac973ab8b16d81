// The compiled-lexicon cache: a file in the data directory that spares each `emokb tag` run the
// compilation (about a second on the shipped lexicon). Its key is what the compiled data depends
// on: the store's snapshot (its change id, triple count and content hash), the format of
// LexiconData, and the sources of the
// compiler (compile.ts, keys.ts and the tokenizer that cuts keys, each naming its own file). A file
// whose key differs, or that cannot be read or parsed, is made again. Writing is best effort: a
// read-only data directory costs the next run the same work, and says so on standard error.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmokbError } from '../errors.js';
import { writeFileSafely } from '../writeFile.js';
import { COMPILER_SOURCES } from './compile.js';
import type { LexiconData } from './types.js';

export const LEXICON_CACHE_FILE = 'tagger-lexicon.json';
// 2: LexiconData gained `marks` (punctuation cues). 3: keyed on the snapshot's identity, not its
// change id alone (ids repeat after a restore with different content). 4: entries carry `pos` and
// `posCheck` (part of speech).
const CACHE_FORMAT = 6; // 5: the crosswalks (`schemes`). 6: entries carry `invariable` (interjections)

/** A cache file's text, or undefined when it cannot be read. */
export async function readCacheFile(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/** Writes a cache file (atomically, see writeFile.ts); a failure is a warning on standard error. */
export async function writeCacheFile(file: string, text: string): Promise<void> {
  try {
    await writeFileSafely(file, text);
  } catch (error) {
    process.stderr.write(
      `emokb: warning: cannot write the cache ${file} (${(error as EmokbError).details?.errno ?? error}); the next run repeats the work\n`,
    );
  }
}

let identity: Promise<string> | undefined;

/** Hash of the compiler's sources: a cache made by other code is stale. */
function compilerIdentity(): Promise<string> {
  identity ??= (async () => {
    const hash = createHash('sha256');
    for (const url of COMPILER_SOURCES) hash.update(await readFile(new URL(url)).catch(() => Buffer.from(url)));
    return hash.digest('hex').slice(0, 16);
  })();
  return identity;
}

/**
 * The compiled lexicon of the snapshot `snapshot` names (see cli/tag.ts): from the cache file in
 * `dataDir`, else from `compile` (and cached under that name).
 */
export async function cachedLexicon(dataDir: string, snapshot: string, compile: () => Promise<LexiconData>): Promise<LexiconData> {
  const file = join(dataDir, LEXICON_CACHE_FILE);
  const compiler = await compilerIdentity();
  const text = await readCacheFile(file);
  if (text !== undefined) {
    try {
      const cached = JSON.parse(text) as { format: number; snapshot: string; compiler: string; lexicon: LexiconData };
      if (cached.format === CACHE_FORMAT && cached.compiler === compiler && cached.snapshot === snapshot) return cached.lexicon;
    } catch {
      // a damaged file: compile again
    }
  }
  const lexicon = await compile();
  await writeCacheFile(file, JSON.stringify({ format: CACHE_FORMAT, snapshot, compiler, lexicon }));
  return lexicon;
}
