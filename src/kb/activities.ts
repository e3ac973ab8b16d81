// The curation runs that produced accepted knowledge, as PROV-O wants them: prov:Activity nodes.
//
//   <sense> prov:wasGeneratedBy activity:review/review-wordnet .
//   activity:review/review-wordnet a prov:Activity ; rdfs:label "review review-wordnet" ;
//       prov:wasAssociatedWith agent:emokb_curator ; prov:used source:wordnet-3.1 ;
//       prov:startedAtTime "..."^^xsd:dateTime ; prov:endedAtTime "..."^^xsd:dateTime .
//   source:wordnet-3.1 a prov:Entity ; rdfs:label "WordNet 3.1" ; dcterms:license <...> .
//
// One activity per run, named by what stays the same when the run is repeated (the decisions
// file's name, the linker's method, an edit's time), never by a counter or a random id: a rebuild
// with SOURCE_DATE_EPOCH writes the same IRIs. The description of an activity is made from what
// it generated (`activityQuads`): its agents are the ones its outputs are attributed to, the
// sources it used the ones their method and evidence name, its time the latest
// prov:generatedAtTime (or emo:reviewedAt) among them. So the description written with an edit and the one `lexicon export`
// writes cannot disagree with the senses, and emokb's own literals (emo:method, emo:evidence)
// stay as they were for the readers that use them.
import { DataFactory } from '../rdf/n3.js';
import type { NamedNode, Quad } from '@rdfjs/types';
import { EMO, EMOKB_BASE, PROV, RDF, RDFS, XSD } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import { agentIri, agentName } from './agents.js';
import { GraphView } from './GraphView.js';
import type { KnowledgeBase } from './KnowledgeBase.js';

const { namedNode, literal, quad } = DataFactory;

export const ACTIVITY_BASE = `${EMOKB_BASE}activity/`;
export const SOURCE_BASE = `${EMOKB_BASE}source/`;

const prov = (local: string) => namedNode(`${PROV.base}${local}`);
const DCT_LICENSE = namedNode('http://purl.org/dc/terms/license');
const REVIEWED_AT = `${EMO.base}reviewedAt`;
const CC_BY_4 = 'https://creativecommons.org/licenses/by/4.0/';

export interface Source {
  id: string;
  label: string;
  /** Where the source is published. */
  page: string;
  license?: string;
}

/** The sources the curation pipelines read (curation/en/README.md), by the name their evidence uses. */
export const SOURCES: Readonly<Record<string, Source>> = {
  wordnet: {
    id: 'wordnet-3.1',
    label: 'WordNet 3.1',
    page: 'https://wordnet.princeton.edu/',
    license: 'https://wordnet.princeton.edu/license-and-commercial-use',
  },
  'goemotions-train': {
    id: 'goemotions-train',
    label: 'GoEmotions, training split',
    page: 'https://github.com/google-research/google-research/tree/master/goemotions',
    license: CC_BY_4,
  },
  'xed-en-part1': {
    id: 'xed-en-part1',
    label: 'XED English annotations, part 1 of 2',
    page: 'https://github.com/Helsinki-NLP/XED',
    license: CC_BY_4,
  },
};

/** `https://w3id.org/emokb/activity/<kind>/<name>`, the name made IRI-safe: `review`, `review-wordnet`. */
export function activityIri(kind: string, name: string): NamedNode {
  const local = name
    .normalize('NFKC')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return namedNode(`${ACTIVITY_BASE}${kind}/${local}`);
}

/** The activity of a decisions file's review: named by the file's name without directory or extension. */
export function reviewActivity(file: string, kind = 'review'): NamedNode {
  const base = file.split(/[\\/]/).pop() ?? file;
  return activityIri(kind, base.replace(/\.(tsv|json)$/i, ''));
}

/** The activity of a single edit or interactive decision: named by its time to the millisecond (`20261207T000000000Z`). */
export function editActivity(kind: string, time: string): NamedNode {
  return activityIri(kind, time.replace(/[-:.]/g, ''));
}

/** The sources an output's method and evidence name: WordNet for `wordnet:*`, a corpus for `corpus:<name>` (a word) or `corpus-phrase:<name>` (a situation phrase). */
export function sourcesOf(method: string, evidence: readonly string[]): Source[] {
  const out = new Set<Source>();
  if (method.startsWith('wordnet') || method.startsWith('gloss-')) out.add(SOURCES.wordnet!);
  for (const e of evidence) {
    if (e.startsWith('wordnet:')) out.add(SOURCES.wordnet!);
    const corpus = /^corpus(?:-phrase)?:(.+)$/.exec(e)?.[1];
    if (corpus && SOURCES[corpus]) out.add(SOURCES[corpus]!);
  }
  return [...out];
}

export function sourceIri(source: Source): NamedNode {
  return namedNode(`${SOURCE_BASE}${source.id}`);
}

/** A source's description: a prov:Entity with its name, its page and its licence where known. */
export function sourceQuads(source: Source): Quad[] {
  const s = sourceIri(source);
  const out = [
    quad(s, RDF.type, prov('Entity')),
    quad(s, RDFS.label, literal(source.label)),
    quad(s, namedNode(`${RDFS.base}seeAlso`), namedNode(source.page)),
  ];
  if (source.license) out.push(quad(s, DCT_LICENSE, namedNode(source.license)));
  return out;
}

/**
 * The description of every activity `quads` say something was generated by, made from those
 * outputs: agents from prov:wasAttributedTo, sources from emo:method and emo:evidence, times
 * from prov:generatedAtTime (first and last). Sorted, so that the output is deterministic.
 */
export function activityQuads(quads: readonly Quad[]): Quad[] {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) (bySubject.get(q.subject.value) ?? bySubject.set(q.subject.value, []).get(q.subject.value)!).push(q);
  const activities = new Map<string, { agents: Set<string>; sources: Set<Source>; times: string[] }>();
  for (const [, own] of bySubject) {
    const activity = own.find((q) => q.predicate.equals(PROV.wasGeneratedBy))?.object.value;
    if (!activity?.startsWith(ACTIVITY_BASE)) continue;
    const a = activities.get(activity) ?? activities.set(activity, { agents: new Set(), sources: new Set(), times: [] }).get(activity)!;
    const evidence = own.filter((q) => q.predicate.equals(EMO.evidence)).map((q) => q.object.value);
    for (const q of own) {
      if (q.predicate.equals(PROV.wasAttributedTo)) a.agents.add(agentName(q.object));
      if (q.predicate.equals(EMO.method)) for (const s of sourcesOf(q.object.value, evidence)) a.sources.add(s);
    }
    // A reviewed relation edge keeps its proposal's time and the review's (emo:reviewedAt): the activity is the review.
    const time = (own.find((q) => q.predicate.value === REVIEWED_AT) ?? own.find((q) => q.predicate.equals(PROV.generatedAtTime)))?.object
      .value;
    if (time) a.times.push(time);
    for (const s of sourcesOf('', evidence)) a.sources.add(s);
  }
  const out: Quad[] = [];
  const sources = new Set<Source>();
  for (const iri of [...activities.keys()].sort()) {
    const a = activities.get(iri)!;
    const node = namedNode(iri);
    out.push(quad(node, RDF.type, prov('Activity')), quad(node, RDFS.label, literal(iri.slice(ACTIVITY_BASE.length).replace('/', ' '))));
    for (const name of [...a.agents].sort()) out.push(quad(node, prov('wasAssociatedWith'), agentIri(name)));
    for (const s of [...a.sources].sort((x, y) => x.id.localeCompare(y.id))) {
      out.push(quad(node, prov('used'), sourceIri(s)));
      sources.add(s);
    }
    // A run records one time (provenanceTime) on what it writes, but an accepted sense keeps the
    // time its candidate was proposed at: the latest time is the run's own, its start and end.
    const time = a.times.sort().at(-1);
    if (time) {
      out.push(quad(node, prov('startedAtTime'), literal(time, XSD.dateTime)));
      out.push(quad(node, prov('endedAtTime'), literal(time, XSD.dateTime)));
    }
  }
  for (const s of [...sources].sort((x, y) => x.id.localeCompare(y.id))) out.push(...sourceQuads(s));
  return out;
}

/** `subject prov:wasGeneratedBy activity`. */
export function generationQuad(subject: NamedNode, activity: NamedNode) {
  return quad(subject, PROV.wasGeneratedBy, activity);
}

/** The predicates of an activity's description that `activityQuads` writes (and `settleActivities` keeps in step). */
const DESCRIPTION = new Set(
  [RDF.type, RDFS.label, prov('wasAssociatedWith'), prov('used'), prov('startedAtTime'), prov('endedAtTime')].map((p) => p.value),
);

/**
 * A change as it is to be committed so that every activity it touches stays described from what it
 * generated in the store after the change: an activity that keeps outputs gets its description
 * recomputed from all of them (an undo of one of two edits that share a time keeps the other's
 * activity, without the undone one's agent); one left with no output loses its description
 * (undoing a `term add` leaves no orphan activity behind). Touched: named by a prov:wasGeneratedBy
 * the change adds or removes, or the subject of a quad it adds or removes. Source descriptions
 * (prov:Entity) are added with the activities that use them and kept while one does. As in
 * KnowledgeService.change, a quad both added and removed counts as added.
 */
export function settleActivities(
  kb: KnowledgeBase,
  change: { add: readonly Quad[]; remove: readonly Quad[] },
): { add: Quad[]; remove: Quad[] } {
  const isActivity = (iri: string) => iri.startsWith(ACTIVITY_BASE);
  const touched = new Set<string>();
  for (const q of [...change.add, ...change.remove]) {
    if (q.predicate.equals(PROV.wasGeneratedBy) && isActivity(q.object.value)) touched.add(q.object.value);
    if (isActivity(q.subject.value)) touched.add(q.subject.value);
  }
  if (touched.size === 0) return { add: [...change.add], remove: [...change.remove] };
  const view = GraphView.of(kb);
  const added = new Map<string, Quad[]>();
  for (const q of change.add) (added.get(q.subject.value) ?? added.set(q.subject.value, []).get(q.subject.value)!).push(q);
  const addKeys = new Set(change.add.map(quadKey));
  const removed = new Set(change.remove.map(quadKey).filter((k) => !addKeys.has(k)));
  /** A subject's quads after the change. */
  const after = (subject: string): Quad[] => {
    const out = new Map<string, Quad>();
    for (const q of view.out(subject)) if (!removed.has(quadKey(q))) out.set(quadKey(q), q);
    for (const q of added.get(subject) ?? []) out.set(quadKey(q), q);
    return [...out.values()];
  };
  const add = [...change.add];
  const remove = [...change.remove];
  const drop = new Set<string>();
  for (const activity of [...touched].sort()) {
    const candidates = new Set([
      ...view.subjects(PROV.wasGeneratedBy, activity),
      ...change.add.filter((q) => q.predicate.equals(PROV.wasGeneratedBy) && q.object.value === activity).map((q) => q.subject.value),
    ]);
    const outputs = [...candidates]
      .map(after)
      .filter((own) => own.some((q) => q.predicate.equals(PROV.wasGeneratedBy) && q.object.value === activity));
    const description = outputs.length
      ? activityQuads(outputs.flat().filter((q) => !q.predicate.equals(PROV.wasGeneratedBy) || q.object.value === activity)).filter(
          (q) => q.subject.value === activity || q.subject.value.startsWith(SOURCE_BASE),
        )
      : [];
    const wanted = new Set(description.map(quadKey));
    const stale = (q: Quad) => q.subject.value === activity && DESCRIPTION.has(q.predicate.value) && !wanted.has(quadKey(q));
    for (const q of view.out(activity)) if (stale(q)) remove.push(q);
    for (const q of added.get(activity) ?? []) if (stale(q)) drop.add(quadKey(q));
    add.push(...description);
  }
  const finalAdd = drop.size ? add.filter((q) => !drop.has(quadKey(q))) : add;
  // A source keeps its description while a run uses it: an interactive undo removes what its
  // decision's plan added, the source's description among it, though an earlier run added it first.
  const finalAddKeys = new Set(finalAdd.map(quadKey));
  const gone = new Set(remove.map(quadKey).filter((k) => !finalAddKeys.has(k)));
  const used = prov('used');
  const uses = (source: string) =>
    view.in(source, used).some((q) => !gone.has(quadKey(q))) || finalAdd.some((q) => q.predicate.equals(used) && q.object.value === source);
  return { add: finalAdd, remove: remove.filter((q) => !(q.subject.value.startsWith(SOURCE_BASE) && uses(q.subject.value))) };
}
