// Writing proposed relation edges, shared by the three linkers and the review: canonical form,
// the quads of a proposal and of a decision, the plan of a run. The node's shape and its reading
// from a snapshot are src/kb/edges.ts. A linker never asserts a relation: it writes one evidence
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
import { DataFactory } from '../rdf/n3.js';
import type { NamedNode, Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import {
  LINK,
  LINKER_AGENT,
  RELATION_OF,
  STATUS_NODE,
  edgeIri,
  storedEdges,
  type EdgeProposal,
  type EdgeStatus,
  type StoredEdge,
} from '../kb/edges.js';
import { EMO, PROV, RDF, XSD } from '../rdf/namespaces.js';
import { agentName, attributionQuad } from '../kb/agents.js';
import { generationQuad } from '../kb/activities.js';

const { namedNode, literal, quad } = DataFactory;

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
    attributionQuad(node, LINKER_AGENT),
    quad(node, PROV.generatedAtTime, literal(time, XSD.dateTime)),
  ];
  return out;
}

/** The quads that record a review decision on a stored edge (replacing its status). */
export function decisionQuads(
  edge: StoredEdge,
  status: EdgeStatus,
  reviewer: string,
  time: string,
  activity?: NamedNode,
): { add: Quad[]; remove: Quad[] } {
  const node = namedNode(edge.iri);
  const remove = edge.quads.filter(
    (q) =>
      q.predicate.equals(EMO.status) ||
      q.predicate.equals(LINK.reviewedAt) ||
      q.predicate.equals(PROV.wasGeneratedBy) ||
      (q.predicate.equals(PROV.wasAttributedTo) && agentName(q.object) !== LINKER_AGENT),
  );
  const add = [
    quad(node, EMO.status, STATUS_NODE[status]),
    ...(status === 'candidate' ? [] : [attributionQuad(node, reviewer), quad(node, LINK.reviewedAt, literal(time, XSD.dateTime))]),
    // The review run is the activity that made the edge knowledge (kb/activities.ts).
    ...(status !== 'candidate' && activity ? [generationQuad(node, activity)] : []),
  ];
  return { add, remove };
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
export function planProposals(
  kb: KnowledgeBase,
  proposals: readonly EdgeProposal[],
  options: { time: string; refresh?: boolean; isAsserted: (p: EdgeProposal) => boolean },
): ProposalPlan {
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
