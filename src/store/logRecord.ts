// A change-log entry as the level store keeps it: JSON, and for a large change (the seed: 96,000
// lines, 15 MB of JSON) its lines deflated. The seed's entry written as plain JSON was 15 MB more
// to write and fsync at the first start, and about 70 MB of peak memory (the JSON string, its
// UTF-8 copy, the batch, LevelDB's memtable); deflated (zlib level 1) it is under 1 MB, and it is
// deflated as a stream, a few thousand lines at a time, on libuv's threads, while the caller
// builds the rest of the batch. The entry reads back exactly as it was (ChangeRecord, lines
// included), so history, undo, diff and backups see no difference. Entries written before this
// (plain JSON, every size) read as before.
import { once } from 'node:events';
import { createDeflateRaw, inflateRawSync } from 'node:zlib';
import type { ChangeRecord } from './KnowledgeStore.js';

/** From this many lines on, an entry's lines are stored deflated. */
export const PACK_LINES = 5_000;
/** Lines handed to the deflater at a time: bounds the JSON text held at once. */
const CHUNK_LINES = 4_000;

/** An entry whose lines are in `packed`: base64 of raw-deflated JSON `{ added, removed }`. */
interface PackedRecord extends Omit<ChangeRecord, 'added' | 'removed'> {
  packed: string;
}

export async function recordValue(record: ChangeRecord): Promise<string> {
  if (record.added.length + record.removed.length < PACK_LINES) return JSON.stringify(record);
  const { added, removed, ...meta } = record;
  const packed = (await deflateLines(added, removed)).toString('base64');
  return JSON.stringify({ ...meta, packed } satisfies PackedRecord);
}

/** Raw deflate of the JSON text `{"added":[...],"removed":[...]}`, written chunk by chunk. */
async function deflateLines(added: readonly string[], removed: readonly string[]): Promise<Buffer> {
  // Level 1: the seed's lines deflate to 0.95 MB (level 6: 0.63 MB, but several times the CPU).
  const deflater = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflater.on('data', (part: Buffer) => parts.push(part));
  const ended = once(deflater, 'end');
  ended.catch(() => undefined); // awaited below; an error before then must not go unhandled
  const write = async (text: string) => {
    if (!deflater.write(text)) await once(deflater, 'drain');
  };
  const array = async (lines: readonly string[]) => {
    await write('[');
    for (let i = 0; i < lines.length; i += CHUNK_LINES) {
      const json = JSON.stringify(lines.slice(i, i + CHUNK_LINES));
      await write((i > 0 ? ',' : '') + json.slice(1, -1));
    }
    await write(']');
  };
  await write('{"added":');
  await array(added);
  await write(',"removed":');
  await array(removed);
  deflater.end('}');
  await ended;
  return Buffer.concat(parts);
}

export function parseRecord(value: string): ChangeRecord {
  const record = JSON.parse(value) as ChangeRecord | PackedRecord;
  if (!('packed' in record)) return record;
  const { packed, ...meta } = record;
  const lines = JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) as Pick<ChangeRecord, 'added' | 'removed'>;
  return { ...meta, added: lines.added, removed: lines.removed };
}
