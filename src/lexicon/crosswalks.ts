// The crosswalks of a snapshot (ontology/crosswalks.ttl: skos:*Match from Parrott's nodes to the
// concepts of Ekman's, Plutchik's, GoEmotions' and EmotionML's label sets) compiled into the
// lexicon data, so the tagger can answer in those schemes in worker threads too (tagger/schemeScores.ts).
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { LexiconScheme, SchemeRelation } from './types.js';

/** This file, among the compiler's sources (lexicon/cache.ts: the cache is stale when it changes). */
export const CROSSWALKS_SOURCE = import.meta.url;

/** The schemes `--scheme` names: the last segment of the crosswalk scheme's IRI. */
export const SCHEME_NAMES = ['ekman', 'plutchik', 'goemotions', 'emotionml-big6'] as const;
export type SchemeName = (typeof SCHEME_NAMES)[number];

// skos:relatedMatch is associative, not a statement that one extent holds the other: it carries no
// evidence into the scheme (the shipped crosswalks have none).
const COUNTED: readonly SchemeRelation[] = ['exactMatch', 'closeMatch', 'broadMatch', 'narrowMatch'];

/** Per scheme: its concepts reached by a mapping, and the mappings as (emotion, concept, relation). */
export function compileCrosswalks(kb: KnowledgeBase, emotionIndex: ReadonlyMap<string, number>): LexiconScheme[] {
  const schemes = new Map<string, LexiconScheme>();
  const conceptIndex = new Map<string, number>();
  for (const m of kb.mappings()) {
    const relation = m.relation as SchemeRelation;
    const emotion = emotionIndex.get(m.emotion);
    if (!COUNTED.includes(relation) || emotion === undefined || !m.scheme) continue;
    let scheme = schemes.get(m.scheme);
    if (!scheme) {
      scheme = { name: m.scheme.slice(m.scheme.lastIndexOf('/') + 1), iri: m.scheme, concepts: [], mappings: [] };
      schemes.set(m.scheme, scheme);
    }
    let concept = conceptIndex.get(m.concept);
    if (concept === undefined) {
      concept = scheme.concepts.push({ label: m.notation, iri: m.concept }) - 1;
      conceptIndex.set(m.concept, concept);
    }
    scheme.mappings.push([emotion, concept, relation]);
  }
  return [...schemes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
