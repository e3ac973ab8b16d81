// Emoji and emoticons (option `emoji`, curation/en/emoji.tsv): a face, a heart or an ASCII face with
// an entry is evidence of its own, outside a negation when it closes its clause.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const matched = (text: string, options = {}) =>
  (tagger.tag(text, options).matches ?? []).map((m: TagMatch) => `${m.text}:${m.emotion}${m.negated ? ':neg' : ''}`);

describe('emoji and emoticons', () => {
  it('gives a text with no emotion word the emotion of its emoji', () => {
    expect(tagger.tag('that game last night 😂😂').dominant).toEqual({ primary: 'joy', secondary: 'cheerfulness', tertiary: 'amusement' });
    expect(tagger.tag('my grandmother passed 😢').dominant.primary).toBe('sadness');
    expect(tagger.tag('seriously 😡').dominant.primary).toBe('anger');
    expect(tagger.tag('this cake 😍').dominant.primary).toBe('love');
    expect(matched('what 😱')).toEqual(['😱:shock']);
  });

  it('reads the ASCII faces, with or without a nose', () => {
    expect(matched('so tired :(')).toEqual([':(:unhappiness']);
    expect(matched('so tired :-(')).toEqual([':-(:unhappiness']);
    expect(matched('love you <3')).toEqual(['love you:love', '<3:love']);
    expect(matched('ok :D')).toEqual([':D:happiness']);
    // a time, a label or a URL is no face
    expect(matched('see you at 10:30, Note:Dave https://example.org')).toEqual([]);
  });

  it('keeps a closing emoji out of a negation before it, as an interjection', () => {
    const r = tagger.tag("I'm not even mad 😂");
    expect(matched("I'm not even mad 😂")).toEqual(['mad:fury:neg', '😂:amusement']);
    expect(r.matches!.find((m) => m.text === '😂')!.rules).toEqual(['interjection-scope']);
    expect(r.dominant.tertiary).toBe('amusement');
    // used as a word inside the clause, the negation reaches it
    expect(matched("I don't ❤️ it")).toEqual(['❤️:love:neg']);
  });

  it('reads a run of the same emoji as one match, and an emoji with no entry as nothing', () => {
    expect(matched('😂😂😂')).toEqual(['😂😂😂:amusement']);
    expect(matched('nice 👍🏽')).toEqual([]);
  });

  it('ignores them with emoji: false', () => {
    expect(matched('that game 😂 :(', { emoji: false })).toEqual([]);
    // words are read as before
    expect(matched('so sad 😢', { emoji: false })).toEqual(['sad:sadness']);
  });
});
