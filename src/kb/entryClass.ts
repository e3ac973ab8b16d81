// What kind of lexical entry a lemma is, in the standard vocabularies a lemon tool reads:
// ontolex:Word or ontolex:MultiwordExpression, and a lexinfo:partOfSpeech for every entry.
//
// An entry reviewed with a part of speech (noun, verb, adjective, adverb: the `-noun` ... of its
// IRI) keeps it. An entry reviewed without one (hand-curated exclamations, retorts, curses and the
// non-emotional collocations: 166 of 4,708 entries in the release of 2026-11-30) gets one here:
// most are exclamations said on their own ("ugh", "omg", "holy cow", "get lost", "no way"), which
// lexinfo calls interjections; the listed rest are what their use in the curation notes shows.
// The part of speech given here is data for RDF tools only: the IRI and the tagger's
// part-of-speech check (lexicon/compile.ts) go by the reviewed one, so an interjection, a
// punctuation mark or a pronoun never asks the tagger to check a word class, and the listed
// nouns, verbs and adjectives are multiword or not in WordNet's tagged corpus (no check either).
import { DataFactory } from '../rdf/n3.js';
import { LEXINFO, ONTOLEX, RDF } from '../rdf/namespaces.js';

const { namedNode, quad } = DataFactory;

/** lexinfo:partOfSpeech values the lexicon uses (lexinfo 3.0 individuals). */
export type LexinfoPartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb' | 'interjection' | 'pronoun' | 'punctuation' | 'symbol';

/** Entries reviewed without a part of speech that are not interjections, by lower-case lemma. */
const NOT_INTERJECTIONS: Readonly<Record<string, LexinfoPartOfSpeech>> = Object.freeze({
  // accepted entries (curation/en/manual.tsv, manual-dialogue.tsv, review-corpus.tsv)
  badass: 'adjective',
  motherfucking: 'adjective',
  fuckin: 'adverb',
  'out of nowhere': 'adverb',
  'cannot believe': 'verb',
  "didn't expect": 'verb',
  'never expected': 'verb',
  'heard enough': 'verb',
  'get away from': 'verb',
  'stay away from': 'verb',
  'lay a hand on': 'verb',
  // accepted in the lexical precision review (curation/en/context-precision.tsv)
  'sick of': 'adjective',
  'tired of': 'adjective',
  'make me sick': 'verb',
  'missed you': 'verb',
  'missing you': 'verb',
  // non-emotional expressions of the same review (`block` lines)
  'as all hell': 'adverb',
  'as fuck': 'adverb',
  'damn good': 'adjective',
  damning: 'adjective',
  'for fun': 'adverb',
  incredibly: 'adverb',
  'make fun': 'verb',
  'made fun': 'verb',
  'making fun': 'verb',
  'poking fun': 'verb',
  missed: 'verb',
  missing: 'adjective',
  stops: 'verb',
  stopped: 'verb',
  stopping: 'verb',
  'the fuck out': 'adverb',
  'the hell out': 'adverb',
  // non-emotional expressions of the second round (curation/en/context-precision-2.tsv)
  'would love to': 'verb',
  'screw up': 'verb',
  'screwed up': 'verb',
  'honey mustard': 'noun',
  'honey badger': 'noun',
  // accepted and non-emotional expressions of the third round (curation/en/context-precision-3.tsv)
  'make me smile': 'verb',
  'pain in the arse': 'noun',
  'waste of time': 'noun',
  'chicken tenders': 'noun',
  'could care less': 'verb',
  attractive: 'adjective',
  fated: 'adjective',
  joke: 'noun',
  jokes: 'noun',
  'happy to help': 'adjective',
  "i'd love to": 'verb',
  'honey dripper': 'noun',
  'legal tender': 'noun',
  'milk and honey': 'noun',
  'play it safe': 'verb',
  ridiculously: 'adverb',
  screwed: 'adjective',
  sweet: 'adjective',
  sweeter: 'adjective',
  sweetest: 'adjective',
  'tender age': 'noun',
  trouble: 'noun',
  troubles: 'noun',
  "you'd be surprised": 'verb',
  'you would be surprised': 'verb',
  // accepted in session 8 (curation/en/context-depth.tsv): the verb "like" with its experiencer
  'i like': 'verb',
  'we like': 'verb',
  'i really like': 'verb',
  'i also like': 'verb',
  'i actually like': 'verb',
  'i do like': 'verb',
  'i still like': 'verb',
  'i just like': 'verb',
  // non-emotional expressions (curation/en/context-review.tsv `block` lines)
  affect: 'noun',
  'best friend': 'noun',
  'good friend': 'noun',
  'best way': 'noun',
  'fun fact': 'noun',
  'gender dysphoria': 'noun',
  'good point': 'noun',
  'great deal': 'noun',
  'health care': 'noun',
  'my best': 'noun',
  'your best': 'noun',
  'worst case': 'noun',
  promise: 'noun',
  'bad at': 'adjective',
  'good at': 'adjective',
  'best of': 'adjective',
  'better than': 'adjective',
  'greater than': 'adjective',
  'hell of a': 'adjective',
  'safe to say': 'adjective',
  close: 'adjective',
  exclusive: 'adjective',
  heavy: 'adjective',
  low: 'adjective',
  passive: 'adjective',
  positive: 'adjective',
  rare: 'adjective',
  'as hell': 'adverb',
  'at best': 'adverb',
  'by accident': 'adverb',
  exclusively: 'adverb',
  'for good': 'adverb',
  together: 'adverb',
  'better not': 'verb',
  'can do': 'verb',
  'had better': 'verb',
  'lose weight': 'verb',
  pass: 'verb',
  "he'll": 'pronoun',
  // non-emotional expressions of session 10's second round (curation/en/context-precision-7.tsv)
  'get on with it': 'verb',
  'get on with the': 'verb',
  'get on with our': 'verb',
  'get on with my': 'verb',
  'get on with your': 'verb',
  'get on with their': 'verb',
  'get on with his': 'verb',
  'get on with life': 'verb',
  'kick ass': 'verb',
  'stirring the pot': 'verb',
  'make yourself comfortable': 'verb',
  'distress signal': 'noun',
  'distress call': 'noun',
  // accepted and non-emotional expressions of session 11 (curation/en/context-precision-8.tsv)
  'freaks me out': 'verb',
  'freaked me out': 'verb',
  'freaking me out': 'verb',
  'bugs me': 'verb',
  'bugged me': 'verb',
  'bugging me': 'verb',
  'turned on by': 'adjective',
  'had fun': 'verb',
  'having fun': 'verb',
  stunning: 'adjective',
  'make love': 'verb',
  'making love': 'verb',
  'made love': 'verb',
  'fuck it up': 'verb',
  'fucking it up': 'verb',
  'fucks it up': 'verb',
  'fuck this up': 'verb',
  'smart ass': 'noun',
  riley: 'noun',
  suicide: 'noun',
  insanely: 'adverb',
  painfully: 'adverb',
  friendly: 'adjective',
  'bloody murder': 'noun',
  'comic relief': 'noun',
  'comedic relief': 'noun',
  'relief pitcher': 'noun',
  'mouth shut': 'adjective',
  'trap shut': 'adjective',
  'shut it down': 'verb',
  'shut the door': 'verb',
  worthless: 'adjective',
  hungry: 'adjective',
  hungriest: 'adjective',
  cross: 'verb',
  sore: 'adjective',
  sorely: 'adverb',
  careful: 'adjective',
  carefully: 'adverb',
  argue: 'verb',
  argued: 'verb',
  argues: 'verb',
  'turn on': 'verb',
  'turns on': 'verb',
  'turned on': 'verb',
  'turning on': 'verb',
  // session 12 (curation/en/context-precision-10.tsv): `block` lines; the well-wishes "i wish you
  // the best" and "what do i care" are exclamations and keep the default
  desire: 'noun',
  'been a pleasure': 'verb',
  'pleasure to see you': 'noun',
  'care to': 'verb',
  'cared to': 'verb',
  poorly: 'adverb',
  poorer: 'adjective',
  poorest: 'adjective',
  'suck at': 'verb',
  'sucks at': 'verb',
  'sucked at': 'verb',
  'sucking at': 'verb',
  // session 12, after the audit (curation/en/context-precision-11.tsv)
  'in spite of': 'adverb',
  'blast off': 'verb',
  'rosy cheeks': 'noun',
  'kill them with kindness': 'verb',
  'kill him with kindness': 'verb',
  'kill her with kindness': 'verb',
  'kill em with kindness': 'verb',
  'good nerves': 'noun',
  'nerves of steel': 'noun',
  // session 12, sixth round (curation/en/context-precision-12.tsv)
  'is a blast': 'verb',
  "it's a blast": 'verb',
  'was a blast': 'verb',
  'bitter cold': 'noun',
  'bitter sweet': 'adjective',
  'false hope': 'noun',
  ferocious: 'adjective',
  hideously: 'adverb',
  insult: 'noun',
  'proven guilty': 'verb',
  shockingly: 'adverb',
  'sucker punch': 'noun',
  'sucker punched': 'verb',
  'suffer from': 'verb',
  'suffered from': 'verb',
  'suffering from': 'verb',
  'suffers from': 'verb',
  unbelievably: 'adverb',
});

/** This module's source, part of the compiled-lexicon cache's key (SENTENCE_MARKS; lexicon/compile.ts). */
export const ENTRY_CLASS_SOURCE = import.meta.url;

/**
 * The sentence marks an entry may be, a punctuation cue ("?": weak surprise, README "Method"), in
 * the order a "?!" tries them: the lexicon compiler reads these and no other run of marks, and
 * `term add` refuses any other (lexicon/keys.ts, unreadCharacters).
 */
export const SENTENCE_MARKS: readonly string[] = ['?', '!'];

/** The part of speech of an entry reviewed without one (see the header). */
export function defaultPartOfSpeech(lemma: string): LexinfoPartOfSpeech {
  const key = lemma.toLowerCase();
  // no letter: a sentence mark ("?") is punctuation, an emoji or an emoticon ("😂", ":(") a symbol
  if (!/[\p{L}\p{N}]/u.test(key)) return SENTENCE_MARKS.includes(key.trim()) ? 'punctuation' : 'symbol';
  return NOT_INTERJECTIONS[key] ?? 'interjection';
}

/** ontolex:MultiwordExpression for a lemma with a space ("fed up"), ontolex:Word otherwise ("tut-tut", "?"). */
export function wordClass(lemma: string) {
  return lemma.includes(' ') ? ONTOLEX.MultiwordExpression : ONTOLEX.Word;
}

/** The entry's ontolex word typing and its lexinfo part of speech (the reviewed one, or the default). */
export function entryClassQuads(entry: string, lemma: string, pos: LexinfoPartOfSpeech | undefined) {
  const node = namedNode(entry);
  return [
    quad(node, RDF.type, wordClass(lemma)),
    quad(node, LEXINFO.partOfSpeech, namedNode(`${LEXINFO.base}${pos ?? defaultPartOfSpeech(lemma)}`)),
  ];
}
