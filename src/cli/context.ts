// What every command shares: where the data lives, who is editing, and how to open the store.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { KnowledgeService } from '../kb/KnowledgeService.js';
import { AutoBackups } from '../store/autoBackup.js';
import { backupSettings } from '../store/backupSettings.js';
import { LevelStore } from '../store/LevelStore.js';
import { resolve as setting } from '../settings.js';
import { sparqlOptions, storeChoice, type GlobalOptions } from './storeChoice.js';

export { dataDir, type GlobalOptions } from './storeChoice.js';

/** --author, else EMOKB_AUTHOR, else git's user.name, else the login name. */
export function defaultAuthor(explicit?: string): string {
  const author = setting('author', explicit).value;
  if (author) return author.trim();
  try {
    const name = execFileSync('git', ['config', 'user.name'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2000,
    }).trim();
    if (name) return name;
  } catch {
    // no git, or no name configured
  }
  return userInfo().username;
}

export async function openService(options: GlobalOptions, seed = true): Promise<KnowledgeService> {
  // Settings first: a bad value is refused before anything is opened.
  const settings = backupSettings();
  const choice = storeChoice(options);
  if (choice.kind === 'sparql') {
    const conflictRetries = setting('conflictRetries', undefined).value;
    const { SparqlStore } = await import('../store/SparqlStore.js');
    const shared = await SparqlStore.open(await sparqlOptions(choice.queryUrl));
    try {
      const { seedNotice } = await import('./seedNotice.js');
      return await KnowledgeService.open(shared, { seed, onSeed: seedNotice(shared.location, false), conflictRetries });
    } catch (error) {
      await shared.close();
      throw error;
    }
  }
  const store = await LevelStore.open(choice.dir);
  try {
    const { seedNotice } = await import('./seedNotice.js');
    if (store.created && !seed && store.wasAbsent)
      process.stderr.write(`emokb: ${store.location} did not exist: created a new, empty store there\n`);
    return await KnowledgeService.open(store, {
      seed,
      onSeed: seedNotice(store.location, store.wasAbsent),
      backups: new AutoBackups(store.location, settings),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Opens the service, runs `fn`, always closes (so the LevelDB lock is released). */
export async function withService<T>(options: GlobalOptions, fn: (service: KnowledgeService) => Promise<T>, seed = true): Promise<T> {
  const service = await openService(options, seed);
  try {
    return await fn(service);
  } finally {
    await service.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
