// The storage contract: RDF quads plus a change log, written in atomic batches. The level store
// is the product; the memory store exists so tests and tools can run the same contract cheaply.
import type { Quad } from '@rdfjs/types';

/** An edit as the caller asks for it. Quads already present (added) or absent (removed) are ignored. */
export interface ChangeInput {
  add: readonly Quad[];
  remove: readonly Quad[];
  author: string;
  message: string;
  /** What asked for the change, e.g. `import ontology/parrott.ttl` or `seed`. */
  command: string;
}

/** A committed change as the log keeps it: only what really changed, as N-Triples lines. */
export interface ChangeRecord {
  id: number;
  time: string;
  author: string;
  message: string;
  command: string;
  added: string[];
  removed: string[];
}

export interface KnowledgeStore {
  /** Where the data lives: a directory, or `memory`. */
  readonly location: string;
  /** Every quad in the store. */
  all(): Promise<Quad[]>;
  count(): Promise<number>;
  /**
   * Applies the change as one atomic batch together with its change-log entry: after a crash the
   * store holds either all of it or none. Returns null (and logs nothing) when nothing changes.
   */
  commit(change: ChangeInput): Promise<ChangeRecord | null>;
  /** The change log, newest first. */
  changes(options?: { limit?: number }): Promise<ChangeRecord[]>;
  /** The id of the newest change (0 for none), without reading the log's records. */
  lastChangeId(): Promise<number>;
  /** Bytes on disk, or null where that means nothing. */
  sizeOnDisk(): Promise<number | null>;
  close(): Promise<void>;
}
