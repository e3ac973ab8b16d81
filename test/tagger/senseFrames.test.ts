// The sentence-reading rules of senseFrames.ts (tag questions, physical senses, swear words as
// degree words) and the formulas and collocations of curation/en/context-precision-4.tsv, on the
// shipped lexicon.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const words = (text: string, options: TagOptions = {}) =>
  (tagger.tag(text, options).matches ?? []).filter((m: TagMatch) => !m.negated).map((m: TagMatch) => m.text.toLowerCase());

describe('tag questions', () => {
  it('does not read ", huh?" as surprise, but keeps "huh" on its own and its option', () => {
    expect(words('Looks like a nice day, huh?')).not.toContain('huh');
    expect(words("Well, I guess that's it, then, huh?")).not.toContain('huh');
    expect(words('Huh? What did you just say?')).toContain('huh');
    expect(words('Huh, I never knew that.')).toContain('huh');
    expect(words('Looks like a nice day, huh?', { tagQuestion: false })).toContain('huh');
  });
});

describe('physical senses', () => {
  it('drops "hurt", "injured", "wounded", "stuck" beside a body part, an injury or a weapon', () => {
    expect(words('When his feet hurt, he drives the whole house crazy.')).not.toContain('hurt');
    expect(words('You injured your knee in a game.')).not.toContain('injured');
    expect(words('He was mortally wounded.')).not.toContain('wounded');
    expect(words('He has stuck his finger in some jello.')).not.toContain('stuck');
    expect(words('That was a sucker punch.')).not.toContain('punch');
  });

  it('keeps the emotional sense where no such word is near, and is an option', () => {
    expect(words('Why must you hurt me with such words?')).toContain('hurt');
    expect(words('My heart hurts so much.')).toContain('hurts');
    expect(words('I feel stuck in my life.')).toContain('stuck');
    expect(tagger.tag('My heart hurts so much.').dominant.primary).toBe('sadness');
    expect(words('When his feet hurt, he drives the whole house crazy.', { physicalSense: false })).toContain('hurt');
  });
});

describe('swear words as degree words', () => {
  it('does not read a swear word before a positive word as anger; the positive word still counts', () => {
    expect(words('I fucking love it!')).toEqual(['love']);
    expect(tagger.tag('I fucking love it!').dominant.primary).toBe('love');
    expect(words('That is so fucking awesome.')).not.toContain('fucking');
    expect(tagger.tag('That is so fucking awesome.').dominant.primary).toBe('joy');
  });

  it('keeps the anger of a swear word before a noun phrase, an insult, a dismissal, and is an option', () => {
    expect(words('Wipe that fucking smile off your face!')).toContain('fucking');
    expect(words('You fucking wise guys!')).toContain('fucking');
    expect(words('Fucking joke of a performance.')).toContain('fucking');
    expect(words('Fucking cops!')).toContain('fucking');
    expect(words('I fucking love it!', { expressiveIntensifier: false })).toContain('fucking');
  });
});

describe('courtesy titles', () => {
  it('reads "Miss" before a name as the title, not longing, and is an option', () => {
    expect(words("Miss [PERSON], I've been looking for you.")).toEqual([]);
    expect(words('Miss Gamble, I will try to help you today.')).toEqual([]);
    expect(words('I miss [NAME] so much.')).toContain('miss');
    expect(words('Miss Me, a song')).toEqual(['miss']);
    expect(words("Miss [PERSON], I've been looking for you.", { courtesyTitle: false })).toContain('miss');
  });
});

describe('formulas and collocations (context-precision-4.tsv)', () => {
  it('reads farewells, greetings and politeness formulas as no emotion', () => {
    for (const text of [
      'Take care.',
      'Merry Christmas.',
      'Bye, Commander.',
      'My pleasure, sisters.',
      'Forgive me father for I have sinned.',
    ])
      expect(words(text), text).toEqual([]);
    expect(words('That is what we love to hear.')).not.toContain('love');
  });

  it('reads the collocations as no emotion and keeps the words elsewhere', () => {
    expect(words('Talk about a blast from the past!')).toEqual([]);
    expect(words("It's a made up word.")).toEqual([]);
    expect(words('They shut down the government.')).toEqual([]);
    expect(words('I care about you so much.')).toContain('care');
    expect(words('We had a blast at the party!')).toEqual(['had a blast']);
  });
});
