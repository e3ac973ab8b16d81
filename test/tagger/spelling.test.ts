// Stretched spellings read as the lexicon word they stretch, the scope of a negation before
// "matter how", and "jerk" inside its non-emotional collocations, on the shipped lexicon.
import { beforeAll, describe, expect, it } from 'vitest';
import { cutLetterRuns, hasLetterRun } from '../../src/lexicon/LexiconIndex.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const counted = (text: string, options: TagOptions = {}) =>
  (tagger.tag(text, options).matches ?? []).filter((m: TagMatch) => !m.negated).map((m: TagMatch) => `${m.text}:${m.lemma}:${m.emotion}`);

describe('stretched spellings', () => {
  it('reads a word with runs of three or more letters as the lexicon word, naming the rule', () => {
    expect(tagger.tag('sooooo happy').dominant.tertiary).toBe('joy');
    expect(tagger.tag('sooooo happy').matches![0]!.intensity).toBeGreaterThan(1);
    expect(counted('I loooove this')).toEqual(['loooove:love:love']);
    expect(tagger.tag('I loooove this').matches![0]!.rules).toContain('stretched-spelling');
    expect(counted('happpppy')).toEqual(['happpppy:happy:joy']);
    expect(counted('Daaaamn it')).toEqual(['Daaaamn it:damn it:frustration']);
  });

  it('cuts runs of three or more letters only, and is an option', () => {
    expect(hasLetterRun('happy')).toBe(false);
    expect(hasLetterRun('sooo')).toBe(true);
    expect(cutLetterRuns('loooovvve', 2)).toBe('loovve');
    expect(cutLetterRuns('loooovvve', 1)).toBe('love');
    expect(counted('I loooove this', { stretchedSpellings: false })).toEqual([]);
    expect(tagger.tag('sooooo happy', { stretchedSpellings: false }).matches![0]!.intensity).toBe(1);
  });

  it('does not read a stretched "no" as a negation', () => {
    expect(counted('Nooooo happy')).toEqual(['happy:happy:joy']);
  });
});

describe('negation before "matter how"', () => {
  it('does not reach over "matter how" into the concessive clause', () => {
    expect(counted("It doesn't matter how stupid you were being")).toEqual(['stupid:stupid:annoyance']);
    expect(counted('No matter how happy you are')).toHaveLength(1);
    expect(tagger.tag("It doesn't make me angry").matches![0]!.negated).toBe(true);
  });
});

describe('"jerk" inside its collocations', () => {
  it('is no emotion in "jerk off" and "circle jerk", and stays contempt for a person', () => {
    expect(counted('I almost forgot to jerk off today')).toEqual([]);
    expect(counted('he was jerking off')).toEqual([]);
    expect(counted('this sub is a circle jerk')).toEqual([]);
    expect(tagger.tag('stop being a jerk').dominant.primary).toBe('anger');
  });
});
