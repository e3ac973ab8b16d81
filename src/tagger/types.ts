// The tagger's output vocabulary: what the library returns, what `emokb tag` writes as one JSON
// line, and what GraphQL `classify` mirrors. Names here are the output contract; fields may be
// added, never renamed.
import type { Tier } from '../kb/Emotion.js';
import type { SchemeName } from '../lexicon/crosswalks.js';
import type { SchemeRelation } from '../lexicon/types.js';

export type { SchemeName, SchemeRelation };

/** What a negated match does to the scores. */
export type NegationPolicy =
  /** Detect negation; a negated match adds nothing and is reported with `negated: true` (default). */
  | 'exclude'
  /** Detect negation; a negated match counts toward the opposite (emo:isOppositeOf) of its emotion or of its nearest ancestor with one, else nothing. */
  | 'opposite'
  /** No negation detection: every match counts for its emotion. */
  | 'off';

/** Which questions the "?" cue counts (see `punctuationCues`). */
export type QuestionCue =
  /** Only questions that carry incredulity: "Really?", "You did what?", "?!", "How could you ...?" (default). */
  | 'incredulity'
  /** Every question with no emotion word (the behaviour before the incredulity rule). */
  | 'any';

export interface TagOptions {
  /** Passed through as the result's `id` (default null). */
  id?: string | number | null;
  /** Tiers to report in `scores` (default all three). `dominant` always has all three members. */
  tiers?: readonly Tier[];
  /** Leave out of `scores` every emotion whose normalised score is below this (default 0). */
  minScore?: number;
  /** Add `sentences`: one result (dominant and scores) per sentence (default false). */
  perSentence?: boolean;
  /** Default `exclude`. */
  negation?: NegationPolicy;
  /** Scale matches by intensifiers and diminishers before them ("very", "a bit"); default true. */
  intensity?: boolean;
  /** Scale matches in exclamatory sentences and matches written in capitals; default true. */
  emphasis?: boolean;
  /** Return `matches` (default true); false saves time and bytes on large runs. */
  matches?: boolean;
  /** Multiplier for senses of kind emo:Evokes (weak, context-dependent evidence); default 0.5. Names senses count 1. */
  evokesFactor?: number;
  /**
   * Count the lexicon's punctuation cues (default true): a sentence closed by a mark that has an
   * entry ("?": surprise, weakly) and in which no word matched gets one match on the mark.
   */
  punctuationCues?: boolean;
  /**
   * Which questions the "?" cue counts: `incredulity` (default; rule `question-incredulity`) or
   * `any`. A question wholly made of a disbelief formula ("Are you serious?") counts even though
   * its words matched: they are the formula, and their own matches are dropped.
   */
  questionCue?: QuestionCue;
  /**
   * Give a match on a primary or secondary emotion a default narrower reading down to the
   * tertiary tier (rule `default-narrower`; default true): its namesake ("sad" on sadness is read
   * as sadness > sadness > sadness), else the child the rest of the text supports, else the
   * child with the most lexicon senses. The match reports it as `readAs`.
   */
  defaultNarrower?: boolean;
  /**
   * Let the lexicon's non-emotional expressions block the emotion words inside them (default
   * true): "my best friend", "make sure", "pass the exam" match nothing (rule `collocation`).
   */
  collocations?: boolean;
  /**
   * Appraisal (default true): an evaluative word said of the speaker ("I feel so stupid") moves to
   * shame or pride, said of someone else ("you are so stupid") to contempt or liking (rules
   * `appraisal-self`, `appraisal-other`).
   */
  appraisal?: boolean;
  /**
   * Evaluative frame (default true): an evaluative word that modifies the noun after it ("a great
   * game", "good point") voices no one's emotion and is not counted.
   */
  evaluativeFrame?: boolean;
  /**
   * Undergoer (default true): an interpersonal verb with the speaker as its doer ("I teased him")
   * is not the speaker's emotion; a blameworthy one ("I betrayed him") is guilt (rule `undergoer`).
   */
  undergoer?: boolean;
  /**
   * Valence fallback (default true): a text with no lexicon match in which the speaker or another
   * person is evaluated by a word with a prior valence ("I feel so talented") gets one weak match
   * (rule `valence`).
   */
  valence?: boolean;
  /**
   * The evaluative infinitive (default true): in a text with no other match, "(it's) nice to see
   * you", "good to hear", "awful to read" is the speaker's gladness (or sadness) at what they
   * perceive: one weak match like the valence fallback's (rule `evaluative-infinitive`).
   */
  evaluativeInfinitive?: boolean;
  /**
   * Keep an evoking topic noun ("corpse", "poison") only in a sentence with an experiencer: a first
   * or second person pronoun or a feeling verb (rule `topic-experiencer`): "The corpse was found."
   * has no match, "I saw the corpse" keeps "corpse". Default false: on the
   * judged audits it took precision from 60.5% to 61.6%, and GoEmotions dev macro-F1 from 0.607 to
   * 0.598 (README, "Who feels it").
   */
  topicExperiencer?: boolean;
  /**
   * "Sorry" by what one is sorry for (default true; rules `apology`, `sympathy`): the speaker's own
   * doing or an apology formula is regret ("Sorry, I messed up", "I'm sorry I was late", "sorry
   * for being rude"); another's misfortune is sympathy ("sorry to hear that", "sorry for your
   * loss"); "I'm sorry, but" is a hedge (no emotion).
   */
  apology?: boolean;
  /**
   * Valence frames (default true): the valence fallback makes a match only where the evaluation is
   * a feeling said now by the speaker: a self-report ("I feel so talented") or the speaker's
   * judgment of someone ("you're so sweet"); not in a question, a conditional, a reported clause,
   * after a modal, in the past of "be", for a bare "good" ("I'm good": no, thanks), nor a noun
   * phrase describing a third person ("she's a very agreeable child"); rule `valence-frame`.
   */
  valenceFrames?: boolean;
  /**
   * Stretched spellings (default true; rule `stretched-spelling`): a word with runs of three or
   * more identical letters is read as the lexicon word it stretches, the runs cut to two or one
   * letters ("sooooo happy", "loooove", "daaaamn").
   */
  stretchedSpellings?: boolean;
  /**
   * Emoji and emoticons (default true): an emoji or an ASCII face with an entry in the lexicon
   * ("😂" amusement, "😡" rage, ":(" unhappiness, "<3" love) is a match of its own, outside a
   * negation before it ("I'm not even mad 😂") unless right after the negator ("I don't ❤️ it").
   * With the option off they are still cut as tokens of their own, and match nothing.
   */
  emoji?: boolean;
  /**
   * Interjection scope (default true; rule `interjection-scope`): a negator does not reach a
   * one-word interjection ("It's never been good lol", "Nobody has been banned lol"): a laugh or an
   * exclamation comments on the utterance, it is no part of the clause the negator negates.
   */
  interjectionScope?: boolean;
  /**
   * Tag questions (default true; rule `tag-question`): "huh" or "eh" after a comma closing a
   * question ("Looks like a nice day, huh?") asks the hearer to agree and is not read as surprise.
   */
  tagQuestion?: boolean;
  /**
   * Physical senses (default true; rule `physical-sense`): "hurt", "wound", "injured", "injury",
   * "bleeding", "stuck", "stun", "punch" with a body part, an injury or a weapon a few words away
   * in the sentence ("my feet hurt", "you injured your knee") name the body's harm, not an emotion.
   */
  physicalSense?: boolean;
  /**
   * Expressive intensifiers (default true; rule `expressive-intensifier`): a swear word as a degree
   * word is not read as anger: before a positive word or an affirmation ("I fucking love it",
   * "fucking right"), or after a degree adverb ("so fucking deep", "pretty fucking scary").
   */
  expressiveIntensifier?: boolean;
  /**
   * Courtesy titles (default true; rule `courtesy-title`): "Miss" with a capital before a name
   * ("Miss [PERSON]", "Miss Gamble") is the title, not longing.
   */
  courtesyTitle?: boolean;
  /**
   * The "I'm afraid" hedge (default true; rule `afraid-hedge`): "I'm afraid" before a clause that
   * reports what is, was or must be ("I'm afraid it can't be done", "It's too late, I'm afraid.")
   * softens unwelcome news and is not read as fear; "I'm afraid it will get worse" stays fear.
   */
  afraidHedge?: boolean;
  /**
   * Quoted mentions (default true; rule `quoted-mention`): a word or phrase that stands alone inside
   * quotation marks is mentioned or held at a distance, not used ("words like "racist"", "use "lol"
   * in a post", "her attempts to be "edgy""), and is not read as an emotion.
   */
  quotedMention?: boolean;
  /**
   * Well-wishes (default true; rule `well-wish`): "Enjoy your stay!", "Enjoy!", "Enjoy the game!" heading
   * a sentence wish the hearer a good time and are not read as the speaker's enjoyment; "I enjoy
   * it", "Enjoyed it!" stay.
   */
  wellWish?: boolean;
  /**
   * Asked feelings (default true; rule `asked-feeling`): a feeling asked about in an open yes/no
   * question about the hearer or a third party ("Did you enjoy it?", "Do you hate China?") is not
   * read as expressed; "Are you upset?" (a state the speaker sees), "Don't you love it?", "Does
   * anyone else hate this?", "Do you know how much I love you?" and evaluations stay.
   */
  askedFeeling?: boolean;
  /**
   * Conducive questions (default true; rule `conducive-question`): a negative question that opens
   * its sentence and asks for agreement does not negate the feeling ("Isn't it wonderful?", "Don't
   * you hate it when ...?"); with "ever", "any", "at all" ("Aren't you ever satisfied?") it does.
   */
  conduciveQuestion?: boolean;
  /**
   * Part of speech (default true): an entry with a part of speech matches only a token read as
   * that part of speech in its sentence ("the shoes fit" is no anger), and a verb of asking before
   * an embedded question is no emotion ("I was wondering whether"). Blocked matches are not output.
   */
  partOfSpeech?: boolean;
  /** Names (default true): a capitalised word inside a sentence read as a proper noun ("Joy Street") does not match. */
  names?: boolean;
  /**
   * Answer in another scheme's labels through the ontology's crosswalks (default: none, Parrott's
   * tiers): the result is then a SchemeTagResult, whose `dominant` is one label and `scores` one
   * map (tagger/schemeScores.ts says how each kind of mapping counts). `tiers` does not apply.
   */
  scheme?: SchemeName | null;
}

/** One label of a scheme in a SchemeTagResult. */
export interface SchemeCategory {
  label: string;
  /** The scheme concept's IRI (e.g. `https://w3id.org/emokb/scheme/ekman/anger`). */
  iri: string;
  score: number;
  /** The crosswalk relations (Parrott node to this concept) that carried its evidence. */
  relations: SchemeRelation[];
}

/** Dominant label and scores of a text (or a sentence) in a scheme. */
export interface SchemeScores {
  /** The best label, null when no evidence reached a mapped label. */
  dominant: string | null;
  /** Label to its share of the mapped evidence, highest first (summing to 1 before `minScore`). */
  scores: Record<string, number>;
  /** The same scores with each label's IRI and the relations that carried it. */
  categories: SchemeCategory[];
  /** Share of the text's counted evidence whose emotion has no counterpart in the scheme (0 to 1). */
  unmapped: number;
}

export interface SchemeSentenceResult extends SchemeScores {
  start: number;
  end: number;
}

/** What `tag` returns with `scheme` set: the scheme's labels in place of Parrott's tiers. */
export interface SchemeTagResult extends SchemeScores {
  id: string | number | null;
  /** The scheme's name (`ekman` ...). */
  scheme: SchemeName;
  /** The matches as without `scheme` (Parrott's emotions: the evidence the scores come from). */
  matches?: TagMatch[];
  sentences?: SchemeSentenceResult[];
}

export interface DominantPath {
  primary: string | null;
  secondary: string | null;
  tertiary: string | null;
}

/** Normalised scores per tier: label to score, each tier's scores summing to 1 (before `minScore`). */
export type TierScores = Partial<Record<Tier, Record<string, number>>>;

export interface TagMatch {
  /** The matched text exactly as written: `text === input.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the input string, end exclusive. */
  start: number;
  end: number;
  /** The lexicon form that matched (the canonical form of the entry, or the emotion label). */
  lemma: string;
  /** Label of the emotion the sense points to (for an `opposite`-counted negation: still the original emotion). */
  emotion: string;
  /** Stable id of that emotion (IRI local name, e.g. `rage-secondary`). */
  emotionId: string;
  /** Labels from the primary down to `emotion` (a frozen array shared by matches of the same emotion). */
  path: readonly string[];
  /**
   * The match's strength: sense weight x kind factor (evokes) x intensity. It adds to the raw scores
   * of `emotion` and its ancestors unless `negated`; a negated match adds nothing (policy
   * `exclude`) or adds to `countedAs` (policy `opposite`).
   */
  weight: number;
  negated: boolean;
  /** The product of the intensity and emphasis factors applied (1 when none). */
  intensity: number;
  /** names | evokes: the kind of the sense. */
  kind: 'names' | 'evokes';
  /** How the token reached the lexicon: `form` (a written form, incl. hyphen and apostrophe variants), `lemma` (inflection), `derivation` (a derived word, e.g. "angrily" to "angry"). */
  via: 'form' | 'lemma' | 'derivation';
  /** The emotion label the weight was counted toward when the negation policy is `opposite`. */
  countedAs?: string;
  /**
   * The context rules that shaped this match (blocked matches are not reported), by name, when
   * any did: see the README's Method section. Absent when none did.
   */
  rules?: readonly string[];
  /**
   * When rule `default-narrower` read a match on a broad emotion further down the tree: the labels
   * of the node it was read as, primary first (`["sadness", "sadness", "sadness"]` for "sad"); its
   * weight counted along this path. `emotion` and `path` stay the sense's.
   */
  readAs?: readonly string[];
  /** Stable id of that node (e.g. `sadness-tertiary`). */
  readAsId?: string;
}

export interface SentenceResult {
  start: number;
  end: number;
  dominant: DominantPath;
  scores: TierScores;
}

export interface TagResult {
  id: string | number | null;
  dominant: DominantPath;
  scores: TierScores;
  matches?: TagMatch[];
  sentences?: SentenceResult[];
}
