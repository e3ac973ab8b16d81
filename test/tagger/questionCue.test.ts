// The question cue's incredulity restriction (rule `question-incredulity`) in the tagger: which
// questions count as weak surprise, what the match says, and the `questionCue` option.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const cue = (text: string, questionCue?: 'incredulity' | 'any') =>
  tagger.tag(text, { questionCue }).matches!.filter((m) => m.lemma === '?');

describe('question-incredulity', () => {
  it('counts an incredulous question as weak surprise, on the mark, naming the rule', () => {
    const [m] = cue('You did what?');
    expect(m).toMatchObject({ text: '?', emotion: 'surprise', kind: 'evokes', negated: false });
    expect(m!.rules).toContain('question-incredulity');
    expect(tagger.tag('Him? Now?').dominant.primary).toBe('surprise');
  });

  it('does not count an information question (it did before the rule: questionCue "any")', () => {
    expect(cue('Where are the keys?')).toEqual([]);
    expect(tagger.tag('Where are the keys?').dominant.primary).toBeNull();
    const [any] = cue('Where are the keys?', 'any');
    expect(any).toMatchObject({ text: '?', emotion: 'surprise' });
    expect(any!.rules).not.toContain('question-incredulity');
  });

  it('a question that is wholly a disbelief formula takes back the matches of its words', () => {
    // "joking" alone is joviality; in "Are you joking?" it is the formula
    expect(tagger.tag('He was joking around.').matches!.map((m) => m.emotion)).toContain('joviality');
    const r = tagger.tag('Are you joking?');
    expect(r.matches!.map((m) => m.lemma)).toEqual(['?']);
    expect(r.dominant.primary).toBe('surprise');
    // with the rule off, the word keeps its match and the cue stays out
    expect(tagger.tag('Are you joking?', { questionCue: 'any' }).matches!.map((m) => m.lemma)).toEqual(['joking']);
  });

  it('a formula the lexicon already reads as surprise keeps its match, and the cue stays out', () => {
    const r = tagger.tag('Are you serious?');
    expect(r.matches!.map((m) => [m.lemma, m.emotion])).toEqual([['are you serious', 'astonishment']]);
  });

  it('an emotion word in an incredulous question still explains it: no cue', () => {
    expect(cue('How could you be so cruel?!')).toEqual([]);
  });

  it('is off with punctuationCues: false, and rejects an unknown questionCue naming the option', () => {
    expect(tagger.tag('Really?', { punctuationCues: false }).matches).toEqual([]);
    expect(() => tagger.tag('x', { questionCue: 'some' as never })).toThrow(/questionCue/);
  });
});
