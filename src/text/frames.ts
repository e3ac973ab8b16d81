// Frames in which a word is not the emotion it can name (pure text knowledge, no emotions here).
//
// Verbs of asking and cognition before an embedded question: "I was wondering whether you could",
// "I wonder why he left", "wondered if". The verb "wonder" there asks a question (an indirect or
// polite question, Quirk et al. 1985, A Comprehensive Grammar of the English Language, 15.4
// "dependent interrogative clauses"), it is not amazement; a part-of-speech test alone cannot see
// it (the verb is a verb either way). Only the verb forms: "a wonder why" is rare and the noun's
// sense stays amazement ("no wonder", "in wonder").
export const QUESTION_FRAME_VERBS: ReadonlySet<string> = new Set(['wonder', 'wonders', 'wondered', 'wondering']);
/** Their lemmas (the lexicon entries' written forms), so the tagger tests the frame only for their matches. */
export const QUESTION_FRAME_LEMMAS: ReadonlySet<string> = new Set(['wonder', 'Wonder']);

/** Words that open an embedded question after such a verb. */
export const EMBEDDED_QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'if',
  'whether',
  'why',
  'what',
  'how',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'which',
  'about',
]);

/**
 * Words after which an adjective is predicative ("I am so upset", "he is cross", "feeling down"):
 * wink-nlp often tags a predicative adjective as a verb there ("am/AUX so/ADV upset/VERB"), so the
 * part-of-speech rule never blocks an adjective in that position.
 */
export const PREDICATIVE_BEFORE: ReadonlySet<string> = new Set([
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  "i'm",
  "'m",
  "you're",
  "we're",
  "they're",
  "he's",
  "she's",
  "it's",
  'feel',
  'feels',
  'felt',
  'feeling',
  'seem',
  'seems',
  'seemed',
  'look',
  'looks',
  'looked',
  'get',
  'gets',
  'got',
  'getting',
  'become',
  'becomes',
  'became',
  'so',
  'very',
  'too',
  'really',
  'quite',
  'pretty',
  'extremely',
  'more',
  'most',
  'less',
  'kinda',
  'super',
  'totally',
  'bit',
  'rather',
  "that's",
  'thats',
  'sounds',
  'sound',
  'fairly',
  'incredibly',
  'truly',
  'not',
  'still',
  'just',
  'always',
  'never',
]);

/**
 * Words after which the next word is read as a noun or an adjective, never a verb: determiners and
 * possessives ("a fit", "the content", "my wonder"). They decide a part of speech without the
 * tagger (an adjective entry still asks it: "the cross man" and "the cross" differ).
 */
export const NOMINAL_BEFORE: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'this',
  'these',
  'those',
  'no',
  'every',
  'each',
  'some',
  'any',
  'such',
]);

/**
 * Words after which the next word is read as a verb: the infinitive marker, modals and a subject
 * pronoun ("to fit", "could wonder", "I wonder", "they cross").
 */
export const VERBAL_BEFORE: ReadonlySet<string> = new Set([
  'to',
  'i',
  'you',
  'we',
  'they',
  'he',
  'she',
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'might',
  'may',
  'shall',
  "don't",
  "didn't",
  "doesn't",
  "can't",
  "won't",
  "wouldn't",
  "couldn't",
  "shouldn't",
  'dont',
  'didnt',
  'doesnt',
  'cant',
  'wont',
  "i'll",
  "you'll",
  "we'll",
  "they'll",
  "let's",
  'please',
]);

/** Words that open a verb's object: after an adjective entry read as a verb they confirm the verb ("cross the road", "upset me"). */
export const OBJECT_AFTER: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'this',
  'that',
  'these',
  'those',
  'me',
  'you',
  'him',
  'it',
  'us',
  'them',
  'myself',
  'yourself',
  'himself',
  'herself',
  'itself',
  'ourselves',
  'themselves',
]);

/** Object pronouns: after a noun entry's word they make it a verb ("it fits me", "that attacks them"). */
export const OBJECT_PRONOUNS: ReadonlySet<string> = new Set([
  'me',
  'him',
  'us',
  'them',
  'myself',
  'yourself',
  'himself',
  'herself',
  'ourselves',
  'themselves',
]);
