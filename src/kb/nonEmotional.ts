// Non-emotional expressions in the store: a written form that contains or reaches an emotion word
// but expresses no emotion in ordinary text ("my best friend", "make sure", "pass the exam"; "close"
// reaching "closeness" by derivation). Stored as an OntoLex entry of its own kind, with no sense:
//
//   lex:en/best_friend-nonemotional  a ontolex:LexicalEntry, emo:NonEmotional ;
//       ontolex:canonicalForm lex:en/best_friend-nonemotional#form ;   # writtenRep "best friend"@en
//       emo:status emo:Accepted ;
//       emo:blocks lex:en/best-adjective ;                             # the entry it was written to stop
//       emo:evidence "a close friend: a relation, not joy" ;           # the reason
//       emo:method "manual" ; prov:wasAttributedTo "..." ; prov:generatedAtTime "..."^^xsd:dateTime .
//
// The lexicon compiler puts its form into the tagger's term index like any other form, so the
// longest-match rule makes it win over the emotion word inside it, and it emits nothing (see
// src/lexicon/compile.ts). One module, shared by the editing CLI (`term block`) and the review
// decisions (`block` lines), so both write the same shape (NonEmotionalShape in ontology/shapes.ttl).
import { DataFactory } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import { entryIri, formIri, normaliseLemma, type Provenance } from './termQuads.js';
import { EMO, ONTOLEX, PROV, RDF, XSD } from '../rdf/namespaces.js';
import { attributionQuad } from './agents.js';
import { entryClassQuads } from './entryClass.js';

const { namedNode, literal, quad } = DataFactory;

/** `https://w3id.org/emokb/lexicon/en/<slug>-nonemotional`: apart from the term IRIs (which end in a part of speech or nothing). */
export function nonEmotionalIri(lemma: string, language = 'en'): string {
  return `${entryIri(lemma, undefined, language)}-nonemotional`;
}

export interface NonEmotionalInput {
  lemma: string;
  /** IRIs of the entries it blocks. */
  blocks: readonly string[];
  /** Why the expression is not emotional (emo:evidence). */
  reason: string;
  provenance: Provenance;
  language?: string;
}

/** Every quad of a non-emotional expression. */
export function nonEmotionalQuads(input: NonEmotionalInput): Quad[] {
  const lemma = normaliseLemma(input.lemma);
  const language = input.language ?? 'en';
  const entry = namedNode(nonEmotionalIri(lemma, language));
  const form = namedNode(formIri(entry.value));
  const p = input.provenance;
  const quads = [
    quad(entry, RDF.type, ONTOLEX.LexicalEntry),
    quad(entry, RDF.type, EMO.NonEmotional),
    quad(entry, ONTOLEX.canonicalForm, form),
    quad(form, RDF.type, ONTOLEX.Form),
    quad(form, ONTOLEX.writtenRep, literal(lemma, language)),
    quad(entry, EMO.status, EMO.Accepted),
    ...entryClassQuads(entry.value, lemma, undefined),
    quad(entry, EMO.evidence, literal(normaliseLemma(input.reason))),
    quad(entry, EMO.method, literal(p.method)),
    quad(entry, PROV.generatedAtTime, literal(p.time, XSD.dateTime)),
  ];
  if (p.author) quads.push(attributionQuad(entry, p.author));
  if (p.activity) quads.push(quad(entry, PROV.wasGeneratedBy, namedNode(p.activity)));
  for (const blocked of [...new Set(input.blocks)].sort()) quads.push(quad(entry, EMO.blocks, namedNode(blocked)));
  return quads;
}
