// "Sorry" by what one is sorry for (tagger/apology.ts), on the shipped lexicon: the speaker's own
// doing or an apology formula is regret, another's misfortune sympathy, "sorry, but" a hedge.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

/** Each counted match as `text:reading:rules other than default-narrower`. */
const matched = (text: string, options: TagOptions = {}) =>
  (tagger.tag(text, options).matches ?? [])
    .filter((m: TagMatch) => !m.negated)
    .map((m: TagMatch) => `${m.text}:${(m.readAs ?? m.path).at(-1)!}:${(m.rules ?? []).filter((r) => r !== 'default-narrower').join(',')}`);
const secondary = (text: string, options: TagOptions = {}) => tagger.tag(text, options).dominant.secondary;

describe('apology: "sorry" for the speaker\'s own doing is regret', () => {
  it('reads an apology formula as sadness > shame > regret, naming the rule', () => {
    expect(matched("I'm so sorry, I messed up")).toEqual(['so sorry:regret:apology']);
    expect(matched("I'm sorry I was late")).toEqual(["I'm sorry:regret:apology"]);
    expect(matched('Sorry for being late')).toEqual(['Sorry:regret:apology']);
    expect(matched('sorry about that')).toEqual(['sorry:regret:apology']);
    expect(matched('Sorry for the late reply.')).toEqual(['Sorry:regret:apology']);
    expect(matched('Sorry if I was rude')[0]).toBe('Sorry:regret:apology');
    expect(tagger.tag("I'm so sorry, I messed up").dominant).toMatchObject({ primary: 'sadness', secondary: 'shame', tertiary: 'regret' });
  });

  it("reads sorrow at another's misfortune as sympathy", () => {
    expect(matched('Sorry to hear that')).toEqual(['Sorry:sympathy:sympathy']);
    expect(matched('sorry for your loss')).toEqual(['sorry for your loss:sympathy:']);
    expect(secondary("I'm so sorry for you")).toBe('sympathy');
    expect(secondary('I feel sorry for him')).toBe('sympathy');
    expect(matched("Sorry you're going through this")).toEqual(['Sorry:sympathy:sympathy']);
    expect(secondary("I'm sorry that you have to deal with this")).toBe('sympathy');
  });

  it('leaves a bare "I\'m sorry." as the lexicon reads it, a hedge and a threat without emotion', () => {
    expect(matched("I'm sorry.")).toEqual(["I'm sorry:sympathy:"]);
    expect(matched("I'm sorry, but you are wrong")).toEqual([]);
    expect(matched("You'll be sorry")).toEqual([]);
    // the frown is a face of its own (emoji.test.ts); "sorry" before it is still no apology read
    expect(matched('sorry :( I hope it gets better')).toEqual([':(:unhappiness:', 'hope:hope:']);
  });

  it('reads "sorry to" + a verb of announcing, and "sorry, <vocative>, but", as a hedge; "sorry to" + another verb as regret', () => {
    expect(matched("I'm sorry to inform you, it's worse.")).toEqual([]);
    expect(matched("I'm sorry to say it has nothing to do with you.")).toEqual([]);
    expect(matched("I'm sorry to break the news to you.")).toEqual([]);
    expect(matched("I'm sorry, gentlemen, but the order is final.")).toEqual([]);
    expect(matched("I'm sorry, ma'am, but you're needed upstairs.")).toEqual([]);
    // the verb of apology before "but" is the same hedge; an apology for what one did stays remorse
    expect(matched('I apologize, but I think you are wrong.')).toEqual([]);
    expect(matched('Madam, I apologize, but these stories are made up.')).toEqual([]);
    expect(matched('I apologize for being late.')).toEqual(['apologize:remorse:']);
    // the noun is no speech act: "an apology but" is no hedge
    expect(matched('He gave an apology but nobody listened.')[0]).toBe('apology:remorse:');
    expect(matched("I'm sorry to wake you.")).toEqual(["I'm sorry:regret:apology"]);
    expect(matched("I'm sorry to have to tell you this.")).toEqual([]);
    expect(matched('Sorry to disappoint you, I really tried.')[0]).toBe('Sorry:regret:apology');
    expect(matched('Sorry to be a pain.')[0]).toBe('Sorry:regret:apology');
    // not a verb after "to": no reading
    expect(matched('Sorry to anyone in the area.')).toEqual([]);
    expect(matched('Sorry to the mods.')).toEqual([]);
    // a vocative with no "but" after it is no hedge: the bare reading stays
    expect(matched("I'm sorry, John.")).toEqual(["I'm sorry:sympathy:"]);
  });

  it("is an option: apology: false keeps the lexicon's reading", () => {
    expect(matched("I'm so sorry, I messed up", { apology: false })).toEqual(['so sorry:sympathy:']);
    expect(matched('Sorry to hear that', { apology: false })).toEqual([]);
  });
});
