// Default narrower readings (rule `default-narrower`): a match on a primary or secondary emotion is
// read down to the tertiary tier, so `dominant` answers at every tier.
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import { fixtureKb, shippedKb } from './helpers.js';

let tagger: Tagger;
let fixture: KnowledgeBase;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
  fixture = await fixtureKb();
});

describe('default-narrower', () => {
  it('reads a primary emotion word as its namesake down the tree, and says so in the match', () => {
    const r = tagger.tag("I'm so sad");
    expect(r.dominant).toEqual({ primary: 'sadness', secondary: 'sadness', tertiary: 'sadness' });
    expect(r.scores.tertiary).toEqual({ sadness: 1 });
    expect(r.matches![0]).toMatchObject({
      text: 'sad',
      emotion: 'sadness',
      emotionId: 'sadness-primary',
      path: ['sadness'],
      rules: ['default-narrower'],
      readAs: ['sadness', 'sadness', 'sadness'],
      readAsId: 'sadness-tertiary',
    });
  });

  it('finds the namesake below a missing tier (anger: no secondary "anger", the tertiary under rage)', () => {
    const anger = tagger.tag("I'm so pissed off");
    expect(anger.matches![0]).toMatchObject({ text: 'pissed off', emotionId: 'anger-primary', readAs: ['anger', 'rage', 'anger'] });
    expect(anger.matches![0]!.readAsId).toBe('anger-tertiary');
    expect(anger.dominant).toEqual({ primary: 'anger', secondary: 'rage', tertiary: 'anger' });
  });

  it('leaves a tertiary match, a negated match and everything with defaultNarrower: false as they were', () => {
    expect(tagger.tag('terrified').matches![0]!.rules).toBeUndefined();
    const negated = tagger.tag('I am not sad');
    expect(negated.matches![0]).toMatchObject({ negated: true });
    expect(negated.matches![0]!.readAs).toBeUndefined();
    const off = tagger.tag("I'm so sad", { defaultNarrower: false });
    expect(off.dominant).toEqual({ primary: 'sadness', secondary: null, tertiary: null });
    expect(off.matches![0]!.rules).toBeUndefined();
    expect(off.scores.primary).toEqual(tagger.tag("I'm so sad").scores.primary); // the primary tier does not move
  });

  it('a direct narrower word still decides the finer tiers when it weighs more', () => {
    // "heartbroken" (grief, under sadness > sadness) beside a weaker broad word
    const r = tagger.tag('a bit sad, heartbroken really');
    expect(r.dominant.secondary).toBe('sadness');
    expect(r.dominant.tertiary).not.toBeNull();
  });

  it('without a namesake, reads the child the rest of the text supports, else the one with most lexicon senses', () => {
    // An edited hierarchy: sadness > sadness has lost its tertiary namesake.
    const gone = 'https://w3id.org/emokb/emotion/sadness-tertiary';
    const edited = KnowledgeBase.fromQuads(
      fixture.quads.filter((q) => q.subject.value !== gone && q.object.value !== gone && !q.subject.value.includes('/bittersweet')),
    );
    const t = Tagger.for(edited);
    const supported = t.tag('sad, heart-broken');
    expect(supported.matches![0]).toMatchObject({ text: 'sad', readAs: ['sadness', 'sadness', 'grief'] });
    const other = t.tag('sad at the funeral');
    expect(other.matches![0]).toMatchObject({ text: 'sad', readAs: ['sadness', 'sadness', 'sorrow'] });
    const alone = t.tag('sad');
    expect(alone.dominant.tertiary).not.toBeNull();
    expect(alone.matches![0]!.readAs!.slice(0, 2)).toEqual(['sadness', 'sadness']);
  });
});
