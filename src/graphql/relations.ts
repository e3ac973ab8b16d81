// The relations between emotions as the API and `emokb show` serve them: opposites, components,
// blends an emotion takes part in, transitions in and out, each with the evidence node it was
// accepted from (null for an edge made by hand). Built once per snapshot (WeakMap keyed by the
// KnowledgeBase) from its quads; field resolvers only read maps.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, RDF } from '../rdf/namespaces.js';
import { edgeId, storedEdges, type StoredEdge } from '../kb/edges.js';

export interface EdgeEvidenceView {
  id: string;
  iri: string;
  relation: string;
  status: string;
  methods: string[];
  evidence: string[];
  score: number;
  generatedAt: string | null;
  reviewedBy: string | null;
}

export interface RelatedEmotion {
  emotion: Emotion;
  evidence: EdgeEvidenceView | null;
}

export interface BlendView {
  blend: Emotion;
  components: Emotion[];
  evidence: EdgeEvidenceView | null;
}

export interface TransitionView {
  id: string;
  from: Emotion;
  trigger: Emotion;
  to: Emotion;
  method: string | null;
  evidence: EdgeEvidenceView | null;
}

export interface EmotionRelations {
  opposites: RelatedEmotion[];
  components: RelatedEmotion[];
  blends: BlendView[];
  transitionsOut: TransitionView[];
  transitionsIn: TransitionView[];
}

const EMPTY: EmotionRelations = Object.freeze({ opposites: [], components: [], blends: [], transitionsOut: [], transitionsIn: [] });
const cache = new WeakMap<KnowledgeBase, Map<string, EmotionRelations>>();

export function relationsOf(kb: KnowledgeBase, iri: string): EmotionRelations {
  let index = cache.get(kb);
  if (!index) cache.set(kb, (index = buildIndex(kb)));
  return index.get(iri) ?? EMPTY;
}

function view(edge: StoredEdge | undefined): EdgeEvidenceView | null {
  if (!edge) return null;
  return {
    id: edgeId(edge.iri),
    iri: edge.iri,
    relation: edge.type.toUpperCase(),
    status: edge.status.toUpperCase(),
    methods: edge.methods,
    evidence: edge.evidence,
    score: edge.score,
    generatedAt: edge.generatedAt,
    reviewedBy: edge.reviewedBy,
  };
}

function buildIndex(kb: KnowledgeBase): Map<string, EmotionRelations> {
  const out = new Map<string, EmotionRelations>();
  const of = (iri: string) =>
    out.get(iri) ?? (out.set(iri, { opposites: [], components: [], blends: [], transitionsOut: [], transitionsIn: [] }), out.get(iri)!);
  // Accepted evidence by edge: opposites under both orders, blends by blend, transitions by triple.
  const evidence = new Map<string, StoredEdge>();
  for (const e of storedEdges(kb).values()) {
    if (e.status !== 'accepted') continue;
    if (e.type === 'opposite') {
      evidence.set(`o ${e.from} ${e.to[0]}`, e);
      evidence.set(`o ${e.to[0]} ${e.from}`, e);
    } else if (e.type === 'composition') for (const c of e.to) evidence.set(`c ${e.from} ${c}`, e);
    else evidence.set(`t ${e.from} ${e.trigger} ${e.to[0]}`, e);
  }
  const components = new Map<string, string[]>();
  const transitions = new Map<string, Record<string, string>>();
  for (const q of kb.quads) {
    const s = q.subject.value,
      o = q.object.value;
    if (q.predicate.equals(EMO.isOppositeOf)) {
      const e = kb.emotion(o);
      if (e && kb.emotion(s)) of(s).opposites.push({ emotion: e, evidence: view(evidence.get(`o ${s} ${o}`)) });
    } else if (q.predicate.equals(EMO.isComposedOf)) (components.get(s) ?? (components.set(s, []), components.get(s)!)).push(o);
    else if (
      q.predicate.equals(EMO.from) ||
      q.predicate.equals(EMO.trigger) ||
      q.predicate.equals(EMO.to) ||
      q.predicate.equals(EMO.method) ||
      (q.predicate.equals(RDF.type) && q.object.equals(EMO.Transition))
    ) {
      const t = transitions.get(s) ?? (transitions.set(s, {}), transitions.get(s)!);
      t[q.predicate.equals(RDF.type) ? 'type' : q.predicate.value.slice(q.predicate.value.lastIndexOf('#') + 1)] = o;
    }
  }
  for (const [blendIri, list] of components) {
    const blend = kb.emotion(blendIri);
    if (!blend) continue;
    const parts = list
      .map((c) => kb.emotion(c))
      .filter((e): e is Emotion => !!e)
      .sort(byLabel);
    const ev = view(evidence.get(`c ${blendIri} ${parts[0]?.iri}`));
    for (const p of parts) {
      of(blendIri).components.push({ emotion: p, evidence: view(evidence.get(`c ${blendIri} ${p.iri}`)) });
      of(p.iri).blends.push({ blend, components: parts, evidence: ev });
    }
  }
  for (const [node, t] of transitions) {
    if (!t.type || !t.from || !t.trigger || !t.to) continue;
    const [from, trigger, to] = [kb.emotion(t.from), kb.emotion(t.trigger), kb.emotion(t.to)];
    if (!from || !trigger || !to) continue;
    const v: TransitionView = {
      id: node,
      from,
      trigger,
      to,
      method: t.method ?? null,
      evidence: view(evidence.get(`t ${from.iri} ${trigger.iri} ${to.iri}`)),
    };
    of(from.iri).transitionsOut.push(v);
    of(to.iri).transitionsIn.push(v);
  }
  for (const r of out.values()) {
    r.opposites.sort((a, b) => byLabel(a.emotion, b.emotion));
    r.components.sort((a, b) => byLabel(a.emotion, b.emotion));
    r.blends.sort((a, b) => byLabel(a.blend, b.blend));
    r.transitionsOut.sort((a, b) => byLabel(a.to, b.to) || byLabel(a.trigger, b.trigger));
    r.transitionsIn.sort((a, b) => byLabel(a.from, b.from) || byLabel(a.trigger, b.trigger));
  }
  return out;
}

function byLabel(a: Emotion, b: Emotion): number {
  return a.label.localeCompare(b.label) || a.iri.localeCompare(b.iri);
}

export const relationResolvers = {
  Emotion: {
    opposites: (e: Emotion, _: unknown, { kb }: { kb: KnowledgeBase }) => relationsOf(kb, e.iri).opposites,
    components: (e: Emotion, _: unknown, { kb }: { kb: KnowledgeBase }) => relationsOf(kb, e.iri).components,
    blends: (e: Emotion, _: unknown, { kb }: { kb: KnowledgeBase }) => relationsOf(kb, e.iri).blends,
    transitionsOut: (e: Emotion, _: unknown, { kb }: { kb: KnowledgeBase }) => relationsOf(kb, e.iri).transitionsOut,
    transitionsIn: (e: Emotion, _: unknown, { kb }: { kb: KnowledgeBase }) => relationsOf(kb, e.iri).transitionsIn,
  },
};
