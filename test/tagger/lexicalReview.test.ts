// The lexical precision review (curation/en/context-precision.tsv, README "Lexical precision
// review") as the shipped lexicon carries it: formulas and topic words that name no felt emotion
// are not matched, wrong emotions are moved, rare senses are blocked while the word's emotional
// use stays. Each decision is shown with a use where it holds and one where the word still matches.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const matched = (text: string) =>
  (tagger.tag(text).matches ?? []).filter((m: TagMatch) => !m.negated).map((m: TagMatch) => `${m.text}:${m.emotion}`);

describe('the lexical precision review in the shipped lexicon', () => {
  it('does not read politeness formulas as felt emotions, but keeps condolence', () => {
    expect(matched('Thanks for the info!')).toEqual([]);
    // (no sorrow: "sorry" alone is no entry; the apology rule reads this one as the speaker's regret)
    expect(matched('Sorry, didn’t know where else to put it')).toEqual(['Sorry:regret']);
    expect(matched('Good luck with that.')).toEqual([]);
    expect(matched('I am so sorry')).toEqual(['so sorry:sympathy']);
    expect(matched("I'm sorry you have to deal with this")).toEqual(["I'm sorry:sympathy"]);
  });

  it('does not read topic words as the emotion they might call up', () => {
    expect(matched('We lost the game and he lost weight')).toEqual([]);
    expect(matched('Gun owners want fewer laws')).toEqual([]);
    expect(matched('They got married in June')).toEqual([]);
    expect(matched('I am scared')).toEqual(['scared:fear']);
  });

  it('moves a wrong emotion to the one a reader agrees with', () => {
    expect(matched("I can't believe we elected him")).toEqual(["can't believe:astonishment"]);
    expect(matched("I'm sick of them")).toEqual(['sick of:exasperation']);
    expect(matched('It makes me sick')).toEqual(['makes me sick:disgust']);
    expect(matched('Poor guy')).toEqual(['Poor:pity']);
  });

  it('blocks a rare sense of a word and keeps its emotional use', () => {
    expect(matched('I must have missed that part')).toEqual([]);
    expect(matched('I miss my dog so much')).toEqual(['miss:longing']);
    expect(matched("I've missed you")).toEqual(['missed you:longing']);
    expect(matched('We did it just for fun')).toEqual([]);
    expect(matched('That was so much fun!')).toEqual(['fun:joy']);
    expect(matched('Who cares?')).toEqual([]);
    expect(matched('She is cute as fuck')).toEqual(['cute:attraction']);
  });
});

describe('session 8: depth and silent texts (curation/en/context-depth.tsv)', () => {
  const dominant = (text: string) => Object.values(tagger.tag(text).dominant).join(' > ');

  it('reads a broad word under the secondary its ordinary use falls under, not its namesake', () => {
    expect(dominant('Finally some news from them.')).toBe('joy > relief > relief');
    expect(dominant('Luckily no one was hurt.')).toBe('joy > relief > relief');
    expect(dominant("I'm so stoked")).toBe('joy > zest > excitement');
    expect(dominant('Ah damn it.')).toBe('anger > exasperation > frustration');
    expect(dominant("That's rude.")).toBe('anger > irritation > annoyance');
    expect(dominant('That video is garbage.')).toBe('anger > disgust > contempt');
  });

  it('reads the verb "like" with the speaker as experiencer as liking, not "like" alone', () => {
    expect(matched('I like it!')).toEqual(['I like:liking']);
    expect(matched('I really liked this photo.')).toEqual(['I really liked:liking']);
    expect(matched("I don't like it")).toEqual([]);
    expect(matched("I'd like a beer")).toEqual([]);
    expect(matched('I feel like going home')).toEqual([]);
    expect(matched('It looks like rain')).toEqual([]);
  });
});
