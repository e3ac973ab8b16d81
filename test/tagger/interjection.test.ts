// The scope of a negation over interjections (rule interjection-scope), on the shipped lexicon.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmokbYoga } from '../../src/graphql/yoga.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

const counted = (text: string, options: TagOptions = {}) =>
  (tagger.tag(text, options).matches ?? []).filter((m: TagMatch) => !m.negated).map((m: TagMatch) => `${m.text}:${m.emotion}`);

describe('interjection scope', () => {
  it('does not let a negator reach a one-word interjection, naming the rule', () => {
    expect(counted('Nobody has been banned lol')).toEqual(['lol:amusement']);
    expect(tagger.tag('This did not age well lol').dominant).toEqual({ primary: 'joy', secondary: 'cheerfulness', tertiary: 'amusement' });
    expect(tagger.tag("I'm not surprised haha").matches!.find((m) => m.text === 'haha')!.rules).toContain('interjection-scope');
  });

  it('still negates the words of the clause, and a word that only inflects like an interjection', () => {
    expect(counted('I was not excited lol')).toEqual(['lol:amusement']);
    expect(tagger.tag('I was not excited lol').matches!.find((m) => m.text === 'excited')!.negated).toBe(true);
    // "ripped" reaches "RIP" by its lemma: no interjection as written, so the negation stands
    expect(counted("I don't like to be ripped off")).toEqual([]);
    // an interjection closes its clause: before an object it is the verb
    expect(counted("a Chihuahua isn't going to rip your face off")).toEqual([]);
    expect(counted('It was never good lol, but fine')).toEqual(['lol:amusement']);
  });

  it('is an option', () => {
    expect(counted('Nobody has been banned lol', { interjectionScope: false })).toEqual([]);
    expect(tagger.tag('Nobody has been banned lol', { interjectionScope: false }).dominant.primary).toBeNull();
  });

  it('is a GraphQL option', async () => {
    const kb = await shippedKb();
    const yoga = createEmokbYoga({ snapshot: () => kb });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ on: classify(text: "Nobody has been banned lol") { dominant { tertiary } matches { text rules } }
          off: classify(text: "Nobody has been banned lol", options: { interjectionScope: false }) { dominant { tertiary } } }`,
      }),
    });
    const r = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({ dominant: { tertiary: 'amusement' }, matches: [{ text: 'lol', rules: ['interjection-scope'] }] });
    expect(r.data.off.dominant.tertiary).toBeNull();
  });
});
