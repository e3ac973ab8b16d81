// One file that carries a whole store: its triples and its change log. gzip of UTF-8 text:
//   line 1      a JSON header: format, version, counts, the integrity record (count and hash)
//   N lines     the triples as sorted N-Triples
//   M lines     the change log, oldest first, one JSON record per line
// Plain text inside gzip so that `zcat` shows it and any RDF tool can read the triples part.
// Written to a temporary file beside the target and renamed over it, so a crash or a full disk
// leaves either the old file or the complete new one, never a partial backup.
import { createReadStream, createWriteStream } from 'node:fs';
import { realpath, rename, stat, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { EmokbError } from '../errors.js';
import { parseRdf, quadKey } from '../rdf/turtle.js';
import { faultPoint } from './faultInjection.js';
import { integrityOf, type IntegrityRecord } from './integrity.js';
import type { ChangeRecord, StoreContent } from './KnowledgeStore.js';
import { replayMismatch } from './verify.js';

export const BACKUP_FORMAT = 'emokb-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  created: string;
  triples: number;
  changes: number;
  integrity: IntegrityRecord;
}

/** Writes `content` to `file` (atomically where `file` is, or will be, a regular file). */
export async function writeBackup(file: string, content: StoreContent): Promise<BackupHeader> {
  const lines = content.quads.map(quadKey).sort();
  const lastChange = content.changes.at(-1)?.id ?? 0;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    created: new Date().toISOString(),
    triples: lines.length,
    changes: content.changes.length,
    integrity: integrityOf(lines, lastChange),
  };
  async function* text() {
    yield `${JSON.stringify(header)}\n`;
    for (let i = 0; i < lines.length; i += 2000) yield lines.slice(i, i + 2000).join('\n') + '\n';
    await faultPoint('backup');
    for (const change of content.changes) yield `${JSON.stringify(change)}\n`;
  }
  // A device or a FIFO is written directly: renaming a temporary file over it would replace it. A
  // link is followed: the file it names is replaced, the link stays (as writeFileSafely does).
  file = await realpath(file).catch(() => file);
  const existing = await stat(file).catch(() => null);
  const direct = existing !== null && !existing.isFile();
  const target = direct ? file : `${file}.${process.pid}.tmp`;
  try {
    await pipeline(Readable.from(text()), createGzip(), createWriteStream(target));
    if (!direct) await rename(target, file);
  } catch (error) {
    if (!direct) await unlink(target).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new EmokbError('OUTPUT_FAILED', `cannot write the backup ${file}: ${code}; no backup file was left`, { file });
  }
  return header;
}

/** Reads and checks a backup: its header, the triples against the header's count and hash, the log against the triples. */
export async function readBackup(file: string): Promise<{ header: BackupHeader; content: StoreContent }> {
  const bad = (what: string) =>
    new EmokbError('BAD_INPUT', `${file} is not a usable emokb backup: ${what}; nothing was restored`, { file });
  let text: string;
  try {
    const chunks: Buffer[] = [];
    await pipeline(createReadStream(file), createGunzip(), async function (source) {
      for await (const chunk of source) chunks.push(chunk as Buffer);
    });
    text = Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new EmokbError('NOT_FOUND', `no such backup file: ${file}`, { file });
    throw bad(`it does not decompress (${code ?? (error as Error).message})`);
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let header: BackupHeader;
  try {
    header = JSON.parse(lines[0] ?? '') as BackupHeader;
  } catch {
    throw bad('its first line is not an emokb backup header');
  }
  if (header?.format !== BACKUP_FORMAT) throw bad('its first line is not an emokb backup header');
  if (header.version !== BACKUP_VERSION) throw bad(`format version ${header.version}, this emokb reads version ${BACKUP_VERSION}`);
  // A hand-edited or damaged header must be refused here, not fail later as an internal error.
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const integrity = header.integrity as Partial<BackupHeader['integrity']> | undefined;
  if (
    !count(header.triples) ||
    !count(header.changes) ||
    !integrity ||
    !count(integrity.count) ||
    !count(integrity.change) ||
    typeof integrity.hash !== 'string'
  )
    throw bad('its header lacks its counts or its integrity record');
  if (lines.length !== 1 + header.triples + header.changes)
    throw bad(
      `${lines.length - 1} lines after the header where it announces ${header.triples} triples and ${header.changes} changes (truncated?)`,
    );
  const tripleLines = lines.slice(1, 1 + header.triples);
  const quads = await parseRdf(tripleLines.join('\n'), 'ntriples', file);
  let changes: ChangeRecord[];
  try {
    changes = lines.slice(1 + header.triples).map((line) => JSON.parse(line) as ChangeRecord);
  } catch {
    throw bad('a change-log line is not JSON');
  }
  // Ids exactly 1..M in order: a duplicate would overwrite another entry's key and lose history.
  changes.forEach((change, i) => {
    const lines = (a: unknown) => Array.isArray(a) && a.every((l) => typeof l === 'string');
    if (!change || typeof change !== 'object' || change.id !== i + 1 || !lines(change.added) || !lines(change.removed))
      throw bad(`change-log line ${i + 1} is not change ${i + 1} with its added and removed triples`);
  });
  const found = integrityOf(quads.map(quadKey), changes.at(-1)?.id ?? 0);
  if (found.count !== header.integrity.count || found.hash !== header.integrity.hash || found.change !== header.integrity.change) {
    throw bad('its triples do not match the count and hash in its header');
  }
  const replay = replayMismatch(tripleLines, [...changes].reverse());
  if (replay) throw bad(replay);
  return { header, content: { quads, changes } };
}
