// Where compiled look-up indexes (WordNet, word vectors) live: EMOKB_CACHE, else the user's cache
// directory (XDG_CACHE_HOME or ~/.cache) under emokb/. They are derived data, rebuilt when missing.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from '../settings.js';

export function cacheDir(): string {
  const configured = resolve('cache', undefined).value;
  if (configured) return configured;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'emokb');
}
