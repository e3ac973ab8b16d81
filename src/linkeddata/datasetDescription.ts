// The VoID and DCAT description of the dataset, served at `/.well-known/void` (VoID's well-known
// path, RFC 5785): what it is, its licences, version, triple and entity counts, where to download it
// and where to query it. The dataset and its parts are named under the project's base; the access
// URLs (downloads, SPARQL endpoint) are those of the server that answers, given as `origin`.
import { DataFactory } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { MEDIA_TYPES } from '../rdf/mediaTypes.js';
import { EMO, EMOKB_BASE, EMOTION_BASE, LEXICON_BASE, ONTOLEX, PREFIXES, RDF, XSD } from '../rdf/namespaces.js';
import type { RdfFormat } from '../rdf/turtle.js';
import { documentCount } from './documents.js';

const { namedNode, literal, quad } = DataFactory;

export const VOID_PATH = '/.well-known/void';
export const SPARQL_PATH = '/sparql';
/** The whole graph, byte for byte what `emokb export --format F` writes. */
export const DOWNLOADS: Readonly<Record<RdfFormat, string>> = {
  turtle: '/download/emokb.ttl',
  ntriples: '/download/emokb.nt',
  jsonld: '/download/emokb.jsonld',
};

const V = (name: string) => namedNode(`${PREFIXES.void}${name}`);
const DCAT = (name: string) => namedNode(`${PREFIXES.dcat}${name}`);
const DCT = (name: string) => namedNode(`${PREFIXES.dcterms}${name}`);
const OWL_VERSION = `${PREFIXES.owl}versionInfo`;
const CC_BY = namedNode('https://creativecommons.org/licenses/by/4.0/');
const WORDNET_LICENCE = namedNode('https://wordnet.princeton.edu/license-and-commercial-use');

export const DATASET_IRI = `${EMOKB_BASE}.well-known/void#emokb`;

/** The release version the ontology states (owl:versionInfo), or undefined. */
function releaseVersion(kb: KnowledgeBase): string | undefined {
  return kb.quads.find((q) => q.subject.value === `${EMOKB_BASE}ontology` && q.predicate.value === OWL_VERSION)?.object.value;
}

function count(kb: KnowledgeBase, type: string): number {
  let n = 0;
  for (const q of kb.quads) if (q.predicate.value === RDF.type.value && q.object.value === type) n++;
  return n;
}

export function datasetDescription(kb: KnowledgeBase, origin: string): Quad[] {
  const dataset = namedNode(DATASET_IRI);
  const lexicon = namedNode(`${EMOKB_BASE}.well-known/void#lexicon`);
  const hierarchy = namedNode(`${EMOKB_BASE}.well-known/void#hierarchy`);
  const endpoint = namedNode(`${origin}${SPARQL_PATH}`);
  const service = namedNode(`${EMOKB_BASE}.well-known/void#sparql`);
  const int = (n: number) => literal(String(n), XSD.integer);
  const out: Quad[] = [];
  const add = (s: Quad['subject'], p: Quad['predicate'], o: Quad['object']) => out.push(quad(s, p, o));
  add(dataset, RDF.type, V('Dataset'));
  add(dataset, RDF.type, DCAT('Dataset'));
  add(dataset, DCT('title'), literal('emokb: an emotion knowledge base', 'en'));
  add(
    dataset,
    DCT('description'),
    literal(
      "Parrott's three-tier emotion hierarchy as SKOS concepts with typed relations and crosswalks, and an English OntoLex-lemon lexicon of the terms that name or evoke each emotion.",
      'en',
    ),
  );
  add(dataset, DCT('license'), CC_BY);
  add(
    dataset,
    DCT('rights'),
    literal(
      'Ontology, definitions, crosswalks and the curated lexicon: CC BY 4.0. Lexicon entries and senses derived from WordNet 3.1 are also under the WordNet licence (Princeton University). See DATA-LICENSE.md in the package.',
      'en',
    ),
  );
  const version = releaseVersion(kb);
  if (version) {
    add(dataset, namedNode(OWL_VERSION), literal(version));
    add(dataset, DCAT('version'), literal(version));
  }
  // The snapshot: the change-log id and a hash of the content, so a client can tell two states apart.
  add(dataset, DCT('identifier'), literal(`${version ?? 'unreleased'}+change.${kb.version}.sha256.${kb.contentHash}`));
  add(dataset, V('triples'), int(kb.counts.triples));
  add(dataset, V('entities'), int(documentCount(kb)));
  add(dataset, V('uriSpace'), literal(EMOKB_BASE));
  add(dataset, V('exampleResource'), namedNode(`${EMOTION_BASE}anger-primary`));
  add(dataset, V('rootResource'), namedNode(`${EMOKB_BASE}ontology#Parrott`));
  for (const vocabulary of [PREFIXES.skos, PREFIXES.ontolex, PREFIXES.lexinfo, PREFIXES.prov, PREFIXES.emo])
    add(dataset, V('vocabulary'), namedNode(vocabulary!));
  add(dataset, V('sparqlEndpoint'), endpoint);
  add(dataset, DCAT('accessService'), service);
  add(service, RDF.type, DCAT('DataService'));
  add(service, DCAT('endpointURL'), endpoint);
  add(service, DCT('conformsTo'), namedNode('https://www.w3.org/TR/sparql11-protocol/'));
  add(service, DCAT('servesDataset'), dataset);
  for (const [format, path] of Object.entries(DOWNLOADS) as Array<[RdfFormat, string]>) {
    const url = namedNode(`${origin}${path}`);
    const distribution = namedNode(`${EMOKB_BASE}.well-known/void#dump-${format}`);
    add(dataset, V('dataDump'), url);
    add(dataset, DCAT('distribution'), distribution);
    add(distribution, RDF.type, DCAT('Distribution'));
    add(distribution, DCAT('downloadURL'), url);
    add(distribution, DCAT('mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${MEDIA_TYPES[format]}`));
    add(distribution, DCT('license'), CC_BY);
  }
  // Class partitions: how many emotions, lexical entries and senses.
  for (const [name, type] of [
    ['emotions', EMO.Emotion.value],
    ['entries', ONTOLEX.LexicalEntry.value],
    ['senses', ONTOLEX.LexicalSense.value],
  ] as const) {
    const partition = namedNode(`${EMOKB_BASE}.well-known/void#${name}`);
    add(dataset, V('classPartition'), partition);
    add(partition, V('class'), namedNode(type));
    add(partition, V('entities'), int(count(kb, type)));
  }
  // The two parts by IRI space, each with its licence.
  add(dataset, V('subset'), hierarchy);
  add(hierarchy, RDF.type, V('Dataset'));
  add(hierarchy, V('uriSpace'), literal(EMOTION_BASE));
  add(hierarchy, DCT('license'), CC_BY);
  add(dataset, V('subset'), lexicon);
  add(lexicon, RDF.type, V('Dataset'));
  add(lexicon, V('uriSpace'), literal(LEXICON_BASE));
  add(lexicon, DCT('license'), CC_BY);
  add(lexicon, DCT('license'), WORDNET_LICENCE);
  return out;
}
