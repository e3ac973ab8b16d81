// What lets a later open tell a damaged store from a sound one: the triple count and an
// order-independent content hash of the snapshot, written with every change in the same atomic
// batch. The hash is the XOR of one digest per N-Triples line, so a change updates it from its
// delta alone (XOR the added and the removed lines in) instead of rereading the store.
//
// MD5 through crypto.hash: this guards against damage, not against an adversary, and it is the
// cheapest digest Node ships. Measured on this 2-core machine under load, 96,000 lines: md5
// 300-760 ms with createHash per line, sha256 2,400 ms; crypto.hash('md5') 300-360 ms.
import { hash } from 'node:crypto';

export interface IntegrityRecord {
  /** Format of this record. */
  format: 1;
  /** The change that produced this snapshot (0 before any). */
  change: number;
  /** Number of triples in the snapshot. */
  count: number;
  /** XOR of md5(line) over the snapshot's N-Triples lines, hex. */
  hash: string;
}

const ZERO = '0'.repeat(32);

export const EMPTY_INTEGRITY: IntegrityRecord = { format: 1, change: 0, count: 0, hash: ZERO };

/** XOR of the digests of `lines` into `hex` (a set's hash; XOR twice takes a line out again). */
export function xorLines(hex: string, lines: Iterable<string>): string {
  const acc = Buffer.from(hex, 'hex');
  const a = new Uint32Array(4);
  for (let i = 0; i < 4; i++) a[i] = acc.readUInt32LE(i * 4);
  for (const line of lines) {
    const d = hash('md5', line, 'buffer');
    a[0]! ^= d.readUInt32LE(0);
    a[1]! ^= d.readUInt32LE(4);
    a[2]! ^= d.readUInt32LE(8);
    a[3]! ^= d.readUInt32LE(12);
  }
  for (let i = 0; i < 4; i++) acc.writeUInt32LE(a[i]!, i * 4);
  return acc.toString('hex');
}

/** The record of a whole snapshot given as N-Triples lines. */
export function integrityOf(lines: readonly string[], change: number): IntegrityRecord {
  return { format: 1, change, count: lines.length, hash: xorLines(ZERO, lines) };
}

/** The record after a change with these added and removed lines. */
export function advance(previous: IntegrityRecord, change: number, added: readonly string[], removed: readonly string[]): IntegrityRecord {
  return { format: 1, change, count: previous.count + added.length - removed.length, hash: xorLines(xorLines(previous.hash, added), removed) };
}

/** What differs between the recorded and the found state, or null when they agree. */
export function mismatch(recorded: IntegrityRecord, found: IntegrityRecord): string | null {
  const problems: string[] = [];
  if (recorded.change !== found.change) problems.push(`the change log ends at change ${found.change} but the record was written by change ${recorded.change}`);
  if (recorded.count !== found.count) problems.push(`${found.count} triples read where change ${recorded.change} left ${recorded.count}`);
  else if (recorded.hash !== found.hash) problems.push(`the content hash of the ${found.count} triples read differs from the one change ${recorded.change} recorded`);
  return problems.length ? problems.join('; ') : null;
}
