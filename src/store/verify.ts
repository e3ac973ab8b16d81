// The check every open makes on the snapshot it has just read: the triples must be exactly what
// the newest change recorded (count and content hash), and that change must be the newest in the
// log. The open reads every quad anyway; the level store digests each triple while it decodes it
// (spogKeys.ts), so the check itself only compares.
import { EmokbError } from '../errors.js';
import { quadKey } from '../rdf/turtle.js';
import { damaged, unreadableTables } from './dataDirectory.js';
import { mismatch, type IntegrityRecord } from './integrity.js';
import type { ChangeRecord, KnowledgeStore, Snapshot } from './KnowledgeStore.js';

/**
 * Throws STORE_ERROR when the store's content disagrees with its integrity record. A store written
 * before emokb kept the record gets one here, but only when its content is exactly the replay of
 * its change log (the same guarantee the record would have given); otherwise it is refused.
 */
export async function verifyContent(store: KnowledgeStore, snapshot: Snapshot, lastChange: number): Promise<void> {
  const { quads } = snapshot;
  const found: IntegrityRecord = { format: 1, change: lastChange, count: quads.length, hash: snapshot.hash };
  const recorded = await store.integrity();
  if (recorded) {
    const problem = mismatch(recorded, found);
    if (problem) {
      // A shared store is no directory: no table files to name, no backup directory to restore from.
      if (store.location.startsWith('sparql:'))
        throw new EmokbError('STORE_ERROR', `${store.location}: the store is damaged: ${problem}`, { location: store.location });
      const tables = store.location === 'memory' ? [] : await unreadableTables(store.location);
      const files = tables.length ? ` (damaged table file${tables.length > 1 ? 's' : ''}: ${tables.join(', ')})` : '';
      throw damaged(store.location, `the store is damaged: ${problem}${files}`);
    }
    return;
  }
  if (quads.length === 0 && lastChange === 0) return;
  const problem = replayMismatch(quads.map(quadKey), await store.changes());
  if (problem) throw damaged(store.location, `the store has no integrity record and ${problem}`);
  await store.sealIntegrity(found);
}

/** How the content differs from the replay of the log (oldest first after reversing), or null. */
export function replayMismatch(lines: readonly string[], newestFirst: readonly ChangeRecord[]): string | null {
  const replayed = new Set<string>();
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const change = newestFirst[i]!;
    for (const line of change.removed) replayed.delete(line);
    for (const line of change.added) replayed.add(line);
  }
  const present = new Set(lines);
  let missing = 0;
  for (const line of replayed) if (!present.has(line)) missing++;
  const extra = lines.length - (replayed.size - missing);
  if (missing === 0 && extra === 0) return null;
  return `its triples differ from the replay of its change log (${missing} logged triple(s) missing, ${extra} unlogged)`;
}
