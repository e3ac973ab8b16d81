// Matches to scores: roll-up to every ancestor -> per-tier normalisation -> dominant path.
//
// Roll-up: a counted match adds its weight to its emotion and every ancestor; each tier's scores
// are then divided by that tier's total, so they sum to 1 (a match on a secondary node adds to the
// secondary and primary tiers only).
// Dominant: the best primary, then the best secondary under it, then the best tertiary under that.
// Ties on raw score go to the emotion matched first in the text, then to the label in
// alphabetical order.
import { TIERS } from '../kb/Emotion.js';
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import type { MatchBuffer } from './matches.js';
import type { ResolvedOptions } from './options.js';

/** Raw scores this close are a tie (sums of weights differ in the last bits: 0.5 + 0.42 vs 0.92). */
const TIE_TOLERANCE = 1e-12;

/**
 * What a roll-up settles: the dominant path's nodes (-1: none) and the score rows, reported tiers
 * only, sorted by tier, then by the dominant rule (score descending, matched first, label). Valid
 * until the next roll-up.
 */
export interface RolledUp {
  readonly primary: number;
  readonly secondary: number;
  readonly tertiary: number;
  readonly rowCount: number;
  /** Per row: tier index, emotion, its label and its normalised score. */
  readonly rowTier: Int32Array;
  readonly rowNode: Int32Array;
  readonly rowLabel: readonly string[];
  readonly rowScore: Float64Array;
}

/** The scorer of one lexicon: per-emotion scratch reused from roll-up to roll-up. */
export class RollUp implements RolledUp {
  /** Per emotion: its label. */
  readonly labels: readonly string[];
  readonly #paths: readonly (readonly number[])[];
  readonly #raw: Float64Array;
  /** Per emotion: the first match that touched it (the tie rule). */
  readonly #first: Int32Array;
  readonly #tierOf: Uint8Array;
  readonly #children: readonly (readonly number[])[];
  readonly #primaries: readonly number[];
  /** Emotions touched by this roll-up (at most all of them). */
  readonly #touched: Int32Array;

  primary = -1;
  secondary = -1;
  tertiary = -1;
  rowCount = 0;
  readonly rowTier: Int32Array;
  readonly rowNode: Int32Array;
  readonly rowLabel: string[] = [];
  readonly rowScore: Float64Array;

  constructor(index: LexiconIndex) {
    const n = index.emotions.length;
    this.labels = index.emotions.map((e) => e.label);
    this.#paths = index.paths;
    this.#raw = new Float64Array(n);
    this.#first = new Int32Array(n);
    this.#tierOf = Uint8Array.from(index.emotions, (e) => TIERS.indexOf(e.tier));
    const children: number[][] = index.emotions.map(() => []);
    const primaries: number[] = [];
    index.emotions.forEach((e, i) => (e.parent >= 0 ? children[e.parent]!.push(i) : primaries.push(i)));
    this.#children = children;
    this.#primaries = primaries;
    // At most n emotions are touched per scoring; rows are one per touched emotion.
    this.#touched = new Int32Array(n);
    this.rowTier = new Int32Array(n);
    this.rowScore = new Float64Array(n);
    this.rowNode = new Int32Array(n);
  }

  /** Rolls up matches [from, to) of `matches`; the result is this scorer, valid until the next call. */
  run(matches: MatchBuffer, from: number, to: number, o: ResolvedOptions): RolledUp {
    const raw = this.#raw;
    const first = this.#first;
    const paths = this.#paths;
    const touched = this.#touched;
    const mCounted = matches.counted;
    const mWeight = matches.weight;
    let touchedCount = 0;
    for (let m = from; m < to; m++) {
      const counted = mCounted[m]!;
      const weight = mWeight[m]!;
      const share = counted.length > 1 ? weight / counted.length : weight;
      for (let c = 0; c < counted.length; c++) {
        const path = paths[counted[c]!]!;
        for (let p = 0; p < path.length; p++) {
          const node = path[p]!;
          if (raw[node] === 0) {
            touched[touchedCount++] = node;
            first[node] = m;
          }
          raw[node] = raw[node]! + share;
        }
      }
    }
    let total0 = 0,
      total1 = 0,
      total2 = 0;
    for (let i = 0; i < touchedCount; i++) {
      const node = touched[i]!;
      const tier = this.#tierOf[node]!;
      if (tier === 0) total0 += raw[node]!;
      else if (tier === 1) total1 += raw[node]!;
      else total2 += raw[node]!;
    }
    this.primary = this.#best(this.#primaries);
    this.secondary = this.primary < 0 ? -1 : this.#best(this.#children[this.primary]!);
    this.tertiary = this.secondary < 0 ? -1 : this.#best(this.#children[this.secondary]!);
    const rowTier = this.rowTier;
    const rowScore = this.rowScore;
    const rowLabel = this.rowLabel;
    const rowNode = this.rowNode;
    const want = o.tierMask;
    let rows = 0;
    for (let i = 0; i < touchedCount; i++) {
      const node = touched[i]!;
      const tier = this.#tierOf[node]!;
      if (!(want & (1 << tier))) continue;
      const score = raw[node]! / (tier === 0 ? total0 : tier === 1 ? total1 : total2);
      if (score < o.minScore || !(score > 0)) continue;
      // Insertion into the sorted rows (few rows): tier, then the tie rule of the dominant path
      // (raw score descending with #best's tolerance, matched first, label), so each tier's first
      // key is its best emotion.
      const label = this.labels[node]!;
      let at = rows;
      while (at > 0) {
        const pt = rowTier[at - 1]!;
        const pn = rowNode[at - 1]!;
        const pl = rowLabel[at - 1]!;
        const d = raw[node]! - raw[pn]!;
        const order =
          pt - tier ||
          (d > TIE_TOLERANCE ? 1 : d < -TIE_TOLERANCE ? -1 : 0) ||
          first[pn]! - first[node]! ||
          (pl < label ? -1 : pl > label ? 1 : 0);
        if (order <= 0) break;
        rowTier[at] = pt;
        rowScore[at] = rowScore[at - 1]!;
        rowLabel[at] = pl;
        rowNode[at] = pn;
        at--;
      }
      rowTier[at] = tier;
      rowScore[at] = score;
      rowLabel[at] = label;
      rowNode[at] = node;
      rows++;
    }
    this.rowCount = rows;
    for (let i = 0; i < touchedCount; i++) raw[touched[i]!] = 0;
    return this;
  }

  #best(candidates: readonly number[]): number {
    const raw = this.#raw;
    let pick = -1;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (!(raw[c]! > 0)) continue;
      if (pick < 0 || raw[c]! > raw[pick]! + TIE_TOLERANCE || (Math.abs(raw[c]! - raw[pick]!) <= TIE_TOLERANCE && this.#before(c, pick)))
        pick = c;
    }
    return pick;
  }

  /** Tie rule: the emotion matched first wins; then the label in alphabetical order. */
  #before(a: number, b: number): boolean {
    const fa = this.#first[a]!,
      fb = this.#first[b]!;
    if (fa !== fb) return fa < fb;
    return this.labels[a]! < this.labels[b]!;
  }
}
