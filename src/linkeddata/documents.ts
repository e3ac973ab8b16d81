// The documents behind emokb's IRIs: for every IRI under the project's base that some triple has as
// its subject, the document at that IRI's path holds the triples about it and about its fragment
// IRIs (`/lexicon/en/furious-adjective` also holds `#form` and `#sense-rage`; `/ontology` holds
// every `ontology#Term`). Indexed once per snapshot (snapshots are immutable), so a look-up is a
// map read. The store holds no blank nodes (src/rdf/turtle.ts skolemizes them), so the triples
// about a subject are its whole concise bounded description.
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMOKB_BASE } from '../rdf/namespaces.js';

const indexes = new WeakMap<KnowledgeBase, Map<string, Quad[]>>();

/** The document IRI of an IRI: without its fragment. */
export function documentOf(iri: string): string {
  const hash = iri.indexOf('#');
  return hash < 0 ? iri : iri.slice(0, hash);
}

function index(kb: KnowledgeBase): Map<string, Quad[]> {
  let docs = indexes.get(kb);
  if (docs) return docs;
  docs = new Map();
  for (const q of kb.quads) {
    if (q.subject.termType !== 'NamedNode' || !q.subject.value.startsWith(EMOKB_BASE)) continue;
    const doc = documentOf(q.subject.value);
    let list = docs.get(doc);
    if (!list) docs.set(doc, (list = []));
    list.push(q);
  }
  indexes.set(kb, docs);
  return docs;
}

/** The triples of the document at `iri` (an IRI under the base, without fragment), or undefined when there is none. */
export function describeDocument(kb: KnowledgeBase, iri: string): readonly Quad[] | undefined {
  return index(kb).get(iri);
}

/** How many documents the snapshot has (VoID's entity count). */
export function documentCount(kb: KnowledgeBase): number {
  return index(kb).size;
}
