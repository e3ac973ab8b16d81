// Relation edges as the store holds them: the relation vocabulary (LinkType), the evidence node
// that names a proposed edge, and the reading of those nodes from a snapshot. Shared by the
// linkers (which propose edges), edits (which assert relations) and the read side (GraphQL,
// `emokb show`), so none of them needs another. A linker never asserts a relation: it writes one
// evidence node per edge (an IRI, never a blank node) that names the edge and says how it was found:
//
//   <https://w3id.org/emokb/edge/opposite/hate--love-tertiary> a emo:EdgeEvidence ;
//       emo:relation emo:isOppositeOf ; emo:edgeFrom emotion:hate ; emo:edgeTo emotion:love-tertiary ;
//       emo:status emo:Candidate ; emo:method "wordnet-antonymy" ; emo:score 0.9 ;
//       emo:evidence "antonym pair: hate (hate.n.01) ! love (love.n.01)" ;
//       prov:wasAttributedTo "emokb link" ; prov:generatedAtTime "..."^^xsd:dateTime .
//
// Only when the edge is accepted does the review write the relation itself (both directions for
// opposites, every component for a blend, an emo:Transition node for a transition), through the
// same edit planning as `emokb link add`, so that an accepted edge and a hand-made one look alike.
// The evidence node then stays, with emo:Accepted, as the edge's provenance; a rejected node stays
// with emo:Rejected so that a re-run never proposes it again.
import { STATUS_NODE, STATUS_OF, type ReviewStatus } from './reviewStatus.js';
import { DataFactory } from '../rdf/n3.js';
import type { NamedNode, Quad } from '@rdfjs/types';
import type { KnowledgeBase } from './KnowledgeBase.js';
import { EMO, EMOKB_BASE, PROV, RDF } from '../rdf/namespaces.js';
import { agentName } from './agents.js';

const { namedNode } = DataFactory;

/** The three kinds of relation between emotions. */
export type LinkType = 'opposite' | 'composition' | 'transition';
export const LINK_TYPES: readonly LinkType[] = ['opposite', 'composition', 'transition'];

/** Terms this module adds to the emo: namespace (declared in ontology/linking.ttl). */
export const LINK = {
  EdgeEvidence: namedNode(`${EMO.base}EdgeEvidence`),
  relation: namedNode(`${EMO.base}relation`),
  edgeFrom: namedNode(`${EMO.base}edgeFrom`),
  edgeTo: namedNode(`${EMO.base}edgeTo`),
  edgeTrigger: namedNode(`${EMO.base}edgeTrigger`),
  reviewedAt: namedNode(`${EMO.base}reviewedAt`),
} as const;

export const EDGE_BASE = `${EMOKB_BASE}edge/`;
export const LINKER_AGENT = 'emokb link';

export const RELATION_OF: Record<LinkType, NamedNode> = {
  opposite: EMO.isOppositeOf,
  composition: EMO.isComposedOf,
  transition: EMO.leadsTo,
};
export const TYPE_OF: Record<string, LinkType> = {
  [EMO.isOppositeOf.value]: 'opposite',
  [EMO.isComposedOf.value]: 'composition',
  [EMO.leadsTo.value]: 'transition',
};

export type EdgeStatus = ReviewStatus;
export { STATUS_NODE, STATUS_OF };

/**
 * One proposed edge. Opposite: `from` and one `to` (stored in id order: the edge has no direction).
 * Composition: `from` is the blend, `to` its components (two or more, in id order). Transition:
 * from, trigger, to.
 */
export interface EdgeProposal {
  type: LinkType;
  from: string;
  to: string[];
  trigger?: string;
  /** One per source that found the edge, e.g. `wordnet-antonymy`, `plutchik-dyad`. */
  methods: string[];
  /** Human-readable lines: the term pairs, the gloss, the crosswalk path. */
  evidence: string[];
  /** Confidence in [0, 1], rounded to 3 decimals. */
  score: number;
}

export interface StoredEdge extends EdgeProposal {
  iri: string;
  status: EdgeStatus;
  generatedAt: string | null;
  reviewedBy: string | null;
  /** Every quad whose subject is the node. */
  quads: Quad[];
}
function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
}

/** The node's IRI depends on the edge alone, so the same edge found twice is one node. */
export function edgeIri(edge: Pick<EdgeProposal, 'type' | 'from' | 'to' | 'trigger'>): string {
  const ids = edge.type === 'transition' ? [edge.from, edge.trigger ?? '', edge.to[0] ?? ''] : [edge.from, ...edge.to];
  return `${EDGE_BASE}${edge.type}/${ids.map(localName).join('--')}`;
}

/** `opposite/hate--love-tertiary`: how people and decisions files name an edge. */
export function edgeId(iri: string): string {
  return iri.startsWith(EDGE_BASE) ? iri.slice(EDGE_BASE.length) : iri;
}

const edgeIndex = new WeakMap<KnowledgeBase, Map<string, StoredEdge>>();

/** Every evidence node of a snapshot, by IRI (built once per snapshot). */
export function storedEdges(kb: KnowledgeBase): Map<string, StoredEdge> {
  const cached = edgeIndex.get(kb);
  if (cached) return cached;
  const nodes = new Set<string>();
  const bySubject = new Map<string, Quad[]>();
  for (const q of kb.quads) {
    if (!q.subject.value.startsWith(EDGE_BASE)) continue;
    if (q.predicate.equals(RDF.type) && q.object.equals(LINK.EdgeEvidence)) nodes.add(q.subject.value);
    const list = bySubject.get(q.subject.value);
    if (list) list.push(q);
    else bySubject.set(q.subject.value, [q]);
  }
  const out = new Map<string, StoredEdge>();
  for (const iri of [...nodes].sort()) {
    const quads = bySubject.get(iri) ?? [];
    const get = (p: NamedNode) => quads.filter((q) => q.predicate.equals(p)).map((q) => q.object.value);
    const type = TYPE_OF[get(LINK.relation)[0] ?? ''];
    if (!type) continue;
    const trigger = get(LINK.edgeTrigger)[0];
    out.set(iri, {
      iri,
      type,
      from: get(LINK.edgeFrom)[0] ?? '',
      to: get(LINK.edgeTo).sort(),
      ...(trigger ? { trigger } : {}),
      methods: get(EMO.method).sort(),
      // Evidence lines keep a stable order: by text.
      evidence: get(EMO.evidence).sort(),
      score: Number(get(EMO.score)[0] ?? 0),
      status: STATUS_OF[get(EMO.status)[0] ?? ''] ?? 'candidate',
      generatedAt: get(PROV.generatedAtTime)[0] ?? null,
      reviewedBy:
        quads
          .filter((q) => q.predicate.equals(PROV.wasAttributedTo))
          .map((q) => agentName(q.object))
          .find((a) => a !== LINKER_AGENT) ?? null,
      quads,
    });
  }
  edgeIndex.set(kb, out);
  return out;
}
