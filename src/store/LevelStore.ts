// The on-disk KnowledgeStore: quads indexed by quadstore in a LevelDB directory (via `level`),
// with the change log kept in the same database so that a change and its log entry are written
// in one atomic LevelDB batch.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import { DataFactory } from 'n3';
import { Quadstore } from 'quadstore';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { quadKey } from '../rdf/turtle.js';
import { effectiveDelta, toLines } from './delta.js';
import type { ChangeInput, ChangeRecord, KnowledgeStore } from './KnowledgeStore.js';

// Quadstore's own keys start with index names (SPOG, OGSP, ...); ours start with a lower-case
// prefix that no index name can take.
const LOG_PREFIX = 'emokb!log!';
const LOG_END = 'emokb!log~';
/** quadstore's upper key bound within an index. */
const BOUNDARY = '\uDBFF\uDFFF';
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

  private constructor(location: string, db: Level<string, string>, quads: Quadstore) {
    this.location = location;
    this.#db = db;
    this.#quads = quads;
  }

  static async open(location: string): Promise<LevelStore> {
    try {
      await mkdir(location, { recursive: true });
    } catch (error) {
      throw new EmokbError('STORE_ERROR', `cannot create data directory ${location}: ${(error as NodeJS.ErrnoException).code}`);
    }
    const db = new Level<string, string>(location);
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
      throw new EmokbError('STORE_ERROR', `cannot open store in ${location}: ${cause?.message ?? (error as Error).message}`, { location });
    }
    return new LevelStore(location, db, quads);
  }

  async all(): Promise<Quad[]> {
    const { items } = await this.#quads.get({});
    return items;
  }

  async count(): Promise<number> {
    // quadstore's countQuads() is an estimate; the contract promises an exact count.
    let n = 0;
    for await (const _ of this.#db.keys({ gte: this.#countIndexPrefix, lt: `${this.#countIndexPrefix}${BOUNDARY}` })) n++;
    return n;
  }

  get #countIndexPrefix(): string {
    return this.#quads.indexes[0]!.prefix;
  }

  commit(change: ChangeInput): Promise<ChangeRecord | null> {
    const run = this.#queue.then(() => this.#commit(change));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #commit(change: ChangeInput): Promise<ChangeRecord | null> {
    const has = (await this.#isEmpty()) ? () => false : await this.#membership([...change.add, ...change.remove]);
    const delta = effectiveDelta(change.add, change.remove, has);
    if (delta.add.length === 0 && delta.remove.length === 0) return null;
    const record: ChangeRecord = {
      id: (await this.#lastId()) + 1,
      time: new Date().toISOString(),
      author: change.author,
      message: change.message,
      command: change.command,
      added: toLines(delta.add),
      removed: toLines(delta.remove),
    };
    await this.#quads.multiPatch(delta.remove, delta.add, {
      preWrite: (batch) => batch.put(logKey(record.id), JSON.stringify(record)),
    });
    if (delta.add.length + delta.remove.length > COMPACT_AFTER) {
      // classic-level (what `level` is on Node) has compactRange; its types do not say so.
      await (this.#db as unknown as { compactRange(start: string, end: string): Promise<void> }).compactRange('', '\uffff');
    }
    return record;
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
    for await (const _ of this.#db.keys({ gte: this.#countIndexPrefix, lt: `${this.#countIndexPrefix}${BOUNDARY}`, limit: 1 })) return false;
    return true;
  }

  lastChangeId(): Promise<number> {
    return this.#lastId();
  }

  async #lastId(): Promise<number> {
    for await (const key of this.#db.keys({ gte: LOG_PREFIX, lt: LOG_END, reverse: true, limit: 1 })) {
      return Number(key.slice(LOG_PREFIX.length));
    }
    return 0;
  }

  async changes(options: { limit?: number } = {}): Promise<ChangeRecord[]> {
    const records: ChangeRecord[] = [];
    const range = { gte: LOG_PREFIX, lt: LOG_END, reverse: true, limit: options.limit ?? -1 };
    for await (const value of this.#db.values(range)) records.push(JSON.parse(value) as ChangeRecord);
    return records;
  }

  async sizeOnDisk(): Promise<number> {
    let total = 0;
    for (const name of await readdir(this.location)) total += (await stat(join(this.location, name))).size;
    return total;
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#quads.close();
  }
}

function logKey(id: number): string {
  return LOG_PREFIX + String(id).padStart(12, '0');
}
