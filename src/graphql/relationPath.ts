// "How does hope lead to despair?": the shortest chain of relations from one emotion to another,
// each step with the evidence it was accepted from. Served by GraphQL `relationPath` and by
// `emokb path`. Steps follow transitions forward only (from -> to: a course has a direction),
// opposites either way, and blends both ways (blend -> component "isComposedOf", component ->
// blend "isComponentOf"). Breadth-first over the per-snapshot relation index (relations.ts), so
// the first path found has the fewest steps; among equal paths, neighbours are visited by label
// then IRI, which makes the answer deterministic.
import { EmokbError } from '../errors.js';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { relationsOf, type EdgeEvidenceView } from './relations.js';

export const PATH_TYPES = ['transition', 'opposite', 'composition'] as const;
export type PathType = (typeof PATH_TYPES)[number];
export const MAX_PATH_DEPTH = 8;
export const DEFAULT_PATH_DEPTH = 4;

export interface PathStep {
  type: PathType;
  /** leadsTo, isOppositeOf, isComposedOf (blend to component) or isComponentOf (component to blend). */
  relation: 'leadsTo' | 'isOppositeOf' | 'isComposedOf' | 'isComponentOf';
  from: Emotion;
  to: Emotion;
  /** The transition's trigger: what the person comes to feel about what happens. */
  trigger: Emotion | null;
  /** Linker methods, or `manual` for an edge made by hand. */
  method: string;
  evidence: EdgeEvidenceView | null;
}

export interface RelationPath {
  from: Emotion;
  to: Emotion;
  length: number;
  steps: PathStep[];
}

/** Checks the request: known types, a depth between 1 and MAX_PATH_DEPTH. */
export function pathOptions(
  types: readonly string[] | undefined | null,
  maxDepth: number | undefined | null,
  names: { types: string; maxDepth: string } = { types: 'types', maxDepth: 'maxDepth' },
): {
  types: PathType[];
  maxDepth: number;
} {
  const list = (types?.length ? types : PATH_TYPES).map((t) => t.toLowerCase());
  for (const t of list)
    if (!(PATH_TYPES as readonly string[]).includes(t))
      throw new EmokbError('BAD_INPUT', `${names.types}: "${t}" is not one of ${PATH_TYPES.join(', ')}`, { field: 'types' });
  const depth = maxDepth ?? DEFAULT_PATH_DEPTH;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_PATH_DEPTH)
    throw new EmokbError('BAD_INPUT', `${names.maxDepth}: ${depth} must be a whole number from 1 to ${MAX_PATH_DEPTH}`, {
      field: 'maxDepth',
    });
  return { types: [...new Set(list)] as PathType[], maxDepth: depth };
}

function neighbours(kb: KnowledgeBase, e: Emotion, types: readonly PathType[]): PathStep[] {
  const r = relationsOf(kb, e.iri);
  const how = (ev: EdgeEvidenceView | null, fallback = 'manual') => (ev ? ev.methods.join('+') : fallback);
  const out: PathStep[] = [];
  if (types.includes('transition'))
    for (const t of r.transitionsOut)
      out.push({
        type: 'transition',
        relation: 'leadsTo',
        from: e,
        to: t.to,
        trigger: t.trigger,
        method: how(t.evidence, t.method ?? 'manual'),
        evidence: t.evidence,
      });
  if (types.includes('opposite'))
    for (const o of r.opposites)
      out.push({
        type: 'opposite',
        relation: 'isOppositeOf',
        from: e,
        to: o.emotion,
        trigger: null,
        method: how(o.evidence),
        evidence: o.evidence,
      });
  if (types.includes('composition')) {
    for (const c of r.components)
      out.push({
        type: 'composition',
        relation: 'isComposedOf',
        from: e,
        to: c.emotion,
        trigger: null,
        method: how(c.evidence),
        evidence: c.evidence,
      });
    for (const b of r.blends)
      out.push({
        type: 'composition',
        relation: 'isComponentOf',
        from: e,
        to: b.blend,
        trigger: null,
        method: how(b.evidence),
        evidence: b.evidence,
      });
  }
  return out.sort((a, b) => a.to.label.localeCompare(b.to.label) || a.to.iri.localeCompare(b.to.iri));
}

/** The shortest path, or null when none is within maxDepth steps. From an emotion to itself: no steps. */
export function relationPath(
  kb: KnowledgeBase,
  from: Emotion,
  to: Emotion,
  types: readonly PathType[],
  maxDepth: number,
): RelationPath | null {
  if (from.iri === to.iri) return { from, to, length: 0, steps: [] };
  const came = new Map<string, PathStep | null>([[from.iri, null]]);
  let frontier = [from];
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const next: Emotion[] = [];
    for (const e of frontier) {
      for (const step of neighbours(kb, e, types)) {
        if (came.has(step.to.iri)) continue;
        came.set(step.to.iri, step);
        if (step.to.iri === to.iri) {
          const steps: PathStep[] = [];
          for (let s: PathStep | null | undefined = step; s; s = came.get(s.from.iri)) steps.unshift(s);
          return { from, to, length: steps.length, steps };
        }
        next.push(step.to);
      }
    }
    frontier = next;
  }
  return null;
}
