// The closed word lists the tagger reads around a match: negators (and the phrases that look like
// negation but are not), clause boundaries that end a negation's scope, intensifiers and
// diminishers with their factors. Kept small and explicit so a reader can see why a match was
// negated or scaled.

/** Words that negate what follows them within the scope (see NEGATION_WINDOW). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'without',
  'hardly',
  'barely',
  'scarcely',
  'neither',
  'nor',
  'nobody',
  'nothing',
  'none',
  // the pronoun with "is"/"has" or the possessive: "nobody's betrayed you", "nothing's funny about
  // it", "it's nobody's fault" (the negative pronoun negates as it does written apart)
  "nobody's",
  "nothing's",
  'nowhere',
  'cannot',
  'lack',
  'lacks',
  'lacking',
  // a numeral zero as a determiner negates like "no": "zero desire", "0 desire to go" ("zero" and
  // "0" before a noun are the quantifier "no", Quirk et al. 1985, §10.59-63 on "no" as a
  // determiner). Its reach is its noun phrase only (CUE_DETERMINER): "line 0 I am so happy" is no
  // negation
  'zero',
  '0',
  // contractions written without the apostrophe ("don't" itself ends in n't, see cueOf)
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'cant',
  'couldnt',
  'wont',
  'wouldnt',
  'shouldnt',
  'havent',
  'hasnt',
  'hadnt',
  'aint',
  'mustnt',
  'neednt',
]);

/**
 * negator + next word that do not negate: "not to mention", "no doubt", "nothing but", "no wonder".
 * ("not only", "not just" are the focus particles' case: CUE_FOCUS.)
 */
const PSEUDO_NEGATION: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['not', new Set(['to'])],
  ['no', new Set(['doubt', 'wonder', 'matter'])],
  ['zero', new Set(['doubt'])],
  ['0', new Set(['doubt'])],
  // "nothing (is) more/better/worse than ..." says the most, not none: "nothing's more dreadful than"
  ['nothing', new Set(['but', 'else', 'more', 'better', 'worse'])],
  ["nothing's", new Set(['more', 'better', 'worse'])],
  ['never', new Set(['mind'])],
]);

/** Words after which a negation cannot reach: a new clause starts. */
const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'although',
  'though',
  'yet',
  'whereas',
  'except',
  'nevertheless',
  'still',
]);

/** A negator reaches at most this many words after itself (and never past a clause boundary). */
export const NEGATION_WINDOW = 4;

/** Factors for a modifier right before a match (up to two, multiplied: "really very happy"). */
const MODIFIERS: ReadonlyMap<string, number> = new Map([
  // intensifiers
  ['very', 1.5],
  ['really', 1.4],
  ['so', 1.4],
  ['soo', 1.5],
  ['sooo', 1.6],
  ['extremely', 1.8],
  ['incredibly', 1.8],
  ['super', 1.5],
  ['totally', 1.5],
  ['absolutely', 1.6],
  ['completely', 1.5],
  ['utterly', 1.6],
  ['truly', 1.4],
  ['deeply', 1.6],
  ['highly', 1.5],
  ['too', 1.3],
  ['most', 1.4],
  ['quite', 1.2],
  ['especially', 1.3],
  ['particularly', 1.3],
  ['seriously', 1.4],
  ['genuinely', 1.3],
  ['insanely', 1.7],
  ['terribly', 1.5],
  ['awfully', 1.5],
  ['hugely', 1.6],
  ['immensely', 1.7],
  ['exceptionally', 1.6],
  ['overwhelmingly', 1.7],
  ['fucking', 1.5],
  ['freaking', 1.4],
  ['damn', 1.3],
  ['bloody', 1.3],
  ['pretty', 1.2],
  ['more', 1.2],
  ['much', 1.2],
  ['such', 1.3],
  // diminishers
  ['slightly', 0.5],
  ['somewhat', 0.6],
  ['little', 0.6],
  ['bit', 0.6],
  ['kinda', 0.6],
  ['sorta', 0.6],
  ['mildly', 0.5],
  ['fairly', 0.8],
  ['rather', 0.8],
  ['partly', 0.6],
  ['marginally', 0.5],
  ['tad', 0.6],
  ['less', 0.6],
  ['moderately', 0.7],
  ['semi', 0.6],
]);

/** Two-word diminishers, keyed by their last word: "kind of", "sort of". */
export const MODIFIER_PAIRS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'of',
    new Map([
      ['kind', 0.6],
      ['sort', 0.6],
    ]),
  ],
]);

/** Factor for a match in a sentence ending in "!" and for a match written in capitals. */
export const EXCLAMATION_FACTOR = 1.25;
export const CAPITALS_FACTOR = 1.25;
/** Intensity stays within these bounds whatever the modifiers. */
export const INTENSITY_MIN = 0.2;
export const INTENSITY_MAX = 3;

/** Cue bits of a word (see `cueOf`), kept on its lexicon word record so the tagger reads no strings. */
export const CUE_CLAUSE = 1;
/** A negator: in NEGATORS, or ends in "n't". */
export const CUE_NEGATOR = 2;
/** A negator that does not negate before some words (PSEUDO_NEGATION): check the next word. */
export const CUE_PSEUDO = 4;
/** The last word of a two-word modifier ("of" in "kind of"): check the word before. */
export const CUE_PAIR_END = 8;
/** A negator that is a determiner only ("zero", "0"): it reaches the next DETERMINER_REACH words. */
export const CUE_DETERMINER = 16;
export const DETERMINER_REACH = 2;
/**
 * A focus particle ("just", "only", "merely", "simply"): between a negator and a word it takes the
 * negation onto itself. "Not just sad", "it doesn't only hurt" deny that the feeling is all there
 * is, not the feeling; "not funny, just sad" corrects the word before it, and the word after stands
 * (the focus of negation, Quirk et al. 1985, §10.64-10.66, §8.116).
 */
export const CUE_FOCUS = 32;
/**
 * A negated modal ("can't", "couldn't", "won't" ...): after it "just" is "simply" and the negation
 * stands ("you can't just be happy for me?", "I won't just forgive him").
 */
export const CUE_MODAL_NEGATOR = 64;
const MODAL_NEGATORS: ReadonlySet<string> = new Set([
  "can't",
  'cant',
  'cannot',
  "couldn't",
  'couldnt',
  "won't",
  'wont',
  "wouldn't",
  'wouldnt',
  "shouldn't",
  'shouldnt',
  "mustn't",
  'mustnt',
]);
const FOCUS_PARTICLES: ReadonlySet<string> = new Set(['just', 'only', 'merely', 'simply']);
/** Negators that negate only their own noun phrase ("zero desire", "0 real interest"). */
const DETERMINER_NEGATORS: ReadonlySet<string> = new Set(['zero', '0']);

/** What a normalised word is as a cue: bits, and its modifier factor (0: none). */
export function cueOf(norm: string): { cue: number; modifier: number } {
  let cue = 0;
  if (CLAUSE_WORDS.has(norm)) cue |= CUE_CLAUSE;
  if (isNegator(norm)) cue |= CUE_NEGATOR;
  if (PSEUDO_NEGATION.has(norm)) cue |= CUE_PSEUDO;
  if (MODIFIER_PAIRS.has(norm)) cue |= CUE_PAIR_END;
  if (DETERMINER_NEGATORS.has(norm)) cue |= CUE_DETERMINER;
  if (FOCUS_PARTICLES.has(norm)) cue |= CUE_FOCUS;
  if (MODAL_NEGATORS.has(norm)) cue |= CUE_MODAL_NEGATOR;
  return { cue, modifier: modifierOf(norm) };
}

/**
 * `cueOf(norm).modifier` alone: one look-up and no record made (the appraisal rules ask it of the
 * words around every evaluative match and linking verb).
 */
export function modifierOf(norm: string): number {
  return MODIFIERS.get(norm) ?? 0;
}

/** Whether `cueOf(norm)` has CUE_NEGATOR, without the other look-ups and the record. */
export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || (norm.length > 3 && norm.endsWith("n't"));
}

/** Whether negator `norm` followed by `next` is not a negation ("not only", "no doubt"). */
export function isPseudoNegation(norm: string, next: string): boolean {
  return PSEUDO_NEGATION.get(norm)?.has(next) ?? false;
}
