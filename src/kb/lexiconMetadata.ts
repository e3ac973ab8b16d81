// Standard metadata of the exported lexicon (`emokb lexicon export`, hence lexicons/en.ttl), made
// from its entries so that it cannot disagree with them:
//
//   lex:en a lime:Lexicon ; lime:language "en" ; dct:language <http://lexvo.org/id/iso639-1/en> ;
//       lime:entry <entry> ... ; lime:lexicalEntries 4708 .
//   lex:en-emotions a lime:Lexicalization ; lime:lexicon lex:en ; lime:referenceDataset <.../emotion/> ;
//       lime:lexicalizationModel ontolex: ; lime:lexicalEntries, lime:references, lime:lexicalizations,
//       lime:percentage, lime:avgNumOfLexicalizations (over the emotions of the hierarchy).
//   emotion:anger-tertiary skos:altLabel "furious"@en .      # each accepted naming term, for SKOS-only tools
//   agent:emokb_curator a prov:Agent, prov:Person ; rdfs:label "emokb curator" .   # every agent named
//   <sense> prov:wasDerivedFrom <WordNet 3.1 synset> .         # senses the WordNet pipeline proposed
//
// The counts describe the exported lexicon. A store seeded from it keeps them as they were released;
// edits in that store (term add ...) write entries of the same shape, and the next export counts anew.
import { DataFactory } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from './KnowledgeBase.js';
import { lexicalEntries } from './lexicalEntries.js';
import { agentName, agentQuads } from './agents.js';
import { EMO, EMOTION_BASE, LEXICON_BASE, ONTOLEX, PROV, RDF, RDFS, SKOS, XSD } from '../rdf/namespaces.js';

const { namedNode, literal, quad } = DataFactory;

export const LIME = 'http://www.w3.org/ns/lemon/lime#';
const DCT_LANGUAGE = namedNode('http://purl.org/dc/terms/language');
/** Lexvo's IRI of an ISO 639-1 language, the one the lime specification's examples use. */
const lexvo = (language: string) => namedNode(`http://lexvo.org/id/iso639-1/${language}`);
const lime = (local: string) => namedNode(`${LIME}${local}`);
const integer = (n: number) => literal(String(n), XSD.integer);
const decimal = (n: number) => literal(n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '.0'), XSD.decimal);

/** The WordNet synset a pipeline evidence path ends in (`wordnet:synonym:chagrin.n.01>derivation:humiliate.v.01`), by name. */
export function evidenceSynset(evidence: string): string | undefined {
  if (!evidence.startsWith('wordnet:')) return undefined;
  const last = evidence.slice(evidence.lastIndexOf('>') + 1);
  const name = last.slice(last.lastIndexOf(':') + 1);
  return /^.+\.[nvasr]\.\d+$/.test(name) ? name : undefined;
}

export interface MetadataOptions {
  language?: string;
  /** The IRI of a WordNet synset by its name (`humiliation.n.04`), when WordNet is at hand. */
  synsetIri?: (name: string) => string | undefined;
}

/** The metadata quads for the lexicon made of `accepted` (the quads `lexicon export` writes). */
export function lexiconMetadata(kb: KnowledgeBase, accepted: readonly Quad[], options: MetadataOptions = {}): Quad[] {
  const language = options.language ?? 'en';
  const lexicon = namedNode(`${LEXICON_BASE}${language}`);
  const out: Quad[] = [];
  const exported = new Set(accepted.map((q) => q.subject.value));
  const entries = [...lexicalEntries(kb).values()].filter((e) => e.status === 'accepted' && exported.has(e.iri));
  const emotions = new Set(kb.emotions().map((e) => e.iri));
  const prefLabels = new Map(kb.emotions().map((e) => [e.iri, e.label.toLowerCase()]));

  const agents = new Set<string>();
  for (const q of accepted) if (q.predicate.equals(PROV.wasAttributedTo)) agents.add(agentName(q.object));

  const referenced = new Set<string>();
  const altLabels = new Map<string, Set<string>>();
  let lexicalizations = 0;
  let lexicalizing = 0;
  for (const e of entries) {
    out.push(quad(lexicon, lime('entry'), namedNode(e.iri)));
    const rejected = new Set(
      e.quads.filter((q) => q.predicate.equals(EMO.status) && !q.object.equals(EMO.Accepted)).map((q) => q.subject.value),
    );
    let any = false;
    for (const s of e.senses) {
      if (rejected.has(s.iri) || !emotions.has(s.emotion)) continue;
      any = true;
      lexicalizations++;
      referenced.add(s.emotion);
      if (s.kind === 'names' && e.lemma.toLowerCase() !== prefLabels.get(s.emotion)) {
        (altLabels.get(s.emotion) ?? altLabels.set(s.emotion, new Set()).get(s.emotion)!).add(e.lemma);
      }
      const synset = options.synsetIri && s.method.startsWith('wordnet:') ? wordnetSource(s.evidence, options.synsetIri) : undefined;
      if (synset) out.push(quad(namedNode(s.iri), PROV.wasDerivedFrom, namedNode(synset)));
    }
    if (any) lexicalizing++;
  }

  out.push(
    quad(lexicon, RDF.type, lime('Lexicon')),
    quad(lexicon, RDFS.label, literal('emokb English emotion lexicon', 'en')),
    quad(lexicon, lime('language'), literal(language)),
    quad(lexicon, DCT_LANGUAGE, lexvo(language)),
    quad(lexicon, lime('linguisticCatalog'), namedNode('http://www.lexinfo.net/ontology/3.0/lexinfo')),
    quad(lexicon, lime('lexicalEntries'), integer(entries.length)),
  );
  const lexicalization = namedNode(`${LEXICON_BASE}${language}-emotions`);
  out.push(
    quad(lexicalization, RDF.type, lime('Lexicalization')),
    quad(lexicalization, lime('lexicon'), lexicon),
    quad(lexicalization, lime('referenceDataset'), namedNode(EMOTION_BASE)),
    quad(lexicalization, lime('lexicalizationModel'), namedNode(ONTOLEX.base)),
    quad(lexicalization, lime('lexicalEntries'), integer(lexicalizing)),
    quad(lexicalization, lime('references'), integer(referenced.size)),
    quad(lexicalization, lime('lexicalizations'), integer(lexicalizations)),
    quad(lexicalization, lime('percentage'), decimal(emotions.size ? referenced.size / emotions.size : 0)),
    quad(lexicalization, lime('avgNumOfLexicalizations'), decimal(emotions.size ? lexicalizations / emotions.size : 0)),
  );
  for (const [emotion, labels] of altLabels) {
    for (const label of labels) out.push(quad(namedNode(emotion), SKOS.altLabel, literal(label, language)));
  }
  for (const name of [...agents].sort()) out.push(...agentQuads(name));
  return out;
}

/** The synset the sense came from: the one its WordNet evidence path ends in. */
function wordnetSource(evidence: readonly string[], synsetIri: (name: string) => string | undefined): string | undefined {
  for (const e of evidence) {
    const name = evidenceSynset(e);
    const iri = name ? synsetIri(name) : undefined;
    if (iri) return iri;
  }
  return undefined;
}
