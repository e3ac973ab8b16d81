// Review of proposed edges, in the style of the vocabulary review (src/expansion/review.ts): a
// decision (accept, reject, skip) becomes the quads to add and remove; a decisions file (TSV or
// JSON) is parsed and checked as a whole first, so an unknown edge or action names its line and
// nothing is applied. Accepting writes the relation through the same planning as `emokb link add`
// (src/edit/linkEdits.ts): both directions for opposites, every component for a blend, a transition
// node (with the linker's method and a prov:wasDerivedFrom to the evidence node). Rejecting an
// accepted edge removes the relation again. The reviewer and time are recorded on the node.
import { DataFactory } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import { EmokbError, isEmokbError } from '../errors.js';
import { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import { EDGE_BASE, edgeId, storedEdges, type LinkType, type StoredEdge } from '../kb/edges.js';
import { decisionQuads } from './edges.js';
import { jsonRows, tsvRows } from '../decisionsFile.js';

const { namedNode } = DataFactory;

export type EdgeAction = 'accept' | 'reject' | 'skip';
export const EDGE_ACTIONS: readonly EdgeAction[] = ['accept', 'reject', 'skip'];

export interface EdgeDecision {
  /** `opposite/hate--love-tertiary` or the full IRI. */
  edge: string;
  action: EdgeAction;
  note?: string;
  /** `file:line`, for messages. */
  source?: string;
}

/** TSV: edge, decision, note. `#` starts a comment; an optional header line `edge<TAB>decision`. */
export function parseEdgeDecisionsTsv(text: string, file: string): EdgeDecision[] {
  return tsvRows(text, file, 'edge', 1).map(({ value: [edge = '', action = '', note = ''], source }) =>
    decision(edge, action, note, source),
  );
}

export function parseEdgeDecisionsJson(text: string, file: string): EdgeDecision[] {
  return jsonRows(text, file, 'an array of {"edge", "decision", "note"}').map(({ value: r, source }) =>
    decision(String(r.edge ?? ''), String(r.decision ?? r.action ?? ''), typeof r.note === 'string' ? r.note : '', source),
  );
}

function decision(edge: string, action: string, note: string, source: string): EdgeDecision {
  const a = action.trim().toLowerCase() as EdgeAction;
  if (!edge.trim()) throw new EmokbError('BAD_INPUT', `${source}: no edge given; nothing was applied`, { source });
  if (!EDGE_ACTIONS.includes(a))
    throw new EmokbError('BAD_INPUT', `${source}: "${action}" is not a decision; use ${EDGE_ACTIONS.join(', ')}; nothing was applied`, {
      source,
    });
  return { edge: edge.trim(), action: a, ...(note.trim() ? { note: note.trim() } : {}), source };
}

/** Finds each decision's edge; an unknown one is NOT_FOUND naming the line (nothing is applied). */
export function resolveEdgeDecisions(kb: KnowledgeBase, decisions: readonly EdgeDecision[]): Array<EdgeDecision & { stored: StoredEdge }> {
  const edges = storedEdges(kb);
  return decisions.map((d) => {
    const iri = d.edge.startsWith('http') ? d.edge : `${EDGE_BASE}${d.edge.replace(/^edge\//, '')}`;
    const stored = edges.get(iri);
    if (!stored)
      throw new EmokbError(
        'NOT_FOUND',
        `${d.source ?? d.edge}: no proposed edge "${d.edge}" (list them with \`emokb link candidates\`); nothing was applied`,
        { source: d.source },
      );
    return { ...d, stored };
  });
}

export interface EdgeDecisionPlan {
  add: Quad[];
  remove: Quad[];
  counts: Record<EdgeAction, number>;
  /** Per decision, what it did, for people. */
  notes: string[];
}

/** A relation to assert or retract, as the edit layer takes it. */
export interface LinkEdit {
  kind: 'link-add' | 'link-remove';
  type: LinkType;
  from: string;
  to: string[];
  trigger?: string;
}

/**
 * How an accepted edge becomes an asserted relation: src/edit/linkEdits.ts `planLink`, passed in by
 * the caller so that an accepted edge and a hand-made one are planned alike without the linkers
 * importing the edit layer (the two sit side by side, see docs/architecture.md).
 */
export type PlanLink = (
  kb: KnowledgeBase,
  request: LinkEdit,
  ctx: { author: string; time: string },
  provenance?: { method: string; evidence: string },
) => { add: Quad[]; remove: Quad[]; summary: string };

export interface EdgeDecisionContext {
  reviewer: string;
  time: string;
  planLink: PlanLink;
}

/**
 * The quads for a list of decisions, each planned on the snapshot as the earlier ones left it (two
 * decisions on one blend see each other). A decision that cannot be applied (an ancestor as a
 * component, an emotion removed since) fails the whole list, naming its line.
 */
export function planEdgeDecisions(
  kb0: KnowledgeBase,
  decisions: ReadonlyArray<EdgeDecision & { stored: StoredEdge }>,
  ctx: EdgeDecisionContext,
): EdgeDecisionPlan {
  const plan: EdgeDecisionPlan = { add: [], remove: [], counts: { accept: 0, reject: 0, skip: 0 }, notes: [] };
  let kb = kb0;
  const current = new Map<string, Quad>(kb.quads.map((q) => [quadKey(q), q]));
  for (const d of decisions) {
    plan.counts[d.action]++;
    if (d.action === 'skip') continue;
    const edge = storedEdges(kb).get(d.stored.iri) ?? d.stored;
    const add: Quad[] = [];
    const remove: Quad[] = [];
    const status = d.action === 'accept' ? 'accepted' : 'rejected';
    const marks = decisionQuads(edge, status, ctx.reviewer, ctx.time);
    add.push(...marks.add);
    remove.push(...marks.remove);
    const request = { type: edge.type, from: edge.from, to: edge.to, ...(edge.trigger ? { trigger: edge.trigger } : {}) };
    try {
      if (d.action === 'accept' && !asserted(kb, edge)) {
        const p = ctx.planLink(
          kb,
          { kind: 'link-add', ...request },
          { author: ctx.reviewer, time: ctx.time },
          { method: edge.methods.join('+'), evidence: edge.iri },
        );
        add.push(...p.add);
        plan.notes.push(`accept ${edgeId(edge.iri)}: ${p.summary}`);
      } else if (d.action === 'reject' && edge.status === 'accepted' && asserted(kb, edge)) {
        const p = ctx.planLink(kb, { kind: 'link-remove', ...request }, { author: ctx.reviewer, time: ctx.time });
        remove.push(...p.remove);
        plan.notes.push(`reject ${edgeId(edge.iri)}: ${p.summary}`);
      } else plan.notes.push(`${d.action} ${edgeId(edge.iri)}`);
    } catch (error) {
      if (isEmokbError(error))
        throw new EmokbError(error.code, `${d.source ?? d.edge}: ${error.message}; nothing was applied`, {
          ...error.details,
          source: d.source,
        });
      throw error;
    }
    for (const q of remove) current.delete(quadKey(q));
    for (const q of add) current.set(quadKey(q), q);
    plan.add.push(...add);
    plan.remove.push(...remove);
    kb = KnowledgeBase.fromQuads([...current.values()], kb.version);
  }
  // A quad removed by one decision and added by a later one stays (KnowledgeService drops such removals).
  return plan;
}

function asserted(kb: KnowledgeBase, edge: StoredEdge): boolean {
  const keys = new Set(kb.quads.filter((q) => q.subject.value === edge.from).map(quadKey));
  const has = (p: typeof EMO.isOppositeOf, o: string) => keys.has(quadKey(DataFactory.quad(namedNode(edge.from), p, namedNode(o))));
  if (edge.type === 'opposite') return has(EMO.isOppositeOf, edge.to[0]!);
  if (edge.type === 'composition') return edge.to.every((c) => has(EMO.isComposedOf, c));
  const nodes = kb.quads.filter((q) => q.predicate.equals(EMO.from) && q.object.value === edge.from).map((q) => q.subject.value);
  return nodes.some((n) => {
    const of = (p: typeof EMO.to) => kb.quads.find((q) => q.subject.value === n && q.predicate.equals(p))?.object.value;
    return of(EMO.to) === edge.to[0] && of(EMO.trigger) === edge.trigger;
  });
}
