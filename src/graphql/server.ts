// `emokb serve`: listens at once (so /health answers during a cold start), opens and if needed
// seeds the store, then reports ready. SIGTERM/SIGINT stop accepting, let requests finish, close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import type { Logger } from '../logger.js';
import { newToken, removeServerFile, writeServerFile } from './serverFile.js';
import { createEmokbYoga } from './yoga.js';

export interface ServeOptions {
  port: number;
  host: string;
  logger: Logger;
  /** Opens the knowledge service; called after the socket listens. */
  open: () => Promise<KnowledgeService>;
  /** The data directory; when given, server.json (URL and mutation token) is kept there while the store is open. */
  dataDir?: string;
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
  const token = newToken();
  const yoga = createEmokbYoga({ snapshot: () => service?.snapshot, logger: options.logger, editing: { service: () => service, token } });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
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
    return opened;
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await ready.then(async (s) => {
        if (options.dataDir) await removeServerFile(options.dataDir);
        await s.close();
      }, () => undefined);
    })());
  return { url, server, ready, close };
}
