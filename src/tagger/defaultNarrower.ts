// Default narrower readings (rule `default-narrower`): a match on a primary or secondary emotion is
// read down to the tertiary tier, so that whenever a text has a primary it also has a secondary and
// a tertiary ("I'm so sad": sadness > sadness > sadness, not sadness > null > null).
//
// Which node: the namesake down the tree. Parrott repeats a broad emotion's name below it, and the
// word that names the broad emotion is, in ordinary use, that narrower namesake: "sad" is the
// tertiary sadness (with sorrow, unhappiness), not also grief or loneliness; "angry" is the anger
// among rage's words, not annoyance or envy (Parrott, Emotions in Social Psychology, 2001; the
// crosswalks make the same call for the GoEmotions labels, ontology/crosswalks.ttl). Every primary
// and secondary of the shipped hierarchy has one. Where an edited hierarchy has none, the child the
// rest of the text supports (the most weight of the text's counted matches under it; equal
// weight: the one with more lexicon senses), else the child with the most lexicon senses under it (the hierarchy's
// most prototypical child as the lexicon attests it), never the alphabet.
//
// Only a match counted for its own emotion is read so (a negated match adds nothing, or adds to its
// opposites under `negation: 'opposite'`, and keeps that reading). The match keeps its `emotion`
// and `path` (the sense's, as the lexicon says), and reports the node it was read as: `readAs`
// (labels, primary first) and `readAsId`. Its weight adds to the reading's path: the primary tier
// is unchanged, the finer tiers gain it.
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import type { MatchBuffer } from './matches.js';
import { ruleBit } from './rules.js';

export const DEFAULT_NARROWER = ruleBit('default-narrower');

/** An emotion with no narrower node (a tertiary, or a leaf of an edited hierarchy). */
const LEAF = -1;
/** A broad emotion whose chain of namesakes breaks: its reading depends on the text. */
const BY_TEXT = -2;

export class DefaultNarrower {
  /** Per emotion: its namesake reading down to a leaf, LEAF, or BY_TEXT. */
  readonly #reading: Int32Array;
  readonly #children: readonly (readonly number[])[];
  /** Per emotion: the child with the most lexicon senses under it (-1: no child). */
  readonly #prototypical: Int32Array;
  /** Per emotion: lexicon senses at or under it. */
  readonly #senses: Float64Array;
  readonly #labels: readonly string[];
  readonly #paths: readonly (readonly number[])[];
  readonly #self: readonly (readonly number[])[];
  /** Scratch: per emotion, the text's support (weight of other counted matches at or under it). */
  readonly #support: Float64Array;

  constructor(index: LexiconIndex, self: readonly (readonly number[])[]) {
    const emotions = index.emotions;
    const n = emotions.length;
    const children: number[][] = emotions.map(() => []);
    emotions.forEach((e, i) => e.parent >= 0 && children[e.parent]!.push(i));
    this.#children = children;
    this.#paths = index.paths;
    this.#self = self;
    this.#support = new Float64Array(n);
    this.#labels = emotions.map((e) => e.label);
    // Lexicon senses at or under each emotion.
    const senses = new Float64Array(n);
    for (const entry of index.entries) for (const s of entry.senses) for (const node of index.paths[s.emotion]!) senses[node]!++;
    this.#prototypical = Int32Array.from(children, (kids) => {
      let best = -1;
      for (const c of kids) if (best < 0 || senses[c]! > senses[best]!) best = c;
      return best;
    });
    this.#senses = senses;
    this.#reading = Int32Array.from(emotions, (_, i) => {
      if (children[i]!.length === 0) return LEAF;
      let node = i;
      while (children[node]!.length > 0) {
        // The namesake among the descendants, the nearest first (anger > rage > anger: Parrott
        // names no secondary "anger", the tertiary under rage carries the name).
        const next = namesakeBelow(node, emotions[i]!.label, children, (k) => emotions[k]!.label);
        if (next < 0) return BY_TEXT;
        node = next;
      }
      return node;
    });
  }

  /**
   * Gives every counted, non-negated match on a broad emotion in [from, to) its narrower reading:
   * `counted` becomes the reading (the roll-up adds the weight along its path) and the rule bit is
   * set. The reading is `counted[m][0]`.
   */
  apply(mb: MatchBuffer, from: number, to: number): void {
    let supportDone = false;
    for (let m = from; m < to; m++) {
      const e = mb.emotion[m]!;
      const reading = this.#reading[e]!;
      if (reading === LEAF || mb.negated[m] !== 0 || mb.counted[m] !== this.#self[e]) continue;
      let node = reading;
      if (reading === BY_TEXT) {
        if (!supportDone) this.#gatherSupport(mb, from, to);
        supportDone = true;
        node = this.#byText(e);
      }
      mb.counted[m] = this.#self[node]!;
      mb.rules[m]! |= DEFAULT_NARROWER;
    }
    if (supportDone) this.#support.fill(0);
  }

  /** The support of each emotion: the weight of the counted matches whose path passes through it. */
  #gatherSupport(mb: MatchBuffer, from: number, to: number): void {
    const support = this.#support;
    for (let m = from; m < to; m++) {
      if (mb.negated[m] !== 0) continue;
      for (const c of mb.counted[m]!) for (const node of this.#paths[c]!) support[node] = support[node]! + mb.weight[m]!;
    }
  }

  /** Down from e: at each step the namesake, else the child with the most support, else the prototypical one. */
  #byText(e: number): number {
    const label = (k: number): string => this.#labels[k]!;
    let node = e;
    while (this.#children[node]!.length > 0) {
      let next = namesakeBelow(node, label(e), this.#children, label);
      if (next < 0) {
        // (support counts the match being read too, evenly on its own path: it decides nothing
        // below its emotion)
        // (equal support: the one with more lexicon senses)
        for (const c of this.#children[node]!) {
          const d = next < 0 ? 1 : this.#support[c]! - this.#support[next]!;
          if (this.#support[c]! > 0 && (d > 0 || (d === 0 && this.#senses[c]! > this.#senses[next]!))) next = c;
        }
        if (next < 0) next = this.#prototypical[node]!;
      }
      node = next;
    }
    return node;
  }
}

/** The nearest descendant of `node` labelled `label` (breadth first), or -1. */
function namesakeBelow(node: number, label: string, children: readonly (readonly number[])[], labelOf: (k: number) => string): number {
  let level: readonly number[] = children[node]!;
  while (level.length > 0) {
    for (const c of level) if (labelOf(c) === label) return c;
    level = level.flatMap((c) => children[c]!);
  }
  return -1;
}
