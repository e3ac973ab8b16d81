// What counts as an incredulous question (text/incredulity.ts), on tokenized text.
import { describe, expect, it } from 'vitest';
import { FORMULA, INCREDULOUS, NOT_INCREDULOUS, incredulity } from '../../src/text/incredulity.js';
import { TokenBuffer, assignSentences, tokenizeInto } from '../../src/text/tokenize.js';

/** The verdict on the last sentence of `text` (which must end in its closing mark). */
function verdict(text: string): number {
  const b = tokenizeInto(text, new TokenBuffer(), false);
  assignSentences(text, b);
  const last = b.sentenceCount - 1;
  return incredulity(text, b, b.sentenceFirst[last]!, b.sentenceLast[last]!);
}

describe('incredulity', () => {
  it('finds disbelief formulas, which are the whole question', () => {
    for (const q of [
      'Really?',
      'Seriously?',
      'What?',
      'Wait, what?',
      'Are you kidding me?',
      "You're joking?",
      'No way?',
      'Since when?',
      'Is this for real?',
    ])
      expect(verdict(q), q).toBe(FORMULA);
  });

  it('finds echo questions, marked punctuation and rhetorical disbelief', () => {
    for (const q of [
      'You did WHAT?', // the wh-word left in place
      'He went where?',
      'Him?', // a fragment echo
      'Me? Now?',
      'Married married?', // a repeated word
      'Where are my keys?!', // "?!", "!?", "??"
      'You sold the car!?',
      'You sold the car??',
      'How could you do this to me?',
      'How can people be so blind?',
      'Why would anyone buy that?',
    ])
      expect(verdict(q), q).toBe(INCREDULOUS);
  });

  it('leaves information questions, repair "huh?" and set phrases alone', () => {
    for (const q of [
      'Where are the keys?',
      'What time is it?',
      'Why?',
      'Huh?',
      'So what?',
      'Guess what?',
      'You know what?',
      'How can I help?',
      'Why would I need a visa?',
      'Is this real leather?',
      'Thoughts?',
      'Anyone?',
      'Did you really mean that?',
    ])
      expect(verdict(q), q).toBe(NOT_INCREDULOUS);
  });
});
