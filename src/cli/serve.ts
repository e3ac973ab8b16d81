// `emokb serve`: the GraphQL API on the embedded store. Every setting (port, host, limits, CORS,
// logging, compilation, shutdown) comes from the settings table (src/settings.ts): its flag, else
// its environment variable, else its default, resolved once here into one frozen object; a bad
// value is refused naming the flag or variable before anything is opened.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { KnowledgeService } from '../kb/KnowledgeService.js';
import { AutoBackups } from '../store/autoBackup.js';
import { backupSettings } from '../store/backupSettings.js';
import { LevelStore } from '../store/LevelStore.js';
import { flagsOf, optionFor, resolveAll, type SettingKey } from '../settings.js';
import type { GlobalOptions } from './context.js';
import { sparqlOptions, storeChoice } from './storeChoice.js';
import { readFile } from 'node:fs/promises';
import { fieldError } from '../errors.js';
import { randomBytes } from 'node:crypto';
import { resolve as setting } from '../settings.js';

const SERVE_SETTINGS = flagsOf('serve');

/** The settings `serve` reads: its flags, and NODE_ENV (checked, so an empty one is refused too). */
const READS: SettingKey[] = [...SERVE_SETTINGS, 'nodeEnv'];

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql, /health, /ready, /metrics), SPARQL at /sparql and the IRIs as linked data');
  for (const key of SERVE_SETTINGS) {
    const { flags, description } = optionFor(key);
    command.option(flags, description);
  }
  command.action(async (options: Record<string, unknown>, cmd: Command) => {
    const config = resolveAll(READS, options);
    const globals = cmd.optsWithGlobals<GlobalOptions>();
    const choice = storeChoice(globals);
    if (choice.kind === 'sparql') return serveReplica(choice.queryUrl, config);
    const dir = choice.dir;
    // graphql-js reads NODE_ENV once, when it is first loaded (here): outside `production` every
    // type check during execution also looks for a second copy of the graphql module, which about
    // doubles the cost of executing a query. An operator's own NODE_ENV is kept.
    process.env.NODE_ENV = config.nodeEnv;
    // The data directory's lock first: a second server on the same directory stops here, with
    // STORE_LOCKED, before it listens or says it does. Loading (and seeding) comes after listening,
    // so that /health answers during a cold start. A directory that does not exist yet is created
    // only once the port is ours: a port in use must not leave an empty store behind.
    // Edits through the server (GraphQL mutations, and CLI edits forwarded to it) get the same
    // automatic backups as edits made directly; a bad backup setting is refused before anything opens.
    const backups = new AutoBackups(dir, backupSettings());
    // The server stack is loaded only by this command, so that the other commands start fast. Its
    // import starts before the store opens: the open waits on the disk (the snapshot file's
    // fingerprint reads every LevelDB file, then LevelDB opens), and the main thread compiles
    // graphql-yoga and the rest meanwhile.
    const stack = Promise.all([import('../graphql/server.js'), import('../logger.js')]);
    stack.catch(() => undefined); // awaited below, once the store is open
    let store: LevelStore | undefined = existsSync(dir) ? await LevelStore.open(dir) : undefined;
    // An existing store is read (and checked) while the server stack below is imported: LevelDB
    // reads on libuv's threads while the main thread compiles graphql-yoga and the rest. Reading
    // only: a store that turns out empty is seeded after listening, as before.
    const loading = store && !store.created ? KnowledgeService.load(store, { backups }) : undefined;
    loading?.catch(() => undefined); // its failure is reported once the server listens
    const release = async () => {
      await loading?.catch(() => undefined);
      await store?.close();
      store = undefined;
    };
    const [{ serve }, { createLogger }] = await stack.catch(async (error: unknown) => {
      await release();
      throw error;
    });
    const limits = limitsOf(config);
    const logger = createLogger();
    let running;
    try {
      running = await serve({
        port: config.port,
        host: config.host,
        logger,
        open: async () => {
          const opened = (store ??= await LevelStore.open(dir));
          try {
            const service = await (loading ?? KnowledgeService.load(opened, { backups }));
            await service.seedIfEmpty();
            return service;
          } catch (error) {
            await release();
            throw error;
          }
        },
        dataDir: dir,
        ...httpSettings(config, limits),
      });
    } catch (error) {
      await release();
      throw error;
    }
    await runUntilStopped(running, logger, limits);
  });
}

type ServeConfig = ReturnType<typeof resolveAll<SettingKey>>;

/** What the server takes from the settings alike on the embedded store and as a replica. */
function httpSettings(config: ServeConfig, limits: ReturnType<typeof limitsOf>) {
  return {
    limits,
    corsOrigins: config.corsOrigins,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    accessLog: config.accessLog === 'off' ? (false as const) : config.accessLog,
    compileAfter: config.compileAfter,
    sparqlLimits: { timeoutMs: config.sparqlTimeoutMs, maxResultBytes: config.sparqlMaxResultBytes },
  };
}

function limitsOf(config: ServeConfig) {
  return Object.freeze({
    maxDepth: config.maxDepth,
    maxCost: config.maxCost,
    maxFields: config.maxFields,
    maxAliases: config.maxAliases,
    maxTokens: config.maxTokens,
    maxDirectives: config.maxDirectives,
    maxBodyBytes: config.maxBodyBytes,
    maxText: config.maxText,
    maxBatch: config.maxBatch,
    maxBatchChars: config.maxBatchChars,
  });
}

/**
 * A replica over a shared SPARQL store: no data directory, no lock, no server.json. It loads the
 * store (seeding it if empty: two replicas starting together seed it once, the loser's seed finds
 * nothing left to add), serves its own in-memory snapshot, and polls the store's version every
 * EMOKB_POLL_MS to take in the changes other processes commit. Mutations need the token in
 * EMOKB_EDIT_TOKEN_FILE, shared by all replicas.
 */
async function serveReplica(queryUrl: string, config: ServeConfig): Promise<void> {
  const connection = await sparqlOptions(queryUrl);
  const conflictRetries = setting('conflictRetries', undefined).value;
  const tokenFile = setting('editTokenFile', undefined).value;
  let token: string | undefined;
  if (tokenFile !== undefined) {
    try {
      token = (await readFile(tokenFile, 'utf8')).split(/\r?\n/)[0]!.trim();
    } catch (error) {
      throw fieldError(
        'BAD_INPUT',
        'EMOKB_EDIT_TOKEN_FILE',
        `cannot read ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
    }
    if (token.length < 16) throw fieldError('BAD_INPUT', 'EMOKB_EDIT_TOKEN_FILE', `${tokenFile}: the token is shorter than 16 characters`);
  }
  const [{ serve }, { createLogger }, { SparqlStore }, { ReplicaSync }] = await Promise.all([
    import('../graphql/server.js'),
    import('../logger.js'),
    import('../store/SparqlStore.js'),
    import('../kb/replicaSync.js'),
  ]);
  const limits = limitsOf(config);
  const logger = createLogger();
  let sync: InstanceType<typeof ReplicaSync> | undefined;
  const running = await serve({
    port: config.port,
    host: config.host,
    logger,
    open: async () => {
      const store = await SparqlStore.open(connection);
      try {
        const service = await KnowledgeService.load(store, { conflictRetries });
        await service.seedIfEmpty();
        sync = new ReplicaSync(service, config.pollMs, logger);
        sync.start();
        return service;
      } catch (error) {
        await store.close();
        throw error;
      }
    },
    // No random token: without EMOKB_EDIT_TOKEN_FILE nobody could learn it (there is no server.json).
    token: token ?? randomBytes(32).toString('hex'),
    storeProblem: () => sync?.problem,
    ...httpSettings(config, limits),
  });
  logger.info({ store: `sparql:${queryUrl}`, pollMs: config.pollMs, edits: token !== undefined }, 'replica over a shared store');
  try {
    await runUntilStopped(running, logger, limits);
  } finally {
    sync?.stop();
  }
}

async function runUntilStopped(
  running: Awaited<ReturnType<(typeof import('../graphql/server.js'))['serve']>>,
  logger: import('../logger.js').Logger,
  limits: object,
): Promise<void> {
  logger.info({ url: `${running.url}/graphql`, limits }, 'listening');
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    void running.close().then(() => logger.flush());
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  try {
    await running.ready;
  } catch (error) {
    await running.close();
    throw error;
  }
  await new Promise<void>((resolve) => running.server.once('close', () => resolve()));
}
