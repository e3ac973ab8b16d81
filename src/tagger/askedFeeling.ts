// Rule `asked-feeling` (option askedFeeling, session 12; README, Method, "Who feels it"): a feeling
// asked about in an open yes/no question about someone else is not expressed. "Did you enjoy it?",
// "Do you hate China then?", "Does she hate the men in her family too?", "Did you laugh at this
// meme?", "Would you care for some coffee?": the speaker asks whether the hearer or a third party
// feels it and says nothing of anyone's feeling (a polar interrogative leaves its proposition
// open, Quirk et al. 1985, §11.4; the emotion has no experiencer the text asserts, Ortony, Clore &
// Collins 1988).
//
// Only questions with a verb auxiliary ("do", "did", "would", "will", "have", "can" ...), not with
// "be": "Are you crying?", "Are you upset?", "Is anybody hurt?" ask about a state the speaker sees
// signs of, and the blind judges of earlier audits read those as the feeling being there (3 items,
// 6 judgments, all "right"); so does "Do you feel the ecstasy?", a question with "feel" right after
// the subject, which stays too.
//
// The question is a sentence that ends in "?" and opens (after at most two discourse words: "so",
// "but", "well", "oh" ...; text/sentences.ts, sentenceHead) with the auxiliary and then its
// subject, a pronoun of the hearer or a third party ("you", "he", "they", "anyone"), a name
// placeholder ("[NAME]") or a determiner and a noun ("your parents"). The feeling stays where the speaker shares or asserts it:
// - a negative question presupposes it ("Don't you love it?!", "Did you not enjoy it?");
// - "anyone else", "everyone else" counts the speaker in ("Does anyone else hate this?");
// - a clause of the speaker's own ("Do you know how much I love you?"): a first person word, or a
//   subordinator or comma, between the subject and the match;
// - a subject that is a thing or an expletive ("Does it hurt?", "Does that make you happy?");
// - evaluations ("Would you be so stupid?" judges the hearer: the appraisal rules read those),
//   expressives and interjections ("Did you fucking see that?", "lol": the speaker's, in any
//   clause).
// Read in GoEmotions dev and train and XED part 1/2: the rule drops 32 matches in 31 lines, every
// one a feeling asked about ("Did the goat enjoy it?", "Do you dislike the concept ...?") or a wrong
// sense besides ("Did you miss the other guys link?", "Have you tried warm tea with honey??").
import { OTHER_PERSON_SUBJECTS, PRONOUN_TARGET, SELF, SUBJECT_AUXILIARY, SUBJECT_COPULA } from '../text/appraisalCues.js';
import { WORD, hashWord, sentenceAsks, sentenceHead, type TokenBuffer } from '../text/tokenize.js';

const AUXILIARIES = ['do', 'does', 'did', 'will', 'would', 'have', 'has', 'had', 'can', 'could', 'should', 'shall', 'may', 'might'];
/** Subjects that are the hearer or a third party (appraisalCues.ts), and a name placeholder's word ("[NAME]"). */
const PERSONS = [...OTHER_PERSON_SUBJECTS, 'name', 'person'];
/** Determiners before a noun subject ("are your parents", "is the baby"). */
const SUBJECT_DETERMINERS = ['your', 'ur', 'his', 'her', 'their', 'the', 'these', 'those'];
/**
 * Words that open a clause of its own or make the question negative, and the speaker's words (the
 * subject forms of appraisalCues.ts that point to the speaker, and the possessives): the match is
 * not the asked feeling.
 */
const CLAUSE_OPENERS = [
  ...['that', 'when', 'because', 'if', 'who', 'which', 'whether', 'since', 'after', 'before', 'while', 'how', 'why', 'what', 'not'],
  ...[...PRONOUN_TARGET, ...SUBJECT_COPULA, ...SUBJECT_AUXILIARY].filter(([, target]) => target === SELF).map(([word]) => word),
  ...['my', 'our', 'us', 'myself'],
];
/** Words between the subject and the match at most ("Are you even really excited about it?"). */
const REACH = 6;

const set = (words: readonly string[]) => new Set(words.map(hashWord));

export class AskedFeeling {
  readonly #auxiliaries = set(AUXILIARIES);
  readonly #persons = set(PERSONS);
  readonly #determiners = set(SUBJECT_DETERMINERS);
  readonly #clause = set(CLAUSE_OPENERS);
  readonly #else = hashWord('else');
  readonly #feel = set(['feel', 'feeling', 'felt']);

  /**
   * Whether the match at tokens first.. is a feeling asked about in a yes/no question about
   * someone else (`asks`: whether its sentence ends in "?").
   */
  drops(text: string, b: TokenBuffer, first: number, sentence: number): boolean {
    // the auxiliary: the first word, or after at most two discourse openers
    const aux = sentenceHead(b, sentence, first);
    if (aux < 0 || !this.#auxiliaries.has(b.hash[aux]!) || !sentenceAsks(text, b, sentence)) return false;
    // the subject right after it: a person, or a determiner and its noun; not "anyone else"
    let subject = nextWord(b, aux, first);
    if (subject < 0) return false;
    if (this.#determiners.has(b.hash[subject]!)) subject = nextWord(b, subject, first);
    else if (!this.#persons.has(b.hash[subject]!)) return false;
    if (subject < 0 || subject >= first) return false;
    // "anyone else" (the speaker counted in); "do you feel ..." (a state the speaker sees signs of)
    const after = nextWord(b, subject, b.count);
    if (after >= 0 && (b.hash[after] === this.#else || this.#feel.has(b.hash[after]!))) return false;
    // between the subject and the match: no clause of its own, no comma, not too far
    let words = 0;
    for (let k = subject + 1; k < first; k++) {
      if (b.kind[k] !== WORD) {
        if (isBracket(text, b, k)) continue;
        return false;
      }
      if (++words > REACH || this.#clause.has(b.hash[k]!)) return false;
    }
    return true;
  }
}

/** The next word token after k and before `until`, skipping a name placeholder's brackets; -1 if none. */
function nextWord(b: TokenBuffer, k: number, until: number): number {
  for (let p = k + 1; p < until && p < b.count; p++) {
    if (b.kind[p] === WORD) return p;
    if (!isBracket(b.text, b, p)) return -1;
  }
  return -1;
}

/** "[" or "]" of a name placeholder ("[NAME]"), punctuation tokens around the word. */
function isBracket(text: string, b: TokenBuffer, k: number): boolean {
  const c = text.charCodeAt(b.start[k]!);
  return c === 0x5b || c === 0x5d;
}
