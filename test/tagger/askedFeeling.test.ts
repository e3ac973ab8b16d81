// Rule `asked-feeling` (tagger/askedFeeling.ts), on the shipped lexicon: a feeling asked about in a
// yes/no question about the hearer or a third party is not expressed; the speaker's own feeling,
// a shared or presupposed one, and judgments stay.
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

describe('asked feeling', () => {
  it("drops a feeling asked about the hearer's or a third party's", () => {
    expect(words('Did you enjoy it?')).toEqual([]);
    expect(words('Do you hate China then?')).toEqual([]);
    expect(words('So would you care for some coffee?')).toEqual([]);
    expect(words('Does [NAME] hate me?')).toEqual([]);
    expect(words('Did your parents enjoy the show?')).toEqual([]);
    // emoji after the question mark still close the question
    expect(words('Does she hate the men in her family too? 😂')).toEqual(['😂']);
  });

  it("keeps the speaker's feeling, a shared one, a state the speaker sees, a statement", () => {
    expect(words('Do you know how much I love you?')).toEqual(['i love you']);
    expect(words('Does anyone else hate this?')).toEqual(['hate']);
    // a question with "be" or "feel" asks about a state the speaker sees signs of
    expect(words('Are you upset?')).toEqual(['upset']);
    expect(words('Do you feel the ecstasy?')).toEqual(['ecstasy']);
    expect(words('You enjoy it.')).toEqual(['enjoy']);
    expect(words('Did you enjoy it. I did.')).toEqual(['enjoy']);
    expect(words('Why do you hate me?')).toEqual(['hate']);
  });

  it("keeps judgments and expressives, which are the speaker's in a question too", () => {
    expect(words('Would you be so stupid?')).toEqual(['stupid']);
    expect(words('Did you fucking see that?')).toEqual(['fucking']);
  });

  it('is an option', () => {
    expect(words('Did you enjoy it?', { askedFeeling: false })).toEqual(['enjoy']);
  });
});
