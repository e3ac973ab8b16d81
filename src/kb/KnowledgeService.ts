// Owns a store and its current snapshot. Every write goes through here: the graph as it would be
// after the change is validated against the SHACL shapes, written as one atomic batch with its
// change-log entry, and only then published as the new snapshot, so readers never see half a change.
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { quadKey } from '../rdf/turtle.js';
import { rulesFor, validationScope } from '../shacl/scope.js';
import type { ChangeInput, ChangeRecord, KnowledgeStore } from '../store/KnowledgeStore.js';
import { KnowledgeBase } from './KnowledgeBase.js';
import { AutoBackups, isDestructive } from '../store/autoBackup.js';
import type { IntegrityRecord } from '../store/integrity.js';
import { verifyContent } from '../store/verify.js';
import { isStaleVersion } from '../store/staleVersion.js';
import { readRelease } from './seed.js';
import { withSeedHeap } from './seedHeap.js';

export interface ChangeOptions {
  /** Validate and report, but write nothing. */
  dryRun?: boolean;
  /** Skip SHACL validation: only for the shipped release the tests validated (see release.ts). */
  prevalidated?: boolean;
}

export type SeedStep = { step: 'reading' } | { step: 'writing'; triples: number } | { step: 'done' };

export interface OpenOptions {
  seed?: boolean;
  author?: string;
  /** Told of each step of seeding a new store (reading, writing, done), e.g. to print a notice. */
  onSeed?: (step: SeedStep) => void;
  /** Where automatic backups go (before destructive changes, every N changes); none when absent. */
  backups?: AutoBackups;
  /**
   * How many times a change refused because another process committed first (CONFLICT, stale
   * version: only on a shared store) is validated again against the newer snapshot and retried.
   */
  conflictRetries?: number;
}

/** Retries of a change that lost a race to another writer, unless the caller says otherwise. */
export const DEFAULT_CONFLICT_RETRIES = 5;

export interface ChangeOutcome {
  /** The committed record, or null when nothing changed or on a dry run. */
  record: ChangeRecord | null;
  added: number;
  removed: number;
}

export class KnowledgeService {
  readonly store: KnowledgeStore;
  #snapshot: KnowledgeBase;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(snapshot: KnowledgeBase) => void>();

  readonly #backups: AutoBackups | undefined;
  readonly #conflictRetries: number;

  private constructor(store: KnowledgeStore, snapshot: KnowledgeBase, backups?: AutoBackups, conflictRetries = DEFAULT_CONFLICT_RETRIES) {
    this.store = store;
    this.#snapshot = snapshot;
    this.#backups = backups;
    this.#conflictRetries = conflictRetries;
  }

  /**
   * Loads the snapshot and checks it against the store's integrity record (STORE_ERROR when they
   * differ). A store with no triples and no change log is first seeded from the shipped release.
   */
  static async open(store: KnowledgeStore, options: OpenOptions = {}): Promise<KnowledgeService> {
    const service = await KnowledgeService.load(store, options);
    if (options.seed !== false) await service.seedIfEmpty(options);
    return service;
  }

  /**
   * Loads the snapshot and checks it against the store's integrity record (STORE_ERROR when they
   * differ), reading only: nothing is seeded. `emokb serve` starts this before it imports its
   * server stack, so that LevelDB's reads (on libuv's threads) overlap those imports.
   */
  static async load(store: KnowledgeStore, options: Pick<OpenOptions, 'backups' | 'conflictRetries'> = {}): Promise<KnowledgeService> {
    // One pass reads the triples and hashes them for the check.
    const [snapshot, lastChange] = await Promise.all([store.snapshot(), store.lastChangeId()]);
    await verifyContent(store, snapshot, lastChange);
    const identity = storeIdentity({ format: 1, change: lastChange, count: snapshot.quads.length, hash: snapshot.hash });
    return new KnowledgeService(
      store,
      KnowledgeBase.fromQuads(snapshot.quads, lastChange, identity),
      options.backups,
      options.conflictRetries,
    );
  }

  /** Seeds a store with no triples and no change log from the shipped release; else does nothing. */
  async seedIfEmpty(options: Omit<OpenOptions, 'seed' | 'backups' | 'conflictRetries'> = {}): Promise<void> {
    if (this.#snapshot.quads.length !== 0 || this.#snapshot.version !== 0) return;
    await withSeedHeap(async () => {
      options.onSeed?.({ step: 'reading' });
      const release = await readRelease();
      options.onSeed?.({ step: 'writing', triples: release.quads.length });
      await this.change(
        {
          add: release.quads,
          remove: [],
          author: options.author ?? 'emokb',
          message: 'seed the store from the released ontology and lexicons',
          command: 'seed',
        },
        { prevalidated: release.validated },
      );
    });
    options.onSeed?.({ step: 'done' });
  }

  get snapshot(): KnowledgeBase {
    return this.#snapshot;
  }

  /** Called with each new snapshot after a committed change. */
  onChange(listener: (snapshot: KnowledgeBase) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Validates and commits one change; changes are applied one at a time, in call order. On a
   * shared store, a change another process overtook (CONFLICT, stale version) is validated again
   * against the newer snapshot and retried, at most `conflictRetries` times.
   */
  change(input: ChangeInput, options: ChangeOptions = {}): Promise<ChangeOutcome> {
    const run = this.#queue.then(() => this.#changeRetrying(input, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * On a shared store: takes in the changes other processes committed since this snapshot (what a
   * replica polls for). Resolves true when the snapshot changed. A no-op on a store of one writer.
   */
  refresh(): Promise<boolean> {
    const run = this.#queue.then(() => this.#refresh());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #refresh(): Promise<boolean> {
    const fresh = await this.store.catchUp?.();
    if (!fresh) return false;
    this.#snapshot = KnowledgeBase.fromQuads(fresh.quads, fresh.version, storeIdentity(await this.store.integrity()));
    for (const listener of this.#listeners) listener(this.#snapshot);
    return true;
  }

  async #changeRetrying(input: ChangeInput, options: ChangeOptions): Promise<ChangeOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#change(input, options);
      } catch (error) {
        if (!isStaleVersion(error)) throw error;
        if (attempt >= this.#conflictRetries) {
          const e = error as EmokbError;
          throw new EmokbError('CONFLICT', `${e.message}; gave up after ${attempt + 1} attempts (EMOKB_CONFLICT_RETRIES)`, e.details, {
            cause: error,
          });
        }
        await this.#refresh();
      }
    }
  }

  /** Replaces the whole content with `quads` (validated first), as one change. */
  replaceAll(quads: readonly Quad[], meta: Omit<ChangeInput, 'add' | 'remove'>, options: ChangeOptions = {}): Promise<ChangeOutcome> {
    return this.change({ ...meta, add: quads, remove: this.#snapshot.quads }, options);
  }

  async #change(input: ChangeInput, options: ChangeOptions): Promise<ChangeOutcome> {
    const next = new Map<string, Quad>();
    for (const q of this.#snapshot.quads) next.set(quadKey(q), q);
    const before = next.size;
    let removed = 0;
    // Only a change that also removes needs the added keys apart (the seed and imports do not: one
    // 96,000-line copy less at the first start's peak).
    const addKeys = input.remove.length > 0 ? new Set(input.add.map(quadKey)) : new Set<string>();
    for (const q of input.remove) {
      const key = quadKey(q);
      if (!addKeys.has(key) && next.delete(key)) removed++;
    }
    const afterRemoval = next.size;
    for (const q of input.add) next.set(quadKey(q), q);
    const added = next.size - afterRemoval;
    if (added === 0 && removed === 0) return { record: null, added, removed };
    const proposed = [...next.values()];
    // The keys are not needed past here; freed before the commit, whose batch is a seed's memory peak.
    next.clear();
    addKeys.clear();
    if (proposed.length === 0 && before > 0 && input.command !== 'replace') {
      throw new EmokbError('BAD_INPUT', 'the change would remove everything in the store; nothing was written');
    }
    if (!options.prevalidated) {
      // Loaded on the first change that needs it: shacl/validate.ts brings n3's store (and its
      // streams), which nothing on the way to a ready server needs.
      const { assertValid } = await import('../shacl/validate.js');
      await assertValid(validationScope(proposed, input.add, input.remove), `${input.command} breaks the knowledge base's rules`, {
        rules: rulesFor(input.add, input.remove),
      });
    }
    if (options.dryRun) return { record: null, added, removed };
    // A backup of the store as it is, before a change that removes more than one may have meant;
    // if it cannot be written (OUTPUT_FAILED), nothing is changed.
    if (this.#backups && isDestructive(input.command)) {
      await this.#backups.write(await this.content(), `before-${input.command.split(' ')[0]}`);
    }
    const record = await this.store.commit(input, { expectedVersion: this.#snapshot.version });
    // A commit the store found empty leaves the snapshot, and its identity, as they were.
    if (record) this.#snapshot = KnowledgeBase.fromQuads(proposed, record.id, storeIdentity(await this.store.integrity()));
    for (const listener of this.#listeners) listener(this.#snapshot);
    if (this.#backups && record && this.#backups.due(record.id)) {
      try {
        await this.#backups.write(await this.content(), 'every');
      } catch (error) {
        throw new EmokbError(
          'OUTPUT_FAILED',
          `change ${record.id} was committed, but its automatic backup failed: ${(error as Error).message}`,
        );
      }
    }
    return { record, added, removed };
  }

  /** The whole store as a backup carries it: the snapshot's triples and the change log, oldest first. */
  async content(): Promise<{ quads: readonly Quad[]; changes: ChangeRecord[] }> {
    // The log up to the snapshot's version: on a shared store others may have committed since, and
    // a backup of these triples with their later log entries would restore a store at war with itself.
    const version = this.#snapshot.version;
    return { quads: this.#snapshot.quads, changes: (await this.store.changes()).filter((c) => c.id <= version).reverse() };
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.store.close({ keepSnapshot: true });
  }
}

/**
 * A snapshot's identity from the store's integrity record (change, count, set hash: all known to
 * the store after every read and commit, so nothing is hashed again); undefined for a store that
 * keeps none, whose snapshots fall back to their content hash (KnowledgeBase.identity).
 */
function storeIdentity(record: IntegrityRecord | null): string | undefined {
  return record ? `${record.change}-${record.count}-${record.hash}` : undefined;
}
