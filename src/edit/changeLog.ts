// Reading the tail of the change log without the whole of it. The first change (the seed or an
// import) can hold every triple of the store, tens of megabytes of JSON with a full lexicon; history,
// diff and undo usually need only recent changes. Change ids are consecutive from 1 (both stores
// number them so), so "the changes from id N on" is "the newest (newest - N + 1) changes".
import type { ChangeRecord, KnowledgeStore } from '../store/KnowledgeStore.js';

export async function newestChangeId(store: KnowledgeStore): Promise<number> {
  return (await store.lastChangeId()) ?? 0;
}

/** Changes with from <= id < before, newest first, at most `limit`. */
export async function changesBetween(
  store: KnowledgeStore,
  range: { from?: number; before?: number; limit?: number },
): Promise<ChangeRecord[]> {
  const newest = await newestChangeId(store);
  const from = Math.max(1, range.from ?? 1);
  const below = Math.min(newest + 1, range.before ?? Number.POSITIVE_INFINITY);
  const skip = newest + 1 - below;
  const span = Math.max(0, below - from);
  const take = Math.min(span, range.limit ?? span);
  if (take === 0) return [];
  const records = await store.changes({ limit: skip + take });
  return records
    .slice(skip)
    .filter((r) => r.id >= from && r.id < below)
    .slice(0, take);
}
