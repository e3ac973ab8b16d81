// What a data directory holds before a store is opened in it, so that a new store is only ever
// created in an absent or empty directory and anything else must be a readable LevelDB store.
// Without this check LevelDB (createIfMissing) silently creates a new database over a directory
// whose CURRENT file was lost, and emokb reseeds it: months of curated changes out of sight.
import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { EmokbError } from '../errors.js';

/**
 * Files emokb itself writes beside the store: they neither make a directory a store nor stop it
 * from being an empty one (the tagger's lexicon and lemmatiser caches, the server's address file,
 * the store's snapshot file;
 * named here, the lowest layer that needs them, and by the modules that write them).
 */
export const OWN_FILES = new Set(['server.json', 'tagger-lexicon.json', 'tagger-wink.json', 'backups', 'snapshot-cache.bin']);
export const BACKUP_DIR = 'backups';

export type DirectoryState = 'absent' | 'empty' | 'store';

export async function directoryState(location: string): Promise<DirectoryState> {
  let names: string[];
  try {
    names = await readdir(location);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    if (code === 'ENOTDIR')
      throw new EmokbError('BAD_INPUT', `data directory ${location} is a file, not a directory; give a directory with --data`, {
        location,
      });
    throw new EmokbError('STORE_ERROR', `cannot read data directory ${location}: ${code}`, { location });
  }
  const foreign = names.filter((name) => !OWN_FILES.has(name));
  const backups = names.includes(BACKUP_DIR) ? await readdir(join(location, BACKUP_DIR)).catch(() => []) : [];
  if (foreign.length === 0 && backups.length === 0) return 'empty';
  if (!names.includes('CURRENT')) {
    const what = foreign.length === 0 ? 'it holds only backups' : `it holds ${describe(foreign)}`;
    throw damaged(
      location,
      `it is not a readable emokb store: its LevelDB file CURRENT is missing (${what}); nothing was read, written or seeded`,
    );
  }
  return 'store';
}

function describe(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** STORE_ERROR for a damaged store, with the way back. */
export function damaged(location: string, what: string, cause?: unknown): EmokbError {
  return new EmokbError(
    'STORE_ERROR',
    `data directory ${location}: ${what}. ${restoreHint(location)}`,
    { location, problem: `data directory ${location}: ${what}` },
    { cause },
  );
}

export function restoreHint(location: string): string {
  return (
    `The directory is left as it is. To recover, restore a backup into a new directory: ` +
    `\`emokb --data NEW_DIR restore ${join(location, BACKUP_DIR)}/<newest>.emokb-backup\` (or any file \`emokb backup\` wrote), ` +
    `then use NEW_DIR; \`emokb --data ${location} check\` reports what is damaged`
  );
}

/** LevelDB's table footer ends with this magic number (little-endian fixed64). */
const TABLE_MAGIC = Buffer.from('57fb808b247547db', 'hex');

/**
 * Table files that cannot be LevelDB tables: empty, or without the footer's magic number (zeroed
 * or truncated). LevelDB skips such a file silently when checksums are not verified on reads
 * (classic-level exposes no verify_checksums option), so this names it where the count fell short.
 */
export async function unreadableTables(location: string): Promise<string[]> {
  const { open } = await import('node:fs/promises');
  const bad: string[] = [];
  for (const name of (await readdir(location).catch(() => [] as string[])).filter((n) => n.endsWith('.ldb') || n.endsWith('.sst')).sort()) {
    const handle = await open(join(location, name), 'r').catch(() => null);
    if (!handle) continue;
    try {
      const { size } = await handle.stat();
      const tail = Buffer.alloc(8);
      if (size >= 48) await handle.read(tail, 0, 8, size - 8);
      if (size < 48 || !tail.equals(TABLE_MAGIC)) bad.push(join(location, name));
    } finally {
      await handle.close();
    }
  }
  return bad;
}

/** The entries of a directory that emokb did not write itself ([] for an absent directory). */
export async function foreignEntries(location: string): Promise<string[]> {
  const names = await readdir(location).catch(() => [] as string[]);
  return names.filter((name) => !OWN_FILES.has(name));
}

/**
 * BAD_INPUT when an output file (`backup -o`, `export -o`) would land among the store's own files:
 * writing there replaces a LevelDB file (`-o data/CURRENT`) and destroys the store it came from.
 * Under `backups/` is allowed. Links are resolved on both sides.
 */
export async function refuseOutputInsideStore(location: string, file: string, flag: string): Promise<void> {
  const store = await realpath(location).catch(() => resolve(location));
  const parent = await realpath(dirname(resolve(file))).catch(() => dirname(resolve(file)));
  const target = join(parent, basename(file));
  const inside = relative(store, target);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(BACKUP_DIR + sep)) return;
  throw new EmokbError(
    'BAD_INPUT',
    `${flag} ${file}: that is inside the data directory ${location}, among the store's own files; write it elsewhere (or under ${join(location, BACKUP_DIR)})`,
    { field: flag, file },
  );
}
