// The shape of a proposed relation edge in the store, shared by the three linkers, the review and
// the read side (GraphQL, `emokb show`). A linker never asserts a relation: it writes one evidence
// node per edge (an IRI, never a blank node) that names the edge and says how it was found:
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
import { DataFactory } from 'n3';
import type { NamedNode, Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { LinkType } from '../edit/EditRequest.js';
import { EMO, EMOKB_BASE, PROV, RDF, XSD } from '../rdf/namespaces.js';

const { namedNode, literal, quad } = DataFactory;

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
const TYPE_OF: Record<string, LinkType> = {
  [EMO.isOppositeOf.value]: 'opposite',
  [EMO.isComposedOf.value]: 'composition',
  [EMO.leadsTo.value]: 'transition',
};

export type EdgeStatus = 'candidate' | 'accepted' | 'rejected';
const STATUS_NODE: Record<EdgeStatus, NamedNode> = { candidate: EMO.Candidate, accepted: EMO.Accepted, rejected: EMO.Rejected };
const STATUS_OF: Record<string, EdgeStatus> = {
  [EMO.Candidate.value]: 'candidate',
  [EMO.Accepted.value]: 'accepted',
  [EMO.Rejected.value]: 'rejected',
};

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

/** Canonical form: opposites in IRI order, components sorted, methods and evidence de-duplicated. */
export function normaliseProposal(p: EdgeProposal): EdgeProposal {
  let { from, to } = p;
  if (p.type === 'opposite' && to[0]! < from) [from, to] = [to[0]!, [from]];
  if (p.type === 'composition') to = [...new Set(to)].sort();
  return {
    ...p,
    from,
    to,
    methods: [...new Set(p.methods)].sort(),
    evidence: [...new Set(p.evidence)],
    score: Math.round(Math.min(1, Math.max(0, p.score)) * 1000) / 1000,
  };
}

export function decimal(value: number) {
  const fixed = value.toFixed(3).replace(/0+$/, '');
  return literal(fixed.endsWith('.') ? `${fixed}0` : fixed, XSD.decimal);
}

/** The evidence node of a proposal, as a candidate. */
export function proposalQuads(p: EdgeProposal, time: string, status: EdgeStatus = 'candidate'): Quad[] {
  const node = namedNode(edgeIri(p));
  const out = [
    quad(node, RDF.type, LINK.EdgeEvidence),
    quad(node, LINK.relation, RELATION_OF[p.type]),
    quad(node, LINK.edgeFrom, namedNode(p.from)),
    ...p.to.map((t) => quad(node, LINK.edgeTo, namedNode(t))),
    ...(p.trigger ? [quad(node, LINK.edgeTrigger, namedNode(p.trigger))] : []),
    quad(node, EMO.status, STATUS_NODE[status]),
    ...p.methods.map((m) => quad(node, EMO.method, literal(m))),
    ...p.evidence.map((e) => quad(node, EMO.evidence, literal(e))),
    quad(node, EMO.score, decimal(p.score)),
    quad(node, PROV.wasAttributedTo, literal(LINKER_AGENT)),
    quad(node, PROV.generatedAtTime, literal(time, XSD.dateTime)),
  ];
  return out;
}

/** The quads that record a review decision on a stored edge (replacing its status). */
export function decisionQuads(edge: StoredEdge, status: EdgeStatus, reviewer: string, time: string): { add: Quad[]; remove: Quad[] } {
  const node = namedNode(edge.iri);
  const remove = edge.quads.filter((q) => q.predicate.equals(EMO.status) || q.predicate.equals(LINK.reviewedAt) || (q.predicate.equals(PROV.wasAttributedTo) && q.object.value !== LINKER_AGENT));
  const add = [
    quad(node, EMO.status, STATUS_NODE[status]),
    ...(status === 'candidate' ? [] : [quad(node, PROV.wasAttributedTo, literal(reviewer)), quad(node, LINK.reviewedAt, literal(time, XSD.dateTime))]),
  ];
  return { add, remove };
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
      reviewedBy: get(PROV.wasAttributedTo).find((a) => a !== LINKER_AGENT) ?? null,
      quads,
    });
  }
  edgeIndex.set(kb, out);
  return out;
}


export interface ProposalPlan {
  add: Quad[];
  remove: Quad[];
  added: number;
  /** Edges already stored, by status, left as they are. */
  kept: Record<EdgeStatus, number>;
  /** Edges skipped because the relation is asserted already (by hand or an earlier review). */
  asserted: number;
}

/**
 * Idempotent: an edge whose node exists is left alone whatever its status (so a rejection is
 * remembered), unless `refresh` replaces pending candidates with this run's evidence; an edge
 * whose relation is already asserted gets no candidate.
 */
export function planProposals(kb: KnowledgeBase, proposals: readonly EdgeProposal[], options: { time: string; refresh?: boolean; isAsserted: (p: EdgeProposal) => boolean }): ProposalPlan {
  const existing = storedEdges(kb);
  const plan: ProposalPlan = { add: [], remove: [], added: 0, kept: { candidate: 0, accepted: 0, rejected: 0 }, asserted: 0 };
  for (const p of proposals) {
    const prior = existing.get(edgeIri(p));
    if (prior && !(options.refresh && prior.status === 'candidate')) {
      plan.kept[prior.status]++;
      continue;
    }
    if (!prior && options.isAsserted(p)) {
      plan.asserted++;
      continue;
    }
    if (prior) plan.remove.push(...prior.quads);
    plan.add.push(...proposalQuads(p, options.time));
    plan.added++;
  }
  return plan;
}
