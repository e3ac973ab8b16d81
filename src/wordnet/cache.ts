// Where compiled look-up indexes (WordNet, word vectors) live: EMOKB_CACHE, else the user's cache
// directory (XDG_CACHE_HOME or ~/.cache) under emokb/. They are derived data, rebuilt when missing.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(): string {
  if (process.env.EMOKB_CACHE) return process.env.EMOKB_CACHE;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'emokb');
}
