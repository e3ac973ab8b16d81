// What the tagger's hot path knows about one normalised word: its lexicon hit, the multiword keys
// it may start, whether it may continue one, and its cue bits. One record per word, cached by
// LexiconIndex (in the word table for ASCII words).
import type { MweNode } from './trie.js';

/**
 * What the hot path knows about a word. A class, so that every record (NOTHING included) has one
 * shape and the tagger's property reads stay monomorphic.
 */
export class WordInfo {
  /** entry * 4 + via index (0 form, 1 lemma, 2 derivation), or -1 when the word is not in the lexicon. */
  packed: number;
  /**
   * The trie nodes of the keys a multiword expression may start with here (the word itself first,
   * then its lemmas; null where no key starts with it).
   */
  mweRoots: ReadonlyArray<MweNode | null>;
  /** The most tokens such an expression has; 0 when none starts here. */
  mweMax: number;
  /** The normalised word itself (undefined on the shared NOTHING). */
  norm: string | undefined;
  /** Whether the word, or one of its lemmas, occurs after the first word of some multiword key (else a match cannot extend over it). */
  inner: boolean;
  /**
   * The lemmas a multiword match may continue with when the word itself does not continue it:
   * those that occur inside some multiword key; empty for a word that cannot be inflected (see
   * `mayBeInflected`). Filled on first use.
   */
  innerLemmas: readonly string[] | undefined = undefined;
  /** What the word is as a negation, clause or intensity cue (CUE_* bits of text/cues.ts). */
  cue = 0;
  /** Its factor as an intensifier or diminisher ("very" 1.5), 0 when it is none. */
  modifier = 0;
  /**
   * Whether the word is a stretched spelling of the word it stands for ("sooooo" for "so",
   * "loooove" for "love"): its runs of three or more letters cut to two or one (LexiconIndex).
   */
  stretched = false;

  constructor(packed: number, mweRoots: ReadonlyArray<MweNode | null>, mweMax: number, norm: string | undefined, inner: boolean) {
    this.packed = packed;
    this.mweRoots = mweRoots;
    this.mweMax = mweMax;
    this.norm = norm;
    this.inner = inner;
  }
}

export const NO_ROOTS: Array<MweNode | null> = [];
/** The shared answer for a word that neither matches nor starts a multiword expression. */
export const NOTHING: WordInfo = new WordInfo(-1, NO_ROOTS, 0, undefined, false);
