// The sentence-reading rules of senseFrames.ts (tag questions, physical senses, swear words as
// degree words, courtesy titles, the "I'm afraid" hedge, well-wishes) and the formulas and collocations of curation/en/context-precision-4.tsv, on the
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

  it('reads "get hurt" as an injury, unless "by" or "emotionally" follows or the speaker gets hurt', () => {
    expect(words("Somebody's gonna get hurt.")).not.toContain('hurt');
    expect(words("I'm glad no one got hurt.")).not.toContain('hurt');
    expect(words('I got hurt by what she said.')).toContain('hurt');
    expect(words('You will get hurt emotionally.')).toContain('hurt');
    // the speaker who gets hurt: the heart's
    expect(words('I always get hurt in relationships.')).toContain('hurt');
    expect(words("I'm tired of getting hurt.")).toContain('hurt');
    expect(words("Somebody's gonna get hurt.", { physicalSense: false })).toContain('hurt');
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

  it('does not read a degree form after a degree adverb before a word of feeling, or before an affirmation, as anger (session 11)', () => {
    expect(words('Well fucking said.')).toEqual([]);
    expect(words("Fucking right let's go")).toEqual([]);
    expect(words('Goddamn right!')).toEqual([]);
    // the word it heightens keeps its own emotion
    expect(tagger.tag('It’s so fucking creepy').dominant.primary).toBe('fear');
    expect(words('It’s so fucking creepy')).toEqual(['creepy']);
  });

  it('keeps the anger of a degree-slot swear before a word that names no feeling, and of a bare "fuck" before "right off"', () => {
    expect(words('Why do you have to make everything so bloody difficult?')).toContain('bloody');
    expect(words('Stop being so fucking loud.')).toEqual(['fucking']);
    expect(words('Why are you so fucking slow?')).toEqual(['fucking']);
    expect(words('They can fuck right off.')).toContain('fuck');
    expect(words('It’s so fucking creepy', { expressiveIntensifier: false })).toContain('fucking');
  });

  it('keeps the anger of a swear word before a noun phrase, an insult, a dismissal, and is an option', () => {
    expect(words('Wipe that fucking smile off your face!')).toContain('fucking');
    expect(words('You fucking wise guys!')).toContain('fucking');
    expect(words('Fucking joke of a performance.')).toContain('fucking');
    expect(words('Fucking cops!')).toContain('fucking');
    expect(words('I fucking love it!', { expressiveIntensifier: false })).toContain('fucking');
  });
});

describe('the "I\'m afraid" hedge', () => {
  it('reads "I\'m afraid" before news of what is, was or must be as a hedge, not fear', () => {
    for (const text of [
      "I'm afraid I can't come tonight.",
      "I'm afraid it can't be done, sir!",
      "I'm afraid the press has been alerted.",
      'I am afraid his marriage is over.',
      "I'm afraid that there is no coincidence here.",
      'I’m afraid we’ve been called out',
      "I'm afraid Scraps will have to be shot.",
      "I'm afraid we're going to have to cancel.",
      "I'm afraid that won't be possible.",
      "I'm afraid I won't be able to make it.",
      "I'm afraid none of us can help.",
      "We are afraid it's over.",
      "Not the right sub, I'm afraid.",
    ])
      expect(words(text), text).not.toContain('afraid');
  });

  it('keeps fear before what may happen, before "of"/"to", with a degree word, alone, and with another subject', () => {
    for (const text of [
      "I'm afraid it will get worse.",
      "I'm afraid I'll ruin my makeup.",
      "I'm afraid he might leave me.",
      "I'm afraid if I leave she'll hate me.",
      "I'm afraid the people at work will find out.",
      "I'm afraid she's cheating on me.",
      "I'm afraid I'm losing my mind.",
      "I'm afraid of the dark.",
      "I'm afraid to ask.",
      "I'm so afraid he's lying.",
      "I'm afraid.",
      "You're afraid it's true.",
      "I'm afraid, like a baby who needs a light on.",
    ])
      expect(words(text), text).toContain('afraid');
    expect(tagger.tag("I'm afraid it will get worse.").dominant.primary).toBe('fear');
  });

  it('is an option', () => {
    expect(words("I'm afraid I can't come tonight.", { afraidHedge: false })).toContain('afraid');
  });
});

describe('well-wishes', () => {
  it('drops an imperative "Enjoy" heading its sentence, alone or after "just", "ok"', () => {
    expect(words('Enjoy your stay in Paris.')).toEqual([]);
    expect(words('Thank you! Enjoy your gold.')).toEqual([]);
    expect(words('Enjoy!')).toEqual([]);
    expect(words('Just enjoy it.')).toEqual([]);
    expect(words('Ok, enjoy the game.')).toEqual([]);
  });

  it("keeps the speaker's own enjoyment: a subject, another form, an -ing form after it, another head", () => {
    expect(words('I enjoy it.')).toEqual(['enjoy']);
    expect(words('Enjoyed it!')).toEqual(['enjoyed']);
    expect(words('Enjoy reading your posts.')).toEqual(['enjoy']);
    expect(words('He said enjoy it.')).toEqual(['enjoy']);
  });

  it('is an option', () => {
    expect(words('Enjoy your stay in Paris.', { wellWish: false })).toEqual(['enjoy']);
  });
});

describe('greeting and performative formulas (context-precision-9.tsv)', () => {
  it('blocks the occasion greetings and "I wish to congratulate", and reads "kiss my ass" as contempt', () => {
    expect(words('Happy new years my friend!')).toEqual([]);
    expect(words('Happy anniversary!! ')).toEqual([]);
    expect(words('I wish to congratulate you on behalf of the club.')).toEqual([]);
    // the longing of "I wish to" with another verb stays
    expect(words('I wish to be a part of them one day.')).toEqual(['i wish']);
    expect(tagger.tag('Just kiss my ass from now on.').dominant).toMatchObject({ primary: 'anger', tertiary: 'contempt' });
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
