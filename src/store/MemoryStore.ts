// An in-memory KnowledgeStore over an N3.Store, for tests and one-off tools; nothing persists.
import { Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { quadKey } from '../rdf/turtle.js';
import { changeRecord, effectiveDelta } from './delta.js';
import { advance, EMPTY_INTEGRITY, integrityOf, xorLines, type IntegrityRecord } from './integrity.js';
import type { ChangeInput, ChangeRecord, CommitOptions, KnowledgeStore, Snapshot, StoreContent } from './KnowledgeStore.js';
import { staleVersion } from './staleVersion.js';

export class MemoryStore implements KnowledgeStore {
  readonly location = 'memory';
  readonly #graph = new Store();
  readonly #keys = new Set<string>();
  readonly #log: ChangeRecord[] = [];
  #closed = false;
  #integrity: IntegrityRecord | null = null;

  async all(): Promise<Quad[]> {
    this.#assertOpen();
    return this.#graph.getQuads(null, null, null, null);
  }

  async snapshot(): Promise<Snapshot> {
    const quads = await this.all();
    return { quads, hash: xorLines(EMPTY_INTEGRITY.hash, quads.map(quadKey)) };
  }

  async count(): Promise<number> {
    this.#assertOpen();
    return this.#graph.size;
  }

  async commit(change: ChangeInput, options: CommitOptions = {}): Promise<ChangeRecord | null> {
    this.#assertOpen();
    const version = this.#log.at(-1)?.id ?? 0;
    if (options.expectedVersion !== undefined && options.expectedVersion !== version)
      throw staleVersion(this.location, options.expectedVersion, version);
    const delta = effectiveDelta(change.add, change.remove, (key) => this.#keys.has(key));
    if (delta.add.length === 0 && delta.remove.length === 0) return null;
    const record = changeRecord(version + 1, change, delta);
    this.#graph.removeQuads(delta.remove);
    for (const q of delta.remove) this.#keys.delete(quadKey(q));
    this.#graph.addQuads(delta.add);
    for (const q of delta.add) this.#keys.add(quadKey(q));
    this.#log.push(record);
    this.#integrity = advance(this.#integrity ?? EMPTY_INTEGRITY, record.id, record.added, record.removed);
    return record;
  }

  async integrity(): Promise<IntegrityRecord | null> {
    this.#assertOpen();
    return this.#integrity;
  }

  async sealIntegrity(record: IntegrityRecord): Promise<void> {
    this.#integrity = record;
  }

  async restore(content: StoreContent): Promise<void> {
    this.#assertOpen();
    if (this.#graph.size > 0 || this.#log.length > 0) throw new Error('restore needs an empty store');
    if (content.quads.length === 0 && content.changes.length === 0) return;
    this.#graph.addQuads([...content.quads]);
    for (const q of content.quads) this.#keys.add(quadKey(q));
    this.#log.push(...content.changes);
    this.#integrity = integrityOf(content.quads.map(quadKey), content.changes.at(-1)?.id ?? 0);
  }

  async changes(options: { limit?: number } = {}): Promise<ChangeRecord[]> {
    this.#assertOpen();
    const newestFirst = [...this.#log].reverse();
    return options.limit === undefined ? newestFirst : newestFirst.slice(0, options.limit);
  }

  async lastChangeId(): Promise<number> {
    this.#assertOpen();
    return this.#log.at(-1)?.id ?? 0;
  }

  async sizeOnDisk(): Promise<number | null> {
    return null;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('store is closed');
  }
}
