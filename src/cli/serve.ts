// `emokb serve`: the GraphQL API on the embedded store.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { dataDir, openService, type GlobalOptions } from './context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql, /health, /ready)')
    .option('-p, --port <n>', 'port to listen on (env PORT)', process.env.PORT ?? '4000')
    .option('--host <address>', 'address to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
    .action(async (options: { port: string; host: string }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new EmokbError('BAD_INPUT', `--port: "${options.port}" is not a port number (0-65535)`);
      }
      const globals = command.optsWithGlobals<GlobalOptions>();
      // The server stack is loaded only by this command, so that the other commands start fast.
      const [{ serve }, { createLogger }] = await Promise.all([import('../graphql/server.js'), import('../logger.js')]);
      const logger = createLogger();
      const running = await serve({ port, host: options.host, logger, open: () => openService(globals), dataDir: dataDir(globals) });
      logger.info({ url: `${running.url}/graphql` }, 'listening');
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
