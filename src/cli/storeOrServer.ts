// Where a CLI edit runs: on the store itself, or, while `emokb serve` holds the store, on that
// server. The user types the same command either way. The store is tried first; when it is locked
// and server.json names a server that answers, the request goes there. Otherwise the lock belongs
// to another CLI: wait for it a little (EMOKB_LOCK_WAIT seconds, default 15), then STORE_LOCKED.
import { EmokbError, isEmokbError } from '../errors.js';
import { readServerFile, removeServerFile, serverFilePath } from '../graphql/serverFile.js';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import type { KnowledgeStore } from '../store/KnowledgeStore.js';
import { openService, type GlobalOptions } from './context.js';
import { openStore, storeChoice } from './storeChoice.js';
import { ServerClient, ServerUnreachable } from './serverClient.js';
import { resolve as setting } from '../settings.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { AnswerFormat } from '../rdf/mediaTypes.js';
import { SparqlEngine } from '../sparql/SparqlEngine.js';

export interface Route<T> {
  local(service: KnowledgeService): Promise<T>;
  remote(server: ServerClient): Promise<T>;
}

export interface Routed<T> {
  value: T;
  /** `store` when the store was opened here, else the server's URL. */
  via: string;
}

/** EMOKB_LOCK_WAIT (settings table): a bad value is refused, never replaced by the default. */
function lockWaitMs(): number {
  return setting('lockWait', undefined).value * 1000;
}

export function onStoreOrServer<T>(globals: GlobalOptions, route: Route<T>): Promise<Routed<T>> {
  return routed(globals, () => openService(globals), route.local, route.remote);
}

/** What a read-only command reads: the snapshot, where the store is (for `stats`), SPARQL over it. */
export interface SnapshotSource {
  snapshot(): Promise<KnowledgeBase>;
  store(): Promise<{ location: string; bytes: number | null }>;
  /** A SPARQL query over the snapshot, with the limits of the side that answers (the server's, or the settings here). */
  sparql(query: string, format: AnswerFormat): Promise<string>;
}

/** The SPARQL limits of a command run on the store: the same settings `serve` reads. */
function localSparqlLimits() {
  return { timeoutMs: setting('sparqlTimeoutMs', undefined).value, maxResultBytes: setting('sparqlMaxResultBytes', undefined).value };
}

/**
 * For read-only commands (`stats`, `show`, `validate`, `export`, `sparql`): the store's snapshot,
 * or, while `emokb serve` holds the store, the server's (its N-Triples download rebuilt here), so
 * the command's own code runs on the same triples either way and prints the same.
 */
export function onSnapshot<T>(globals: GlobalOptions, read: (source: SnapshotSource) => Promise<T>): Promise<Routed<T>> {
  return onStoreOrServer(globals, {
    local: async (service) => {
      let engine: SparqlEngine | undefined;
      try {
        return await read({
          snapshot: async () => service.snapshot,
          store: async () => ({ location: service.store.location, bytes: await service.store.sizeOnDisk() }),
          sparql: async (query, format) =>
            (await (engine ??= new SparqlEngine(localSparqlLimits())).query(service.snapshot, query, format)).body,
        });
      } finally {
        await engine?.close();
      }
    },
    remote: (server) =>
      read({
        snapshot: () => server.snapshot(),
        store: () => server.storeInfo(),
        sparql: (query, format) => server.sparql(query, format),
      }),
  });
}

/** For commands that read only the change log: the store is opened without loading a snapshot. */
export function onLogOrServer<T>(
  globals: GlobalOptions,
  route: { local(store: KnowledgeStore): Promise<T>; remote(server: ServerClient): Promise<T> },
): Promise<Routed<T>> {
  return routed(globals, () => openStore(globals), route.local, route.remote);
}

async function routed<R extends { close(): Promise<void> }, T>(
  globals: GlobalOptions,
  open: () => Promise<R>,
  local: (opened: R) => Promise<T>,
  remote: (server: ServerClient) => Promise<T>,
): Promise<Routed<T>> {
  const choice = storeChoice(globals);
  if (choice.kind === 'sparql') {
    // A shared store has no lock and no server.json: every process opens it and writes through
    // conditional updates (SparqlStore.ts).
    const opened = await open();
    try {
      return { value: await local(opened), via: 'store' };
    } finally {
      await opened.close();
    }
  }
  const dir = choice.dir;
  const waitMs = lockWaitMs();
  const deadline = Date.now() + waitMs;
  let staleServer: string | undefined;
  for (let attempt = 0; ; attempt++) {
    let opened: R;
    try {
      opened = await open();
    } catch (error) {
      if (!isEmokbError(error) || error.code !== 'STORE_LOCKED') throw error;
      const info = await readServerFile(dir);
      if (info) {
        try {
          return { value: await remote(new ServerClient(info)), via: info.url };
        } catch (remoteError) {
          if (!(remoteError instanceof ServerUnreachable)) throw remoteError;
          staleServer = info.url;
        }
      }
      if (Date.now() >= deadline) {
        const stale = staleServer ? ` (${serverFilePath(dir)} names a server at ${staleServer} that does not answer)` : '';
        throw new EmokbError(
          'STORE_LOCKED',
          `${error.message}${stale}; waited ${Math.round(waitMs / 1000)} s (EMOKB_LOCK_WAIT)`,
          error.details,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 + attempt * 50, 500)));
      continue;
    }
    try {
      // We hold the lock, so no server is running on this directory: a server.json is left over.
      await removeServerFile(dir);
      return { value: await local(opened), via: 'store' };
    } finally {
      await opened.close();
    }
  }
}
