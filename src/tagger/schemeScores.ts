// Scores in another scheme's labels (`scheme: 'ekman'` ...) through the snapshot's crosswalks
// (ontology/crosswalks.ttl, compiled by lexicon/crosswalks.ts). How evidence crosses over:
//
//   - Each counted match adds its weight (split over its counted emotions, as the roll-up does) to
//     the scheme labels of the NEAREST MAPPED node on its emotion's path: the emotion itself, else
//     its parent, else the primary. So evidence under disgust-secondary goes to Ekman's disgust,
//     and the rest of anger-primary's to Ekman's anger: no evidence counts twice.
//   - exactMatch, closeMatch, broadMatch (the label is broader than the node) and narrowMatch (the
//     node is broader than the label) all carry the evidence in full: the mapping names the node's
//     nearest counterpart in the scheme, and the crosswalk's "why" comments already chose the
//     most specific node a label fits. Each category reports the relations that carried its
//     evidence, so a reader can tell an exact answer from an approximate one (close, narrow).
//     skos:relatedMatch carries nothing (lexicon/crosswalks.ts).
//   - A node mapped to several labels of one scheme splits its evidence equally between them.
//   - Evidence whose path reaches no mapped node (love for Ekman, say) is not forced onto a label:
//     it is left out of `scores`, and `unmapped` says what share of the text's evidence that was.
//     A scheme label no node maps to (Plutchik's trust, GoEmotions' curiosity) never scores.
//   - Scores are each label's share of the mapped evidence (they sum to 1 before `minScore`);
//     `dominant` is the best label, ties going to the label reached first in the text, then to
//     the label in alphabetical order (the roll-up's rule).
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import type { LexiconScheme, SchemeRelation } from '../lexicon/types.js';
import type { MatchBuffer } from './matches.js';
import type { ResolvedOptions } from './options.js';
import type { SchemeCategory, SchemeScores } from './types.js';

const RELATIONS: readonly SchemeRelation[] = ['exactMatch', 'closeMatch', 'broadMatch', 'narrowMatch'];
const TIE_TOLERANCE = 1e-12;

export class SchemeScorer {
  readonly scheme: LexiconScheme;
  /** Per emotion: the concepts of its nearest mapped node (and the relation of each), empty when none. */
  readonly #targets: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly #mass: Float64Array;
  readonly #first: Int32Array;
  readonly #relations: Uint8Array;

  constructor(index: LexiconIndex, scheme: LexiconScheme) {
    this.scheme = scheme;
    const own: Array<Array<[number, number]>> = index.emotions.map(() => []);
    for (const [emotion, concept, relation] of scheme.mappings) own[emotion]!.push([concept, RELATIONS.indexOf(relation)]);
    this.#targets = index.paths.map((path) => {
      for (let p = path.length - 1; p >= 0; p--) if (own[path[p]!]!.length) return own[path[p]!]!;
      return [];
    });
    const n = scheme.concepts.length;
    this.#mass = new Float64Array(n);
    this.#first = new Int32Array(n);
    this.#relations = new Uint8Array(n);
  }

  /** Scores of matches [from, to) in this scheme. */
  run(mb: MatchBuffer, from: number, to: number, o: ResolvedOptions): SchemeScores {
    const mass = this.#mass.fill(0);
    const first = this.#first.fill(-1);
    const relations = this.#relations.fill(0);
    let mapped = 0;
    let unmapped = 0;
    for (let m = from; m < to; m++) {
      const counted = mb.counted[m]!;
      const share = counted.length > 1 ? mb.weight[m]! / counted.length : mb.weight[m]!;
      for (const c of counted) {
        const targets = this.#targets[c]!;
        if (!targets.length) {
          unmapped += share;
          continue;
        }
        mapped += share;
        for (const [concept, relation] of targets) {
          mass[concept] = mass[concept]! + share / targets.length;
          if (first[concept]! < 0) first[concept] = m;
          relations[concept] = relations[concept]! | (1 << relation);
        }
      }
    }
    const concepts = this.scheme.concepts;
    const order = [...mass.keys()]
      .filter((c) => mass[c]! > 0)
      .sort((a, b) => {
        const d = mass[b]! - mass[a]!;
        if (Math.abs(d) > TIE_TOLERANCE) return d;
        return first[a]! - first[b]! || (concepts[a]!.label < concepts[b]!.label ? -1 : 1);
      });
    const scores: Record<string, number> = {};
    const categories: SchemeCategory[] = [];
    for (const c of order) {
      const score = mass[c]! / mapped;
      if (score < o.minScore) continue;
      scores[concepts[c]!.label] = round(score);
      categories.push({
        label: concepts[c]!.label,
        iri: concepts[c]!.iri,
        score: round(score),
        relations: RELATIONS.filter((_, i) => relations[c]! & (1 << i)),
      });
    }
    const total = mapped + unmapped;
    return {
      dominant: order.length ? concepts[order[0]!]!.label : null,
      scores,
      categories,
      unmapped: total > 0 ? round(unmapped / total) : 0,
    };
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
