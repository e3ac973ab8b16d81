// Onyx JSON-LD (the emotion vocabulary Senpy speaks): one JSON-LD document per text, a line each,
// so the output streams like JSON Lines and each line expands on its own. A text is a nif:Context
// (nif:isString) with one onyx:EmotionSet whose onyx:Emotion members point at emokb's emotion IRIs
// (or, with a scheme, at the scheme concept's IRI) through onyx:hasEmotionCategory, with the score
// as onyx:hasEmotionIntensity; the set was prov:wasGeneratedBy an onyx:EmotionAnalysis that
// onyx:usesEmotionModel the ontology (or the scheme) and prov:used the emokb dataset. Parrott's
// scores are per tier: an emotion's intensity is its share of its own tier, and every reported
// tier's emotions are in the one set (the same node never appears twice: IRIs are per tier).
import { EMOKB_BASE } from '../rdf/namespaces.js';
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { TIERS } from '../kb/Emotion.js';
import type { SchemeTagResult, TagResult } from './types.js';

export const ONYX = 'http://www.gsi.dit.upm.es/ontologies/onyx/ns#';
export const NIF = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#';

const CONTEXT = JSON.stringify({
  onyx: ONYX,
  nif: NIF,
  prov: 'http://www.w3.org/ns/prov#',
  dcterms: 'http://purl.org/dc/terms/',
  'onyx:hasEmotionCategory': { '@type': '@id' },
  'onyx:usesEmotionModel': { '@type': '@id' },
  'prov:used': { '@type': '@id' },
});
const DATASET = `${EMOKB_BASE}.well-known/void#emokb`;
const ONTOLOGY = `${EMOKB_BASE}ontology`;

export class OnyxWriter {
  /** Per tier: label to emotion IRI. */
  readonly #iris: ReadonlyArray<ReadonlyMap<string, string>>;
  readonly #activity = new Map<string, string>();

  constructor(index: LexiconIndex) {
    this.#iris = TIERS.map((tier) => new Map(index.emotions.filter((e) => e.tier === tier).map((e) => [e.label, e.iri])));
  }

  /** The JSON-LD document of one text (one line, no newline). */
  record(result: TagResult | SchemeTagResult, text: string): string {
    const emotions: Array<{ category: string; intensity: number }> = [];
    let model = ONTOLOGY;
    if ('scheme' in result) {
      for (const c of result.categories) emotions.push({ category: c.iri, intensity: c.score });
      model = `${EMOKB_BASE}scheme/${result.scheme}`;
    } else {
      TIERS.forEach((tier, t) => {
        for (const [label, score] of Object.entries(result.scores[tier] ?? {}))
          emotions.push({ category: this.#iris[t]!.get(label)!, intensity: score });
      });
    }
    const activity = (this.#activity.get(model) ??
      this.#activity
        .set(
          model,
          JSON.stringify({ '@type': ['prov:Activity', 'onyx:EmotionAnalysis'], 'onyx:usesEmotionModel': model, 'prov:used': DATASET }),
        )
        .get(model))!;
    const members = emotions
      .map(
        (e) => `{"@type":"onyx:Emotion","onyx:hasEmotionCategory":${JSON.stringify(e.category)},"onyx:hasEmotionIntensity":${e.intensity}}`,
      )
      .join(',');
    const id = result.id === null ? '' : `"dcterms:identifier":${JSON.stringify(String(result.id))},`;
    return `{"@context":${CONTEXT},"@type":"nif:Context",${id}"nif:isString":${JSON.stringify(text)},"onyx:hasEmotionSet":{"@type":"onyx:EmotionSet","prov:wasGeneratedBy":${activity},"onyx:hasEmotion":[${members}]}}`;
  }
}
