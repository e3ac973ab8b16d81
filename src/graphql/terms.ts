// The vocabulary as the API serves it: every lexical entry of a snapshot (any status) with its
// forms, senses and provenance, indexed by IRI, by emotion and by lemma. Built once per snapshot
// from one pass over its quads (WeakMap keyed by the KnowledgeBase), like the relations index; field
// resolvers then only read maps. The tagger's compiled LexiconIndex answers `lookup`; this catalog
// adds what the tagger does not keep (part of speech, candidate and rejected entries, provenance).
import { STATUS_OF } from '../kb/reviewStatus.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, LEXINFO, ONTOLEX, PROV, RDF } from '../rdf/namespaces.js';
import { agentName } from '../kb/agents.js';

export type TermStatus = 'candidate' | 'accepted' | 'rejected';
export const TERM_STATUSES: readonly TermStatus[] = ['candidate', 'accepted', 'rejected'];

export interface ProvenanceView {
  method: string | null;
  source: string | null;
  evidence: string[];
  author: string | null;
  time: string | null;
  score: number | null;
}

export interface FormView {
  text: string;
  language: string | null;
  canonical: boolean;
}

export interface SenseView {
  iri: string;
  /** IRI of the emotion (ontolex:reference). */
  emotion: string;
  weight: number;
  kind: 'names' | 'evokes';
  /** The sense's own status, else the entry's. */
  status: TermStatus;
  provenance: ProvenanceView;
}

export interface TermView {
  iri: string;
  lemma: string;
  language: string | null;
  partOfSpeech: string | null;
  forms: FormView[];
  senses: SenseView[];
  status: TermStatus;
  /** Provenance recorded on the entry itself, completed from its strongest sense; null when neither has any. */
  provenance: ProvenanceView | null;
}

export interface TermCatalog {
  byIri: ReadonlyMap<string, TermView>;
  /** Emotion IRI to the terms with a sense for it, by lemma then IRI. */
  byEmotion: ReadonlyMap<string, readonly TermView[]>;
  /** Lower-cased lemma to its entries, by IRI. */
  byLemma: ReadonlyMap<string, readonly TermView[]>;
}

const cache = new WeakMap<KnowledgeBase, TermCatalog>();

export function termCatalog(kb: KnowledgeBase): TermCatalog {
  let catalog = cache.get(kb);
  if (!catalog) cache.set(kb, (catalog = build(kb)));
  return catalog;
}

interface Raw {
  types: Set<string>;
  status?: string;
  canonical?: string;
  otherForms: string[];
  writtenRep?: { text: string; language: string | null };
  pos?: string;
  senses: string[];
  reference?: string;
  weight?: number;
  kind?: string;
  method?: string;
  source?: string;
  evidence: string[];
  author?: string;
  time?: string;
  score?: number;
}

function build(kb: KnowledgeBase): TermCatalog {
  const raw = new Map<string, Raw>();
  const of = (s: string) => raw.get(s) ?? (raw.set(s, { types: new Set(), otherForms: [], senses: [], evidence: [] }), raw.get(s)!);
  for (const q of kb.quads) {
    const p = q.predicate.value,
      o = q.object;
    switch (p) {
      case RDF.type.value:
        if (o.value === ONTOLEX.LexicalEntry.value || o.value === ONTOLEX.LexicalSense.value) of(q.subject.value).types.add(o.value);
        break;
      case EMO.status.value:
        of(q.subject.value).status = o.value;
        break;
      case ONTOLEX.canonicalForm.value:
        of(q.subject.value).canonical = o.value;
        break;
      case ONTOLEX.otherForm.value:
        of(q.subject.value).otherForms.push(o.value);
        break;
      case ONTOLEX.writtenRep.value:
        of(q.subject.value).writtenRep = { text: o.value, language: o.termType === 'Literal' && o.language ? o.language : null };
        break;
      case LEXINFO.partOfSpeech.value:
        of(q.subject.value).pos = o.value.slice(o.value.lastIndexOf('#') + 1);
        break;
      case ONTOLEX.sense.value:
        of(q.subject.value).senses.push(o.value);
        break;
      case ONTOLEX.reference.value:
        of(q.subject.value).reference = o.value;
        break;
      case EMO.weight.value:
        of(q.subject.value).weight = Number(o.value);
        break;
      case EMO.senseKind.value:
        of(q.subject.value).kind = o.value;
        break;
      case EMO.method.value:
        of(q.subject.value).method = o.value;
        break;
      case EMO.evidence.value:
        of(q.subject.value).evidence.push(o.value);
        break;
      case EMO.score.value:
        of(q.subject.value).score = Number(o.value);
        break;
      case PROV.wasDerivedFrom.value:
        of(q.subject.value).source = o.value;
        break;
      case PROV.wasAttributedTo.value:
        of(q.subject.value).author = agentName(o);
        break;
      case PROV.generatedAtTime.value:
        of(q.subject.value).time = o.value;
        break;
    }
  }

  const provenance = (r: Raw): ProvenanceView | null =>
    r.method || r.source || r.author || r.time || r.evidence.length || r.score !== undefined
      ? {
          method: r.method ?? null,
          source: r.source ?? null,
          evidence: [...r.evidence].sort(),
          author: r.author ?? null,
          time: r.time ?? null,
          score: r.score ?? null,
        }
      : null;
  const EMPTY_PROVENANCE: ProvenanceView = { method: null, source: null, evidence: [], author: null, time: null, score: null };

  const byIri = new Map<string, TermView>();
  const byEmotion = new Map<string, TermView[]>();
  const byLemma = new Map<string, TermView[]>();
  for (const [iri, r] of raw) {
    if (!r.types.has(ONTOLEX.LexicalEntry.value) || !r.canonical) continue;
    const canonical = raw.get(r.canonical)?.writtenRep;
    if (!canonical) continue;
    const status = STATUS_OF[r.status ?? ''] ?? 'candidate';
    const forms: FormView[] = [{ text: canonical.text, language: canonical.language, canonical: true }];
    for (const f of r.otherForms) {
      const rep = raw.get(f)?.writtenRep;
      if (rep) forms.push({ text: rep.text, language: rep.language, canonical: false });
    }
    forms.sort((a, b) => Number(b.canonical) - Number(a.canonical) || a.text.localeCompare(b.text));
    const senses: SenseView[] = [];
    for (const s of r.senses) {
      const sense = raw.get(s);
      if (!sense?.reference) continue;
      senses.push({
        iri: s,
        emotion: sense.reference,
        weight: sense.weight ?? 1,
        kind: sense.kind === EMO.Evokes.value ? 'evokes' : 'names',
        status: STATUS_OF[sense.status ?? ''] ?? status,
        provenance: provenance(sense) ?? EMPTY_PROVENANCE,
      });
    }
    senses.sort((a, b) => b.weight - a.weight || a.emotion.localeCompare(b.emotion));
    const term: TermView = {
      iri,
      lemma: canonical.text,
      language: canonical.language,
      partOfSpeech: r.pos ?? null,
      forms,
      senses,
      status,
      provenance: merge(provenance(r), senses[0] ? provenance(raw.get(senses[0].iri)!) : null),
    };
    byIri.set(iri, term);
    for (const emotion of new Set(senses.map((s) => s.emotion)))
      (byEmotion.get(emotion) ?? (byEmotion.set(emotion, []), byEmotion.get(emotion)!)).push(term);
    const key = term.lemma.toLowerCase();
    (byLemma.get(key) ?? (byLemma.set(key, []), byLemma.get(key)!)).push(term);
  }
  const order = (a: TermView, b: TermView) => a.lemma.localeCompare(b.lemma) || a.iri.localeCompare(b.iri);
  for (const list of byEmotion.values()) list.sort(order);
  for (const list of byLemma.values()) list.sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  return { byIri, byEmotion, byLemma };
}

/** The entry's own provenance, each missing field taken from its strongest sense. */
function merge(entry: ProvenanceView | null, sense: ProvenanceView | null): ProvenanceView | null {
  if (!entry || !sense) return entry ?? sense;
  return {
    method: entry.method ?? sense.method,
    source: entry.source ?? sense.source,
    evidence: entry.evidence.length ? entry.evidence : sense.evidence,
    author: entry.author ?? sense.author,
    time: entry.time ?? sense.time,
    score: entry.score ?? sense.score,
  };
}
