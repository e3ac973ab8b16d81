// Rule `conducive-question` (tagger/negationScope.ts), on the shipped lexicon: the negative
// auxiliary that opens a question asking for agreement does not negate the feeling; where the
// question's negation is meant (a non-assertive word, a modal, an imperative, not at the head) it
// still does.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

/** Each match as `text` or `text:neg`, with the rule when this one shaped it. */
const read = (text: string, options: TagOptions = {}) =>
  (tagger.tag(text, options).matches ?? []).map(
    (m: TagMatch) => `${m.text.toLowerCase()}${m.negated ? ':neg' : ''}${m.rules?.includes('conducive-question') ? ':conducive' : ''}`,
  );

describe('conducive negative questions', () => {
  it('does not negate the feeling in a negative question that asks for agreement, and names the rule', () => {
    expect(read("Isn't it wonderful ?")).toEqual(['wonderful:conducive']);
    expect(read("Don't you hate it when that happens?")).toEqual(['hate:conducive']);
    expect(read("So isn't this fun?")).toEqual(['fun:conducive']);
    expect(read("Wasn't that wonderful? 😂")[0]).toBe('wonderful:conducive');
  });

  it('keeps the negation where it is meant', () => {
    // a non-assertive word: the speaker says no one is
    expect(read("Aren't you ever satisfied ?")).toEqual(['satisfied:neg']);
    expect(read("Doesn't anyone care?")).toEqual(['care:neg']);
    expect(read("Don't you feel embarrassed at all?")).toEqual(['embarrassed:neg']);
    // a modal: a complaint that you are not
    expect(read("Can't you be happy for me?")).toEqual(['happy:neg']);
    // not a question, not at the head, or no subject after the auxiliary (an imperative)
    expect(read("It isn't wonderful.")).toEqual(['wonderful:neg']);
    expect(read("I don't hate it?")).toEqual(['hate:neg']);
    expect(read("Don't hate me?")).toEqual(['hate:neg']);
  });

  it('is an option', () => {
    expect(read("Isn't it wonderful ?", { conduciveQuestion: false })).toEqual(['wonderful:neg']);
  });
});

describe('conducive negative questions after discourse openers', () => {
  it('looks past the openers asked-feeling looks past ("Wait, isn\'t ...?"), not past other words', () => {
    expect(read("Wait, isn't everyone nervous the first time?")).toEqual(['nervous:conducive']);
    expect(read("He said isn't it wonderful?")).toEqual(['wonderful:neg']);
  });
});
