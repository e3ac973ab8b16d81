// Rule `afraid-hedge` (option afraidHedge, session 11; README, Method, "Who feels it"): "I'm
// afraid" before a clause that reports what is, was or must be ("I'm afraid it can't be done",
// "I'm afraid we lost our patient", "I'm afraid the press has been alerted", "It's too late, I'm
// afraid.") is a politeness hedge that softens unwelcome news (Brown and Levinson 1987, a
// negative-politeness apology; Quirk et al. 1985, §8.91 on comment clauses; the Cambridge
// Dictionary: "used to politely tell someone something unpleasant"), not fear. Fear stays where
// the clause looks ahead to what may happen, anywhere in it ("I'm afraid it will get worse", "I'm
// afraid the people at work will find out", "I'm afraid if I don't ..."), where it is going on (a
// progressive: "I'm afraid she's cheating on me"), before "of", "to", "for" ("afraid of the
// dark", "afraid to ask"), with a degree word ("I'm so afraid he's lying": the hedge takes none),
// and alone ("I'm afraid."). "will have to" announces an obligation and "won't be able" an
// inability: hedges. "Afraid so" and "afraid not" are blocked in the lexicon (context-precision-5).
// senseFrames.ts flags the entry and asks here.
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { DETERMINERS, OTHER_PERSON_SUBJECTS, PRONOUN_TARGET } from '../text/appraisalCues.js';
import { CUE_CLAUSE } from '../text/cues.js';
import { CLAUSE, COMMA, TERMINAL, WORD, hashWord, type TokenBuffer } from '../text/tokenize.js';

/** The speaker's "I'm"/"we're" before "afraid" ("I am", "we are" are two words: #subject). */
const SUBJECTS: readonly string[] = ["i'm", 'im', "we're"];
/**
 * Words that open the subject of the hedge's clause: the pronouns, determiners and person
 * subjects the appraisal cues know (appraisalCues.ts), and the other indefinite pronouns.
 */
const CLAUSE_OPENERS: readonly string[] = [
  ...PRONOUN_TARGET.keys(),
  ...DETERMINERS,
  ...OTHER_PERSON_SUBJECTS,
  'there',
  'nobody',
  'none',
  'all',
  'both',
];
/** Contracted subject + verb forms that open the clause ("it's", "you've", "I'll"). */
const CONTRACTED_SUBJECT = /^(i|you|we|he|she|it|they|there|that|what|who)'(s|re|m|ve|d|ll)$/;
/** What looks ahead to what may happen: the clause is a fear, not a hedge. */
const PROSPECTIVE: readonly string[] = [
  'will',
  'wont',
  "won't",
  'gonna',
  'going',
  'might',
  'may',
  'could',
  'would',
  'if',
  'when',
  'someday',
  'soon',
];
/** Words of the clause read for a prospective or progressive verb, at most (it ends earlier at a clause word or mark). */
const CLAUSE_WORDS = 10;

const AM = hashWord('am');
const ARE = hashWord('are');
const I = hashWord('i');
const WE = hashWord('we');
const THAT = hashWord('that');
const TO = hashWord('to');
const NOT = hashWord('not');
const HAVE = hashWord('have');
const NEED = hashWord('need');
const BE = hashWord('be');
const ABLE = hashWord('able');
const POSSIBLE = hashWord('possible');

export class AfraidHedge {
  readonly #index: LexiconIndex;
  readonly #subjects: ReadonlySet<number> = new Set(SUBJECTS.map(hashWord));
  readonly #openers: ReadonlySet<number> = new Set(CLAUSE_OPENERS.map(hashWord));
  readonly #prospective: ReadonlySet<number> = new Set(PROSPECTIVE.map(hashWord));

  constructor(index: LexiconIndex) {
    this.#index = index;
  }

  /**
   * Whether "afraid" at tokens first..last, right after the speaker's "I'm" ("I am", "we're", "we
   * are"), is the hedge: before a clause with no prospective or progressive verb, or closing its
   * sentence after a comma.
   */
  isHedge(text: string, b: TokenBuffer, first: number, last: number): boolean {
    const sentence = b.sentence[first]!;
    const word = (k: number) => b.hashIn(k, sentence);
    const subject = this.#subject(b, first, sentence);
    if (subject < 0) return false;
    const next = last + 1;
    // "..., I'm afraid." closing its sentence: a comment clause after what it softens
    if (next >= b.count || b.kind[next] === TERMINAL || b.sentence[next] !== sentence) {
      return subject > 0 && b.kind[subject - 1] === CLAUSE && text.charCodeAt(b.start[subject - 1]!) === COMMA;
    }
    if (b.kind[next] !== WORD) return false;
    let k = next;
    if (b.hash[k] === THAT && word(k + 1) !== -1 && !this.#prospective.has(word(k + 1))) k++;
    if (!this.#opensClause(text, b, k)) return false;
    // the clause, up to a mark or a clause word: a prospective word or a progressive anywhere in it
    // is the fear of what may be or is going on ("I'm afraid the people at work will find out",
    // "I'm afraid she's cheating on me"); "won't be able", "will have to" still announce news
    for (let p = k; p < k + CLAUSE_WORDS && word(p) !== -1 && !(this.#index.infoAt(b, p).cue & CUE_CLAUSE); p++) {
      const w = b.word(p);
      if (w.length > 4 && w.endsWith('ing') && !this.#prospective.has(b.hash[p]!)) return false;
      if (!this.#prospective.has(b.hash[p]!) && !w.endsWith("'ll") && !w.endsWith("'d")) continue;
      const q = word(p + 1) === TO || word(p + 1) === NOT ? p + 2 : p + 1;
      // "will have to", "gonna have to", "going to have to": an obligation announced
      if ((word(q) === HAVE || word(q) === NEED) && word(q + 1) === TO) continue;
      // "won't be able to", "that won't be possible": an inability announced
      if (word(q) === BE && (word(q + 1) === ABLE || word(q + 1) === POSSIBLE)) continue;
      return false;
    }
    return true;
  }

  /** The first token of the speaker's "I'm" / "I am" / "we're" / "we are" right before `first`, or -1. */
  #subject(b: TokenBuffer, first: number, sentence: number): number {
    const before = b.hashIn(first - 1, sentence);
    if (this.#subjects.has(before)) return first - 1;
    const pair = b.hashIn(first - 2, sentence);
    return (before === AM && pair === I) || (before === ARE && pair === WE) ? first - 2 : -1;
  }

  /** Whether the word at k opens a finite clause's subject: a pronoun, a determiner, a contraction, a name. */
  #opensClause(text: string, b: TokenBuffer, k: number): boolean {
    if (this.#openers.has(b.hash[k]!)) return true;
    const w = b.word(k);
    if (CONTRACTED_SUBJECT.test(w) || w.endsWith("'ll")) return true;
    // a name ("I'm afraid Scraps will have to be shot"): a capital inside the sentence
    const c = text.charCodeAt(b.start[k]!);
    const d = text.charCodeAt(b.start[k]! + 1);
    return c >= 65 && c <= 90 && !(d >= 65 && d <= 90);
  }
}
