// Which part of the graph a change can break. Lexical entries are independent of each other: no
// shape relates two entries, and an entry's shapes read only its own forms and senses and the types
// of the emotions its senses refer to. So a change needs the whole ontology part of the graph
// (emotions, relations, transitions: small, and its rules are global) plus only the entries it
// touches, or whose senses refer to an emotion it touches. `emokb validate` still checks everything.
import type { Quad } from '@rdfjs/types';
import { EMO, LEXICON_BASE, ONTOLEX, SKOS } from '../rdf/namespaces.js';
import type { RuleSet } from './validate.js';

/** The entry a lexicon node belongs to: `…/en/furious-adjective#sense-fury` → `…/en/furious-adjective`. */
function entryOf(iri: string): string {
  const hash = iri.indexOf('#');
  return hash < 0 ? iri : iri.slice(0, hash);
}

const isLexical = (q: Quad) => q.subject.value.startsWith(LEXICON_BASE);

/**
 * The quads of `graph` (the graph as it would be after the change) that validation must see for a
 * change that added `added` and removed `removed`.
 */
export function validationScope(graph: readonly Quad[], added: readonly Quad[], removed: readonly Quad[]): Quad[] {
  const touchedEntries = new Set<string>();
  const touchedNodes = new Set<string>();
  for (const q of [...added, ...removed]) {
    if (isLexical(q)) touchedEntries.add(entryOf(q.subject.value));
    else {
      touchedNodes.add(q.subject.value);
      if (q.object.termType === 'NamedNode') touchedNodes.add(q.object.value);
    }
  }
  if (touchedNodes.size > 0) {
    for (const q of graph) {
      if (q.predicate.value === ONTOLEX.reference.value && touchedNodes.has(q.object.value)) touchedEntries.add(entryOf(q.subject.value));
    }
  }
  return graph.filter((q) => !isLexical(q) || touchedEntries.has(entryOf(q.subject.value)));
}

/**
 * The predicates the SPARQL-based rules of shapes.ttl read (self-links, cycles, components and
 * opposites that are ancestors). A change that adds or removes none of them cannot break those
 * rules, so it is checked with SHACL Core alone. test/shacl/scope.test.ts keeps this list in step
 * with the shapes.
 */
export const GRAPH_RULE_PREDICATES: ReadonlySet<string> = new Set(
  [SKOS.broader, SKOS.narrower, EMO.isOppositeOf, EMO.isComposedOf].map((p) => p.value),
);

export function rulesFor(added: readonly Quad[], removed: readonly Quad[]): RuleSet {
  const touches = (q: Quad) => GRAPH_RULE_PREDICATES.has(q.predicate.value);
  return added.some(touches) || removed.some(touches) ? 'all' : 'core';
}
