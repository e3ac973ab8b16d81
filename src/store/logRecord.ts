// A change-log entry as the level store keeps it: JSON, and for a large change (the seed: 96,000
// lines, 15 MB of JSON) its lines deflated. The seed's entry written as plain JSON was 15 MB more
// to write and fsync at the first start, and about 70 MB of peak memory (the JSON string, its
// UTF-8 copy, the batch, LevelDB's memtable); deflated (zlib level 1) it is under 1 MB. The entry
// reads back exactly as it was (ChangeRecord, lines included), so history, undo, diff and backups
// see no difference. Entries written before this (plain JSON, every size) read as before.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ChangeRecord } from './KnowledgeStore.js';

/** From this many lines on, an entry's lines are stored deflated. */
export const PACK_LINES = 5_000;

/** An entry whose lines are in `packed`: base64 of raw-deflated JSON `{ added, removed }`. */
interface PackedRecord extends Omit<ChangeRecord, 'added' | 'removed'> {
  packed: string;
}

export function recordValue(record: ChangeRecord): string {
  if (record.added.length + record.removed.length < PACK_LINES) return JSON.stringify(record);
  const { added, removed, ...meta } = record;
  // Level 1: the seed's lines deflate to 0.95 MB (level 6: 0.63 MB, but several times the CPU).
  const packed = deflateRawSync(JSON.stringify({ added, removed }), { level: 1 }).toString('base64');
  return JSON.stringify({ ...meta, packed } satisfies PackedRecord);
}

export function parseRecord(value: string): ChangeRecord {
  const record = JSON.parse(value) as ChangeRecord | PackedRecord;
  if (!('packed' in record)) return record;
  const { packed, ...meta } = record;
  const lines = JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) as Pick<ChangeRecord, 'added' | 'removed'>;
  return { ...meta, added: lines.added, removed: lines.removed };
}
