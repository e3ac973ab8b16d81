// The question cue's incredulity restriction (rule `question-incredulity`): a sentence closed by
// "?" with no emotion word counts as weak surprise only when the question carries incredulity
// (text/incredulity.ts: an echo question, a disbelief formula, "?!", a rhetorical "how could
// you ...?"), not when it asks for information ("Where are the keys?"). Measured on the judged
// before-audit (curation/en/audit.tsv): 25 of its 32 "?" cue matches were wrong, nearly all
// information questions. Option `questionCue`: 'incredulity' (default) or 'any' (every question,
// the behaviour before the rule).
import { FORMULA, NOT_INCREDULOUS, incredulity } from '../text/incredulity.js';
import type { TokenBuffer } from '../text/tokenBuffer.js';
import type { MatchBuffer } from './matches.js';
import { ruleBit } from './rules.js';

export const QUESTION_INCREDULITY = ruleBit('question-incredulity');

/**
 * The rule bits of the cue for the question of sentence `sentence`, closed at terminal token t,
 * or -1 when the cue must not fire. A question that is wholly a disbelief formula ("Seriously?")
 * takes back the matches of its own words when none of them reads it as surprise already
 * (`matches` loses them: they are the formula, not separate evidence: "seriously" is no worry
 * there); a lexicon entry that does ("are you serious": astonishment) stands, and the cue stays
 * out as for any question whose words matched. `isSurprise`: whether a match's emotion lies under
 * the cue's primary.
 */
export function incredulousQuestion(
  text: string,
  b: TokenBuffer,
  sentence: number,
  t: number,
  matches: MatchBuffer,
  isSurprise: (emotion: number) => boolean,
): number {
  const verdict = incredulity(text, b, b.sentenceFirst[sentence]!, t);
  if (verdict === NOT_INCREDULOUS) return -1;
  if (verdict === FORMULA) {
    let from = matches.count;
    while (from > 0 && matches.sentence[from - 1] === sentence) from--;
    let surprise = false;
    for (let m = from; m < matches.count && !surprise; m++) surprise = isSurprise(matches.emotion[m]!);
    if (!surprise) matches.count = from;
  }
  return QUESTION_INCREDULITY;
}
