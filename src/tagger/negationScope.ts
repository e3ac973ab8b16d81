// Negation scope: a negator reaches the next NEGATION_WINDOW (4) words after itself and stops
// earlier at a clause boundary (, ; : . ! ? brackets, quotes, dashes, a line break, or "but",
// "however", "although", "though", "yet" ...). Both limits apply: whichever comes first. A focus
// particle between ("not just sad", "doesn't only hurt") takes the negation onto itself, except
// after a negated modal ("can't just be happy"); "matter how" opens a clause of its own; an emoji
// or a face inside the window is passed over. The matcher asks it of every match it emits.
import type { WordInfo } from '../lexicon/wordInfo.js';
import {
  CUE_CLAUSE,
  CUE_DETERMINER,
  CUE_FOCUS,
  CUE_MODAL_NEGATOR,
  CUE_NEGATOR,
  CUE_PSEUDO,
  DETERMINER_REACH,
  NEGATION_WINDOW,
  isPseudoNegation,
} from '../text/cues.js';
import { SYMBOL, WORD, hashWord, type TokenBuffer } from '../text/tokenize.js';

const HOW = hashWord('how');

/**
 * Whether a negator within the window before token `first` reaches it (no clause boundary
 * between). Reads the cue bits of the word records `infos` (by token): every word token before
 * `first` has one.
 */
export function negatedAt(b: TokenBuffer, infos: readonly WordInfo[], first: number): boolean {
  let words = 0;
  let focus = false;
  for (let k = first - 1; k >= 0; k--) {
    // an emoji or a face inside the window is no clause boundary ("I'm not 😤 happy")
    if (b.kind[k] === SYMBOL) continue;
    if (b.kind[k] !== WORD) return false;
    const cue = infos[k]!.cue;
    if (cue & CUE_CLAUSE) return false;
    // a focus particle between takes the negation ("not just sad", "not funny just sad"), but not
    // as a degree word of a comparison ("not just as tickled as they are": equally)
    if (cue & CUE_FOCUS && !(b.kind[k + 1] === WORD && b.word(k + 1) === 'as')) focus = true;
    // "(it doesn't / no) matter how stupid ...": the negation is of "matter", and the clause after
    // "matter how" is a concessive one of its own (Quirk et al. 1985, §15.42): not negated
    if (b.hash[k] === HOW && k > 0 && b.kind[k - 1] === WORD && b.word(k) === 'how' && b.word(k - 1) === 'matter') return false;
    // (the token after k is a word or a symbol: k + 1 <= first)
    if (
      cue & CUE_NEGATOR &&
      !(cue & CUE_PSEUDO && isPseudoNegation(b.word(k), b.word(k + 1))) &&
      !(cue & CUE_DETERMINER && words >= DETERMINER_REACH)
    )
      return !focus || (cue & CUE_MODAL_NEGATOR) !== 0;
    if (++words >= NEGATION_WINDOW) return false;
  }
  return false;
}

/** Whether the word right before token `t` is a negator ("don't ❤️", "not 😂"). */
export function negatorRightBefore(b: TokenBuffer, infos: readonly WordInfo[], t: number): boolean {
  return t > 0 && b.kind[t - 1] === WORD && (infos[t - 1]!.cue & CUE_NEGATOR) !== 0;
}
