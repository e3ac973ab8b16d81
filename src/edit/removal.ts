// What removing emotions takes with it. An emotion is referred to by its children, by senses of
// terms, by relations (opposites, blends, transitions) and by the scheme; removing it must remove
// or refuse each of those, never leave a dangling edge. This module works that out from a snapshot
// so that `emotion remove` can either list exactly what would go (refusal, dry run) or remove it.
import type { Quad } from '@rdfjs/types';
import { DataFactory } from '../rdf/n3.js';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, ONTOLEX, RDF } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import type { GraphView } from '../kb/GraphView.js';

const { namedNode, quad } = DataFactory;
const EDGE_FROM = namedNode(`${EMO.base}edgeFrom`);
const EDGE_TO = namedNode(`${EMO.base}edgeTo`);
const EDGE_TRIGGER = namedNode(`${EMO.base}edgeTrigger`);

export interface RemovedSense {
  sense: string;
  entry: string;
  lemma: string;
  emotion: string;
  /** The entry goes too, because this was (one of) its last sense(s). */
  entryGoes: boolean;
}

export interface RemovedRelation {
  type: 'opposite' | 'composition' | 'transition';
  /** For people: `joy <-> sadness`, `envy = sadness + anger`, `fear -> relief (trigger: surprise)`. */
  description: string;
}

export interface Removal {
  /** Every emotion that goes, the requested ones first. */
  emotions: Emotion[];
  senses: RemovedSense[];
  relations: RemovedRelation[];
  /** Crosswalk mappings (skos:*Match) of the removed emotions: they go with their subject. */
  mappings: number;
  /** Every triple that goes, deduplicated. */
  quads: Quad[];
}

/** The closure of removing `emotions` (IRIs), children not included unless listed. */
export function planRemoval(kb: KnowledgeBase, view: GraphView, emotions: readonly string[]): Removal {
  const doomedEmotions = new Set(emotions);
  const doomed = new Set<string>(emotions);
  const extra: Quad[] = [];
  const senses: RemovedSense[] = [];
  const relations: RemovedRelation[] = [];
  const label = (iri: string) => kb.emotion(iri)?.label ?? iri;
  let mappings = 0;

  // Senses pointing at a removed emotion go; an entry left with no sense goes with its forms.
  const sensesLeft = new Map<string, Set<string>>();
  for (const e of emotions) {
    for (const sense of view.subjects(ONTOLEX.reference, e)) {
      for (const entry of view.subjects(ONTOLEX.sense, sense)) {
        if (!sensesLeft.has(entry)) sensesLeft.set(entry, new Set(view.objects(entry, ONTOLEX.sense).map((t) => t.value)));
        sensesLeft.get(entry)!.delete(sense);
        senses.push({ sense, entry, lemma: lemmaOf(view, entry), emotion: e, entryGoes: false });
      }
      doomed.add(sense);
    }
  }
  for (const s of senses) {
    if (sensesLeft.get(s.entry)?.size === 0) {
      s.entryGoes = true;
      doomed.add(s.entry);
      for (const p of [ONTOLEX.canonicalForm, ONTOLEX.otherForm]) for (const form of view.objects(s.entry, p)) doomed.add(form.value);
    }
  }

  const seenPairs = new Set<string>();
  for (const e of emotions) {
    for (const q of view.out(e, EMO.isOppositeOf)) {
      const pair = [e, q.object.value].sort().join(' ');
      if (seenPairs.has(pair)) continue;
      seenPairs.add(pair);
      relations.push({ type: 'opposite', description: `${label(e)} <-> ${label(q.object.value)}` });
    }
    const components = view.objects(e, EMO.isComposedOf).map((t) => t.value);
    if (components.length) relations.push({ type: 'composition', description: `${label(e)} = ${components.map(label).join(' + ')}` });
    // A blend that loses a component keeps the others only while it has two or more.
    for (const blend of view.subjects(EMO.isComposedOf, e)) {
      if (doomedEmotions.has(blend)) continue;
      const remaining = view
        .objects(blend, EMO.isComposedOf)
        .map((t) => t.value)
        .filter((c) => !doomedEmotions.has(c));
      const note = remaining.length === 1 ? ` (its last other component, ${label(remaining[0]!)}, goes too: a blend needs two)` : '';
      relations.push({ type: 'composition', description: `${label(blend)} loses component ${label(e)}${note}` });
      if (remaining.length === 1) extra.push(quad(namedNode(blend), EMO.isComposedOf, namedNode(remaining[0]!)));
    }
    for (const p of [EMO.from, EMO.trigger, EMO.to]) {
      for (const node of view.subjects(p, e)) {
        if (doomed.has(node)) continue;
        doomed.add(node);
        const one = (q: typeof EMO.from) => label(view.objects(node, q)[0]?.value ?? '?');
        relations.push({ type: 'transition', description: `${one(EMO.from)} -> ${one(EMO.to)} (trigger: ${one(EMO.trigger)})` });
      }
    }
    // Evidence nodes of proposed or reviewed edges (src/linkers/) that name the emotion go with it.
    for (const p of [EDGE_FROM, EDGE_TO, EDGE_TRIGGER]) for (const node of view.subjects(p, e)) doomed.add(node);
    mappings += view.out(e).filter((q) => /#(exact|close|broad|narrow|related)Match$/.test(q.predicate.value)).length;
  }

  const out = new Map<string, Quad>();
  for (const node of doomed) for (const q of [...view.out(node), ...view.in(node)]) out.set(quadKey(q), q);
  for (const q of extra) out.set(quadKey(q), q);
  return {
    emotions: emotions.map((iri) => kb.emotion(iri)!).filter(Boolean),
    senses,
    relations,
    mappings,
    quads: [...out.values()],
  };
}

export function lemmaOf(view: GraphView, entry: string): string {
  const form = view.objects(entry, ONTOLEX.canonicalForm)[0];
  return (form && view.objects(form.value, ONTOLEX.writtenRep)[0]?.value) || entry;
}

/** Is the IRI a node of this type? */
export function isA(view: GraphView, iri: string, type: typeof RDF.type): boolean {
  return view.objects(iri, RDF.type).some((t) => t.value === type.value);
}
