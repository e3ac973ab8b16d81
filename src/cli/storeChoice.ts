// Which store a command works on: `--store` (or EMOKB_STORE), else the embedded store in the data
// directory (`--data`, EMOKB_DATA, ./data). For a SPARQL store, the update endpoint and credentials
// come from the environment only (a password on a command line shows in `ps` and shell history);
// a password file is read here, and the password is never put into a message.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { EmokbError, fieldError } from '../errors.js';
import { resolve as setting } from '../settings.js';
import type { KnowledgeStore } from '../store/KnowledgeStore.js';
import { LevelStore } from '../store/LevelStore.js';
import { SparqlStore, type SparqlStoreOptions } from '../store/SparqlStore.js';

export interface GlobalOptions {
  data?: string;
  store?: string;
}

/** --data, else EMOKB_DATA, else ./data; an empty one is BAD_INPUT (it would mean the current directory). */
export function dataDir(options: GlobalOptions): string {
  return resolvePath(setting('data', options.data).value);
}

export type StoreChoice = { kind: 'level'; dir: string } | { kind: 'sparql'; queryUrl: string };

export function storeChoice(globals: GlobalOptions): StoreChoice {
  const { value: chosen, source } = setting('store', globals.store);
  // `--data DIR` typed on the command line wins over EMOKB_STORE from the environment (a flag over
  // a variable, as everywhere); over `--store`, only when both name the same directory.
  if (!chosen || (source !== '--store' && globals.data !== undefined)) return { kind: 'level', dir: dataDir(globals) };
  if (chosen.kind === 'sparql') return chosen;
  const dir = resolvePath(chosen.dir);
  if (globals.data !== undefined && resolvePath(globals.data) !== dir)
    throw new EmokbError('BAD_INPUT', `--store level:${chosen.dir} and --data ${globals.data} name two directories; give one of them`);
  return { kind: 'level', dir };
}

/** The SPARQL store's connection from the settings table (the environment). */
export async function sparqlOptions(queryUrl: string): Promise<SparqlStoreOptions> {
  const user = setting('storeUser', undefined).value;
  const file = setting('storePasswordFile', undefined).value;
  let password = setting('storePassword', undefined).value;
  if (file !== undefined) {
    try {
      password = (await readFile(file, 'utf8')).split(/\r?\n/)[0];
    } catch (error) {
      throw fieldError(
        'BAD_INPUT',
        'EMOKB_SPARQL_PASSWORD_FILE',
        `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
    }
  }
  if (password !== undefined && user === undefined)
    throw fieldError('BAD_INPUT', 'EMOKB_SPARQL_USER', 'is not set, but a password is; set the user the password belongs to');
  return {
    queryUrl,
    updateUrl: setting('storeUpdateUrl', undefined).value,
    graphStoreUrl: setting('storeGraphStoreUrl', undefined).value,
    user,
    password,
    timeoutMs: setting('storeTimeoutMs', undefined).value,
    graphBase: setting('storeGraphs', undefined).value,
  };
}

/** Opens the chosen store: LevelStore in its directory, or SparqlStore (one query, so a bad URL fails now). */
export async function openStore(globals: GlobalOptions): Promise<KnowledgeStore> {
  const choice = storeChoice(globals);
  if (choice.kind === 'level') return LevelStore.open(choice.dir);
  return SparqlStore.open(await sparqlOptions(choice.queryUrl));
}
