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
import { LexiconIndex, type LexiconData, type MweNode, type WordInfo } from '../lexicon/LexiconIndex.js';
import {
  CAPITALS_FACTOR, CUE_CLAUSE, CUE_NEGATOR, CUE_PAIR_END, CUE_PSEUDO, EXCLAMATION_FACTOR, INTENSITY_MAX, INTENSITY_MIN, MODIFIER_PAIRS, NEGATION_WINDOW,
  isPseudoNegation,
} from '../text/cues.js';
import { ByteWriter, utf8, writeRounded } from './serialize.js';
import { ALL_CAPS, TERMINAL, TokenBuffer, WORD, assignSentences, tokenizeInto } from '../text/tokenize.js';
import type { DominantPath, NegationPolicy, SentenceResult, TagMatch, TagOptions, TagResult, TierScores } from './types.js';

/** Options with every default filled in. */
export interface ResolvedOptions {
  id: string | number | null;
  tiers: readonly Tier[];
  /** `tiers` as indexes into TIERS and as a bit mask (per text work the options settle once). */
  tierIndexes: readonly number[];
  tierMask: number;
  minScore: number;
  perSentence: boolean;
  negation: NegationPolicy;
  intensity: boolean;
  emphasis: boolean;
  matches: boolean;
  evokesFactor: number;
  punctuationCues: boolean;
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
    tierIndexes: TIERS.flatMap((t, i) => (tiers.includes(t) ? [i] : [])),
    tierMask: tierMask(tiers),
    minScore,
    perSentence: options.perSentence ?? false,
    negation,
    intensity: options.intensity ?? true,
    emphasis: options.emphasis ?? true,
    matches: options.matches ?? true,
    evokesFactor,
    punctuationCues: options.punctuationCues ?? true,
  };
}

const KINDS = ['names', 'evokes'] as const;
const NO_EMOTIONS: readonly number[] = Object.freeze([]);

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
  /** Per emotion: `[emotion]`, what a counted match adds to (shared, not allocated per match). */
  readonly #self: readonly (readonly number[])[];
  /** Per emotion: its label. */
  readonly #labels: readonly string[];

  // Per-document scratch: the word record of each token (valid up to #infoUpTo), and the matches
  // as parallel arrays (no object per match until a caller asks for them).
  #infos: WordInfo[] = [];
  #infoUpTo = -1;
  #count = 0;
  #mStart = new Int32Array(64);
  #mEnd = new Int32Array(64);
  #mEntry = new Int32Array(64);
  #mEmotion = new Int32Array(64);
  /** Index of the sense within its entry. */
  #mSense = new Int32Array(64);
  #mSentence = new Int32Array(64);
  #mKind = new Uint8Array(64);
  #mVia = new Uint8Array(64);
  #mNegated = new Uint8Array(64);
  #mWeight = new Float64Array(64);
  #mIntensity = new Float64Array(64);
  #mCounted: (readonly number[])[] = [];
  // Scoring scratch: emotions touched, and the score rows (tier, label, score) being sorted.
  #touched = new Int32Array(64);
  #rowTier = new Int32Array(64);
  #rowScore = new Float64Array(64);
  #rowLabel: string[] = [];
  #rowNode = new Int32Array(64);
  #rowCount = 0;

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
    this.#self = index.emotions.map((_, i) => Object.freeze([i]));
    this.#labels = index.emotions.map((e) => e.label);
    // At most n emotions are touched per scoring; rows are one per touched emotion.
    this.#touched = new Int32Array(n);
    this.#rowTier = new Int32Array(n);
    this.#rowScore = new Float64Array(n);
    this.#rowNode = new Int32Array(n);
    // (`marks ?? []`: LexiconData is public, and data compiled by an older version has none)
    this.#marks = (index.data.marks ?? []).map(([mark, entry]) => [mark.charCodeAt(0), entry] as const);
  }

  /** Punctuation cues: a sentence mark's char code and its entry, in the order "?!" tries them. */
  readonly #marks: ReadonlyArray<readonly [number, number]>;

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
    const count = this.#match(text, o);
    const result: TagResult = { id: o.id, dominant: EMPTY_DOMINANT, scores: {} };
    if (count === 0) {
      result.dominant = { primary: null, secondary: null, tertiary: null };
      result.scores = emptyScores(o.tiers);
    } else {
      this.#score(0, count, result, o);
    }
    if (o.matches) {
      const matches: TagMatch[] = new Array(count);
      for (let m = 0; m < count; m++) matches[m] = this.#publicMatch(text, m, o);
      result.matches = matches;
    }
    if (o.perSentence) result.sentences = this.#sentences(count, o);
    return result;
  }

  /**
   * Writes JSON.stringify(this.tag(text, options)) as UTF-8 into `w`, without building the result
   * objects or any string per document: the hot path of `emokb tag`. `options` must be resolved.
   */
  writeJson(text: string, o: ResolvedOptions, w: ByteWriter): void {
    const J = (this.#json ??= this.#jsonPieces());
    if (!J.plain) {
      w.utf8(JSON.stringify(this.tag(text, o)));
      return;
    }
    const count = this.#match(text, o);
    w.bytes(J.openId);
    writeId(w, o.id);
    const mask = o.tierMask;
    if (count === 0) {
      w.bytes(o.matches ? J.emptyWithMatches[mask]! : J.empty[mask]!);
    } else {
      this.#rollUp(0, count, o);
      this.#writeScored(w, o, J);
      if (o.matches) {
        for (let m = 0; m < count; m++) this.#writeMatch(text, m, o, w, J);
        w.byte(0x5d); // ]
      }
    }
    if (o.perSentence) {
      w.bytes(J.sentencesKey);
      this.#eachSentence(count, (s, start, end, from, to) => {
        w.bytes(s > 0 ? J.nextSentenceStart : J.sentenceStart);
        w.int(start);
        w.bytes(J.endKey);
        w.int(end);
        if (to > from) {
          this.#rollUp(from, to, o);
          this.#writeScored(w, o, J);
        } else {
          w.bytes(J.empty[mask]!);
        }
        w.byte(0x7d); // }
      });
      w.byte(0x5d); // ]
    }
    w.byte(0x7d); // }
  }

  #json: JsonPieces | undefined;

  /** `,"dominant":{…},"scores":{…}` of the last #rollUp. */
  #writeScored(w: ByteWriter, o: ResolvedOptions, J: JsonPieces): void {
    w.bytes(this.#domPrimary < 0 ? J.primaryNull : J.primary[this.#domPrimary]!);
    w.bytes(this.#domSecondary < 0 ? J.secondaryNull : J.secondary[this.#domSecondary]!);
    w.bytes(this.#domTertiary < 0 ? J.tertiaryNull : J.tertiary[this.#domTertiary]!);
    const rows = this.#rowCount;
    let r = 0;
    for (let t = 0; t < o.tierIndexes.length; t++) {
      const tier = o.tierIndexes[t]!;
      w.bytes(t > 0 ? J.tierKeyNext[tier]! : J.tierKeyFirst[tier]!);
      // Rows are sorted by tier: this tier's are next.
      while (r < rows && this.#rowTier[r]! < tier) r++;
      let first = true;
      while (r < rows && this.#rowTier[r] === tier) {
        w.bytes(first ? J.labelKeyFirst[this.#rowNode[r]!]! : J.labelKeyNext[this.#rowNode[r]!]!);
        first = false;
        writeRounded(w, this.#rowScore[r]!);
        r++;
      }
    }
    w.bytes(o.tiers.length ? J.closeScores : J.closeEmptyScores);
  }

  #writeMatch(text: string, m: number, o: ResolvedOptions, w: ByteWriter, J: JsonPieces): void {
    const start = this.#mStart[m]!;
    const end = this.#mEnd[m]!;
    w.bytes(m > 0 ? J.matchNext : J.matchFirst);
    w.jsonString(text, start, end);
    w.bytes(J.startKey);
    w.int(start);
    w.bytes(J.endKey);
    w.int(end);
    const entry = this.#mEntry[m]!;
    const senses = (J.sense[entry] ??= this.#sensePieces(entry));
    w.bytes(senses[this.#mSense[m]!]!);
    writeRounded(w, this.#mWeight[m]!);
    const negated = this.#mNegated[m] === 1;
    w.bytes(negated ? J.negatedTrue : J.negatedFalse);
    writeRounded(w, this.#mIntensity[m]!);
    const counted = this.#mCounted[m]!;
    if (negated && o.negation === 'opposite' && counted.length) {
      w.bytes(J.kindVia[this.#mKind[m]! * 3 + this.#mVia[m]!]!);
      w.bytes(J.countedAsKey);
      w.bytes(J.label[counted[0]!]!);
      w.byte(0x7d); // }
    } else {
      w.bytes(J.kindViaClose[this.#mKind[m]! * 3 + this.#mVia[m]!]!);
    }
  }

  /** Per sense of an entry: `,"lemma":…,"emotion":…,"emotionId":…,"path":[…],"weight":`. */
  #sensePieces(entry: number): Uint8Array[] {
    const { lemma, senses } = this.index.entries[entry]!;
    return senses.map((sense) => {
      const e = this.index.emotions[sense.emotion]!;
      return utf8(
        `,"lemma":${JSON.stringify(lemma)},"emotion":${JSON.stringify(e.label)},"emotionId":${JSON.stringify(e.id)},"path":${JSON.stringify(this.#pathLabels[sense.emotion])},"weight":`,
      );
    });
  }

  /** The constant pieces of the JSON, encoded once per tagger. */
  #jsonPieces(): JsonPieces {
    const emotions = this.index.emotions;
    // The direct writer orders score keys as the rows are sorted; an object would move
    // integer-like keys first and merge equal labels within a tier, so with such labels (none in
    // the shipped hierarchy) it serializes the object instead.
    const seen = new Set<string>();
    let plain = true;
    for (const e of emotions) {
      const key = `${e.tier}\u0000${e.label}`;
      if (seen.has(key) || /^(0|[1-9][0-9]*)$/.test(e.label)) plain = false;
      seen.add(key);
    }
    const sense: Array<Uint8Array[] | undefined> = [];
    for (let i = 0; i < this.index.entries.length; i++) sense.push(undefined);
    const q = JSON.stringify;
    const empty: Uint8Array[] = [];
    const emptyWithMatches: Uint8Array[] = [];
    for (let mask = 0; mask < 8; mask++) {
      const scores = q(Object.fromEntries(TIERS.filter((_, i) => mask & (1 << i)).map((t) => [t, {}])));
      const body = `,"dominant":{"primary":null,"secondary":null,"tertiary":null},"scores":${scores}`;
      empty.push(utf8(body));
      emptyWithMatches.push(utf8(`${body},"matches":[]`));
    }
    return {
      plain,
      openId: utf8('{"id":'),
      empty,
      emptyWithMatches,
      primary: emotions.map((e) => utf8(`,"dominant":{"primary":${q(e.label)}`)),
      primaryNull: utf8(',"dominant":{"primary":null'),
      secondary: emotions.map((e) => utf8(`,"secondary":${q(e.label)}`)),
      secondaryNull: utf8(',"secondary":null'),
      tertiary: emotions.map((e) => utf8(`,"tertiary":${q(e.label)}},"scores":{`)),
      tertiaryNull: utf8(',"tertiary":null},"scores":{'),
      tierKeyFirst: TIERS.map((t) => utf8(`${q(t)}:{`)),
      tierKeyNext: TIERS.map((t) => utf8(`},${q(t)}:{`)),
      labelKeyFirst: emotions.map((e) => utf8(`${q(e.label)}:`)),
      labelKeyNext: emotions.map((e) => utf8(`,${q(e.label)}:`)),
      closeScores: utf8('}}'),
      closeEmptyScores: utf8('}'),
      matchFirst: utf8(',"matches":[{"text":'),
      matchNext: utf8(',{"text":'),
      sentencesKey: utf8(',"sentences":['),
      sentenceStart: utf8('{"start":'),
      nextSentenceStart: utf8(',{"start":'),
      startKey: utf8(',"start":'),
      endKey: utf8(',"end":'),
      negatedTrue: utf8(',"negated":true,"intensity":'),
      negatedFalse: utf8(',"negated":false,"intensity":'),
      kindVia: KINDS.flatMap((k) => VIAS.map((v) => utf8(`,"kind":${q(k)},"via":${q(v)}`))),
      kindViaClose: KINDS.flatMap((k) => VIAS.map((v) => utf8(`,"kind":${q(k)},"via":${q(v)}}`))),
      countedAsKey: utf8(',"countedAs":'),
      label: emotions.map((e) => utf8(q(e.label))),
      sense,
    };
  }

  /** The word record of token t, looked up once per document. */
  #infoAt(b: TokenBuffer, t: number): WordInfo {
    if (t <= this.#infoUpTo) return this.#infos[t]!;
    const info = this.index.infoAt(b, t);
    this.#infos[t] = info;
    this.#infoUpTo = t;
    return info;
  }

  /** Finds the matches with negation and intensity settled, into the match arrays; returns their number. */
  #match(text: string, o: ResolvedOptions): number {
    const b = tokenizeInto(text, this.#tokens, false);
    this.#count = 0;
    this.#infoUpTo = -1;
    const count = b.count;
    const kind = b.kind;
    const cues = o.punctuationCues && this.#marks.length > 0;
    for (let t = 0; t < count; t++) {
      if (kind[t] !== WORD) {
        if (cues && kind[t] === TERMINAL) this.#cue(text, b, t, o);
        continue;
      }
      const info = this.#infoAt(b, t);
      if (info.packed < 0 && info.mweMax === 0) continue;
      let entry = -1;
      let via: 0 | 1 | 2 = 0;
      let last = t;
      if (info.mweMax > 0 && this.#longest(b, t, info)) {
        entry = this.#hitEntry;
        last = this.#hitLast;
        via = this.#hitVia;
      }
      if (entry < 0) {
        if (info.packed < 0) continue;
        entry = info.packed >> 2;
        via = (info.packed & 3) as 0 | 1 | 2;
      }
      if (!b.sentencesDone) assignSentences(text, b);
      this.#emit(b, t, last, entry, via, o);
      t = last;
    }
    if (o.perSentence) assignSentences(text, b);
    if (this.#infos.length > 4096) this.#infos = [];
    return this.#count;
  }

  /**
   * A punctuation cue at terminal token t: when its run holds a mark with an entry ("?") and no
   * word of its sentence matched, the mark's entry counts once for the sentence, as a match on the
   * mark itself (neither negated nor scaled: the words around it are not its modifiers).
   */
  #cue(text: string, b: TokenBuffer, t: number, o: ResolvedOptions): void {
    let entry = -1;
    for (let i = 0; i < this.#marks.length && entry < 0; i++) {
      const code = this.#marks[i]![0];
      for (let c = b.start[t]!; c < b.end[t]!; c++) {
        if (text.charCodeAt(c) === code) {
          entry = this.#marks[i]![1];
          break;
        }
      }
    }
    if (entry < 0) return;
    if (!b.sentencesDone) assignSentences(text, b);
    const sentence = b.sentence[t]!;
    // Only a mark that closes its sentence ("what?happy", a URL's "?q=" do not), only a sentence
    // with words ("?" alone, the "!" of "? !"), and only one with no word matched.
    if (b.sentenceLast[sentence] !== t) return;
    if (this.#count > 0 && this.#mSentence[this.#count - 1] === sentence) return;
    let words = false;
    for (let k = b.sentenceFirst[sentence]!; k < t && !words; k++) words = b.kind[k] === WORD;
    if (!words) return;
    this.#emit(b, t, t, entry, 0, o, true);
  }

  #hitEntry = -1;
  #hitLast = 0;
  #hitVia: 0 | 1 = 0;

  /**
   * The longest multiword key starting at token t (contiguous words only), walking the trie of
   * keys word by word, so that a word that continues no key fails in one look-up. The last word
   * may be inflected ("broken hearts" for "broken heart"): its lemmas are tried where the exact
   * word fails. Each way in (the word, then each of its lemmas) is walked in turn; the longest hit
   * wins, and of equally long ones the first found. Sets #hitEntry, #hitLast, #hitVia; false when none.
   */
  #longest(b: TokenBuffer, t: number, first: WordInfo): boolean {
    const roots = first.mweRoots;
    const max = first.mweMax;
    const count = b.count;
    let found = false;
    for (let f = 0; f < roots.length; f++) {
      const root = roots[f];
      if (root === null || root === undefined) continue;
      let node: MweNode = root;
      for (let k = t + 1; k < count && k - t < max && b.kind[k] === WORD; k++) {
        const info = this.#infoAt(b, k);
        if (!info.inner) break;
        const nexts = node.next;
        if (nexts === null) break;
        let via: 0 | 1 = f === 0 ? 0 : 1;
        let child: MweNode | undefined = nexts.get(info.norm!);
        if (child === undefined) {
          const lemmas = this.index.innerLemmasOf(info);
          for (let l = 0; l < lemmas.length && child === undefined; l++) child = nexts.get(lemmas[l]!);
          if (child === undefined) break;
          via = 1;
        }
        node = child;
        // Longer wins; at equal length the earlier way in (the word itself before its lemmas).
        if (node.entry >= 0 && (!found || k > this.#hitLast)) {
          this.#hitEntry = node.entry;
          this.#hitLast = k;
          this.#hitVia = via;
          found = true;
        }
      }
    }
    return found;
  }

  #emit(b: TokenBuffer, first: number, last: number, entry: number, via: 0 | 1 | 2, o: ResolvedOptions, cue = false): void {
    const negated = !cue && o.negation !== 'off' && this.#negated(b, first);
    let intensity = 1;
    if (!negated && !cue && o.intensity) intensity *= this.#modifierFactor(b, first);
    if (o.emphasis && !cue) {
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
    const sentence = b.sentence[first]!;
    const senses = this.index.entries[entry]!.senses;
    for (let s = 0; s < senses.length; s++) {
      const sense = senses[s]!;
      const base = sense.weight * (sense.kind === 'evokes' ? o.evokesFactor : 1);
      if (!(base > 0)) continue;
      const m = this.#count;
      if (m === this.#mStart.length) this.#growMatches();
      this.#mStart[m] = start;
      this.#mEnd[m] = end;
      this.#mEntry[m] = entry;
      this.#mEmotion[m] = sense.emotion;
      this.#mSense[m] = s;
      this.#mKind[m] = sense.kind === 'evokes' ? 1 : 0;
      this.#mVia[m] = via;
      this.#mWeight[m] = base * intensity;
      this.#mIntensity[m] = intensity;
      this.#mNegated[m] = negated ? 1 : 0;
      this.#mCounted[m] = !negated ? this.#self[sense.emotion]! : o.negation === 'opposite' ? this.#opposites[sense.emotion]! : NO_EMOTIONS;
      this.#mSentence[m] = sentence;
      this.#count = m + 1;
    }
  }

  #growMatches(): void {
    const size = this.#mStart.length * 2;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    const i32 = (n: number) => new Int32Array(n);
    const u8 = (n: number) => new Uint8Array(n);
    const f64 = (n: number) => new Float64Array(n);
    this.#mStart = grow(this.#mStart, i32);
    this.#mEnd = grow(this.#mEnd, i32);
    this.#mEntry = grow(this.#mEntry, i32);
    this.#mEmotion = grow(this.#mEmotion, i32);
    this.#mSense = grow(this.#mSense, i32);
    this.#mSentence = grow(this.#mSentence, i32);
    this.#mKind = grow(this.#mKind, u8);
    this.#mVia = grow(this.#mVia, u8);
    this.#mNegated = grow(this.#mNegated, u8);
    this.#mWeight = grow(this.#mWeight, f64);
    this.#mIntensity = grow(this.#mIntensity, f64);
  }

  /**
   * Whether a negator within the window before token `first` reaches it (no clause boundary
   * between). Reads the cue bits of the word records: every word token before `first` has one.
   */
  #negated(b: TokenBuffer, first: number): boolean {
    const infos = this.#infos;
    let words = 0;
    for (let k = first - 1; k >= 0; k--) {
      if (b.kind[k] !== WORD) return false;
      const cue = infos[k]!.cue;
      if (cue & CUE_CLAUSE) return false;
      // (the word after k is a word: k + 1 <= first)
      if (cue & CUE_NEGATOR && !(cue & CUE_PSEUDO && isPseudoNegation(b.word(k), b.word(k + 1)))) return true;
      if (++words >= NEGATION_WINDOW) return false;
    }
    return false;
  }

  /** Product of up to two modifiers directly before token `first` ("really very", "kind of"). */
  #modifierFactor(b: TokenBuffer, first: number): number {
    const infos = this.#infos;
    let factor = 1;
    let k = first - 1;
    for (let seen = 0; seen < 2 && k >= 0 && b.kind[k] === WORD; seen++) {
      const info = infos[k]!;
      if (info.cue & CUE_PAIR_END && k > 0 && b.kind[k - 1] === WORD) {
        const pair = MODIFIER_PAIRS.get(b.word(k))!.get(b.word(k - 1));
        if (pair !== undefined) {
          factor *= pair;
          k -= 2;
          continue;
        }
      }
      if (info.modifier === 0) break;
      factor *= info.modifier;
      k--;
    }
    return factor;
  }

  /**
   * Rolls up matches [from, to) into the scratch raw scores, then settles the dominant path and
   * the score rows (#rowTier/#rowLabel/#rowScore, #rowCount: reported tiers only, sorted by tier,
   * then by the dominant rule: score descending, matched first, label), and resets the scratch. Returns the dominant path's nodes via
   * #domPrimary/#domSecondary/#domTertiary (-1: none).
   */
  #rollUp(from: number, to: number, o: ResolvedOptions): void {
    const raw = this.#raw;
    const first = this.#first;
    const paths = this.index.paths;
    const touched = this.#touched;
    let touchedCount = 0;
    for (let m = from; m < to; m++) {
      const counted = this.#mCounted[m]!;
      const weight = this.#mWeight[m]!;
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
    let total0 = 0, total1 = 0, total2 = 0;
    for (let i = 0; i < touchedCount; i++) {
      const node = touched[i]!;
      const tier = this.#tierOf[node]!;
      if (tier === 0) total0 += raw[node]!;
      else if (tier === 1) total1 += raw[node]!;
      else total2 += raw[node]!;
    }
    this.#domPrimary = this.#best(this.#primaries);
    this.#domSecondary = this.#domPrimary < 0 ? -1 : this.#best(this.#children[this.#domPrimary]!);
    this.#domTertiary = this.#domSecondary < 0 ? -1 : this.#best(this.#children[this.#domSecondary]!);
    const rowTier = this.#rowTier;
    const rowScore = this.#rowScore;
    const rowLabel = this.#rowLabel;
    const rowNode = this.#rowNode;
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
      const label = this.#labels[node]!;
      let at = rows;
      while (at > 0) {
        const pt = rowTier[at - 1]!;
        const pn = rowNode[at - 1]!;
        const pl = rowLabel[at - 1]!;
        const d = raw[node]! - raw[pn]!;
        const order = pt - tier || (d > TIE_TOLERANCE ? 1 : d < -TIE_TOLERANCE ? -1 : 0) || first[pn]! - first[node]! || (pl < label ? -1 : pl > label ? 1 : 0);
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
    this.#rowCount = rows;
    for (let i = 0; i < touchedCount; i++) raw[touched[i]!] = 0;
  }

  #domPrimary = -1;
  #domSecondary = -1;
  #domTertiary = -1;

  /** Rolls up matches [from, to) into `into`'s dominant and scores. */
  #score(from: number, to: number, into: { dominant: DominantPath; scores: TierScores }, o: ResolvedOptions): void {
    this.#rollUp(from, to, o);
    const labels = this.#labels;
    into.dominant = {
      primary: this.#domPrimary < 0 ? null : labels[this.#domPrimary]!,
      secondary: this.#domSecondary < 0 ? null : labels[this.#domSecondary]!,
      tertiary: this.#domTertiary < 0 ? null : labels[this.#domTertiary]!,
    };
    const scores = emptyScores(o.tiers);
    const byTier = [scores.primary, scores.secondary, scores.tertiary];
    for (let r = 0; r < this.#rowCount; r++) byTier[this.#rowTier[r]!]![this.#rowLabel[r]!] = round(this.#rowScore[r]!);
    into.scores = scores;
  }

  #best(candidates: readonly number[]): number {
    const raw = this.#raw;
    let pick = -1;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (!(raw[c]! > 0)) continue;
      if (pick < 0 || raw[c]! > raw[pick]! + TIE_TOLERANCE || (Math.abs(raw[c]! - raw[pick]!) <= TIE_TOLERANCE && this.#before(c, pick))) pick = c;
    }
    return pick;
  }

  /** Tie rule: the emotion matched first wins; then the label in alphabetical order. */
  #before(a: number, b: number): boolean {
    const fa = this.#first[a]!, fb = this.#first[b]!;
    if (fa !== fb) return fa < fb;
    return this.#labels[a]! < this.#labels[b]!;
  }

  #sentences(count: number, o: ResolvedOptions): SentenceResult[] {
    const out: SentenceResult[] = [];
    this.#eachSentence(count, (_s, start, end, from, to) => {
      const result: SentenceResult = { start, end, dominant: EMPTY_DOMINANT, scores: {} };
      if (to > from) this.#score(from, to, result, o);
      else {
        result.dominant = { primary: null, secondary: null, tertiary: null };
        result.scores = emptyScores(o.tiers);
      }
      out.push(result);
    });
    return out;
  }

  /**
   * Each sentence of the last text: its span (up to its last word or terminal, so trailing breaks
   * are not part of it) and its matches [from, to) (matches are in text order).
   */
  #eachSentence(count: number, visit: (s: number, start: number, end: number, from: number, to: number) => void): void {
    const b = this.#tokens;
    let m = 0;
    for (let s = 0; s < b.sentenceCount; s++) {
      const firstToken = b.sentenceFirst[s]!;
      let lastToken = b.sentenceLast[s]!;
      while (lastToken > firstToken && b.kind[lastToken] !== WORD && b.kind[lastToken] !== TERMINAL) lastToken--;
      const from = m;
      while (m < count && this.#mSentence[m] === s) m++;
      visit(s, b.start[firstToken]!, b.end[lastToken]!, from, m);
    }
  }

  #publicMatch(text: string, m: number, o: ResolvedOptions): TagMatch {
    const e = this.#mEmotion[m]!;
    const emotion = this.index.emotions[e]!;
    const match: TagMatch = {
      text: text.slice(this.#mStart[m]!, this.#mEnd[m]!),
      start: this.#mStart[m]!,
      end: this.#mEnd[m]!,
      lemma: this.index.entries[this.#mEntry[m]!]!.lemma,
      emotion: emotion.label,
      emotionId: emotion.id,
      path: this.#pathLabels[e]!,
      weight: round(this.#mWeight[m]!),
      negated: this.#mNegated[m] === 1,
      intensity: round(this.#mIntensity[m]!),
      kind: KINDS[this.#mKind[m]!]!,
      via: VIAS[this.#mVia[m]!]!,
    };
    const counted = this.#mCounted[m]!;
    if (match.negated && o.negation === 'opposite' && counted.length) match.countedAs = this.#labels[counted[0]!]!;
    return match;
  }
}

/** Pre-encoded pieces of the output JSON (see Tagger#jsonPieces). */
interface JsonPieces {
  /** false: labels the direct writer cannot order like an object (see #jsonPieces); serialize objects instead. */
  plain: boolean;
  openId: Uint8Array;
  /** Per tier mask: `,"dominant":{nulls},"scores":{"tier":{},…}` (and `,"matches":[]`). */
  empty: Uint8Array[];
  emptyWithMatches: Uint8Array[];
  /** Per emotion: `,"dominant":{"primary":label`, `,"secondary":label`, `,"tertiary":label},"scores":{`. */
  primary: Uint8Array[];
  primaryNull: Uint8Array;
  secondary: Uint8Array[];
  secondaryNull: Uint8Array;
  tertiary: Uint8Array[];
  tertiaryNull: Uint8Array;
  /** Per tier: `"tier":{` and `},"tier":{`. */
  tierKeyFirst: Uint8Array[];
  tierKeyNext: Uint8Array[];
  /** Per emotion: `"label":` and `,"label":`. */
  labelKeyFirst: Uint8Array[];
  labelKeyNext: Uint8Array[];
  closeScores: Uint8Array;
  closeEmptyScores: Uint8Array;
  matchFirst: Uint8Array;
  matchNext: Uint8Array;
  sentencesKey: Uint8Array;
  sentenceStart: Uint8Array;
  nextSentenceStart: Uint8Array;
  startKey: Uint8Array;
  endKey: Uint8Array;
  negatedTrue: Uint8Array;
  negatedFalse: Uint8Array;
  /** Per kind x via: `,"kind":…,"via":…` (and with the closing brace). */
  kindVia: Uint8Array[];
  kindViaClose: Uint8Array[];
  countedAsKey: Uint8Array;
  /** Per emotion: its label as a JSON string. */
  label: Uint8Array[];
  /** Per entry, per sense: see Tagger#sensePieces; filled on first use. */
  sense: Array<Uint8Array[] | undefined>;
}

function writeId(w: ByteWriter, id: string | number | null): void {
  if (typeof id === 'number') w.int(id);
  else if (typeof id === 'string') w.jsonString(id);
  else w.ascii('null');
}

// A tier's scores are an object keyed by emotion label. Made with `{}`, each would take its hidden
// classes from the tree every `{}` of the program shares, and a program that fills other `{}`s with
// many distinct keys (word counts, say) makes that tree huge and adding a label slow (measured:
// the whole tagger up to 1.8x slower). A constructor of its own gives these objects their own small
// tree of label transitions; with Object.prototype as its prototype they are plain objects to
// every reader (prototype, constructor, JSON, equality).
const LabelScores = function LabelScores() {} as unknown as new () => Record<string, number>;
LabelScores.prototype = Object.prototype;

/** `{tier: {}}` for each tier reported (one literal, one shape, in the common case of all three). */
function emptyScores(tiers: readonly Tier[]): TierScores {
  if (tiers.length === 3) return { primary: new LabelScores(), secondary: new LabelScores(), tertiary: new LabelScores() };
  const scores: TierScores = {};
  for (const tier of tiers) scores[tier] = new LabelScores();
  return scores;
}

function tierMask(tiers: readonly Tier[]): number {
  let mask = 0;
  for (const t of tiers) mask |= 1 << TIERS.indexOf(t);
  return mask;
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

/** Raw scores this close are a tie (sums of weights differ in the last bits: 0.5 + 0.42 vs 0.92). */
const TIE_TOLERANCE = 1e-12;

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
