// The shape of a term in the store: IRI minting and quad building for OntoLex-lemon lexical
// entries, forms and senses. One module, shared by the editing CLI and the vocabulary pipeline, so
// that a term written by hand and a term proposed by the pipeline look the same and both pass
// LexicalEntryShape and SenseShape (ontology/shapes.ttl).
//
//   lex:en/fed_up-adjective  a ontolex:LexicalEntry ;
//       ontolex:canonicalForm lex:en/fed_up-adjective#form ;     # a ontolex:Form ; writtenRep "fed up"@en
//       a ontolex:MultiwordExpression ;                          # or ontolex:Word (kb/entryClass.ts)
//       lexinfo:partOfSpeech lexinfo:adjective ;                 # reviewed, or kb/entryClass.ts's default
//       emo:status emo:Accepted ;
//       ontolex:sense lex:en/fed_up-adjective#sense-exasperation-secondary .
//   <...#sense-exasperation-secondary> a ontolex:LexicalSense ;
//       ontolex:reference emotion:exasperation-secondary ; emo:weight "0.8"^^xsd:decimal ;
//       emo:senseKind emo:Names ; emo:method "manual" ; prov:wasAttributedTo agent:... (kb/agents.ts) ; prov:generatedAtTime "..."^^xsd:dateTime .
import { STATUS_NODE, type ReviewStatus } from './reviewStatus.js';
import { DataFactory } from '../rdf/n3.js';
import type { NamedNode, Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { attributionQuad } from './agents.js';
import { entryClassQuads } from './entryClass.js';
import { EMO, LEXICON_BASE, ONTOLEX, PROV, RDF, XSD } from '../rdf/namespaces.js';

const { namedNode, literal, quad } = DataFactory;

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adjective', 'adverb'];

/** Names: the word names the emotion (strong evidence). Evokes: it tends to call it up (weak). */
export type SenseKind = 'names' | 'evokes';
export type TermStatus = ReviewStatus;

const KIND: Record<SenseKind, NamedNode> = { names: EMO.Names, evokes: EMO.Evokes };

/** How a lemma is stored: Unicode-normalised, trimmed, inner whitespace collapsed; case kept. */
export function normaliseLemma(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * A lowercase, IRI-safe local name: `separator` for spaces, percent-encoding for everything
 * outside letters, digits and `-_.~` (so `can't stand` becomes `can%27t_stand`).
 */
export function slugify(text: string, separator: '_' | '-'): string {
  return encodeURIComponent(normaliseLemma(text).toLowerCase().replace(/ /g, separator)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `https://w3id.org/emokb/lexicon/en/<slug>[-<pos>]`; the same lemma and part of speech always give the same IRI. */
export function entryIri(lemma: string, pos?: PartOfSpeech, language = 'en'): string {
  const slug = slugify(lemma, '_');
  if (!slug) throw new EmokbError('BAD_INPUT', 'a term needs some text');
  return `${LEXICON_BASE}${language}/${slug}${pos ? `-${pos}` : ''}`;
}

export function formIri(entry: string): string {
  return `${entry}#form`;
}

/** One sense per entry and emotion: `<entry>#sense-<emotion local name>`. */
export function senseIri(entry: string, emotion: string): string {
  const local = emotion.slice(Math.max(emotion.lastIndexOf('/'), emotion.lastIndexOf('#')) + 1);
  return `${entry}#sense-${local}`;
}

export function parsePartOfSpeech(value: string, field = 'pos'): PartOfSpeech {
  const pos = value.trim().toLowerCase() as PartOfSpeech;
  if (!PARTS_OF_SPEECH.includes(pos)) {
    throw new EmokbError('BAD_INPUT', `${field}: "${value}" is not a part of speech; use one of ${PARTS_OF_SPEECH.join(', ')}`, { field });
  }
  return pos;
}

/**
 * A weight as an xsd:decimal literal. Weights are in [0, 1] with at most 6 decimals, written with
 * at least one decimal (`1.0`, `0.8`) and never in exponent form, which xsd:decimal does not allow.
 */
export function weightLiteral(weight: number, field = 'weight') {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 1) {
    throw new EmokbError('BAD_INPUT', `${field}: ${String(weight)} is not a weight; give a number from 0 to 1 (e.g. 0.8)`, { field });
  }
  const fixed = weight.toFixed(6).replace(/0+$/, '');
  return literal(fixed.endsWith('.') ? `${fixed}0` : fixed, XSD.decimal);
}

export interface EntryInput {
  lemma: string;
  pos?: PartOfSpeech;
  status?: TermStatus;
  language?: string;
}

/** The entry, its canonical form, part of speech and status; senses come from `senseQuads`. */
export function entryQuads(input: EntryInput): Quad[] {
  const lemma = normaliseLemma(input.lemma);
  const language = input.language ?? 'en';
  const entry = namedNode(entryIri(lemma, input.pos, language));
  const form = namedNode(formIri(entry.value));
  const quads = [
    quad(entry, RDF.type, ONTOLEX.LexicalEntry),
    quad(entry, ONTOLEX.canonicalForm, form),
    quad(form, RDF.type, ONTOLEX.Form),
    quad(form, ONTOLEX.writtenRep, literal(lemma, language)),
    quad(entry, EMO.status, STATUS_NODE[input.status ?? 'accepted']),
  ];
  quads.push(...entryClassQuads(entry.value, lemma, input.pos));
  return quads;
}

export interface Provenance {
  /** The method or pipeline step: `manual` for a curator's edit, e.g. `wordnet:similar-to` for the pipeline. */
  method: string;
  /** Who made or accepted it (a person's name), if anyone. */
  author?: string;
  /** ISO 8601 time. */
  time: string;
  /** Human-readable evidence (a WordNet path, a gloss). */
  evidence?: string;
  /** IRI of the source it was derived from. */
  derivedFrom?: string;
  /** IRI of the prov:Activity (the review run, the edit) that generated it (kb/activities.ts). */
  activity?: string;
}

export interface SenseInput {
  entry: string;
  emotion: string;
  weight: number;
  kind?: SenseKind;
  provenance: Provenance;
}

/** The sense, the entry's link to it, and its provenance. */
export function senseQuads(input: SenseInput): Quad[] {
  const entry = namedNode(input.entry);
  const sense = namedNode(senseIri(input.entry, input.emotion));
  const p = input.provenance;
  const quads = [
    quad(entry, ONTOLEX.sense, sense),
    quad(sense, RDF.type, ONTOLEX.LexicalSense),
    quad(sense, ONTOLEX.reference, namedNode(input.emotion)),
    quad(sense, EMO.weight, weightLiteral(input.weight)),
    quad(sense, EMO.senseKind, KIND[input.kind ?? 'names']),
    quad(sense, EMO.method, literal(p.method)),
    quad(sense, PROV.generatedAtTime, literal(p.time, XSD.dateTime)),
  ];
  if (p.author) quads.push(attributionQuad(sense, p.author));
  if (p.evidence) quads.push(quad(sense, EMO.evidence, literal(p.evidence)));
  if (p.derivedFrom) quads.push(quad(sense, PROV.wasDerivedFrom, namedNode(p.derivedFrom)));
  if (p.activity) quads.push(quad(sense, PROV.wasGeneratedBy, namedNode(p.activity)));
  return quads;
}

// --- Additions for the vocabulary pipeline (src/expansion/): inflected forms and candidate scores.

/** `<entry>#form-<slug>`: one IRI per inflected form, e.g. `.../angry-adjective#form-angrier`. */
export function otherFormIri(entry: string, writtenRep: string): string {
  return `${entry}#form-${slugify(writtenRep, '-')}`;
}

/** An inflected form of an entry (`ontolex:otherForm`), matched by the tagger like the canonical form. */
export function otherFormQuads(entry: string, writtenRep: string, language = 'en'): Quad[] {
  const form = namedNode(otherFormIri(entry, writtenRep));
  return [
    quad(namedNode(entry), ONTOLEX.otherForm, form),
    quad(form, RDF.type, ONTOLEX.Form),
    quad(form, ONTOLEX.writtenRep, literal(normaliseLemma(writtenRep), language)),
  ];
}

export interface CandidateEvidence {
  /** The sense (from `senseIri`). */
  sense: string;
  /** The pipeline's confidence in [0, 1] (before review), `emo:score`. */
  score: number;
  /** Further evidence strings beyond `Provenance.evidence` (other paths, competing emotions). */
  evidence?: readonly string[];
}

/** The pipeline's score and any further evidence on a candidate sense. */
export function candidateQuads(input: CandidateEvidence): Quad[] {
  const sense = namedNode(input.sense);
  const quads = [quad(sense, EMO.score, weightLiteral(input.score, 'score'))];
  for (const e of input.evidence ?? []) quads.push(quad(sense, EMO.evidence, literal(e)));
  return quads;
}
