// The storage contract: RDF quads plus a change log, written in atomic batches. The level store
// is the default; the SPARQL store (SparqlStore.ts) shares one database between processes; the
// memory store exists so tests and tools can run the same contract cheaply.
import type { Quad } from '@rdfjs/types';
import type { IntegrityRecord } from './integrity.js';

/** An edit as the caller asks for it. Quads already present (added) or absent (removed) are ignored. */
export interface ChangeInput {
  add: readonly Quad[];
  remove: readonly Quad[];
  author: string;
  message: string;
  /** What asked for the change, e.g. `import ontology/parrott.ttl` or `seed`. */
  command: string;
}

export interface CommitOptions {
  /**
   * The version (id of the newest change) the change was validated against. When the store is no
   * longer there, because another writer committed meanwhile, the commit writes nothing and fails
   * with CONFLICT (`details.conflict` `stale-version`); the caller re-validates and tries again.
   */
  expectedVersion?: number;
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

/** Everything a store holds: what a backup carries and a restore brings back. */
export interface StoreContent {
  quads: readonly Quad[];
  /** The change log, oldest first. */
  changes: readonly ChangeRecord[];
}

/** Every quad, with the integrity hash of their N-Triples lines (see integrity.ts). */
export interface Snapshot {
  quads: Quad[];
  hash: string;
}

export interface KnowledgeStore {
  /** Where the data lives: a directory, `memory`, or `sparql:<query URL>`. */
  readonly location: string;
  /** Every quad in the store. */
  all(): Promise<Quad[]>;
  /** Every quad and their content hash, in one read (what every open checks). */
  snapshot(): Promise<Snapshot>;
  count(): Promise<number>;
  /**
   * Applies the change as one atomic batch together with its change-log entry: after a crash the
   * store holds either all of it or none. Returns null (and logs nothing) when nothing changes.
   */
  commit(change: ChangeInput, options?: CommitOptions): Promise<ChangeRecord | null>;
  /** The change log, newest first. */
  changes(options?: { limit?: number }): Promise<ChangeRecord[]>;
  /** The id of the newest change (0 for none), without reading the log's records. */
  lastChangeId(): Promise<number>;
  /**
   * The integrity record written with the newest change (count and content hash of the snapshot
   * it produced), or null for a store written before emokb kept one.
   */
  integrity(): Promise<IntegrityRecord | null>;
  /** Records `record` as the current one (for a store that has none yet, after a consistent read). */
  sealIntegrity(record: IntegrityRecord): Promise<void>;
  /** Fills an empty store with `content` (quads, change log, integrity record) in one atomic write. */
  restore(content: StoreContent): Promise<void>;
  /**
   * For a store other processes write too (SparqlStore): brings this process's view up to the
   * store's newest version, and returns the content and version when they changed, else null.
   * Absent where this process is the only writer.
   */
  catchUp?(): Promise<{ quads: Quad[]; version: number } | null>;
  /** Bytes on disk, or null where that means nothing. */
  sizeOnDisk(): Promise<number | null>;
  /** With `keepSnapshot`, a store may keep a copy of its snapshot that makes the next open faster. */
  close(options?: { keepSnapshot?: boolean }): Promise<void>;
}
