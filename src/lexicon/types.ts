// The compiled lexicon's data: what `compileLexicon` makes from a snapshot, what worker threads
// receive by structured clone, and what the compiled-lexicon cache (cache.ts) stores as JSON. Plain
// data only; the runtime structures built from it are LexiconIndex, the multiword trie and the
// word table.
import type { Tier } from '../kb/Emotion.js';

export interface LexiconEmotion {
  iri: string;
  id: string;
  label: string;
  tier: Tier;
  /** Index of the parent in `emotions`, -1 for a primary. */
  parent: number;
  /** Indexes of the emotions this one is emo:isOppositeOf. */
  opposites: number[];
}

export interface LexiconSense {
  /** Index in `emotions`. */
  emotion: number;
  /** In [0, 1]. */
  weight: number;
  kind: 'names' | 'evokes';
}

export interface LexiconEntry {
  /** The canonical written form (or the label, for a seed). */
  lemma: string;
  /** Empty for a non-emotional expression (`source` 'blocker'): its match emits nothing. */
  senses: LexiconSense[];
  source: 'lexicon' | 'label' | 'blocker';
  /** lexinfo:partOfSpeech of the entry, when the lexicon gives one. */
  pos?: PartOfSpeech;
  /**
   * Whether the entry's word can also be a part of speech that no entry with that word has (per
   * WordNet): only then does a match of it ask the part-of-speech tagger (tagger/partOfSpeech.ts).
   */
  posCheck?: true;
  /**
   * An interjection (lexinfo:interjection, a fixed exclamation or formula: "RIP", "get lost",
   * "help me"): matched only as written, never through an inflectional lemma or a derivation.
   */
  invariable?: true;
}

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb';

/** The compiled index as plain, structured-clonable data. */
export interface LexiconData {
  version: number;
  emotions: LexiconEmotion[];
  entries: LexiconEntry[];
  /** Normalised key (tokens joined by one space) to entry index. */
  keys: Array<[string, number]>;
  /**
   * Sentence marks ("?", "!") with an entry of their own, to entry index: punctuation cues. Such an
   * entry has no word to match; the tagger counts it once for a sentence its mark closes in which
   * no word matched (a question with no emotion word is weak evidence of surprise).
   */
  marks: Array<[string, number]>;
  /** The crosswalks to other label sets (lexicon/crosswalks.ts), by scheme name. */
  schemes: LexiconScheme[];
  /** Counts for reports. */
  stats: { lexiconEntries: number; seedLabels: number; blockers: number; keys: number; multiword: number };
}

/** The SKOS mapping relations that carry a match's evidence into another scheme. */
export type SchemeRelation = 'exactMatch' | 'closeMatch' | 'broadMatch' | 'narrowMatch';

/** One crosswalk: a scheme's concepts that some Parrott node maps to. */
export interface LexiconScheme {
  /** The last segment of the scheme's IRI (`ekman`, `goemotions` ...). */
  name: string;
  iri: string;
  /** Label (skos:notation) and IRI of each mapped concept. */
  concepts: Array<{ label: string; iri: string }>;
  /** (emotion index, concept index, relation): the Parrott node is the mapping's subject. */
  mappings: Array<[number, number, SchemeRelation]>;
}

export type Via = 'form' | 'lemma' | 'derivation';
export const VIAS: readonly Via[] = ['form', 'lemma', 'derivation'];

/** A resolved word: entry index and how it was reached. */
export interface WordHit {
  entry: number;
  via: Via;
}
