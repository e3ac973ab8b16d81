// How the CLI finds a running server: while `emokb serve` holds a data directory's LevelDB lock it
// keeps `<data dir>/server.json` with its URL and a random bearer token, readable only by its owner
// (mode 0600). Whoever can read the file may edit through the server; anyone else gets
// UNAUTHENTICATED. The file is written only once the store is open (the lock is held) and removed
// on shutdown; a file left by a crashed server is stale and found out when the server does not answer.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileSafely } from '../writeFile.js';

export const SERVER_FILE = 'server.json';

export interface ServerInfo {
  /** Base URL, e.g. `http://127.0.0.1:4000`; GraphQL is at `${url}/graphql`. */
  url: string;
  token: string;
  pid: number;
  startedAt: string;
}

export function serverFilePath(dataDir: string): string {
  return join(dataDir, SERVER_FILE);
}

/** 32 random bytes, hex. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Writes the file atomically with mode 0600 (created with it, never world-readable in between). */
export async function writeServerFile(dataDir: string, info: ServerInfo): Promise<void> {
  const path = serverFilePath(dataDir);
  await writeFileSafely(path, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export async function removeServerFile(dataDir: string): Promise<void> {
  await rm(serverFilePath(dataDir), { force: true });
}

/** The file's content, or undefined when there is none or it is unreadable or malformed. */
export async function readServerFile(dataDir: string): Promise<ServerInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(serverFilePath(dataDir), 'utf8')) as Partial<ServerInfo>;
    if (typeof info.url !== 'string' || typeof info.token !== 'string' || !/^https?:\/\//.test(info.url)) return undefined;
    return { url: info.url, token: info.token, pid: Number(info.pid) || 0, startedAt: String(info.startedAt ?? '') };
  } catch {
    return undefined;
  }
}

/** Constant-time check of an `Authorization: Bearer <token>` header. */
export function bearerMatches(header: string | null, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
