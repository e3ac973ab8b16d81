// Questions that carry incredulity: what English marks as surprise or disbelief in a question, as
// opposed to a question that asks for information ("Where are the keys?"). The question cue
// (tagger/questionCue.ts) fires only on these. Closed lists, kept small so a reader can see why a
// question counted; grounded in the grammar of echo and exclamative questions, not in any corpus:
//
// - Echo questions repeat or question part of what was just said, and the incredulous ones keep
//   the wh-word in place ("You did WHAT?", "He went where?") or repeat a word or fragment
//   ("Him?", "Now?"): Quirk, Greenbaum, Leech and Svartvik, A Comprehensive Grammar of the English
//   Language (1985), 11.33-11.35 (recapitulatory and explicatory echo questions); Huddleston and
//   Pullum, The Cambridge Grammar of the English Language (2002), ch. 10 §4.7; Noh, "Echo
//   questions: metarepresentation and pragmatic enrichment", Linguistics and Philosophy 21 (1998).
// - Conventional formulas of disbelief: "really?", "seriously?", "what?", "are you kidding?",
//   "no way?", "since when?" (the dictionaries gloss them so: Oxford, "really": expressing
//   surprise or doubt; "seriously": asking whether someone is joking).
// - Rhetorical questions of indignant disbelief, "how could you ...?", "why would anyone ...?":
//   they assert that the thing is hard to believe rather than ask for a reason (Quirk et al.
//   11.23, rhetorical questions; Huddleston and Pullum ch. 10 §4.6).
// - Marked punctuation: "?!", "!?", "??": the interrobang's job, a question asked in surprise.
// Left out on purpose: "huh?" is the universal repair initiator (Dingemanse, Torreira and
// Enfield, "Is 'Huh?' a universal word?", PLoS ONE 8 (2013)): "I did not hear", not disbelief;
// a bare "why?" or "where?" asks for information.
import { OTHER_PERSON_SUBJECTS } from './appraisalCues.js';
import { TERMINAL, WORD, type TokenBuffer } from './tokenBuffer.js';

/** What a question is, for the cue: not incredulous, incredulous, or wholly an incredulity formula. */
export const NOT_INCREDULOUS = 0;
/** Incredulous by its punctuation or frame: the cue fires only when no word of it matched. */
export const INCREDULOUS = 1;
/**
 * The question is nothing but an incredulity formula ("Are you serious?", "Seriously?"): its words
 * are the formula, not separate evidence ("serious" does not mean worry there), so a match on them
 * gives way to the cue.
 */
export const FORMULA = 2;

/** Whole questions that are disbelief formulas, as their normalised words joined by spaces. */
const FORMULAS: ReadonlySet<string> = new Set([
  'really',
  'oh really',
  'seriously',
  'what',
  'wait what',
  'say what',
  'for real',
  'no way',
  'since when',
  'are you kidding',
  'are you kidding me',
  'are you joking',
  'are you serious',
  'are you for real',
  'you are kidding',
  'you are joking',
  "you're kidding",
  "you're joking",
  "you're kidding me",
  'you are kidding me',
  "you can't be serious",
  'you cant be serious',
  'is this real',
  'is this for real',
  'is this a joke',
  'is that a joke',
]);

/** Words that may make up a short fragment echo question ("Him?", "Now?", "Me? Today?"). */
const ECHO_FRAGMENT: ReadonlySet<string> = new Set([
  'me',
  'him',
  'her',
  'us',
  'them',
  'you',
  'now',
  'here',
  'there',
  'today',
  'tonight',
  'tomorrow',
  'already',
  'again',
]);

/** Wh-words that, left in place at the end of a question, make an echo question ("You did what?"). */
const IN_SITU_WH: ReadonlySet<string> = new Set(['what', 'who', 'where', 'when', 'whom']);

/**
 * Words before a final wh-word that make an ordinary question or a set phrase, not an echo:
 * "so what?", "guess what?", "you know what?", "about what?", "for what?".
 */
const NOT_ECHO_BEFORE_WH: ReadonlySet<string> = new Set([
  'so',
  'or',
  'and',
  'guess',
  'know',
  'for',
  'about',
  'of',
  'with',
  'to',
  'from',
  'at',
  'on',
  'in',
  'by',
  'like',
  'than',
  'because',
  'since',
  'until',
  'till',
  'else',
]);

/** "how could/can/would X ...?" and "why would X ...?": X another person, not the speaker asking for help. */
const RHETORICAL_MODALS: ReadonlySet<string> = new Set(['could', 'can', 'would', 'could’ve', "could've"]);
const RHETORICAL_SUBJECTS: ReadonlySet<string> = new Set([...OTHER_PERSON_SUBJECTS, 'one']);

/** The longest formula, in words (longer questions are not looked up in FORMULAS). */
const FORMULA_MAX_WORDS = 4;

/**
 * Whether the question of tokens first..terminal (terminal: its closing mark's token, a TERMINAL)
 * carries incredulity. `text` is the input (to read the closing marks).
 */
export function incredulity(text: string, b: TokenBuffer, first: number, terminal: number): number {
  // Marked punctuation: "?!", "!?", "??" (a run of marks is one terminal token).
  let questions = 0;
  let exclaims = 0;
  for (let c = b.start[terminal]!; c < b.end[terminal]!; c++) {
    const code = text.charCodeAt(c);
    if (code === 63 || code === 0xff1f) questions++;
    else if (code === 33 || code === 0xff01) exclaims++;
  }
  // The words of the question (clause marks like "," in "Wait, what?" are skipped).
  const words: number[] = [];
  for (let k = first; k < terminal; k++) {
    if (b.kind[k] === WORD) words.push(k);
    else if (b.kind[k] === TERMINAL) return NOT_INCREDULOUS;
  }
  const n = words.length;
  if (n === 0) return NOT_INCREDULOUS;
  const w = (i: number): string => b.word(words[i]!);
  if (n <= FORMULA_MAX_WORDS) {
    let key = w(0);
    for (let i = 1; i < n; i++) key += ' ' + w(i);
    if (FORMULAS.has(key)) return FORMULA;
  }
  if (questions >= 2 || (questions >= 1 && exclaims >= 1)) return INCREDULOUS;
  // A fragment echo: one or two words, each a pronoun or a deictic time or place ("Me?", "Now?").
  if (n <= 2) {
    let fragment = true;
    for (let i = 0; i < n && fragment; i++) fragment = ECHO_FRAGMENT.has(w(i));
    if (fragment) return INCREDULOUS;
  }
  // A repeated word in a short question ("What what?", "Married married?").
  if (n <= 4) for (let i = 1; i < n; i++) if (w(i) === w(i - 1)) return INCREDULOUS;
  // The wh-word left in place at the end: "You did what?", "He's going where?".
  if (n >= 2 && IN_SITU_WH.has(w(n - 1)) && !NOT_ECHO_BEFORE_WH.has(w(n - 2)) && !IN_SITU_WH.has(w(0))) return INCREDULOUS;
  // Rhetorical disbelief: "how could you ...", "why would anyone ...".
  if (n >= 3) {
    const opener = w(0);
    if ((opener === 'how' || opener === 'why') && RHETORICAL_MODALS.has(w(1)) && RHETORICAL_SUBJECTS.has(w(2))) {
      if (opener === 'how' || w(1) === 'would') return INCREDULOUS;
    }
  }
  return NOT_INCREDULOUS;
}
