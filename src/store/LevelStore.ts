// The on-disk KnowledgeStore: quads indexed by quadstore in a LevelDB directory (via `level`),
// with the change log kept in the same database so that a change and its log entry are written
// in one atomic LevelDB batch.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import { DataFactory } from '../rdf/n3.js';
import { Quadstore } from 'quadstore';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { quadKey } from '../rdf/turtle.js';
import { damaged, directoryState, unreadableTables } from './dataDirectory.js';
import { changeRecord, effectiveDelta } from './delta.js';
import { advance, EMPTY_INTEGRITY, integrityOf, mismatch, XorHash, type IntegrityRecord } from './integrity.js';
import type { ChangeInput, ChangeRecord, CommitOptions, KnowledgeStore, Snapshot, StoreContent } from './KnowledgeStore.js';
import { staleVersion } from './staleVersion.js';
import { SpogDecoder } from './spogKeys.js';
import { parseRecord, recordValue } from './logRecord.js';
import { faultPoint, nonAtomicForTests } from './faultInjection.js';
import { readSnapshotFile, writeSnapshotFile, type CachedSnapshot } from './snapshotFile.js';

// Quadstore's own keys start with index names (SPOG, OGSP, ...); ours start with a lower-case
// prefix that no index name can take.
const LOG_PREFIX = 'emokb!log!';
const LOG_END = 'emokb!log~';
/** The integrity record of the current snapshot, rewritten in every commit's batch. */
const INTEGRITY_KEY = 'emokb!meta!integrity';
/** quadstore's upper key bound within an index. */
const BOUNDARY = '\uDBFF\uDFFF';
/** How much of the index one read from LevelDB brings (see #decodeAll). */
const READ_CHUNK_BYTES = 1 << 20;
const READ_CHUNK_KEYS = 10_000;
/** Above this many quads in one change, one full read beats a point read per quad. */
const POINT_READ_LIMIT = 256;
/** After a change this large, compact at once, so the next open does not replay a huge log. */
const COMPACT_AFTER = 10_000;
/**
 * One index (subject, predicate, object, graph). emokb reads a store whole into its snapshot and
 * otherwise asks only for exact quads, so quadstore's five other default indexes would only
 * multiply the cost of every write and the size on disk by six.
 */
const INDEXES: Array<Array<'subject' | 'predicate' | 'object' | 'graph'>> = [['subject', 'predicate', 'object', 'graph']];

export class LevelStore implements KnowledgeStore {
  readonly location: string;
  readonly #quads: Quadstore;
  readonly #db: Level<string, string>;
  /** Serialises commits within this process; LevelDB's lock keeps other processes out. */
  #queue: Promise<unknown> = Promise.resolve();

  /** The snapshot file found at open, valid for the files as they were (see snapshotFile.ts). */
  #cached: CachedSnapshot | null = null;
  /** The snapshot the last snapshot() returned, while no change has been committed since. */
  #current: Snapshot | null = null;

  private constructor(location: string, db: Level<string, string>, quads: Quadstore) {
    this.location = location;
    this.#db = db;
    this.#quads = quads;
  }

  /**
   * Opens the store in `location`. A new store is created only in an absent or empty directory
   * (emokb's own files aside); anything else must already be a LevelDB store, else STORE_ERROR.
   * `created` tells the caller that a new store was just made.
   */
  static async open(location: string): Promise<LevelStore> {
    const state = await directoryState(location);
    // Before LevelDB opens (and rewrites its log and manifest): the files as the last close left them.
    const cached = state === 'store' ? await readSnapshotFile(location) : null;
    // createIfMissing only where nothing is: over a store whose CURRENT was lost, LevelDB would
    // otherwise start a new, empty database.
    const db = new Level<string, string>(location, { createIfMissing: state !== 'store' });
    const quads = new Quadstore({ backend: db, dataFactory: DataFactory as never, indexes: INDEXES });
    try {
      await quads.open();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED') {
        throw new EmokbError(
          'STORE_LOCKED',
          `data directory ${location} is locked by another process (LevelDB lock ${join(location, 'LOCK')}); ` +
            'stop the running emokb (e.g. `emokb serve`) or choose another directory with --data',
          { location },
        );
      }
      const message = cause?.message ?? (error as Error).message;
      if (state !== 'store') throw new EmokbError('STORE_ERROR', `cannot create a store in ${location}: ${message}`, { location });
      // A permission problem is not damage: restoring a backup would not help, the permissions would.
      if (/Permission denied|EACCES|EPERM|Read-only file system|EROFS/.test(message)) {
        throw new EmokbError(
          'STORE_ERROR',
          `data directory ${location}: cannot open it for writing (${message}); give this user write access to the directory, or choose another with --data. Nothing was changed`,
          { location },
          { cause: error },
        );
      }
      throw damaged(location, `LevelDB cannot open it: ${message}`, error);
    }
    const store = new LevelStore(location, db, quads);
    store.created = state !== 'store';
    store.wasAbsent = state === 'absent';
    store.#cached = cached;
    return store;
  }

  /** True when this open made a new, empty store (the directory was absent or empty). */
  created = false;
  /** True when the directory itself did not exist before this open. */
  wasAbsent = false;

  /** Runs a read, turning LevelDB's failures (IO errors, corruption) into STORE_ERROR. */
  async #read<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof EmokbError) throw error;
      const cause = (error as { cause?: { message?: string } }).cause;
      // LevelDB's corruption messages do not always say which file; name the table files that
      // cannot be tables.
      const tables = await unreadableTables(this.location);
      const files = tables.length ? ` (damaged table file${tables.length > 1 ? 's' : ''}: ${tables.join(', ')})` : '';
      throw damaged(this.location, `reading ${what} failed: ${cause?.message ?? (error as Error).message}${files}`, error);
    }
  }

  all(): Promise<Quad[]> {
    return this.#read('the triples', async () => (await this.#decodeAll(null)).quads);
  }

  snapshot(): Promise<Snapshot> {
    return this.#read('the triples', async () => {
      const cached = this.#cached;
      this.#cached = null;
      // The snapshot file, if the store (its lock now held) still has the content it was written
      // from: the same integrity record, and no newer change in the log.
      if (cached) {
        const [record, lastId] = await Promise.all([this.integrity(), this.#lastId()]);
        if (record && record.format === cached.record.format && mismatch(cached.record, record) === null && lastId === record.change)
          return (this.#current = { quads: cached.quads, hash: record.hash });
      }
      const hash = new XorHash();
      const { quads } = await this.#decodeAll(hash);
      return (this.#current = { quads, hash: hash.hex });
    });
  }

  /** Every quad, decoded from the SPOG index's keys (see spogKeys.ts); `hash` gets every line. */
  async #decodeAll(hash: XorHash | null): Promise<SpogDecoder> {
    const prefix = this.#countIndexPrefix;
    const decoder = new SpogDecoder(prefix, hash);
    // classic-level hands keys over in chunks of at most highWaterMarkBytes (16 KB by default:
    // about 80 keys, so over a thousand round trips to its thread for the seeded store); 1 MB
    // chunks, and the next one read while this one is decoded.
    const keys = this.#db.keys({ gte: prefix, lt: `${prefix}${BOUNDARY}`, highWaterMarkBytes: READ_CHUNK_BYTES } as never);
    try {
      let next = keys.nextv(READ_CHUNK_KEYS);
      for (;;) {
        const chunk = await next;
        if (chunk.length === 0) break;
        next = keys.nextv(READ_CHUNK_KEYS);
        for (const key of chunk) decoder.add(key);
      }
    } finally {
      await keys.close();
    }
    return decoder;
  }

  count(): Promise<number> {
    return this.#read('the triples', async () => {
      // quadstore's countQuads() is an estimate; the contract promises an exact count.
      let n = 0;
      for await (const _ of this.#db.keys({ gte: this.#countIndexPrefix, lt: `${this.#countIndexPrefix}${BOUNDARY}` })) n++;
      return n;
    });
  }

  integrity(): Promise<IntegrityRecord | null> {
    return this.#read('the integrity record', async () => {
      const value = await this.#db.get(INTEGRITY_KEY);
      return value === undefined ? null : (JSON.parse(value) as IntegrityRecord);
    });
  }

  sealIntegrity(record: IntegrityRecord): Promise<void> {
    const run = this.#queue.then(() => this.#db.put(INTEGRITY_KEY, JSON.stringify(record)));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  restore(content: StoreContent): Promise<void> {
    const run = this.#queue.then(() => this.#restore(content));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #restore(content: StoreContent): Promise<void> {
    if (!(await this.#isEmpty()) || (await this.#lastId()) !== 0)
      throw new EmokbError('BAD_INPUT', `${this.location} is not empty; a backup is restored only into an empty store`);
    // An empty backup restores to a store like a new one: nothing written, no record.
    if (content.quads.length === 0 && content.changes.length === 0) return;
    this.#current = null;
    const lastId = content.changes.at(-1)?.id ?? 0;
    const record = integrityOf(content.quads.map(quadKey), lastId);
    // One batch: the quads, every log entry and the integrity record, all or nothing.
    const values = await Promise.all(content.changes.map(recordValue));
    await this.#quads.multiPatch([], [...content.quads], {
      preWrite: (batch) => {
        content.changes.forEach((change, i) => batch.put(logKey(change.id), values[i]!));
        batch.put(INTEGRITY_KEY, JSON.stringify(record));
        durable(batch);
      },
    });
    await this.#compact();
  }

  get #countIndexPrefix(): string {
    return this.#quads.indexes[0]!.prefix;
  }

  commit(change: ChangeInput, options: CommitOptions = {}): Promise<ChangeRecord | null> {
    const run = this.#queue.then(() => this.#commit(change, options));
    // The next commit, sizeOnDisk and close wait for a compaction the caller need not: the change
    // is durable before it (LevelDB's log, fsynced), and LevelDB reads while it compacts.
    this.#queue = run.then((done) => done.compacted).catch(() => undefined);
    return run.then((done) => done.record);
  }

  async #commit(change: ChangeInput, options: CommitOptions): Promise<{ record: ChangeRecord | null; compacted?: Promise<void> }> {
    // One process holds the directory's lock, so only a caller holding an old snapshot can be behind.
    // (Commits run one at a time, so the last change id read here is still the last one below: it is
    // read once, here for a caller's expected version, else only once there is a change to write.)
    let lastId: number | undefined;
    if (options.expectedVersion !== undefined) {
      lastId = await this.#read('the change log', () => this.#lastId());
      if (lastId !== options.expectedVersion) throw staleVersion(this.location, options.expectedVersion, lastId);
    }
    const empty = await this.#read('the triples', () => this.#isEmpty());
    const has = empty ? () => false : await this.#read('the triples', () => this.#membership([...change.add, ...change.remove]));
    const delta = effectiveDelta(change.add, change.remove, has);
    if (delta.add.length === 0 && delta.remove.length === 0) return { record: null };
    this.#current = null;
    lastId ??= await this.#read('the change log', () => this.#lastId());
    const record = changeRecord(lastId + 1, change, delta);
    // A store written before the record existed gets one from its content as read now.
    const previous = (await this.integrity()) ?? (empty ? EMPTY_INTEGRITY : integrityOf((await this.all()).map(quadKey), record.id - 1));
    const integrity = advance(previous, record.id, record.added, record.removed);
    // Started before the batch is built: a large entry is deflated on libuv's threads meanwhile.
    const value = recordValue(record);
    value.catch(() => undefined); // awaited in the batch's preWrite
    if (nonAtomicForTests()) {
      await this.#writeNonAtomically(delta, { id: record.id, value: await value }, integrity);
    } else {
      await this.#quads.multiPatch(delta.remove, delta.add, {
        preWrite: async (batch) => {
          batch.put(logKey(record.id), await value);
          batch.put(INTEGRITY_KEY, JSON.stringify(integrity));
          durable(batch);
          await faultPoint('commit');
        },
      });
    }
    // Not awaited here (see commit()): the seed's compaction took a few hundred ms of the first
    // start, and now overlaps building the snapshot on the other core.
    const compacted = delta.add.length + delta.remove.length > COMPACT_AFTER ? this.#compact() : undefined;
    return { record, compacted };
  }

  /** Compacts the whole database (classic-level, what `level` is on Node, has compactRange; its types do not say so). */
  #compact(): Promise<void> {
    return (this.#db as unknown as { compactRange(start: string, end: string): Promise<void> }).compactRange('', '\uffff');
  }

  /**
   * TEST ONLY (EMOKB_TEST_NON_ATOMIC=1): the broken store the crash tests must catch. Writes the
   * quads in batches of 1,000, pausing at the fault point after the first, then the log entry.
   */
  async #writeNonAtomically(
    delta: { add: Quad[]; remove: Quad[] },
    record: { id: number; value: string },
    integrity: IntegrityRecord,
  ): Promise<void> {
    await this.#quads.multiDel(delta.remove);
    for (let i = 0; i < delta.add.length; i += 1000) {
      await this.#quads.multiPut(delta.add.slice(i, i + 1000));
      if (i === 0) await faultPoint('commit');
    }
    await this.#db.batch([
      { type: 'put', key: logKey(record.id), value: record.value },
      { type: 'put', key: INTEGRITY_KEY, value: JSON.stringify(integrity) },
    ]);
  }

  async #membership(quads: readonly Quad[]): Promise<(key: string) => boolean> {
    const present = new Set<string>();
    if (quads.length > POINT_READ_LIMIT) {
      for (const q of await this.all()) present.add(quadKey(q));
    } else {
      for (const q of quads) {
        // Everything lives in the default graph; and quadstore cannot range past a literal, so the
        // graph is left out of the pattern.
        const { items } = await this.#quads.get({ subject: q.subject, predicate: q.predicate, object: q.object });
        if (items.length > 0) present.add(quadKey(q));
      }
    }
    return (key) => present.has(key);
  }

  async #isEmpty(): Promise<boolean> {
    for await (const _ of this.#db.keys({ gte: this.#countIndexPrefix, lt: `${this.#countIndexPrefix}${BOUNDARY}`, limit: 1 }))
      return false;
    return true;
  }

  lastChangeId(): Promise<number> {
    return this.#read('the change log', () => this.#lastId());
  }

  async #lastId(): Promise<number> {
    for await (const key of this.#db.keys({ gte: LOG_PREFIX, lt: LOG_END, reverse: true, limit: 1 })) {
      return Number(key.slice(LOG_PREFIX.length));
    }
    return 0;
  }

  changes(options: { limit?: number } = {}): Promise<ChangeRecord[]> {
    return this.#read('the change log', async () => {
      const records: ChangeRecord[] = [];
      const range = { gte: LOG_PREFIX, lt: LOG_END, reverse: true, limit: options.limit ?? -1 };
      for await (const value of this.#db.values(range)) records.push(parseRecord(value));
      return records;
    });
  }

  /** Every key of the database, read once (what `emokb check` scans first). */
  keyCount(): Promise<number> {
    return this.#read('the database keys', async () => {
      let n = 0;
      for await (const _ of this.#db.keys()) n++;
      return n;
    });
  }

  async sizeOnDisk(): Promise<number> {
    await this.#queue; // a compaction under way would count files about to go
    let total = 0;
    for (const name of await readdir(this.location)) total += (await stat(join(this.location, name))).size;
    return total;
  }

  /**
   * Closes the store. With `keepSnapshot`, also writes the snapshot file the next open can use
   * instead of a full read (snapshotFile.ts): the snapshot the last snapshot() returned when nothing
   * was committed since, else the store read again (in the store's order, as a full read gives it);
   * either only when its integrity hash and count equal the store's integrity record.
   */
  async close(options: { keepSnapshot?: boolean } = {}): Promise<void> {
    await this.#queue;
    let keep: { quads: readonly Quad[]; record: IntegrityRecord } | null = null;
    if (options.keepSnapshot) {
      try {
        const [record, lastId] = await Promise.all([this.integrity(), this.#lastId()]);
        let current = this.#current;
        if (record && lastId === record.change && !current) {
          const hash = new XorHash();
          current = { quads: (await this.#decodeAll(hash)).quads, hash: hash.hex };
        }
        if (record && current && lastId === record.change && current.hash === record.hash && current.quads.length === record.count)
          keep = { quads: current.quads, record };
      } catch {
        keep = null; // a store that cannot be read now is read (and reported) by the next open
      }
    }
    await this.#quads.close();
    if (keep) await writeSnapshotFile(this.location, keep.quads, keep.record);
  }
}

function logKey(id: number): string {
  return LOG_PREFIX + String(id).padStart(12, '0');
}

/**
 * Makes the batch's write synchronous (fsync of LevelDB's log before it returns): a change is
 * acknowledged only once it would survive a power loss, not only a crash of this process. quadstore
 * calls `batch.write()` without options, so the option is added here. A commit is a curator's edit,
 * not a hot path: the fsync costs milliseconds per change.
 */
function durable(batch: { write: (options?: object) => Promise<void> }): void {
  const write = batch.write.bind(batch);
  batch.write = (options?: object) => write({ ...options, sync: true });
}
