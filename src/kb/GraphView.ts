// Edits need to ask the snapshot about arbitrary triples (what points at this emotion, which senses
// does this entry have), which the KnowledgeBase's hierarchy indexes do not answer. This is a
// subject/object index over a snapshot's quads, built once per snapshot and only when an edit runs,
// so the read paths (GraphQL, tagging) never pay for it.
import type { Quad, Term } from '@rdfjs/types';
import type { KnowledgeBase } from './KnowledgeBase.js';

const cache = new WeakMap<KnowledgeBase, GraphView>();

export class GraphView {
  readonly #bySubject = new Map<string, Quad[]>();
  readonly #byObject = new Map<string, Quad[]>();

  // No per-quad string keys: on a store with a full lexicon (~40,000 triples) serialising every
  // quad took most of an edit's planning time; two maps by IRI cost a few milliseconds.
  private constructor(quads: readonly Quad[]) {
    for (const q of quads) {
      push(this.#bySubject, q.subject.value, q);
      if (q.object.termType === 'NamedNode') push(this.#byObject, q.object.value, q);
    }
  }

  static of(kb: KnowledgeBase): GraphView {
    let view = cache.get(kb);
    if (!view) cache.set(kb, (view = new GraphView(kb.quads)));
    return view;
  }

  has(q: Quad): boolean {
    if (q.subject.termType !== 'NamedNode') return false;
    return this.out(q.subject.value).some((x) => x.predicate.equals(q.predicate) && x.object.equals(q.object));
  }

  /** Whether the IRI occurs anywhere, as subject or object. */
  mentions(iri: string): boolean {
    return this.#bySubject.has(iri) || this.#byObject.has(iri);
  }

  /** Triples with this subject. */
  out(subject: string, predicate?: Term): Quad[] {
    const all = this.#bySubject.get(subject) ?? [];
    return predicate ? all.filter((q) => q.predicate.value === predicate.value) : all;
  }

  /** Triples with this IRI as object. */
  in(object: string, predicate?: Term): Quad[] {
    const all = this.#byObject.get(object) ?? [];
    return predicate ? all.filter((q) => q.predicate.value === predicate.value) : all;
  }

  objects(subject: string, predicate: Term): Term[] {
    return this.out(subject, predicate).map((q) => q.object);
  }

  subjects(predicate: Term, object: string): string[] {
    return this.in(object, predicate).map((q) => q.subject.value);
  }
}

function push(map: Map<string, Quad[]>, key: string, q: Quad): void {
  const list = map.get(key);
  if (list) list.push(q);
  else map.set(key, [q]);
}
