// Per-request batching of the fields that fan out (parent, children, terms): a list of 100 emotions
// asking for their parents, children and terms costs one batched snapshot read per field and level,
// each key read once, instead of one read per emotion. The loaders live in the request context and
// die with it, so a request never sees another snapshot's answers.
import DataLoader from 'dataloader';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { termCatalog, type TermView } from './terms.js';

/** How many snapshot index reads a request made: batches (calls) and keys (distinct emotions) through the loaders, and direct reads for fields outside any list. */
export interface SnapshotReads {
  batches: number;
  keys: number;
  direct: number;
}

const NO_TERMS: readonly TermView[] = Object.freeze([]);

/**
 * A request's loaders. One is made per request, so it is a class (fields and prototype getters)
 * rather than an object literal with getters, which V8 made 30 times slower to create (2.6 us); each
 * loader is made on first use, as most requests touch one or none of them.
 */
export class SnapshotLoaders {
  readonly reads: SnapshotReads = { batches: 0, keys: 0, direct: 0 };
  readonly #kb: KnowledgeBase;
  #parent: DataLoader<string, Emotion | null> | undefined;
  #children: DataLoader<string, Emotion[]> | undefined;
  #terms: DataLoader<string, readonly TermView[]> | undefined;

  constructor(kb: KnowledgeBase) {
    this.#kb = kb;
  }

  get parent(): DataLoader<string, Emotion | null> {
    return (this.#parent ??= this.#batch((iri) => this.#kb.parent(iri)));
  }

  get children(): DataLoader<string, Emotion[]> {
    return (this.#children ??= this.#batch((iri) => this.#kb.children(iri)));
  }

  get terms(): DataLoader<string, readonly TermView[]> {
    return (this.#terms ??= this.#batch((iri) => termCatalog(this.#kb).byEmotion.get(iri) ?? NO_TERMS));
  }

  #batch<V>(read: (iri: string) => V): DataLoader<string, V> {
    const reads = this.reads;
    return new DataLoader<string, V>(async (iris) => {
      reads.batches++;
      reads.keys += iris.length;
      return iris.map(read);
    });
  }
}
