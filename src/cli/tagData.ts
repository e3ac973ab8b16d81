// The data a tagging run loads before its first text (`emokb tag`, `emokb tag worker`): the
// compiled lexicon of the store's current version and the lemmatiser's data, each kept in the data
// directory as a cache keyed on what it depends on, so a run on an unchanged store reads two files
// instead of compiling (lexicon/cache.ts). The store is opened only to read its identity, then
// closed: tagging a large file does not hold the data directory's lock.
import { join } from 'node:path';
import { cachedLexicon, readCacheFile, writeCacheFile } from '../lexicon/cache.js';
import { compileLexicon } from '../lexicon/compile.js';
import type { LexiconData } from '../lexicon/types.js';
import { winkDataSnapshot, winkLexiconVersion } from '../text/wordForms.js';
import { dataDir, withService, type GlobalOptions } from './context.js';
import { openStore } from './storeChoice.js';

/** The compiled lexicon of the store's current version (see lexicon/cache.ts). */
export async function loadLexicon(options: GlobalOptions): Promise<LexiconData> {
  const store = await openStore(options);
  // The snapshot's identity: its change id, triple count and content hash (the integrity record,
  // one read). A change id alone repeats after a restore, with other content.
  let snapshot: string;
  try {
    const record = await store.integrity();
    snapshot = record ? `${record.change}:${record.count}:${record.hash}` : `change ${await store.lastChangeId()}`;
  } finally {
    await store.close();
  }
  return cachedLexicon(dataDir(options), snapshot, () => withService(options, async (service) => compileLexicon(service.snapshot)));
}

// The lemmatiser's data is kept in the data directory too, keyed on wink-lexicon's version.
const WINK_FILE = 'tagger-wink.json';
const WINK_FORMAT = 1;

/**
 * The lemmatiser's data as one JSON text (see winkDataSnapshot), kept in the data directory after
 * a header line (its key); undefined if it cannot be made.
 */
export async function loadWinkData(options: GlobalOptions): Promise<string | undefined> {
  const file = join(dataDir(options), WINK_FILE);
  const header = JSON.stringify({ format: WINK_FORMAT, winkLexicon: winkLexiconVersion() });
  const text = await readCacheFile(file);
  const nl = text?.indexOf('\n') ?? -1;
  if (text !== undefined && nl > 0 && text.slice(0, nl) === header) return text.slice(nl + 1);
  const data = winkDataSnapshot();
  if (data !== undefined) await writeCacheFile(file, `${header}\n${data}`);
  return data;
}
