// `emokb serve`: listens at once (so /health answers during a cold start), opens and if needed
// seeds the store, then reports ready. SIGTERM/SIGINT stop accepting, let requests finish, close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import type { Logger } from '../logger.js';
import { createEmokbYoga } from './yoga.js';

export interface ServeOptions {
  port: number;
  host: string;
  logger: Logger;
  /** Opens the knowledge service; called after the socket listens. */
  open: () => Promise<KnowledgeService>;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Resolves once the knowledge base is loaded; rejects if it cannot be. */
  ready: Promise<KnowledgeService>;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  let service: KnowledgeService | undefined;
  const yoga = createEmokbYoga({ snapshot: () => service?.snapshot, logger: options.logger });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  const ready = options.open().then((opened) => {
    service = opened;
    options.logger.info({ url, version: opened.snapshot.version, counts: opened.snapshot.counts }, 'ready');
    return opened;
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await ready.then((s) => s.close(), () => undefined);
    })());
  return { url, server, ready, close };
}
