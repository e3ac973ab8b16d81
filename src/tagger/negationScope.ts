// Negation scope: a negator reaches the next NEGATION_WINDOW (4) words after itself and stops
// earlier at a clause boundary (, ; : . ! ? brackets, quotes, dashes, a line break, or "but",
// "however", "although", "though", "yet" ...). Both limits apply: whichever comes first. A focus
// particle between ("not just sad", "doesn't only hurt") takes the negation onto itself, except
// after a negated modal ("can't just be happy"); "matter how" opens a clause of its own; an emoji
// or a face inside the window is passed over. The matcher asks it of every match it emits.
//
// A negative question that opens its sentence asks for agreement, and its negation is not of the
// feeling (session 12): "Isn't it wonderful?", "Wasn't that wonderful?", "Don't you hate it when
// ...?", "Aren't you afraid the same thing will happen to you?" say the speaker finds it wonderful,
// hates it, thinks you should be afraid (conducive negative questions, Quirk et al. 1985, §11.8-
// 11.9). The negator is a negative auxiliary first in its sentence (or after one or two discourse
// openers, "so", "well", "wait": text/sentences.ts, sentenceHead, shared with asked-feeling), a
// subject right after it, and the sentence ends in "?". A non-assertive word in the sentence ("ever", "any", "anyone", "anymore", "yet", "at all") keeps the negation: "Aren't
// you ever satisfied?", "Doesn't anyone care?", "Don't you feel embarrassed at all?" say no one is.
// "Can't", "won't", "couldn't" keep it too ("Can't you be happy for me?" complains that you are
// not); so does an imperative ("Don't tell me you're embarrassed?": no subject after "don't").
import type { WordInfo } from '../lexicon/wordInfo.js';
import {
  CUE_CLAUSE,
  CUE_DETERMINER,
  CUE_FOCUS,
  CUE_MODAL_NEGATOR,
  CUE_NEGATOR,
  CUE_PSEUDO,
  DETERMINER_REACH,
  NEGATION_WINDOW,
  isPseudoNegation,
} from '../text/cues.js';
import { SYMBOL, WORD, assignSentences, hashWord, sentenceAsks, sentenceHead, type TokenBuffer } from '../text/tokenize.js';

const HOW = hashWord('how');

/** What `negationAt` finds: no negator reaches the match; one does; one would, but opens a conducive question. */
export const NOT_NEGATED = 0;
export const NEGATED = 1;
export const CONDUCIVE = 2;

/**
 * Whether a negator within the window before token `first` reaches it (no clause boundary
 * between): NEGATED, or NOT_NEGATED; CONDUCIVE where it does but opens a conducive negative
 * question and `conducive` (option conduciveQuestion) is on. Reads the cue bits of the word
 * records `infos` (by token): every word token before `first` has one.
 */
export function negationAt(b: TokenBuffer, infos: readonly WordInfo[], first: number, conducive: boolean): number {
  let words = 0;
  let focus = false;
  for (let k = first - 1; k >= 0; k--) {
    // an emoji or a face inside the window is no clause boundary ("I'm not 😤 happy")
    if (b.kind[k] === SYMBOL) continue;
    if (b.kind[k] !== WORD) return NOT_NEGATED;
    const cue = infos[k]!.cue;
    if (cue & CUE_CLAUSE) return NOT_NEGATED;
    // a focus particle between takes the negation ("not just sad", "not funny just sad"), but not
    // as a degree word of a comparison ("not just as tickled as they are": equally)
    if (cue & CUE_FOCUS && !(b.kind[k + 1] === WORD && b.word(k + 1) === 'as')) focus = true;
    // "(it doesn't / no) matter how stupid ...": the negation is of "matter", and the clause after
    // "matter how" is a concessive one of its own (Quirk et al. 1985, §15.42): not negated
    if (b.hash[k] === HOW && k > 0 && b.kind[k - 1] === WORD && b.word(k) === 'how' && b.word(k - 1) === 'matter') return NOT_NEGATED;
    // (the token after k is a word or a symbol: k + 1 <= first)
    if (
      cue & CUE_NEGATOR &&
      !(cue & CUE_PSEUDO && isPseudoNegation(b.word(k), b.word(k + 1))) &&
      !(cue & CUE_DETERMINER && words >= DETERMINER_REACH)
    ) {
      if (focus && (cue & CUE_MODAL_NEGATOR) === 0) return NOT_NEGATED;
      return conducive && conduciveQuestion(b, k) ? CONDUCIVE : NEGATED;
    }
    if (++words >= NEGATION_WINDOW) return NOT_NEGATED;
  }
  return NOT_NEGATED;
}

const NEGATIVE_AUXILIARIES = new Set(
  [
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "don't",
    "doesn't",
    "didn't",
    "haven't",
    "hasn't",
    "wouldn't",
    'isnt',
    'arent',
    'wasnt',
    'werent',
    'dont',
    'doesnt',
    'didnt',
    'havent',
    'hasnt',
    'wouldnt',
  ].map(hashWord),
);
/** Subjects right after it: pronouns, determiners of a noun subject, a name placeholder's word. */
const SUBJECTS = new Set(
  [
    'you',
    'u',
    'ya',
    'we',
    'they',
    'he',
    'she',
    'it',
    'that',
    'this',
    'there',
    'everyone',
    'everybody',
    'people',
    'the',
    'your',
    'his',
    'her',
    'their',
    'our',
    'my',
    'these',
    'those',
  ].map(hashWord),
);
/** Non-assertive words: with one in the sentence the question's negation is meant ("ever", "at all"). */
const NON_ASSERTIVE = new Set(['ever', 'any', 'anyone', 'anybody', 'anything', 'anymore', 'yet'].map(hashWord));
const AT = hashWord('at');
const ALL = hashWord('all');
const OPEN_BRACKET = 0x5b;

/**
 * Whether the negator at token k opens a conducive negative question ("Isn't it wonderful?"):
 * first in its sentence (or after an opener), a subject after it, a "?" at the end, no
 * non-assertive word in the sentence.
 */
function conduciveQuestion(b: TokenBuffer, k: number): boolean {
  if (!NEGATIVE_AUXILIARIES.has(b.hash[k]!)) return false;
  if (!b.sentencesDone) assignSentences(b.text, b);
  const sentence = b.sentence[k]!;
  const head = b.sentenceFirst[sentence]!;
  if (sentenceHead(b, sentence, k + 1) !== k) return false;
  const next = k + 1;
  if (next >= b.count) return false;
  const subject = b.kind[next] === WORD ? SUBJECTS.has(b.hash[next]!) : b.text.charCodeAt(b.start[next]!) === OPEN_BRACKET; // "[NAME]"
  if (!subject || !sentenceAsks(b.text, b, sentence)) return false;
  for (let p = head; p <= b.sentenceLast[sentence]!; p++) {
    if (b.kind[p] !== WORD) continue;
    if (NON_ASSERTIVE.has(b.hash[p]!) || (b.hash[p] === ALL && p > head && b.hash[p - 1] === AT)) return false;
  }
  return true;
}

/** Whether the word right before token `t` is a negator ("don't ❤️", "not 😂"). */
export function negatorRightBefore(b: TokenBuffer, infos: readonly WordInfo[], t: number): boolean {
  return t > 0 && b.kind[t - 1] === WORD && (infos[t - 1]!.cue & CUE_NEGATOR) !== 0;
}
