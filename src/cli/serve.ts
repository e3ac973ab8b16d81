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
import { dataDir, type GlobalOptions } from './context.js';

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
    const dir = dataDir(globals);
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
    const limits = Object.freeze({
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
        limits,
        corsOrigins: config.corsOrigins,
        shutdownTimeoutMs: config.shutdownTimeoutMs,
        accessLog: config.accessLog === 'off' ? false : config.accessLog,
        compileAfter: config.compileAfter,
        sparqlLimits: { timeoutMs: config.sparqlTimeoutMs, maxResultBytes: config.sparqlMaxResultBytes },
      });
    } catch (error) {
      await release();
      throw error;
    }
    const server = running;
    logger.info({ url: `${server.url}/graphql`, limits }, 'listening');
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      void server.close().then(() => logger.flush());
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    try {
      await server.ready;
    } catch (error) {
      await server.close();
      throw error;
    }
    await new Promise<void>((resolve) => server.server.once('close', () => resolve()));
  });
}
