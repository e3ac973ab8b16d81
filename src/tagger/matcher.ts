// Text to matches: tokens -> lexicon matches (longest multiword first) -> negation and intensity,
// into a MatchBuffer.
//
// Negation scope: negationScope.ts.
// Intensity: up to two modifiers directly before a match multiply its weight ("really very
// happy"); a negated match keeps no intensifier. Emphasis: x1.25 in a sentence ending in "!",
// x1.25 for a match written in capitals.
// Negation policy `opposite`: a negated match counts toward the opposites (emo:isOppositeOf) of its
// emotion or, when it has none, of its nearest ancestor that has some ("not happy": happiness has
// no opposite, joy has sadness), split evenly among several; with none anywhere up the path, it
// counts for nothing.
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import type { MweNode } from '../lexicon/trie.js';
import type { WordInfo } from '../lexicon/wordInfo.js';
import {
  CAPITALS_FACTOR,
  CUE_CLAUSE,
  CUE_PAIR_END,
  EXCLAMATION_FACTOR,
  INTENSITY_MAX,
  INTENSITY_MIN,
  MODIFIER_PAIRS,
} from '../text/cues.js';
import { ALL_CAPS, SYMBOL, TERMINAL, TokenBuffer, WORD, assignSentences, tokenizeInto } from '../text/tokenize.js';
import { quotedAlone } from './quotedMention.js';
import { AskedFeeling } from './askedFeeling.js';
import { Apology, SORRY_HASH, SORRY_HEDGE, SORRY_REGRET, SORRY_SYMPATHY } from './apology.js';
import { Appraisal, BLOCK, KEEP, VALENCE_WEIGHT } from './appraisal.js';
import { MatchBuffer } from './matches.js';
import { ruleBit } from './rules.js';
import type { ResolvedOptions } from './options.js';
import { ContextRules } from './partOfSpeech.js';
import { DefaultNarrower } from './defaultNarrower.js';
import { TopicExperiencer } from './topicExperiencer.js';
import { SenseFrames } from './senseFrames.js';
import { incredulousQuestion } from './questionCue.js';
import { CONDUCIVE, NEGATED, negationAt, negatorRightBefore } from './negationScope.js';

/**
 * Weight of a bare "sorry" the apology rule reads: that of the lexicon's "i'm sorry" (0.8, names),
 * the formula it stands for.
 */
const SORRY_WEIGHT = 0.8;

/** The rule bit of a match over a stretched spelling ("sooooo happy", "loooove"). */
const STRETCHED = ruleBit('stretched-spelling');
const INTERJECTION_SCOPE = ruleBit('interjection-scope');
const CONDUCIVE_QUESTION = ruleBit('conducive-question');

/** "?": the mark whose cue the incredulity rule restricts. */
const QUESTION_MARK = 63;

const NO_EMOTIONS: readonly number[] = Object.freeze([]);

/** The longest multiword key found at a token: its entry, its last token, how its last word matched. */
interface MultiwordHit {
  entry: number;
  last: number;
  via: 0 | 1;
}

export class Matcher {
  readonly index: LexiconIndex;
  /** The tokens of the last text (its sentences assigned when a match or `perSentence` needed them). */
  readonly tokens = new TokenBuffer();
  /** The matches of the last text. */
  readonly matches = new MatchBuffer();
  /** Part-of-speech, question-frame and name rules (partOfSpeech.ts). */
  readonly context = new ContextRules();
  /** Per emotion: its opposites, or those of its nearest ancestor that has any ("happiness" -> joy's). */
  readonly #opposites: readonly (readonly number[])[];
  /** Per emotion: `[emotion]`, what a counted match adds to (shared, not allocated per match). */
  readonly #self: readonly (readonly number[])[];
  /** Punctuation cues: a sentence mark's char code and its entry, in the order "?!" tries them. */
  readonly #marks: ReadonlyArray<readonly [number, number]>;
  /** Default narrower readings of broad emotions (defaultNarrower.ts). */
  readonly #narrower: DefaultNarrower;
  /** Reused by #longest for its result. */
  readonly #hit: MultiwordHit = { entry: -1, last: 0, via: 0 };
  // Per-document scratch: the word record of each token (valid up to #infoUpTo).
  #infos: WordInfo[] = [];
  #infoUpTo = -1;
  /** Who feels it (appraisal.ts): evaluative and interpersonal words, the valence fallback. */
  readonly #appraisal: Appraisal;
  /** The text being matched (the appraisal rules read capitals in it). */
  #text = '';
  /** Evoking topic nouns kept only with an experiencer in the sentence (topicExperiencer.ts). */
  readonly #topic: TopicExperiencer;
  /**
   * Token spans (first, last pairs) of the text's multiword non-emotional expressions ("best
   * friends", "happy to help"): the valence fallback does not read a word inside one.
   */
  readonly #idioms: number[] = [];
  /** "Sorry": apology (regret) against sympathy (apology.ts). */
  readonly #apology: Apology;
  /**
   * Per entry: 1 for a one-word interjection ("lol", "haha", "ugh"; "wow" is a verb: 0), an entry
   * the store types lexinfo:interjection (the compiler's `invariable`, kb/entryClass.ts): no negator
   * reaches one (rule interjection-scope).
   */
  readonly #interjection: Uint8Array;
  /** Tag questions, physical senses, swear words as degree words (senseFrames.ts). */
  readonly #frames: SenseFrames;
  /** A feeling asked about in a yes/no question about someone else (askedFeeling.ts). */
  readonly #asked = new AskedFeeling();
  /** Per entry: 1 where the asked-feeling rule applies (no interjection, swear or evaluation). */
  readonly #askable: Uint8Array;

  constructor(index: LexiconIndex) {
    this.index = index;
    this.#opposites = index.emotions.map((_, i) => {
      for (const node of [...index.paths[i]!].reverse()) if (index.emotions[node]!.opposites.length) return index.emotions[node]!.opposites;
      return [];
    });
    this.#self = index.emotions.map((_, i) => Object.freeze([i]));
    this.#narrower = new DefaultNarrower(index, this.#self);
    // (`marks ?? []`: LexiconData is public, and data compiled by an older version has none)
    this.#marks = (index.data.marks ?? []).map(([mark, entry]) => [mark.charCodeAt(0), entry] as const);
    this.#appraisal = new Appraisal(index);
    this.#topic = new TopicExperiencer(index);
    this.#apology = new Apology(index);
    this.#interjection = Uint8Array.from(index.entries, (e) => (e.invariable && !e.lemma.includes(' ') ? 1 : 0));
    this.#frames = new SenseFrames(index);
    this.#askable = Uint8Array.from(index.entries, (e, i) =>
      e.source === 'lexicon' && !e.invariable && !this.#frames.isSwear(i) && !this.#appraisal.judges(i) ? 1 : 0,
    );
  }

  /** Finds the matches of `text` with negation and intensity settled, into `matches`; returns their number. */
  match(text: string, o: ResolvedOptions): number {
    const b = tokenizeInto(text, this.tokens, false);
    this.matches.clear();
    this.context.reset();
    this.#infoUpTo = -1;
    this.#text = text;
    this.#idioms.length = 0;
    this.#topic.reset();
    const count = b.count;
    const kind = b.kind;
    const cues = o.punctuationCues && this.#marks.length > 0;
    const hit = this.#hit;
    for (let t = 0; t < count; t++) {
      if (kind[t] !== WORD) {
        if (cues && kind[t] === TERMINAL) this.#cue(text, b, t, o);
        else if (kind[t] === SYMBOL && o.emoji) this.#symbol(text, b, t, o);
        continue;
      }
      const info = this.#infoAt(b, t);
      if (info.packed < 0 && info.mweMax === 0) {
        // (a bare "sorry" is no entry: the apology rule may read it as regret or sympathy)
        if (b.hash[t] === SORRY_HASH && o.apology) this.#bareSorry(text, b, t, o);
        continue;
      }
      if (info.stretched && !o.stretchedSpellings) continue;
      let entry = -1;
      let via: 0 | 1 | 2 = 0;
      let last = t;
      if (info.mweMax > 0 && this.#longest(b, t, info, hit)) {
        entry = hit.entry;
        last = hit.last;
        via = hit.via;
        if (last > t && this.index.entries[entry]!.senses.length === 0) this.#idioms.push(t, last);
      }
      if (entry < 0) {
        if (info.packed < 0) {
          // (a bare "sorry" is no entry: the apology rule may read it as regret or sympathy)
          if (o.apology && b.hash[t] === SORRY_HASH) this.#bareSorry(text, b, t, o);
          continue;
        }
        entry = info.packed >> 2;
        via = (info.packed & 3) as 0 | 1 | 2;
      }
      if (!b.sentencesDone) assignSentences(text, b);
      // a word quoted alone is mentioned, not used (quotedMention.ts)
      if (o.quotedMention && quotedAlone(text, b.start[t]!, b.end[last]!)) {
        t = last;
        continue;
      }
      if (last === t && (o.partOfSpeech || o.names) && this.context.blocks(text, b, t, this.index.entries[entry]!, via, o)) continue;
      this.#emit(b, t, last, entry, via, o);
      t = last;
    }
    if ((o.valence || o.evaluativeInfinitive) && this.matches.count === 0 && count > 0) this.#valenceFallback(text, b, o);
    // Last, after every rule that may move a match to another emotion: it reads the final emotion.
    if (o.defaultNarrower && this.matches.count > 0) this.#narrower.apply(this.matches, 0, this.matches.count);
    if (o.perSentence) assignSentences(text, b);
    if (this.#infos.length > 4096) this.#infos = [];
    return this.matches.count;
  }

  /** The word record of token t, looked up once per document. */
  #infoAt(b: TokenBuffer, t: number): WordInfo {
    if (t <= this.#infoUpTo) return this.#infos[t]!;
    const info = this.index.infoAt(b, t);
    this.#infos[t] = info;
    this.#infoUpTo = t;
    return info;
  }

  /**
   * A punctuation cue at terminal token t: when its run holds a mark with an entry ("?") and no
   * word of its sentence matched, the mark's entry counts once for the sentence, as a match on the
   * mark itself (neither negated nor scaled: the words around it are not its modifiers).
   */
  #cue(text: string, b: TokenBuffer, t: number, o: ResolvedOptions): void {
    let entry = -1;
    let mark = 0;
    for (let i = 0; i < this.#marks.length && entry < 0; i++) {
      const code = this.#marks[i]![0];
      for (let c = b.start[t]!; c < b.end[t]!; c++) {
        if (text.charCodeAt(c) === code) {
          entry = this.#marks[i]![1];
          mark = code;
          break;
        }
      }
    }
    if (entry < 0) return;
    if (!b.sentencesDone) assignSentences(text, b);
    const sentence = b.sentence[t]!;
    // Only a mark that closes its sentence ("what?happy", a URL's "?q=" do not), only a sentence
    // with words ("?" alone, the "!" of "? !"), and only one with no word matched.
    // (an emoji or a face after the mark belongs to its sentence: "Really? 👍")
    for (let k = b.sentenceLast[sentence]!; k > t; k--) if (b.kind[k] !== SYMBOL) return;
    const matches = this.matches;
    // "?": only a question that carries incredulity (questionCue.ts), unless `questionCue: 'any'`.
    const rules =
      mark === QUESTION_MARK && o.questionCue === 'incredulity'
        ? incredulousQuestion(text, b, sentence, t, matches, this.#underCue(entry))
        : 0;
    if (rules < 0) return;
    if (matches.count > 0 && matches.sentence[matches.count - 1] === sentence) return;
    let words = false;
    for (let k = b.sentenceFirst[sentence]!; k < t && !words; k++) words = b.kind[k] === WORD;
    if (!words) return;
    const from = matches.count;
    this.#emit(b, t, t, entry, 0, o, true);
    for (let m = from; m < matches.count; m++) matches.rules[m] = rules;
  }

  /**
   * An emoji or emoticon at token t with an entry of its own ("😂", ":(", "<3"): a match on the
   * symbol itself, as written (no lemma reaches one). It comments on the utterance as an
   * interjection does, and no negator before it reaches it (rule interjection-scope: "I'm not even
   * mad 😂" laughs) unless right before it, where it stands for a word ("I don't ❤️ it").
   */
  #symbol(text: string, b: TokenBuffer, t: number, o: ResolvedOptions): void {
    const info = this.#infoAt(b, t);
    if (info.packed < 0 || (info.packed & 3) !== 0) return;
    if (!b.sentencesDone) assignSentences(text, b);
    this.#emit(b, t, t, info.packed >> 2, 0, o);
  }

  /** Whether an emotion lies under the primary of a cue entry's first sense (made per cue: cues are rare). */
  #underCue(entry: number): (emotion: number) => boolean {
    const paths = this.index.paths;
    const primary = paths[this.index.entries[entry]!.senses[0]!.emotion]![0];
    return (emotion) => paths[emotion]![0] === primary;
  }

  /**
   * The longest multiword key starting at token t (contiguous words only), walking the trie of
   * keys word by word, so that a word that continues no key fails in one look-up. The last word
   * may be inflected ("broken hearts" for "broken heart"): its lemmas are tried where the exact
   * word fails. Each way in (the word, then each of its lemmas) is walked in turn; the longest hit
   * wins, and of equally long ones the first found. Writes it into `hit`; false when none.
   */
  #longest(b: TokenBuffer, t: number, first: WordInfo, hit: MultiwordHit): boolean {
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
        // (the edge filter first: most words after a key's first word continue none, and it
        // answers them without the string-keyed Map)
        let child: MweNode | undefined = this.index.mayFollow(node, b.hash[k]!) ? nexts.get(info.norm!) : undefined;
        if (child === undefined) {
          const lemmas = this.index.innerLemmasOf(info);
          for (let l = 0; l < lemmas.length && child === undefined; l++) child = nexts.get(lemmas[l]!);
          if (child === undefined) break;
          via = 1;
        }
        node = child;
        // Longer wins; at equal length the earlier way in (the word itself before its lemmas). An
        // invariable entry (an interjection: "get lost", "help me") only as written ("got lost" is not it).
        if (node.entry >= 0 && (!found || k > hit.last) && (via === 0 || !this.index.entries[node.entry]!.invariable)) {
          hit.entry = node.entry;
          hit.last = k;
          hit.via = via;
          found = true;
        }
      }
    }
    return found;
  }

  /** One match per sense of `entry` over tokens first..last (a cue: the mark itself, unscaled). */
  #emit(b: TokenBuffer, first: number, last: number, entry: number, via: 0 | 1 | 2, o: ResolvedOptions, cue = false): void {
    const negation = !cue && o.negation !== 'off' ? negationAt(b, this.#infos, first, o.conduciveQuestion) : 0;
    let negated = negation === NEGATED;
    // An interjection is no part of the clause a negator before it negates (rule interjection-scope):
    // as written (it has no inflections: "ripped" reaching "RIP" is none) and where it closes its
    // clause (before a clause boundary or the end: "rip your face off" is the verb). An emoji or a
    // face comments on what is said wherever it stands ("I can't stop laughing 😂 this is gold"),
    // unless the negator is right before it, where it stands for a word ("I don't ❤️ it").
    // a conducive negative question ("Isn't it wonderful?") names its rule on the match it leaves
    let scoped = negation === CONDUCIVE ? CONDUCIVE_QUESTION : 0;
    if (
      negated &&
      o.interjectionScope &&
      via === 0 &&
      (b.kind[first] === SYMBOL
        ? !negatorRightBefore(b, this.#infos, first)
        : this.#interjection[entry] === 1 && this.#closesClause(b, last))
    ) {
      negated = false;
      scoped = INTERJECTION_SCOPE;
    }
    let intensity = 1;
    if (!negated && !cue && o.intensity) intensity *= this.#modifierFactor(b, first, o);
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
    // a stretched spelling ("loooove") among the match's words: the match names the rule
    let spelled = 0;
    if (!cue) for (let k = first; k <= last && spelled === 0; k++) if (this.#infos[k]!.stretched) spelled = STRETCHED;
    if (o.topicExperiencer && this.#topic.drops(b, entry, sentence)) return;
    if (o.askedFeeling && !cue && this.#askable[entry] === 1 && this.#asked.drops(this.#text, b, first, sentence)) return;
    const frame = this.#frames.flags[entry]!;
    if (frame !== 0 && !cue && this.#frames.drops(frame, this.#text, b, first, last, o)) return;
    // A rule that moves the match chooses one emotion (`moved`) and names itself (`movedBy`).
    let moved = -1;
    let movedBy = 0;
    if (!cue && o.apology && this.#apology.concerns(entry)) {
      const ap = this.#apology;
      const reading = ap.read(this.#text, b, last);
      if (reading === SORRY_HEDGE) return;
      if (reading === SORRY_REGRET && ap.regret >= 0 && !ap.hedgeOnly(entry)) {
        moved = ap.regret;
        movedBy = ap.regretBit;
      }
    }
    if (moved < 0 && !cue && this.#appraisal.concerns(entry) && (o.appraisal || o.evaluativeFrame || o.undergoer)) {
      const ap = this.#appraisal;
      const to = ap.decide(this.#text, b, first, last, entry, via, o.appraisal, o.evaluativeFrame, o.undergoer);
      if (to === BLOCK) return;
      if (to !== KEEP && to >= 0) {
        moved = to;
        movedBy = ap.rule;
      }
    }
    if (moved >= 0) {
      // One match at the emotion the rule chose, as strong as the entry's strongest sense (senses are sorted).
      const sense = senses[0]!;
      const base = sense.weight * (sense.kind === 'evokes' ? o.evokesFactor : 1);
      if (base > 0)
        this.#push(
          b,
          start,
          end,
          sentence,
          entry,
          0,
          sense.kind === 'evokes' ? 1 : 0,
          via,
          moved,
          base * intensity,
          intensity,
          negated,
          movedBy | spelled | scoped,
          o,
        );
      return;
    }
    for (let s = 0; s < senses.length; s++) {
      const sense = senses[s]!;
      const base = sense.weight * (sense.kind === 'evokes' ? o.evokesFactor : 1);
      if (base > 0)
        this.#push(
          b,
          start,
          end,
          sentence,
          entry,
          s,
          sense.kind === 'evokes' ? 1 : 0,
          via,
          sense.emotion,
          base * intensity,
          intensity,
          negated,
          spelled | scoped,
          o,
        );
    }
  }

  /** Appends one match (a match a rule moved, or a valence match: entry -1) to the buffer. */
  #push(
    b: TokenBuffer,
    start: number,
    end: number,
    sentence: number,
    entry: number,
    sense: number,
    kind: 0 | 1,
    via: 0 | 1 | 2,
    emotion: number,
    weight: number,
    intensity: number,
    negated: boolean,
    rules: number,
    o: ResolvedOptions,
  ): void {
    const mb = this.matches;
    mb.reserve();
    const m = mb.count;
    mb.start[m] = start;
    mb.end[m] = end;
    mb.entry[m] = entry;
    mb.emotion[m] = emotion;
    mb.sense[m] = sense;
    mb.kind[m] = kind;
    mb.via[m] = via;
    mb.weight[m] = weight;
    mb.intensity[m] = intensity;
    mb.negated[m] = negated ? 1 : 0;
    mb.rules[m] = rules;
    mb.counted[m] = !negated ? this.#self[emotion]! : o.negation === 'opposite' ? this.#opposites[emotion]! : NO_EMOTIONS;
    mb.sentence[m] = sentence;
    mb.count = m + 1;
  }

  /**
   * A bare "sorry" (not inside an entry) at token k: a match on regret or sympathy where what
   * follows it says which and the speaker is the one who is sorry (apology.ts); nothing otherwise.
   */
  #bareSorry(text: string, b: TokenBuffer, k: number, o: ResolvedOptions): void {
    if (b.word(k) !== 'sorry') return;
    if (!b.sentencesDone) assignSentences(text, b);
    const ap = this.#apology;
    const reading = ap.read(text, b, k);
    if (reading !== SORRY_REGRET && reading !== SORRY_SYMPATHY) return;
    const emotion = reading === SORRY_REGRET ? ap.regret : ap.sympathy;
    if (emotion < 0 || !ap.speakerSays(b, k)) return;
    const negated = o.negation !== 'off' && negationAt(b, this.#infos, k, o.conduciveQuestion) === NEGATED;
    let intensity = 1;
    if (!negated && o.intensity) intensity *= this.#modifierFactor(b, k, o);
    if (o.emphasis) {
      if (b.sentenceExclaims[b.sentence[k]!]) intensity *= EXCLAMATION_FACTOR;
      if (b.flags[k]! & ALL_CAPS) intensity *= CAPITALS_FACTOR;
    }
    intensity = Math.min(INTENSITY_MAX, Math.max(INTENSITY_MIN, intensity));
    const rules = reading === SORRY_REGRET ? ap.regretBit : ap.sympathyBit;
    this.#push(b, b.start[k]!, b.end[k]!, b.sentence[k]!, -1, 0, 0, 0, emotion, SORRY_WEIGHT * intensity, intensity, negated, rules, o);
  }

  /** A text with no match: the weak valence matches of appraisal.ts (an evaluation of a person). */
  #valenceFallback(text: string, b: TokenBuffer, o: ResolvedOptions): void {
    this.#appraisal.fallback(
      text,
      b,
      (k, emotion, rules) => {
        for (let i = 0; i < this.#idioms.length; i += 2) if (k >= this.#idioms[i]! && k <= this.#idioms[i + 1]!) return false;
        this.#push(b, b.start[k]!, b.end[k]!, b.sentence[k]!, -1, 0, 1, 0, emotion, VALENCE_WEIGHT, 1, false, rules, o);
        return true;
      },
      o.valence,
      o.evaluativeInfinitive,
      o.valenceFrames,
    );
  }

  /** Whether token `last` ends its clause: the text ends, or a non-word token or a clause cue follows. */
  #closesClause(b: TokenBuffer, last: number): boolean {
    const next = last + 1;
    if (next >= b.count || b.kind[next] !== WORD) return true;
    return (this.#infoAt(b, next).cue & CUE_CLAUSE) !== 0;
  }

  /** Product of up to two modifiers directly before token `first` ("really very", "kind of"). */
  #modifierFactor(b: TokenBuffer, first: number, o: ResolvedOptions): number {
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
      if (info.modifier === 0 || (info.stretched && !o.stretchedSpellings)) break;
      factor *= info.modifier;
      k--;
    }
    return factor;
  }
}
