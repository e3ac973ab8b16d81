// `emokb serve`: the GraphQL API on the embedded store. Every limit has a flag and an environment
// variable (flag wins); the table of both lives in src/graphql/config.ts and the README.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { dataDir, openService, type GlobalOptions } from './context.js';
import { numberFlag } from './numberFlag.js';

/** Mirrors LIMIT_SETTINGS in src/graphql/config.ts, which this file does not import so the other commands start fast. */
const LIMIT_FLAGS = [
  ['maxDepth', '--max-depth <n>', 'deepest field nesting of a query (env EMOKB_MAX_DEPTH, default 12)'],
  ['maxCost', '--max-cost <n>', 'graphql-armor query cost (env EMOKB_MAX_COST, default 50000)'],
  ['maxFields', '--max-fields <n>', 'estimated fields a query resolves (env EMOKB_MAX_FIELDS, default 100000)'],
  ['maxAliases', '--max-aliases <n>', 'aliases per query (env EMOKB_MAX_ALIASES, default 30)'],
  ['maxTokens', '--max-tokens <n>', 'tokens in a query document (env EMOKB_MAX_TOKENS, default 2000)'],
  ['maxDirectives', '--max-directives <n>', 'directives per query (env EMOKB_MAX_DIRECTIVES, default 20)'],
  ['maxBody', '--max-body <bytes>', 'request body bytes, else HTTP 413 (env EMOKB_MAX_BODY_BYTES, default 2097152)'],
] as const;

const CLASSIFY_FLAGS = [
  ['maxText', '--max-text <n>', 'characters per classify text', 'EMOKB_CLASSIFY_MAX_TEXT', '100000'],
  ['maxBatch', '--max-batch <n>', 'texts per classifyBatch', 'EMOKB_CLASSIFY_MAX_BATCH', '100'],
  ['maxBatchChars', '--max-batch-chars <n>', 'characters per classifyBatch', 'EMOKB_CLASSIFY_MAX_BATCH_CHARS', '1000000'],
] as const;

type ServeFlags = { port: string; host: string; corsOrigin?: string; shutdownTimeout: string; accessLog: string; compileAfter: string } & Partial<Record<string, string>>;

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql, /health, /ready, /metrics)')
    .option('-p, --port <n>', 'port to listen on (env PORT)', process.env.PORT ?? '4000')
    .option('--host <address>', 'address to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--cors-origin <origins>', 'CORS: `*` or comma-separated origins; default none, same origin only (env EMOKB_CORS_ORIGIN)', process.env.EMOKB_CORS_ORIGIN)
    .option('--access-log <level>', 'per-request log line: info, debug or off (env EMOKB_ACCESS_LOG)', process.env.EMOKB_ACCESS_LOG ?? 'info')
    .option('--compile-after <n>', 'compile a query on its n-th execution (graphql-jit), 0 never (env EMOKB_COMPILE_AFTER)', process.env.EMOKB_COMPILE_AFTER ?? '2')
    .option('--shutdown-timeout <ms>', 'on SIGTERM, how long in-flight requests may take (env EMOKB_SHUTDOWN_TIMEOUT_MS)', process.env.EMOKB_SHUTDOWN_TIMEOUT_MS ?? '10000');
  for (const [, flag, what] of LIMIT_FLAGS) command.option(flag, what);
  for (const [, flag, what, env, fallback] of CLASSIFY_FLAGS) command.option(flag, `${what} (env ${env}, default ${fallback})`);
  command.action(async (options: ServeFlags, cmd: Command) => {
    const port = numberFlag(options.port, '--port', { min: 0, max: 65535 });
    const shutdownTimeoutMs = numberFlag(options.shutdownTimeout, '--shutdown-timeout', { min: 1 });
    if (!['info', 'debug', 'off'].includes(options.accessLog)) throw new EmokbError('BAD_INPUT', `--access-log: "${options.accessLog}" is not one of info, debug, off`);
    const accessLog = options.accessLog === 'off' ? false : (options.accessLog as 'info' | 'debug');
    const compileAfter = numberFlag(options.compileAfter, '--compile-after', { min: 0 });
    const overrides: Record<string, number> = {};
    for (const [key, flag] of LIMIT_FLAGS) {
      const value = options[key];
      if (value !== undefined) overrides[key === 'maxBody' ? 'maxBodyBytes' : key] = numberFlag(value, flag.split(' ')[0]!, { min: 1 });
    }
    // classify reads its limits from the environment per request: a flag sets the variable.
    for (const [key, flag, , env] of CLASSIFY_FLAGS) {
      const value = options[key];
      if (value !== undefined) process.env[env] = String(numberFlag(value, flag.split(' ')[0]!, { min: 1 }));
    }
    const globals = cmd.optsWithGlobals<GlobalOptions>();
    // graphql-js reads NODE_ENV once, when it is first loaded (here): outside `production` every
    // type check during execution also looks for a second copy of the graphql module, which about
    // doubles the cost of executing a query. An operator's own NODE_ENV is kept.
    process.env.NODE_ENV ??= 'production';
    // The server stack is loaded only by this command, so that the other commands start fast.
    const [{ serve }, { createLogger }, { resolveLimits, parseCorsOrigin }] = await Promise.all([
      import('../graphql/server.js'),
      import('../logger.js'),
      import('../graphql/config.js'),
    ]);
    let limits;
    try {
      limits = resolveLimits(overrides);
    } catch (error) {
      throw new EmokbError('BAD_INPUT', (error as Error).message);
    }
    const logger = createLogger();
    const running = await serve({
      port,
      host: options.host,
      logger,
      open: () => openService(globals),
      dataDir: dataDir(globals),
      limits,
      corsOrigins: parseCorsOrigin(options.corsOrigin),
      shutdownTimeoutMs,
      accessLog,
      compileAfter,
    });
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
  });
}
