// Text in, emotions out at every tier: tokens -> lexicon matches (longest multiword first) ->
// negation and intensity -> roll-up to every ancestor -> per-tier normalisation -> dominant path.
//
// Negation scope: a negator reaches the next NEGATION_WINDOW (4) words after itself and stops
// earlier at a clause boundary (, ; : . ! ? brackets, quotes, dashes, a line break, or "but",
// "however", "although", "though", "yet" ...). Both limits apply: whichever comes first.
// Intensity: up to two modifiers directly before a match multiply its weight ("really very
// happy"); a negated match keeps no intensifier. Emphasis: x1.25 in a sentence ending in "!",
// x1.25 for a match written in capitals.
// Negation policy `opposite`: a negated match counts toward the opposites (emo:isOppositeOf) of its
// emotion or, when it has none, of its nearest ancestor that has some ("not happy": happiness has
// no opposite, joy has sadness), split evenly among several; with none anywhere up the path, it
// counts for nothing.
// Roll-up: a counted match adds its weight to its emotion and every ancestor; each tier's scores
// are then divided by that tier's total, so they sum to 1 (a match on a secondary node adds to the
// secondary and primary tiers only).
// Dominant: the best primary, then the best secondary under it, then the best tertiary under that.
// Ties on raw score go to the emotion matched first in the text, then to the label in
// alphabetical order.
import { EmokbError } from '../errors.js';
import { TIERS, type Tier } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { LexiconIndex, NOTHING, type LexiconData } from '../lexicon/LexiconIndex.js';
import {
  CAPITALS_FACTOR, CLAUSE_WORDS, EXCLAMATION_FACTOR, INTENSITY_MAX, INTENSITY_MIN, MODIFIERS, MODIFIER_PAIRS, NEGATION_WINDOW, isNegator,
} from './cues.js';
import { ALL_CAPS, TokenBuffer, WORD, assignSentences, tokenizeInto } from './tokenize.js';
import type { DominantPath, NegationPolicy, SentenceResult, TagMatch, TagOptions, TagResult, TierScores } from './types.js';

/** Options with every default filled in. */
export interface ResolvedOptions {
  id: string | number | null;
  tiers: readonly Tier[];
  minScore: number;
  perSentence: boolean;
  negation: NegationPolicy;
  intensity: boolean;
  emphasis: boolean;
  matches: boolean;
  evokesFactor: number;
}

const NEGATION_POLICIES: readonly NegationPolicy[] = ['exclude', 'opposite', 'off'];
const VIAS = ['form', 'lemma', 'derivation'] as const;

/** Validates options (each error names the option) and fills in the defaults. */
export function resolveOptions(options: TagOptions = {}): ResolvedOptions {
  const tiers = options.tiers ?? TIERS;
  if (!Array.isArray(tiers) || tiers.some((t) => !TIERS.includes(t))) {
    throw new EmokbError('BAD_INPUT', `tiers: give some of ${TIERS.join(', ')}`, { field: 'tiers' });
  }
  const minScore = options.minScore ?? 0;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    throw new EmokbError('BAD_INPUT', `minScore: ${String(minScore)} is not a number from 0 to 1`, { field: 'minScore' });
  }
  const negation = options.negation ?? 'exclude';
  if (!NEGATION_POLICIES.includes(negation)) {
    throw new EmokbError('BAD_INPUT', `negation: "${String(negation)}" is not one of ${NEGATION_POLICIES.join(', ')}`, { field: 'negation' });
  }
  const evokesFactor = options.evokesFactor ?? 0.5;
  if (typeof evokesFactor !== 'number' || !(evokesFactor >= 0 && evokesFactor <= 1)) {
    throw new EmokbError('BAD_INPUT', `evokesFactor: ${String(evokesFactor)} is not a number from 0 to 1`, { field: 'evokesFactor' });
  }
  const id = options.id ?? null;
  if (id !== null && typeof id !== 'string' && typeof id !== 'number') throw new EmokbError('BAD_INPUT', 'id: give a string or a number', { field: 'id' });
  return {
    id,
    tiers: TIERS.filter((t) => tiers.includes(t)),
    minScore,
    perSentence: options.perSentence ?? false,
    negation,
    intensity: options.intensity ?? true,
    emphasis: options.emphasis ?? true,
    matches: options.matches ?? true,
    evokesFactor,
  };
}

/** One sense matched at one span, before output. */
interface RawMatch {
  startToken: number;
  endToken: number; // inclusive
  start: number;
  end: number;
  entry: number;
  emotion: number;
  kind: 'names' | 'evokes';
  via: 0 | 1 | 2;
  weight: number;
  intensity: number;
  negated: boolean;
  /** Emotions the weight is counted toward (its own; its opposites; none). */
  counted: readonly number[];
  sentence: number;
}

const cache = new WeakMap<KnowledgeBase, Tagger>();

export class Tagger {
  readonly index: LexiconIndex;
  readonly #tokens = new TokenBuffer();
  readonly #raw: Float64Array;
  readonly #first: Int32Array;
  readonly #tierOf: Uint8Array;
  readonly #children: readonly (readonly number[])[];
  readonly #primaries: readonly number[];
  /** Per emotion: the labels of its path, shared (frozen) by every match of it. */
  readonly #pathLabels: readonly (readonly string[])[];
  /** Per emotion: its opposites, or those of its nearest ancestor that has any ("happiness" -> joy's). */
  readonly #opposites: readonly (readonly number[])[];

  constructor(index: LexiconIndex) {
    this.index = index;
    const n = index.emotions.length;
    this.#raw = new Float64Array(n);
    this.#first = new Int32Array(n);
    this.#tierOf = Uint8Array.from(index.emotions, (e) => TIERS.indexOf(e.tier));
    const children: number[][] = index.emotions.map(() => []);
    const primaries: number[] = [];
    index.emotions.forEach((e, i) => (e.parent >= 0 ? children[e.parent]!.push(i) : primaries.push(i)));
    this.#children = children;
    this.#primaries = primaries;
    this.#pathLabels = index.paths.map((path) => Object.freeze(path.map((i) => index.emotions[i]!.label)));
    this.#opposites = index.emotions.map((_, i) => {
      for (const node of [...index.paths[i]!].reverse()) if (index.emotions[node]!.opposites.length) return index.emotions[node]!.opposites;
      return [];
    });
  }

  /** The tagger for a snapshot: built once, cached for the snapshot's lifetime. */
  static for(kb: KnowledgeBase): Tagger {
    let tagger = cache.get(kb);
    if (!tagger) {
      tagger = new Tagger(LexiconIndex.for(kb));
      cache.set(kb, tagger);
    }
    return tagger;
  }

  /** A tagger from compiled lexicon data (a worker thread's way in). */
  static fromData(data: LexiconData): Tagger {
    return new Tagger(LexiconIndex.fromData(data));
  }

  /** Tags one text. `options` may be pre-resolved (`resolveOptions`) to skip validation per call. */
  tag(text: string, options: TagOptions | ResolvedOptions = {}): TagResult {
    if (typeof text !== 'string') throw new EmokbError('BAD_INPUT', 'text: give a string');
    const o = isResolved(options) ? options : resolveOptions(options);
    const matches = this.#match(text, o);
    const result: TagResult = { id: o.id, dominant: EMPTY_DOMINANT, scores: {} };
    if (matches.length === 0) {
      result.dominant = { primary: null, secondary: null, tertiary: null };
      for (const tier of o.tiers) result.scores[tier] = {};
    } else {
      this.#score(matches, result, o);
    }
    if (o.matches) result.matches = matches.map((m) => this.#publicMatch(text, m, o));
    if (o.perSentence) result.sentences = this.#sentences(matches, o);
    return result;
  }

  /** Finds the matches with negation and intensity settled. */
  #match(text: string, o: ResolvedOptions): RawMatch[] {
    const b = tokenizeInto(text, this.#tokens, false);
    const index = this.index;
    const out: RawMatch[] = [];
    const count = b.count;
    const kind = b.kind;
    for (let t = 0; t < count; t++) {
      if (kind[t] !== WORD) continue;
      const info = index.infoAt(b, t);
      if (info === NOTHING || (info.packed < 0 && info.mweMax === 0)) continue;
      let entry = -1;
      let via: 0 | 1 | 2 = 0;
      let last = t;
      if (info.mweMax > 0) {
        const hit = this.#longest(b, t, info.mweFirsts, info.mweMax);
        if (hit) {
          entry = hit.entry;
          last = hit.last;
          via = hit.via;
        }
      }
      if (entry < 0) {
        if (info.packed < 0) continue;
        entry = info.packed >> 2;
        via = (info.packed & 3) as 0 | 1 | 2;
      }
      if (!b.sentencesDone) assignSentences(text, b);
      this.#emit(text, b, t, last, entry, via, o, out);
      t = last;
    }
    if (o.perSentence) assignSentences(text, b);
    return out;
  }

  /**
   * The longest multiword key starting at token t (contiguous words only), extending word by word
   * only while the words so far are a prefix of some key. The last word may be inflected
   * ("broken hearts" for "broken heart"): its lemmas are tried where the exact word fails.
   */
  #longest(b: TokenBuffer, t: number, firsts: readonly string[], max: number): { entry: number; last: number; via: 0 | 1 } | null {
    const index = this.index;
    let best: { entry: number; last: number; via: 0 | 1 } | null = null;
    for (let f = 0; f < firsts.length; f++) {
      let key = firsts[f]!;
      for (let k = t + 1; k < b.count && k - t < max && b.kind[k] === WORD; k++) {
        const info = index.infoAt(b, k);
        if (!info.inner) break;
        const nexts = index.mweNext(key);
        if (!nexts) break;
        let word = info.norm ?? b.word(k);
        let via: 0 | 1 = f === 0 ? 0 : 1;
        if (!nexts.has(word)) {
          const lemma = mayBeInflected(word) ? index.lemmasOf(info, word).find((l) => nexts.has(l)) : undefined;
          if (lemma === undefined) break;
          word = lemma;
          via = 1;
        }
        key = `${key} ${word}`;
        const hit = index.multi(key);
        if (hit !== undefined) best = { entry: hit, last: k, via };
      }
    }
    return best;
  }

  #emit(text: string, b: TokenBuffer, first: number, last: number, entry: number, via: 0 | 1 | 2, o: ResolvedOptions, out: RawMatch[]): void {
    const negated = o.negation !== 'off' && this.#negated(b, first);
    let intensity = 1;
    if (!negated && o.intensity) intensity *= modifierFactor(b, first);
    if (o.emphasis) {
      if (b.sentenceExclaims[b.sentence[first]!]) intensity *= EXCLAMATION_FACTOR;
      for (let k = first; k <= last; k++) {
        if (b.flags[k]! & ALL_CAPS) {
          intensity *= CAPITALS_FACTOR;
          break;
        }
      }
    }
    intensity = Math.min(INTENSITY_MAX, Math.max(INTENSITY_MIN, intensity));
    const start = b.start[first]!;
    const end = b.end[last]!;
    for (const sense of this.index.entries[entry]!.senses) {
      const base = sense.weight * (sense.kind === 'evokes' ? o.evokesFactor : 1);
      if (!(base > 0)) continue;
      const counted = !negated ? [sense.emotion] : o.negation === 'opposite' ? this.#opposites[sense.emotion]! : [];
      out.push({
        startToken: first, endToken: last, start, end, entry, emotion: sense.emotion, kind: sense.kind, via,
        weight: base * intensity, intensity, negated, counted, sentence: b.sentence[first]!,
      });
    }
    void text;
  }

  /** Whether a negator within the window before token `first` reaches it (no clause boundary between). */
  #negated(b: TokenBuffer, first: number): boolean {
    let words = 0;
    for (let k = first - 1; k >= 0; k--) {
      if (b.kind[k] !== WORD) return false;
      const w = b.word(k);
      if (CLAUSE_WORDS.has(w)) return false;
      if (isNegator(w, k + 1 < b.count && b.kind[k + 1] === WORD ? b.word(k + 1) : undefined)) return true;
      if (++words >= NEGATION_WINDOW) return false;
    }
    return false;
  }

  /** Adds raw scores into the scratch arrays for `matches`, writes dominant and scores, resets the scratch. */
  #score(matches: readonly RawMatch[], into: { dominant: DominantPath; scores: TierScores }, o: ResolvedOptions): void {
    const raw = this.#raw;
    const first = this.#first;
    const paths = this.index.paths;
    const touched: number[] = [];
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      const share = match.counted.length > 1 ? match.weight / match.counted.length : match.weight;
      for (const emotion of match.counted) {
        for (const node of paths[emotion]!) {
          if (raw[node] === 0) {
            touched.push(node);
            first[node] = m;
          }
          raw[node] = raw[node]! + share;
        }
      }
    }
    const totals = new Float64Array(3);
    for (const node of touched) {
      const tier = this.#tierOf[node]!;
      totals[tier] = totals[tier]! + raw[node]!;
    }
    into.dominant = this.#dominant();
    const scores: TierScores = {};
    for (const tier of o.tiers) scores[tier] = {};
    const tierIndex = o.tiers.map((t) => TIERS.indexOf(t));
    const rows: Array<[number, string, number]> = [];
    for (const node of touched) {
      const tier = this.#tierOf[node]!;
      if (!tierIndex.includes(tier)) continue;
      const score = raw[node]! / totals[tier]!;
      if (score < o.minScore || !(score > 0)) continue;
      rows.push([tier, this.index.emotions[node]!.label, score]);
    }
    rows.sort((a, b) => a[0] - b[0] || b[2] - a[2] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    for (const [tier, label, score] of rows) scores[TIERS[tier]!]![label] = round(score);
    into.scores = scores;
    for (const node of touched) raw[node] = 0;
  }

  #dominant(): DominantPath {
    const raw = this.#raw;
    const best = (candidates: readonly number[]): number => {
      let pick = -1;
      for (const c of candidates) {
        if (!(raw[c]! > 0)) continue;
        if (pick < 0 || raw[c]! > raw[pick]! + 1e-12 || (Math.abs(raw[c]! - raw[pick]!) <= 1e-12 && this.#before(c, pick))) pick = c;
      }
      return pick;
    };
    const primary = best(this.#primaries);
    const secondary = primary < 0 ? -1 : best(this.#children[primary]!);
    const tertiary = secondary < 0 ? -1 : best(this.#children[secondary]!);
    const label = (i: number) => (i < 0 ? null : this.index.emotions[i]!.label);
    return { primary: label(primary), secondary: label(secondary), tertiary: label(tertiary) };
  }

  /** Tie rule: the emotion matched first wins; then the label in alphabetical order. */
  #before(a: number, b: number): boolean {
    const fa = this.#first[a]!, fb = this.#first[b]!;
    if (fa !== fb) return fa < fb;
    return this.index.emotions[a]!.label < this.index.emotions[b]!.label;
  }

  #sentences(matches: readonly RawMatch[], o: ResolvedOptions): SentenceResult[] {
    const b = this.#tokens;
    const out: SentenceResult[] = [];
    let m = 0;
    for (let s = 0; s < b.sentenceFirst.length; s++) {
      const firstToken = b.sentenceFirst[s]!;
      let lastToken = b.sentenceLast[s]!;
      while (lastToken > firstToken && b.kind[lastToken] !== WORD && b.kind[lastToken] !== 3) lastToken--;
      const own: RawMatch[] = [];
      while (m < matches.length && matches[m]!.sentence === s) own.push(matches[m++]!);
      const result: SentenceResult = { start: b.start[firstToken]!, end: b.end[lastToken]!, dominant: EMPTY_DOMINANT, scores: {} };
      if (own.length) this.#score(own, result, o);
      else {
        result.dominant = { primary: null, secondary: null, tertiary: null };
        for (const tier of o.tiers) result.scores[tier] = {};
      }
      out.push(result);
    }
    return out;
  }

  #publicMatch(text: string, m: RawMatch, o: ResolvedOptions): TagMatch {
    const emotion = this.index.emotions[m.emotion]!;
    const match: TagMatch = {
      text: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      lemma: this.index.entries[m.entry]!.lemma,
      emotion: emotion.label,
      emotionId: emotion.id,
      path: this.#pathLabels[m.emotion]!,
      weight: round(m.weight),
      negated: m.negated,
      intensity: round(m.intensity),
      kind: m.kind,
      via: VIAS[m.via],
    };
    if (m.negated && o.negation === 'opposite' && m.counted.length) match.countedAs = this.index.emotions[m.counted[0]!]!.label;
    return match;
  }
}

const EMPTY_DOMINANT: DominantPath = Object.freeze({ primary: null, secondary: null, tertiary: null }) as DominantPath;

function isResolved(o: TagOptions | ResolvedOptions): o is ResolvedOptions {
  return RESOLVED.has(o as object);
}
const RESOLVED = new WeakSet<object>();

/** Resolves once for many calls (the CLI and batch resolvers): the result skips validation in `tag`. */
export function prepareOptions(options: TagOptions = {}): ResolvedOptions {
  const resolved = resolveOptions(options);
  RESOLVED.add(resolved);
  return resolved;
}

/** Cheap test before asking the lemmatiser about a word inside a multiword expression. */
function mayBeInflected(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const last = word.charCodeAt(n - 1);
  // -s, -ed, -ing, -er/-est, -en (and irregular forms, which the lexicon lists as other forms)
  return last === 115 || last === 100 || last === 103 || last === 114 || last === 116 || last === 110;
}

/** Product of up to two modifiers directly before token `first`. */
function modifierFactor(b: TokenBuffer, first: number): number {
  let factor = 1;
  let k = first - 1;
  for (let seen = 0; seen < 2 && k >= 0 && b.kind[k] === WORD; seen++) {
    const w = b.word(k);
    const pair = MODIFIER_PAIRS.get(w);
    if (pair && k > 0 && b.kind[k - 1] === WORD && pair.has(b.word(k - 1))) {
      factor *= pair.get(b.word(k - 1))!;
      k -= 2;
      continue;
    }
    const f = MODIFIERS.get(w);
    if (f === undefined) break;
    factor *= f;
    k--;
  }
  return factor;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
