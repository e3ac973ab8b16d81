// "Sorry": apology against sympathy, by who did what one is sorry for (README, Method, "Who feels
// it": rule `apology`). One adjective serves two speech acts (Searle 1969; Quirk et al. 1985,
// §16.69 "sorry" with a that-clause, a to-infinitive or for/about): an apology, the speaker's
// regret for their own act ("Sorry, I messed up", "I'm sorry I was late", "sorry for being rude",
// "sorry about that"), which Parrott files under sadness > shame > regret; and condolence, the
// speaker's sympathy with another's misfortune ("sorry to hear that", "sorry for your loss", "I'm
// so sorry for you"). What follows "sorry" says which:
//
// - regret: "sorry" followed by a clause whose subject is the speaker ("I", "I'm", "we"), by
//   "if I", "that I", by "for"/"about" with "my", "being", a verb in -ing, "that", "this", "what
//   I", by "for the" (not "the loss"; "sorry for the late reply"), or after a comma by an
//   admission ("sorry, my bad", "sorry, didn't see it", "sorry, I ...");
// - sympathy: "sorry to hear/read/see/learn", "sorry for/about" someone else ("your", "his",
//   "him", "you", "the loss"), "sorry (that) you/he/she/they/your ..." (what happened to them);
// - neither: "sorry, but" / "sorry but" is a hedge before a disagreement ("I'm sorry, but you're
//   wrong"), also with a vocative between ("I'm sorry, gentlemen, but the order is final"), and so
//   is "I apologize, but" (session 12); so is
//   "sorry to say/tell/inform/break/burst" ("sorry to have to tell you"), which announces unwelcome news as "I'm
//   afraid" does (senseFrames.ts, rule `afraid-hedge`): no emotion. "Sorry to" before any other
//   verb apologises for the speaker's own act ("sorry to bother you", "sorry to wake you"):
//   regret.
//
// A bare "I'm sorry." or "so sorry." keeps the lexicon's reading (sympathy): on 27 random uses
// read blind in GoEmotions train and XED part 1/2 (README) it was sympathy in 12, an apology in 11
// or 12; without what follows there is nothing to choose by. A bare "sorry" (rejected as an
// entry: "sorry" alone is an apology formula or "your sorry ass") gets a match only from the frames
// above, and only with the speaker as the one who is sorry (at the head of its sentence, after "I
// am", "we are", an interjection or a degree word): "you'll be sorry" is a threat, not regret.
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { DETERMINERS } from '../text/appraisalCues.js';
import { COMMA, WORD, hashWord, type TokenBuffer } from '../text/tokenize.js';
import { ruleBit } from './rules.js';

/** What `read` answers: no decision (the lexicon's reading), regret, sympathy, or no emotion at all. */
export const SORRY_NONE = 0;
export const SORRY_REGRET = 1;
export const SORRY_SYMPATHY = 2;
export const SORRY_HEDGE = 3;

export const SORRY_HASH = hashWord('sorry');

const PERCEIVE = new Set(['hear', 'read', 'see', 'learn', 'hearing', 'reading', 'seeing', 'learning']);
/** After "sorry to": announcing unwelcome news ("sorry to say", "sorry to break it to you"), a hedge. */
const ANNOUNCE = new Set(['say', 'tell', 'inform', 'report', 'announce', 'break', 'burst']);
/** After "sorry to": words that are no verb: a determiner (appraisalCues.ts: "sorry to the mods"), "all", "u", "ya". */
const NOT_AFTER_TO: ReadonlySet<string> = new Set([...DETERMINERS, 'all', 'u', 'ya']);
/**
 * The verb of apology, which "but" turns into the same hedge as "sorry, but" ("I apologize, but
 * ..."); not the noun ("an apology but no change" is no hedge).
 */
const HEDGE_ONLY: ReadonlySet<string> = new Set(['apologize', 'apologise']);
/** Words a vocative between "sorry," and ", but" may have ("sorry, gentlemen, but"; "sorry, my friend, but"). */
const VOCATIVE_WORDS = 2;
/** After "sorry for/about": someone else, whose misfortune it is. */
const OTHERS = new Set([
  'your',
  'ur',
  'yours',
  'you',
  'his',
  'him',
  'her',
  'their',
  'them',
  'everyone',
  'anyone',
  'those',
  'people',
  'whoever',
  'op',
  "op's",
  "y'all",
]);
/** After "sorry for/about": the speaker's own doing ("sorry for my", "sorry for that"). */
const OWN_AFTER_FOR = new Set(['my', 'being', 'that', 'this', 'any', 'not', 'it', 'all', 'our']);
/** After "sorry", "sorry that", "sorry if": a clause of the speaker. */
const SPEAKER_SUBJECT = new Set(['i', "i'm", 'im', "i've", "i'd", "i'll", 'ive', 'we', "we're", "we've"]);
/** After "sorry" or "sorry that": a clause about someone else (what befell them). */
const OTHER_SUBJECT = new Set([
  'you',
  "you're",
  "you've",
  'your',
  'ur',
  'he',
  "he's",
  'she',
  "she's",
  'they',
  "they're",
  'his',
  'her',
  'their',
]);
/** After "sorry," an admission with no subject ("sorry, my bad", "sorry, didn't see that"). */
const ADMISSION = new Set([
  'my',
  "didn't",
  'didnt',
  'forgot',
  'wrong',
  'misread',
  'meant',
  "couldn't",
  "can't",
  'cant',
  'misunderstood',
  'accidentally',
  'typo',
  'mistake',
  "wasn't",
  'was',
  'should',
]);
/** What may stand before a "sorry" said by the speaker: the subject and copula, interjections, degree words. */
const BEFORE_SORRY = new Set([
  'i',
  'am',
  "i'm",
  'im',
  'we',
  'are',
  "we're",
  'really',
  'very',
  'so',
  'truly',
  'terribly',
  'awfully',
  'deeply',
  'sincerely',
  'extremely',
  'genuinely',
  'super',
  'just',
  'oh',
  'ah',
  'oops',
  'whoops',
  'well',
  'ok',
  'okay',
  'yeah',
  'lol',
  'also',
  'and',
  'but',
  'again',
  'man',
  'dude',
]);

export class Apology {
  readonly regretBit = ruleBit('apology');
  readonly sympathyBit = ruleBit('sympathy');
  /** The emotions it reads: regret (sadness > shame > regret) and sympathy (sadness > sympathy); -1 when the hierarchy lacks one. */
  readonly regret: number;
  readonly sympathy: number;
  /**
   * The lexicon's entries the rule may read again: 1, those that end in "sorry" ("i'm sorry", "so
   * sorry"); 2, "apologize", only for the hedge ("I apologize, but you're wrong"): an apology for
   * what one did stays the lexicon's remorse.
   */
  readonly #entries: Uint8Array;

  constructor(index: LexiconIndex) {
    const ids = new Map(index.emotions.map((e, i) => [e.id, i]));
    this.regret = ids.get('regret') ?? -1;
    this.sympathy = ids.get('sympathy-secondary') ?? -1;
    this.#entries = new Uint8Array(index.entries.length);
    index.entries.forEach((entry, i) => {
      if (entry.source !== 'lexicon') return;
      if (entry.lemma === "i'm sorry" || entry.lemma === 'so sorry') this.#entries[i] = 1;
      else if (HEDGE_ONLY.has(entry.lemma)) this.#entries[i] = 2;
    });
  }

  /** Whether matches of `entry` are for `read` ("i'm sorry", "so sorry", "apologize"). */
  concerns(entry: number): boolean {
    return this.#entries[entry] !== 0;
  }

  /** Whether `read` may only drop matches of `entry` as a hedge, not move them ("apologize"). */
  hedgeOnly(entry: number): boolean {
    return this.#entries[entry] === 2;
  }

  /**
   * Whether the bare "sorry" at token k is the speaker's: nothing before it in its sentence but a
   * subject "I"/"we" with its copula, interjections and degree words (at most four words).
   */
  speakerSays(b: TokenBuffer, k: number): boolean {
    const first = b.sentenceFirst[b.sentence[k]!]!;
    let words = 0;
    for (let p = k - 1; p >= first; p--) {
      if (b.kind[p] !== WORD) continue;
      if (++words > 4 || !BEFORE_SORRY.has(b.word(p))) return false;
    }
    return true;
  }

  /** The reading of the "sorry" at token k, from what follows it in its sentence. */
  read(text: string, b: TokenBuffer, k: number): number {
    const sentence = b.sentence[k]!;
    let p = k + 1;
    let comma = false;
    // past a comma or a dash inside the sentence: "sorry, I ...", "sorry - my bad"; anything else
    // ("sorry :( I hope", a bracket) closes what it is about
    for (; p < b.count && b.kind[p] !== WORD && b.sentence[p] === sentence; p++) {
      const c = text.charCodeAt(b.start[p]!);
      if (c !== COMMA && c !== 45 && c !== 0x2013 && c !== 0x2014) return SORRY_NONE;
      comma = true;
    }
    if (p >= b.count || b.kind[p] !== WORD || b.sentence[p] !== sentence) return SORRY_NONE;
    const n1 = b.word(p);
    const n2 = b.wordIn(p + 1, sentence);
    if (n1 === 'but') return SORRY_HEDGE;
    if (comma) {
      if (this.#vocativeThenBut(text, b, p)) return SORRY_HEDGE;
      return SPEAKER_SUBJECT.has(n1) || ADMISSION.has(n1) ? SORRY_REGRET : SORRY_NONE;
    }
    if (n1 === 'to') {
      if (PERCEIVE.has(n2)) return SORRY_SYMPATHY;
      // "sorry to say", "I'm sorry to have to tell you this"
      if (ANNOUNCE.has(n2) || (n2 === 'have' && b.wordIn(p + 2, sentence) === 'to' && ANNOUNCE.has(b.wordIn(p + 3, sentence))))
        return SORRY_HEDGE;
      // "sorry to bother you" (a verb: the speaker's act); not "sorry to OP", "sorry to anyone"
      return n2 && !OTHERS.has(n2) && !NOT_AFTER_TO.has(n2) ? SORRY_REGRET : SORRY_NONE;
    }
    if (n1 === 'for' || n1 === 'about') {
      if (OTHERS.has(n2)) return SORRY_SYMPATHY;
      const n3 = b.wordIn(p + 2, sentence);
      // "sorry for the late reply", "the confusion" (the speaker's doing); not "sorry about the
      // Chiefs" (someone's misfortune), nor "the loss"
      if (n2 === 'the') return n3 === 'loss' || n3 === 'losses' ? SORRY_SYMPATHY : n1 === 'for' ? SORRY_REGRET : SORRY_NONE;
      // "sorry for what I said", not "sorry for what happened"
      if (n2 === 'what') return SPEAKER_SUBJECT.has(n3) ? SORRY_REGRET : SORRY_NONE;
      if (OWN_AFTER_FOR.has(n2) || (n2.length > 4 && n2.endsWith('ing'))) return SORRY_REGRET;
      return SORRY_NONE;
    }
    if (n1 === 'that' || n1 === 'if') {
      if (SPEAKER_SUBJECT.has(n2)) return SORRY_REGRET;
      if (n1 === 'that' && OTHER_SUBJECT.has(n2)) return SORRY_SYMPATHY;
      return SORRY_NONE;
    }
    if (SPEAKER_SUBJECT.has(n1)) return SORRY_REGRET;
    if (OTHER_SUBJECT.has(n1)) return SORRY_SYMPATHY;
    return SORRY_NONE;
  }

  /** Whether the words from token p are a short vocative closed by a comma and "but" ("gentlemen, but"). */
  #vocativeThenBut(text: string, b: TokenBuffer, p: number): boolean {
    const sentence = b.sentence[p]!;
    for (let k = p, words = 0; k + 1 < b.count && b.sentence[k] === sentence; k++) {
      if (b.kind[k] === WORD) {
        if (++words > VOCATIVE_WORDS) return false;
        continue;
      }
      if (text.charCodeAt(b.start[k]!) !== COMMA) return false;
      return b.kind[k + 1] === WORD && b.sentence[k + 1] === sentence && b.word(k + 1) === 'but';
    }
    return false;
  }
}
