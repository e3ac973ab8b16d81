// The tagger's output vocabulary: what the library returns, what `emokb tag` writes as one JSON
// line, and what GraphQL `classify` mirrors. Names here are the output contract; fields may be
// added, never renamed.
import type { Tier } from '../kb/Emotion.js';

/** What a negated match does to the scores. */
export type NegationPolicy =
  /** Detect negation; a negated match adds nothing and is reported with `negated: true` (default). */
  | 'exclude'
  /** Detect negation; a negated match counts toward the opposite (emo:isOppositeOf) of its emotion or of its nearest ancestor with one, else nothing. */
  | 'opposite'
  /** No negation detection: every match counts for its emotion. */
  | 'off';

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
   * Part of speech (default true): an entry with a part of speech matches only a token read as
   * that part of speech in its sentence ("the shoes fit" is no anger), and a verb of asking before
   * an embedded question is no emotion ("I was wondering whether"). Blocked matches are not output.
   */
  partOfSpeech?: boolean;
  /** Names (default true): a capitalised word inside a sentence read as a proper noun ("Joy Street") does not match. */
  names?: boolean;
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
  rules?: string[];
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
