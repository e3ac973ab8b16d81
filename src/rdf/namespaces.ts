// The IRIs emokb reads and writes, in one place so that no module spells a namespace by hand.
import { DataFactory } from './n3.js';
import type { NamedNode } from '@rdfjs/types';

const { namedNode } = DataFactory;

function namespace<const T extends string>(base: string, names: readonly T[]): { base: string } & Record<T, NamedNode> {
  const ns = { base } as { base: string } & Record<T, NamedNode>;
  for (const name of names) (ns as Record<string, NamedNode>)[name] = namedNode(base + name);
  return ns;
}

/** Base of everything this project mints. Stable: published IRIs never change. */
export const EMOKB_BASE = 'https://w3id.org/emokb/';
export const EMOTION_BASE = `${EMOKB_BASE}emotion/`;
export const LEXICON_BASE = `${EMOKB_BASE}lexicon/`;
export const SKOLEM_BASE = `${EMOKB_BASE}.well-known/genid/`;

export const EMO = namespace(`${EMOKB_BASE}ontology#`, [
  'Emotion',
  'Parrott',
  'Tier',
  'Primary',
  'Secondary',
  'Tertiary',
  'tier',
  'depth',
  'Valence',
  'Positive',
  'Negative',
  'Ambiguous',
  'valence',
  'isOppositeOf',
  'isComposedOf',
  'leadsTo',
  'Transition',
  'from',
  'trigger',
  'to',
  'Status',
  'Candidate',
  'Accepted',
  'Rejected',
  'status',
  'method',
  'evidence',
  'score',
  'weight',
  'Names',
  'Evokes',
  'senseKind',
  'NonEmotional',
  'blocks',
  'Slot',
  'slotWord',
  'slotFiller',
] as const);

export const RDF = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#', ['type'] as const);
export const RDFS = namespace('http://www.w3.org/2000/01/rdf-schema#', ['label', 'comment', 'seeAlso'] as const);
export const SKOS = namespace('http://www.w3.org/2004/02/skos/core#', [
  'Concept',
  'ConceptScheme',
  'inScheme',
  'topConceptOf',
  'hasTopConcept',
  'prefLabel',
  'altLabel',
  'definition',
  'broader',
  'narrower',
  'notation',
  'exactMatch',
  'closeMatch',
  'broadMatch',
  'narrowMatch',
  'relatedMatch',
] as const);
export const ONTOLEX = namespace('http://www.w3.org/ns/lemon/ontolex#', [
  'LexicalEntry',
  'LexicalSense',
  'Word',
  'MultiwordExpression',
  'Form',
  'canonicalForm',
  'otherForm',
  'writtenRep',
  'sense',
  'reference',
] as const);
export const LEXINFO = namespace('http://www.lexinfo.net/ontology/3.0/lexinfo#', ['partOfSpeech'] as const);
export const PROV = namespace('http://www.w3.org/ns/prov#', [
  'wasDerivedFrom',
  'wasGeneratedBy',
  'generatedAtTime',
  'wasAttributedTo',
  'wasAssociatedWith',
  'used',
  'startedAtTime',
  'endedAtTime',
  'Activity',
  'Entity',
  'Person',
] as const);
export const XSD = namespace('http://www.w3.org/2001/XMLSchema#', [
  'string',
  'integer',
  'decimal',
  'double',
  'boolean',
  'dateTime',
] as const);

/** Prefixes used when writing Turtle and JSON-LD, in the order they are written (stable output). */
export const PREFIXES: Readonly<Record<string, string>> = {
  emo: EMO.base,
  emotion: EMOTION_BASE,
  lex: LEXICON_BASE,
  ekman: `${EMOKB_BASE}scheme/ekman/`,
  plutchik: `${EMOKB_BASE}scheme/plutchik/`,
  goemo: `${EMOKB_BASE}scheme/goemotions/`,
  emotionml: `${EMOKB_BASE}scheme/emotionml-big6/`,
  skos: SKOS.base,
  ontolex: ONTOLEX.base,
  lexinfo: LEXINFO.base,
  lime: 'http://www.w3.org/ns/lemon/lime#',
  agent: `${EMOKB_BASE}agent/`,
  wn31: 'http://wordnet-rdf.princeton.edu/id/',
  emoml: 'http://www.gsi.dit.upm.es/ontologies/onyx/vocabularies/emotionml/ns#',
  prov: PROV.base,
  dcterms: 'http://purl.org/dc/terms/',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdf: RDF.base,
  rdfs: RDFS.base,
  sh: 'http://www.w3.org/ns/shacl#',
  xsd: XSD.base,
  // The dataset's own description (/.well-known/void); no triple of the knowledge uses them.
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
};
