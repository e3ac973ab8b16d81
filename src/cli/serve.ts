// `emokb serve`: the GraphQL API on the embedded store. Every limit has a flag and an environment
// variable (flag wins); the table of both lives in src/graphql/config.ts and the README.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { dataDir, openService, type GlobalOptions } from './context.js';
import { numberFlag, type NumberBounds } from './numberFlag.js';
// (config.ts has no imports: the tables cost nothing to load)
import { CLASSIFY_SETTINGS, LIMIT_SETTINGS } from '../graphql/config.js';

/** Commander's property for a flag: --max-batch-chars -> maxBatchChars. */
const optionKey = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

type ServeFlags = { host: string; corsOrigin?: string; accessLog?: string } & Partial<Record<string, string>>;

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql, /health, /ready, /metrics)')
    .option('-p, --port <n>', 'port to listen on (env PORT, default 4000)')
    .option('--host <address>', 'address to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--cors-origin <origins>', 'CORS: `*` or comma-separated origins; default none, same origin only (env EMOKB_CORS_ORIGIN)', process.env.EMOKB_CORS_ORIGIN)
    .option('--access-log <level>', 'per-request log line: info, debug or off (env EMOKB_ACCESS_LOG, default info)')
    .option('--compile-after <n>', 'compile a query on its n-th execution (graphql-jit), 0 never (env EMOKB_COMPILE_AFTER, default 2)')
    .option('--shutdown-timeout <ms>', 'on SIGTERM, how long in-flight requests may take (env EMOKB_SHUTDOWN_TIMEOUT_MS, default 10000)');
  for (const s of [...LIMIT_SETTINGS, ...CLASSIFY_SETTINGS]) command.option(`${s.flag} <n>`, `${s.what} (env ${s.env}, default ${s.default})`);
  command.action(async (options: ServeFlags, cmd: Command) => {
    // A setting comes from its flag, else its environment variable (an empty one is unset), else
    // its default; a bad value is refused naming where it came from.
    const setting = (flag: string, env: string, bounds: NumberBounds): number | undefined => {
      const given = options[optionKey(flag)];
      if (given !== undefined) return numberFlag(given, flag, bounds);
      const fromEnv = process.env[env];
      return fromEnv === undefined || fromEnv.trim() === '' ? undefined : numberFlag(fromEnv, env, bounds);
    };
    const port = setting('--port', 'PORT', { min: 0, max: 65535 }) ?? 4000;
    const shutdownTimeoutMs = setting('--shutdown-timeout', 'EMOKB_SHUTDOWN_TIMEOUT_MS', { min: 1 }) ?? 10_000;
    const compileAfter = setting('--compile-after', 'EMOKB_COMPILE_AFTER', { min: 0 }) ?? 2;
    const accessLogGiven = options.accessLog ?? (process.env.EMOKB_ACCESS_LOG?.trim() || 'info');
    if (!['info', 'debug', 'off'].includes(accessLogGiven)) {
      const where = options.accessLog !== undefined ? '--access-log' : 'EMOKB_ACCESS_LOG';
      throw new EmokbError('BAD_INPUT', `${where}: "${accessLogGiven}" is not one of info, debug, off`);
    }
    const accessLog = accessLogGiven === 'off' ? false : (accessLogGiven as 'info' | 'debug');
    const overrides: Record<string, number> = {};
    for (const s of LIMIT_SETTINGS) {
      const value = setting(s.flag, s.env, { min: 1 });
      if (value !== undefined) overrides[s.key] = value;
    }
    // classify reads its limits from the environment per request: checked here, a flag sets the variable.
    for (const s of CLASSIFY_SETTINGS) {
      const value = setting(s.flag, s.env, { min: 1 });
      if (value !== undefined) process.env[s.env] = String(value);
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
