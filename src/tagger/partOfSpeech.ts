// Context rules that block a single-word match by what the word is in its sentence:
//
// - part of speech (option `partOfSpeech`): an entry with a part of speech (lexinfo:partOfSpeech)
//   whose word can also be another part of speech that no entry covers (posCheck, compiled from
//   WordNet, lexicon/wordClasses.ts) matches only a token the part-of-speech tagger reads as that
//   part of speech: "It was a fit" (noun: anger) but not "the shoes fit"; "I am content" but not
//   "the content". The same option holds the question frame: a verb of asking before an embedded
//   question ("I was wondering whether ...") is a question, not amazement (text/frames.ts).
// - names (option `names`): a capitalised word inside a sentence (not its first word, not "I", not
//   a hashtag, not in a text written in capitals or title case) that is a name, not the emotion:
//   "General Hope", "Joy Street", "I love Grace" (see isName).
//
// The part-of-speech tagger (text/posTagger.ts, wink-nlp) runs only for a posCheck match that the
// words around do not settle, on a window of WINDOW words either side (once per window); a text
// with none never loads it. On GoEmotions train 0.8% of the texts need it, and it is the rules'
// whole cost (+20% CPU in-process: `node bench/partOfSpeech.mjs`, README Method 9).
import type { LexiconEntry, PartOfSpeech } from '../lexicon/types.js';
import {
  EMBEDDED_QUESTION_OPENERS,
  NOMINAL_BEFORE,
  OBJECT_AFTER,
  OBJECT_PRONOUNS,
  PREDICATIVE_BEFORE,
  QUESTION_FRAME_LEMMAS,
  QUESTION_FRAME_VERBS,
  VERBAL_BEFORE,
} from '../text/frames.js';
import { tagAt, tagSentence, type SentenceTags } from '../text/posTagger.js';
import { ALL_CAPS, WORD, type TokenBuffer } from '../text/tokenize.js';
import type { ResolvedOptions } from './options.js';

/**
 * The tags each part of speech of an entry accepts. Lenient where wink-nlp errs: a proper noun is
 * the names rule's business, not a mismatch; an interjection or unknown word ("X") decides nothing.
 */
const ACCEPTS: Readonly<Record<PartOfSpeech, ReadonlySet<string>>> = {
  noun: new Set(['NOUN', 'PROPN', 'X', 'INTJ', 'SYM', 'PUNCT', 'NUM']),
  // a verb read as a noun keeps its event ("a cry", "the pain"): see AGAINST in lexicon/compile.ts
  verb: new Set(['VERB', 'AUX', 'NOUN', 'PROPN', 'X', 'INTJ', 'SYM', 'PUNCT', 'NUM']),
  // an adjective read as an adverb is a degree word ("damn good"), the intensity rules' concern
  adjective: new Set(['ADJ', 'ADV', 'PROPN', 'X', 'INTJ', 'SYM', 'PUNCT', 'NUM']),
  adverb: new Set(['ADV', 'ADJ', 'ADP', 'PART', 'PROPN', 'X', 'INTJ', 'SYM', 'PUNCT', 'NUM']),
};

/** Words either side of a match that the part-of-speech tagger sees. */
const WINDOW = 2;

/** Per text: the tags of the windows asked about (each tagged once). */
export class ContextRules {
  #tags = new Map<number, SentenceTags>();
  /** Title-case or capitals text: -1 not yet known, 0 no, 1 yes. */
  #capitalised = -1;
  /** Texts that needed the part-of-speech tagger, for the bench's figure. */
  tagged = 0;

  reset(): void {
    if (this.#tags.size) this.#tags = new Map();
    this.#capitalised = -1;
  }

  /**
   * Whether a single-word match of `entry` at token t is blocked. `via` 2 (a derivation) changes
   * the part of speech by design ("kindly" for "kindness") and is not tested for it.
   */
  blocks(text: string, b: TokenBuffer, t: number, entry: LexiconEntry, via: number, o: ResolvedOptions): boolean {
    // (the entry's lemma first: reading the neighbouring words makes strings, not worth it per match)
    if (o.partOfSpeech && QUESTION_FRAME_LEMMAS.has(entry.lemma) && inQuestionFrame(b, t)) return true;
    if (o.names && this.#nameCandidate(text, b, t) && isName(b, t, entry, this.#inCapitalisedRun(text, b, t))) return true;
    if (!o.partOfSpeech || entry.posCheck !== true || via === 2) return false;
    // The words around decide most cases without the tagger (see README, Method, for the share).
    const decided = byContext(b, t, entry);
    if (decided !== undefined) return decided;
    const tag = this.#tagOf(text, b, t);
    if (tag === undefined || ACCEPTS[entry.pos!].has(tag)) return false;
    // wink-nlp often reads an adjective as a verb ("am so upset/VERB", "tired, cross/VERB and
    // hungry"): an adjective read as a verb is blocked only with an object after it ("cross the road").
    if (entry.pos === 'adjective' && (tag === 'VERB' || tag === 'AUX'))
      return t + 1 < b.count && b.kind[t + 1] === WORD && OBJECT_AFTER.has(b.word(t + 1));
    // A verb's participle used as an adjective keeps the verb's sense ("so worried").
    if (entry.pos === 'verb' && tag === 'ADJ' && b.word(t) !== entry.lemma.toLowerCase()) return false;
    return true;
  }

  /**
   * The tag of token t, from tagging a window of its sentence (WINDOW words either side): wink-nlp
   * decides a tag from the nearby words, and a window of 9 tokens costs half of a 20-token sentence
   * (40 against 80 microseconds, measured on the shared development machine).
   */
  #tagOf(text: string, b: TokenBuffer, t: number): string | undefined {
    const s = b.sentence[t]!;
    const first = Math.max(b.sentenceFirst[s]!, t - WINDOW);
    const last = Math.min(b.sentenceLast[s]!, t + WINDOW);
    const from = b.start[first]!;
    const key = first * 65536 + last;
    let tags = this.#tags.get(key);
    if (tags === undefined) {
      if (this.#tags.size === 0) this.tagged++;
      tags = tagSentence(text.slice(from, b.end[last]!));
      this.#tags.set(key, tags);
    }
    return tagAt(tags, b.start[t]! - from, b.end[t]! - from);
  }

  /**
   * Whether a neighbouring word is capitalised too, and not the first of its sentence: "General
   * Hope", "Joy Street", "Happy Valley" (a multiword name, whatever the tagger reads).
   */
  #inCapitalisedRun(text: string, b: TokenBuffer, t: number): boolean {
    const s = b.sentence[t]!;
    const before = t - 1 > b.sentenceFirst[s]! && b.kind[t - 1] === WORD && capitalised(text, b, t - 1);
    const after = t + 1 <= b.sentenceLast[s]! && b.kind[t + 1] === WORD && capitalised(text, b, t + 1);
    return before || after;
  }

  /** A capitalised word inside a sentence, not "I" nor a hashtag, in a text written in ordinary case. */
  #nameCandidate(text: string, b: TokenBuffer, t: number): boolean {
    const first = text.charCodeAt(b.start[t]!);
    if (first < 65 || first > 90 || b.flags[t]! & ALL_CAPS) return false;
    if (b.end[t]! - b.start[t]! === 1 && first === 73) return false; // "I"
    if (b.start[t]! > 0 && text.charCodeAt(b.start[t]! - 1) === 35) return false; // "#Happy"
    // the first word of its sentence
    let k = t - 1;
    const sentenceFirst = b.sentenceFirst[b.sentence[t]!]!;
    while (k >= sentenceFirst && b.kind[k] !== WORD) k--;
    if (k < sentenceFirst) return false;
    if (this.#capitalised < 0) this.#capitalised = capitalisedText(text, b) ? 1 : 0;
    return this.#capitalised === 0;
  }
}

/**
 * Whether the words around token t settle the part of speech of an entry's match: true blocks,
 * false keeps, undefined leaves it to the tagger. After a determiner a noun or a verb is kept
 * (a verb read as a noun keeps its event: "a cry"); after "to", a modal or a subject pronoun a verb is kept and a noun or an adjective
 * blocked; after a copula or a degree word an adjective is kept, and so is one with no
 * determiner before it and no object after it. A noun entry reached through an
 * -ed or -ing form ("attacked", "wondering") or followed by an object pronoun ("fits me") is a verb.
 */
function byContext(b: TokenBuffer, t: number, entry: LexiconEntry): boolean | undefined {
  const pos = entry.pos!;
  if (pos === 'noun') {
    const word = b.word(t);
    if (
      word !== entry.lemma &&
      (word.endsWith('ed') || word.endsWith('ing')) &&
      !entry.lemma.endsWith('ed') &&
      !entry.lemma.endsWith('ing')
    )
      return true;
    if (t + 1 < b.count && b.kind[t + 1] === WORD && OBJECT_PRONOUNS.has(b.word(t + 1))) return true;
  }
  const before = t > 0 && b.kind[t - 1] === WORD ? b.word(t - 1) : '';
  // An adjective's blocking readings are a noun after a determiner ("the content", "a cross") and a
  // verb with an object ("cross the road"; "to cross" below): without either around, it stays an
  // adjective. This spares the tagger most adjective matches ("cool" was 30% of its calls on
  // GoEmotions train).
  if (pos === 'adjective' && !NOMINAL_BEFORE.has(before) && !VERBAL_BEFORE.has(before)) {
    if (!(t + 1 < b.count && b.kind[t + 1] === WORD && OBJECT_AFTER.has(b.word(t + 1)))) return false;
  }
  if (before === '') return undefined;
  if (NOMINAL_BEFORE.has(before)) return pos === 'noun' ? false : pos === 'verb' ? false : undefined;
  if (VERBAL_BEFORE.has(before)) return pos === 'verb' ? false : pos === 'adverb' ? undefined : true;
  if (pos === 'adjective' && PREDICATIVE_BEFORE.has(before)) return false;
  return undefined;
}

/**
 * Whether a capitalised word inside a sentence is a name. A run of capitalised words is one
 * ("General Hope", "Joy Street", "Happy Valley"). A single one is a name when it is a noun (or a
 * label) not after a determiner or possessive ("I love Grace", "watching Glee", but "my Love", "the
 * Joy of it" are the nouns written with emphasis); an adjective or a verb alone in capitals is
 * emphasis ("so Happy", "I Hate it"). Decided from capitals and the word before, without the
 * part-of-speech tagger: wink-nlp reads nearly every capitalised noun inside a sentence as a
 * proper noun, so asking it added its cost (a third of the texts it was run on, GoEmotions dev)
 * and no decision.
 */
function isName(b: TokenBuffer, t: number, entry: LexiconEntry, inRun: boolean): boolean {
  if (inRun) return true;
  if (entry.pos !== undefined && entry.pos !== 'noun') return false;
  return !(t > 0 && b.kind[t - 1] === WORD && NOMINAL_BEFORE.has(b.word(t - 1)));
}

/** "wondering whether/if/why ...": a verb of asking before an embedded question. */
function inQuestionFrame(b: TokenBuffer, t: number): boolean {
  if (t + 1 >= b.count || b.kind[t + 1] !== WORD) return false;
  if (!EMBEDDED_QUESTION_OPENERS.has(b.word(t + 1)) || !QUESTION_FRAME_VERBS.has(b.word(t))) return false;
  // "no wonder why", "a wonder how": the noun
  return !(t > 0 && b.kind[t - 1] === WORD && (NOMINAL_BEFORE.has(b.word(t - 1)) || b.word(t - 1) === 'no'));
}

/** A word that begins with a capital and is neither in capitals nor "I". */
function capitalised(text: string, b: TokenBuffer, k: number): boolean {
  const c = text.charCodeAt(b.start[k]!);
  return c >= 65 && c <= 90 && !(b.flags[k]! & ALL_CAPS) && !(c === 73 && b.end[k]! - b.start[k]! === 1);
}

/**
 * A text in title case or capitals (a headline, a title, shouting): more than half of the words
 * that do not open a sentence (at least three of them) begin with a capital, so a capital says
 * nothing about names there.
 */
function capitalisedText(text: string, b: TokenBuffer): boolean {
  let words = 0;
  let capitals = 0;
  let sentence = -1;
  for (let k = 0; k < b.count; k++) {
    if (b.kind[k] !== WORD) continue;
    if (b.sentence[k] !== sentence) {
      sentence = b.sentence[k]!;
      continue;
    }
    words++;
    const c = text.charCodeAt(b.start[k]!);
    if (c >= 65 && c <= 90) capitals++;
  }
  return words >= 3 && capitals * 2 > words;
}
