// Rule `quoted-mention` (tagger/quotedMention.ts): a word quoted alone is mentioned or held at a
// distance, not used; a quotation with more in it, and an apostrophe inside a word, are no such
// quote.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { quotedAlone } from '../../src/tagger/quotedMention.js';
import { fixtureKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await fixtureKb());
});

const matched = (text: string, options: TagOptions = {}) => (tagger.tag(text, options).matches ?? []).map((m: TagMatch) => m.text);

describe('quoted mention', () => {
  it('drops a word quoted alone in straight, curly, single or doubled quotes', () => {
    expect(matched('Stop using the word "happy" for everything.')).toEqual([]);
    expect(matched('Her attempts to look “happy” fall flat.')).toEqual([]);
    expect(matched("when he is 'sad' there are no tears")).toEqual([]);
    // a TSV field keeps its quotes doubled: the word is still quoted alone
    expect(matched('"Do you mean ""joy""?"')).toEqual([]);
  });

  it('keeps a quotation with more in it than the match, and the words outside it', () => {
    expect(matched('She said "I am so happy" and left.')).toEqual(['happy']);
    expect(matched('I am sad, "whatever" they say.')).toEqual(['sad']);
  });

  it('takes no apostrophe inside a word for a quote', () => {
    expect(quotedAlone("rock'n'roll", 5, 6)).toBe(false);
    expect(quotedAlone("it's 'joy'", 6, 9)).toBe(true);
    expect(quotedAlone("x'joy'", 2, 5)).toBe(false);
    expect(quotedAlone("'joy's", 1, 4)).toBe(false);
    // at the very start or end of the text there is no mark to enclose the word
    expect(quotedAlone('joy"', 0, 3)).toBe(false);
    expect(quotedAlone('"joy', 1, 4)).toBe(false);
  });

  it('is an option: off, the quoted word is read as used', () => {
    expect(matched('Stop using the word "happy" for everything.', { quotedMention: false })).toEqual(['happy']);
  });
});
