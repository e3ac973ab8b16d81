// Situation phrases as corpus candidates (`emokb expand --corpus FILE --phrases`): the events that
// call an emotion up in personal writing are mostly said with a verb and what it takes ("passed
// away", "lost my job", "got promoted", "broke up", "failed the exam"), not with a single word the
// word-level method (corpus.ts) could count: "lost", "job", "passed" and "away" each carry no
// emotion of their own, and "lost" already matches as an evoking word of fear. Appraisal theory
// puts the emotion in the event as the person appraises it (loss -> sadness, goal attainment ->
// joy, threat -> fear; Ortony, Clore & Collins 1988, Scherer 2001); the phrase is the unit that
// names the event.
//
// Three shapes are counted, each keyed by the form a lexicon entry takes (verb first, in its
// lemma, so that the tagger's multiword matching reaches the inflections):
// - a phrasal verb WordNet lists ("pass away", "break up"): verb + the next word, when WordNet
//   has the two as one verb;
// - a verb with its object ("lose one's job", "fail the exam", "get a raise"): verb + a possessive
//   or an article + a noun; a possessive is written "one's", the dictionary convention for the
//   owner's slot, which the lexicon compiler opens to every possessive;
// - a passive or "get" with a past participle ("get promoted", "get engaged", "be diagnosed"):
//   what happened to the writer.
// The determiner and auxiliary sets below are closed classes of English grammar, used only to find
// candidates; what the tagger matches is decided by the reviewed entries.
import { TokenBuffer, WORD, tokenizeInto } from '../text/tokenize.js';
import { lemmatizer } from './morphology.js';
import type { WordNet } from '../wordnet/wordnet.js';

const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'our', 'their']);
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
/** Forms of "be" and "get" before a past participle: the passive and the "get" passive. */
const PASSIVE_AUXILIARIES: ReadonlyMap<string, string> = new Map([
  ...['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being'].map((w) => [w, 'be'] as const),
  ...['get', 'gets', 'got', 'gotten', 'getting'].map((w) => [w, 'get'] as const),
]);
/** Verbs too light to head an event phrase with an object ("have a day", "do the thing", "be the one"). */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['be', 'have', 'do']);

/** The possessive slot as written in a lexicon entry ("lose one's job"). */
export const OWNER_SLOT = "one's";

export interface PhraseContext {
  wn: WordNet;
  /** Whether a word already matches in the lexicon: a phrase around an emotion word ("lose one's temper") is not a new situation. */
  isKnown?: (word: string) => boolean;
  /** Whether a word names an emotion: a phrase it heads ("love the idea", "hate one's job") says the emotion, it does not evoke one. */
  namesEmotion?: (word: string) => boolean;
  /** Whether the lexicon already has the phrase as a multiword entry. */
  isKnownPhrase?: (phrase: string) => boolean;
  /** Words that carry no content (stop words): never the object of a phrase. */
  stopwords: ReadonlySet<string>;
}

/** Candidate phrase (verb lemma first) -> the surface forms seen in this document. */
export function situationPhrases(text: string, buffer: TokenBuffer, ctx: PhraseContext): Map<string, string> {
  tokenizeInto(text, buffer, false);
  const out = new Map<string, string>();
  const n = buffer.count;
  // Contiguous words only: a punctuation token between two words ends the phrase.
  const word = (t: number): string | null => (t < n && buffer.kind[t] === WORD ? buffer.word(t) : null);
  for (let t = 0; t < n; t++) {
    if (buffer.kind[t] !== WORD) continue;
    const w = buffer.word(t);
    const next = word(t + 1);
    if (next === null) continue;
    const auxiliary = PASSIVE_AUXILIARIES.get(w);
    if (auxiliary !== undefined) {
      const participle = pastParticiple(next, ctx);
      if (participle) out.set(`${auxiliary} ${next}`, `${w} ${next}`);
      continue;
    }
    const verb = verbLemma(w, ctx.wn);
    if (verb === null || ctx.namesEmotion?.(w) || ctx.namesEmotion?.(verb)) continue;
    if (ctx.wn.lookup(`${verb}_${next}`, 'v').length && !ctx.isKnown?.(next)) out.set(`${verb} ${next}`, `${w} ${next}`);
    if (LIGHT_VERBS.has(verb)) continue;
    const determiner = POSSESSIVES.has(next) ? OWNER_SLOT : ARTICLES.has(next) ? next : null;
    const object = determiner === null ? null : word(t + 2);
    if (object === null || !contentNoun(object, ctx)) continue;
    out.set(`${verb} ${determiner} ${object}`, `${w} ${next} ${object}`);
  }
  if (ctx.isKnownPhrase) for (const phrase of out.keys()) if (ctx.isKnownPhrase(phrase)) out.delete(phrase);
  return out;
}

/** The WordNet verb lemma of a word, or null when it is not a verb form. */
function verbLemma(word: string, wn: WordNet): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  if (wn.lookup(word, 'v').length) return word;
  const lemma = lemmatizer.verb(word);
  return lemma !== word && wn.lookup(lemma, 'v').length ? lemma : null;
}

/** A regular or irregular past participle of a WordNet verb ("promoted", "diagnosed", "broken"). */
function pastParticiple(word: string, ctx: PhraseContext): boolean {
  if (!/^[a-z]+(ed|en|t|n)$/.test(word) || ctx.stopwords.has(word) || ctx.isKnown?.(word)) return false;
  const lemma = lemmatizer.verb(word);
  return lemma !== word && ctx.wn.lookup(lemma, 'v').length > 0;
}

/** A noun with content: WordNet has it (or its singular) as a noun, not a stop word, not already an emotion word. */
function contentNoun(word: string, ctx: PhraseContext): boolean {
  if (!/^[a-z]{3,}$/.test(word) || ctx.stopwords.has(word) || ctx.isKnown?.(word)) return false;
  return ctx.wn.lookup(word, 'n').length > 0 || ctx.wn.lookup(lemmatizer.noun(word), 'n').length > 0;
}
