// Rule topic-experiencer (tagger/topicExperiencer.ts, option topicExperiencer, off by default): an
// evoking topic noun is kept only in a sentence with an experiencer, on the shipped lexicon.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const on: TagOptions = { topicExperiencer: true };
const words = (text: string, options: TagOptions = on) => (tagger.tag(text, options).matches ?? []).map((m: TagMatch) => m.text);

describe('topic-experiencer', () => {
  it('drops a topic noun named with no one in its sentence', () => {
    // ("funeral", "weapon" and "monster", the examples here until session 11, are no longer entries:
    // curation/en/context-precision-8.tsv)
    expect(words('The corpse lay in the road.')).toEqual([]);
    expect(words('Police found poison.')).toEqual([]);
  });

  it('keeps it with a first or second person or a feeling verb in the same sentence', () => {
    expect(words('I found a corpse in my garden')).toContain('corpse');
    expect(words('He put poison in my tea')).toEqual(['poison']);
    expect(words('She felt the corpse was watching her.')).toContain('corpse');
    // another sentence's "I" does not count
    expect(words('Police found poison. I went home.')).toEqual([]);
  });

  it('leaves expressives of anger, names and what is not a topic noun', () => {
    expect(words('Where the hell are they?')).toEqual(['hell']);
    expect(words('Ignore the morons.')).toEqual(['morons']);
    expect(words('He is so angry')).toEqual(['angry']);
  });

  it('keeps a topic named in an exclamation, and evaluative nouns, which are no topics', () => {
    expect(words("It's a trap!")).toEqual(['trap']);
    expect(words('Police found poison!')).toEqual(['poison']);
    expect(words('That was a fun conversation.')).toContain('fun');
    expect(words("That's the stuff of nightmares.")).toContain('nightmares');
  });

  it('is off by default', () => {
    expect(words('The corpse lay in the road.', {})).toEqual(['corpse']);
  });
});
