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
    // a time, a label, a URL, code or "less than three" is no face
    expect(matched('see you at 10:30, Note:Dave https://example.org')).toEqual([]);
    expect(matched('x = a[:] and f(:) fixed in <3 hours')).toEqual([]);
  });

  it('keeps a closing emoji out of a negation before it, as an interjection', () => {
    const r = tagger.tag("I'm not even mad 😂");
    expect(matched("I'm not even mad 😂")).toEqual(['mad:fury:neg', '😂:amusement']);
    expect(r.matches!.find((m) => m.text === '😂')!.rules).toEqual(['interjection-scope']);
    expect(r.dominant.tertiary).toBe('amusement');
    // nor one with more words after it: it comments on what is said wherever it stands
    expect(matched("I can't stop laughing 😂 this is gold")).toEqual(['laughing:amusement:neg', '😂:amusement']);
    expect(matched("I don't hate you ❤️ thanks for everything")).toEqual(['hate:hate:neg', '❤️:love']);
    // right after the negator it stands for a word, and the negation reaches it
    expect(matched("I don't ❤️ it")).toEqual(['❤️:love:neg']);
    // and an emoji between a negator and a word is no boundary of the negation
    expect(matched("I'm not 😤 happy")).toEqual(['happy:joy:neg']);
  });

  it('keeps the "?" cue of a question that an emoji without an entry follows ("Really? 👍")', () => {
    const m = tagger.tag('Really? 👍').matches!;
    expect(m).toEqual([expect.objectContaining({ text: '?', emotion: 'surprise' })]);
  });

  it('puts an emoji after the closing mark in the sentence it closes', () => {
    const text = 'What a day!!! 😭 Never again.';
    const r = tagger.tag(text, { perSentence: true });
    expect(r.sentences!.map((s) => text.slice(s.start, s.end))).toEqual(['What a day!!! 😭', 'Never again.']);
    expect(r.sentences![0]!.dominant.primary).toBe('sadness');
    expect(r.sentences![1]!.dominant.primary).toBeNull();
  });

  it('reads a run of the same emoji as one match, and an emoji with no entry as nothing', () => {
    expect(matched('😂😂😂')).toEqual(['😂😂😂:amusement']);
    expect(matched('nice 👍🏽')).toEqual([]);
    // a skin tone or a gender sign does not change the face; another joined part does ("😮‍💨" exhales)
    expect(matched('😢🏽 sad day')).toEqual(['😢🏽:sadness', 'sad:sadness']);
    expect(matched('😮‍💨 made it')).toEqual([]);
  });

  it('ignores them with emoji: false', () => {
    expect(matched('that game 😂 :(', { emoji: false })).toEqual([]);
    // words are read as before
    expect(matched('so sad 😢', { emoji: false })).toEqual(['sad:sadness']);
  });
});
