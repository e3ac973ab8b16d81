// `emokb serve`: listens at once (so /health answers during a cold start), opens and if needed
// seeds the store, then reports ready. SIGTERM/SIGINT stop accepting, let requests finish, close:
// the listener closes at once (new connections are refused), /ready turns 503, a request that
// arrives on an already open keep-alive connection gets 503 SHUTTING_DOWN with `Connection: close`,
// in-flight requests finish (their responses close the connection), and whatever is still running
// after `shutdownTimeoutMs` is cut off.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import type { Logger } from '../logger.js';
import { API_ONLY_ERRORS, EmokbError } from '../errors.js';
import { SETTINGS } from '../settings.js';
import { WEB_DIR } from '../paths.js';
import type { ApiLimits } from './config.js';
import { newToken, removeServerFile, writeServerFile } from './serverFile.js';
import { loadGraphQLJit } from './plugins/useCompiledExecution.js';
import { createEmokbYoga } from './yoga.js';
import { SparqlEngine, type SparqlLimits } from '../sparql/SparqlEngine.js';

export interface ServeOptions {
  port: number;
  host: string;
  logger: Logger;
  /** Opens the knowledge service; called after the socket listens. */
  open: () => Promise<KnowledgeService>;
  /** The data directory; when given, server.json (URL and mutation token) is kept there while the store is open. */
  dataDir?: string;
  /** Query and body limits (defaults in config.ts). */
  limits?: Partial<ApiLimits>;
  /** CORS origins; none: no CORS headers. */
  corsOrigins?: string[];
  /** Level of the per-request access log line, or false for none (default `info`). */
  accessLog?: 'info' | 'debug' | false;
  /** Compile a query document on its n-th execution (default 2, 0 never): see useCompiledExecution. */
  compileAfter?: number;
  /** How long a shutdown waits for in-flight requests (default 10 s). */
  shutdownTimeoutMs?: number;
  /** The built web explorer served at `/` (default WEB_DIR, dist/web). */
  webDir?: string;
  /** Time and result-size limits of /sparql (defaults in the settings table). */
  sparqlLimits?: Partial<SparqlLimits>;
  /** The mutation token; by default a new one, written to server.json (a replica is given one shared by all). */
  token?: string;
  /** On a shared store: why edits cannot be taken now, reported by /ready (see ReplicaSync). */
  storeProblem?: () => string | undefined;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Resolves once the knowledge base is loaded; rejects if it cannot be. */
  ready: Promise<KnowledgeService>;
  close(): Promise<void>;
}

/** Why the socket could not listen, in words that name the host and port and what to do. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const details = { host, port, cause: error.code };
  switch (error.code) {
    case 'EADDRINUSE':
      return new EmokbError(
        'LISTEN_FAILED',
        `port ${port} on ${host} is in use by another process; give another with --port (or PORT), or --port 0 for any free port`,
        details,
      );
    case 'EACCES':
      return new EmokbError(
        'LISTEN_FAILED',
        `not allowed to listen on ${where} (ports below 1024 need privileges); give another with --port (or PORT)`,
        details,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new EmokbError(
        'LISTEN_FAILED',
        `cannot listen on ${where}: ${host} is not an address of this machine; give another with --host (or HOST)`,
        details,
      );
    default:
      return new EmokbError('LISTEN_FAILED', `cannot listen on ${where}: ${error.code ?? error.message}`, details, { cause: error });
  }
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  let service: KnowledgeService | undefined;
  const token = options.token ?? newToken();
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const sparql = new SparqlEngine(options.sparqlLimits);
  const yoga = createEmokbYoga({
    sparql,
    snapshot: () => service?.snapshot,
    logger: options.logger,
    editing: { service: () => service, token },
    limits: options.limits,
    corsOrigins: options.corsOrigins,
    accessLog: options.accessLog,
    compileAfter: options.compileAfter,
    draining: () => draining,
    storeProblem: options.storeProblem,
    webDir: options.webDir ?? WEB_DIR,
  });
  const server = createServer((req, res) => {
    if (draining) {
      // A new request on a connection opened before the shutdown: refused, and the connection closed.
      res.shouldKeepAlive = false;
      if (!req.url?.startsWith('/health')) {
        res.writeHead(API_ONLY_ERRORS.SHUTTING_DOWN!.http, {
          'content-type': 'application/json; charset=utf-8',
          connection: 'close',
          'retry-after': '1',
        });
        res.end(
          JSON.stringify({
            errors: [{ message: 'the server is shutting down; retry on another instance', extensions: { code: 'SHUTTING_DOWN' } }],
          }),
        );
        return;
      }
    }
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    void yoga(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error as NodeJS.ErrnoException, options.host, options.port)));
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  const ready = options.open().then(async (opened) => {
    service = opened;
    // Only now, with the store's lock held, may the file claim the data directory.
    if (options.dataDir) await writeServerFile(options.dataDir, { url, token, pid: process.pid, startedAt: new Date().toISOString() });
    options.logger.info({ url, version: opened.snapshot.version, counts: opened.snapshot.counts }, 'ready');
    // graphql-jit (and the JSON-schema tooling it loads) takes 100-250 ms of the main thread to
    // import. Imported while the store opened, it sat on the restart's path to /ready (the store's
    // decoding and the server stack's imports share the one main thread): 250-400 ms of a
    // restart's 2.0-2.3 s of CPU under load (bench/startup.mjs with EMOKB_COMPILE_AFTER=0 against
    // the default, 4 alternating runs). Now it is imported once ready; queries that arrive
    // meanwhile run on the standard executor, with the same answers (see useCompiledExecution).
    if ((options.compileAfter ?? SETTINGS.compileAfter.default) > 0)
      setImmediate(() => {
        loadGraphQLJit().catch((error: unknown) =>
          options.logger.warn({ err: error }, 'graphql-jit could not be loaded: queries run on the standard executor'),
        );
      });
    return opened;
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      draining = true;
      for (const res of inFlight) res.shouldKeepAlive = false;
      const timeout = options.shutdownTimeoutMs ?? SETTINGS.shutdownTimeoutMs.default;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          options.logger.warn({ inFlight: inFlight.size, timeoutMs: timeout }, 'shutdown timeout: closing the connections still open');
          server.closeAllConnections();
        }, timeout);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await sparql.close();
      await ready.then(
        async (s) => {
          if (options.dataDir) await removeServerFile(options.dataDir);
          await s.close();
        },
        () => undefined,
      );
    })());
  return { url, server, ready, close };
}
