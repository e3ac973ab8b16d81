// Closed word classes the appraisal rules (tagger/appraisal.ts) read around an evaluative or
// interpersonal word to find whose emotion it is: who is evaluated (the subject of a copula or of a
// linking verb), who acts and who undergoes (the subject and object of a verb). Kept small and
// explicit, like cues.ts, so a reader can see why a match moved.

/** Who an evaluation or an act is about. */
export const SELF = 1;
export const OTHER = 2;
export const THING = 3;

/** Subject (or object) pronouns by target: the speaker, a person addressed or talked about, a thing. */
export const PRONOUN_TARGET: ReadonlyMap<string, number> = new Map([
  // "me" as the subject of a linking verb: "makes me feel stupid"
  ...['i', 'me', 'we'].map((w) => [w, SELF] as const),
  ...['you', 'u', 'ya', 'yourself', 'he', 'she', 'him', 'her', 'himself', 'herself', 'everyone'].map((w) => [w, OTHER] as const),
  // "they" is a set of things as often as of people ("they're good things", "they are perfect fits")
  ...['they', 'them', 'it', 'this', 'that', 'what', 'which', 'everything', 'something', 'nothing'].map((w) => [w, THING] as const),
]);

/**
 * Subjects that are the hearer or a third party, a person (not the speaker, not a thing): the one
 * a rhetorical "how could X ...?" reproaches (incredulity.ts), the one a yes/no question asks
 * about (tagger/askedFeeling.ts).
 */
export const OTHER_PERSON_SUBJECTS: readonly string[] = [
  'you',
  'u',
  'ya',
  "y'all",
  'yall',
  'he',
  'she',
  'they',
  'anyone',
  'anybody',
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'people',
];

/** A subject and its copula written as one token ("I'm", "you're"), by target. */
export const SUBJECT_COPULA: ReadonlyMap<string, number> = new Map([
  ...["i'm", 'im', "we're"].map((w) => [w, SELF] as const),
  ...["you're", 'youre', "he's", 'hes', "she's", 'shes'].map((w) => [w, OTHER] as const),
  ...["they're", 'theyre', "it's", "that's", 'thats', "this's", "what's", "everything's"].map((w) => [w, THING] as const),
]);

/**
 * The copula and the linking verbs of appearance and feeling: "X is / feels / looks / seems /
 * sounds / got ADJ" predicates the adjective of X, the frame of a self-report or an appraisal.
 */
export const LINKING_VERBS: ReadonlySet<string> = new Set([
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  "'m",
  "'s",
  "'re",
  'feel',
  'feels',
  'felt',
  'feeling',
  'look',
  'looks',
  'looked',
  'looking',
  'seem',
  'seems',
  'seemed',
  'sound',
  'sounds',
  'sounded',
  'become',
  'became',
]);

/**
 * The forms of "be": after one, a word in -ed is read as a passive verb ("you've been banned"), an
 * event rather than an evaluation, so the valence fallback leaves it ("I feel valued" keeps it).
 */
export const BE_FORMS: ReadonlySet<string> = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'m", "'s", "'re"]);

/**
 * Verbs of perceiving and learning after "ADJ to" that make the adjective the perceiver's feeling:
 * "nice to see", "good to hear", "awful to read" (emotive adjectives with an infinitive, Quirk et
 * al. 1985, §16.75-79: the implicit experiencer is the speaker). Not "know" ("good to know"
 * acknowledges information), "meet" ("nice to meet you", a greeting formula), "be" or "have"
 * ("nice to have", "good to be true": what would be desirable, not what is felt).
 */
export const PERCEIVING: ReadonlySet<string> = new Set(['see', 'hear', 'read', 'watch', 'learn']);

/** What may stand before "ADJ to see": "it's", "that's", "always", "so"; anything else (a modal: "it'd be nice to see") is not a feeling now. */
export const BEFORE_INFINITIVE_FRAME: ReadonlySet<string> = new Set([
  "it's",
  'its',
  'it',
  'is',
  'was',
  "that's",
  'thats',
  'that',
  'always',
  'just',
  'also',
  'again',
  'how',
  'well',
  'oh',
]);

/** Words VADER rates that are not evaluations after a linking verb: "I feel like ...", "looks like". */
export const NOT_PREDICATES: ReadonlySet<string> = new Set([
  'like',
  'likes',
  'liked',
  'please',
  'well',
  'ok',
  'okay',
  'yes',
  'no',
  'want',
  'wanted',
  'need',
  // formulas: "you're welcome", "feel free", "I'm sure"
  'welcome',
  'free',
  'sure',
  'fine',
  'ready',
  // said of a person, "wrong" is "mistaken" ("I may be wrong", "you're wrong"): a claim judged,
  // not the person's quality (6 of the 7 valence matches of "wrong" on the dev sets)
  'wrong',
  // states of body, life and purse, not judgments of the person ("he's dead", "I was sick for a
  // week", "you look tired", "I'm broke"): their feeling, if any, is not the one the fallback
  // gives a judgment (disgust at another, sadness of oneself)
  'dead',
  'sick',
  'ill',
  'tired',
  'broke',
  'broken',
  // safety is a state, not a judgment ("we're safe from them", "you'll be safer on the ground")
  'safe',
  'safer',
  'safest',
  'unsafe',
  // progressive verbs VADER rates for the verb ("you're killing me", "we were winning")
  'killing',
  'winning',
]);

/**
 * Words between a subject and its linking verb ("I have been", "you really are", "I just feel"):
 * auxiliaries and a few adverbs. Up to two are passed over.
 */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'have',
  'has',
  'had',
  "i've",
  'ive',
  "i'd",
  "i'll",
  "you've",
  "you'd",
  "you'll",
  "he'd",
  "she'd",
  "they've",
  "they'd",
  "we've",
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'might',
  'may',
  'do',
  'does',
  'did',
  'just',
  'really',
  'still',
  'always',
  'sometimes',
  'actually',
  'honestly',
  'literally',
  'truly',
  'also',
  'now',
  'finally',
  'kinda',
  'definitely',
  'totally',
]);

/** Auxiliaries that carry their subject ("I've been so stupid"), by target. */
export const SUBJECT_AUXILIARY: ReadonlyMap<string, number> = new Map([
  ...["i've", 'ive', "i'd", "i'll", "we've"].map((w) => [w, SELF] as const),
  ...["you've", "you'd", "you'll", "he'd", "she'd", "they've", "they'd"].map((w) => [w, OTHER] as const),
]);

/**
 * Words that may stand between a linking verb and its predicate ("so", "such an", "the
 * biggest"), beside the intensifiers of cues.ts: determiners and degree words. Up to three are
 * passed over.
 */
export const PREDICATE_LEAD: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'such',
  'so',
  'too',
  'just',
  'being',
  'kind',
  'sort',
  'of',
  'kinda',
  'sorta',
  'really',
  'truly',
  'also',
  'still',
  'always',
  'biggest',
  'total',
  'complete',
  'absolute',
  'fucking',
  'freaking',
  'damn',
  'soooo',
  'sooo',
  'soo',
  'quite',
  'pretty',
]);

/**
 * Words before an attributive adjective in a noun phrase: determiners, possessives, numbers
 * ("a great game", "my best friend", "the best part", "two good points").
 */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'his',
  'her',
  'our',
  'their',
  'its',
  'some',
  'any',
  'another',
  'every',
  'each',
  'what',
  'such',
  'one',
  'two',
  'three',
  'many',
  'more',
  'most',
  'other',
  'no',
  'ur',
  'yo',
]);

/**
 * Words that may follow a predicative adjective without making it attributive ("so bad at this",
 * "great to see", "stupid lol"): prepositions, conjunctions, a few adverbs and discourse words.
 * Any other word right after an evaluative adjective is read as the noun it modifies.
 */
export const AFTER_PREDICATE: ReadonlySet<string> = new Set([
  'and',
  'or',
  'but',
  'to',
  'at',
  'of',
  'for',
  'with',
  'as',
  'about',
  'in',
  'on',
  'enough',
  'too',
  'then',
  'now',
  'that',
  'because',
  'cause',
  'cuz',
  'though',
  'tho',
  'when',
  'if',
  'so',
  'sometimes',
  'today',
  'tonight',
  'lately',
  'again',
  'already',
  'anymore',
  'ever',
  'honestly',
  'right',
  'here',
  'there',
  'lol',
  'lmao',
  'haha',
  'tbh',
  'af',
  'omg',
  'man',
  'dude',
  'bro',
  'guys',
  'yet',
  'is',
  'was',
  'are',
  'were',
  'i',
  'you',
  'he',
  'she',
  'they',
  'it',
  'we',
]);

/**
 * Interpersonal verbs: an act one person does to another whose emotion is the undergoer's (Levin
 * 1993, class 31.1, the "amuse" verbs whose object is the experiencer, and verbs of mistreatment).
 * "they teased me": the speaker undergoes it; "I teased him": the speaker does not feel it.
 * By lemma; `true` for a blameworthy act, for which the doer who is the speaker feels guilt
 * (Ortony, Clore & Collins 1988: self-reproach).
 */
export const INTERPERSONAL_VERBS: ReadonlyMap<string, boolean> = new Map([
  ...[
    'betray',
    'cheat',
    'abandon',
    'bully',
    'hurt',
    'humiliate',
    'insult',
    'mock',
    'ridicule',
    'neglect',
    'harass',
    'abuse',
    'offend',
    'disappoint',
    'upset',
    'wrong',
  ].map((w) => [w, true] as const),
  ...[
    'tease',
    'annoy',
    'irritate',
    'anger',
    'bother',
    'bore',
    'amuse',
    'scare',
    'frighten',
    'terrify',
    'shock',
    'surprise',
    'amaze',
    'astonish',
    'embarrass',
    'frustrate',
    'worry',
    'confuse',
    'torment',
    'intimidate',
    'impress',
    'please',
    'delight',
    'excite',
    'thrill',
    'disgust',
    'sadden',
    'depress',
    'provoke',
    'reject',
    'ignore',
    'dump',
    'blame',
  ].map((w) => [w, false] as const),
]);

/** Object words after an interpersonal verb that name someone other than the speaker. */
export const OTHER_OBJECTS: ReadonlySet<string> = new Set([
  'you',
  'u',
  'him',
  'her',
  'them',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'people',
  'his',
  'their',
  'your',
  'the',
  'a',
  'an',
  'my',
]);
