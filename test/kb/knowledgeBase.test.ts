import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { readSeed } from '../../src/kb/seed.js';
import { TIERS } from '../../src/kb/Emotion.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = KnowledgeBase.fromQuads(await readSeed());
});

describe('the shipped hierarchy', () => {
  it("has Parrott's 6 primary, 25 secondary and 135 tertiary emotions", () => {
    expect(kb.counts.tiers).toEqual({ primary: 6, secondary: 25, tertiary: 135 });
    expect(kb.tier('primary').map((e) => e.label)).toEqual(['anger', 'fear', 'joy', 'love', 'sadness', 'surprise']);
  });

  it('gives every emotion a definition, a valence and a parent one tier up', () => {
    for (const e of kb.emotions()) {
      expect(e.definition.split(' ').length, e.id).toBeGreaterThanOrEqual(6);
      expect(['positive', 'negative', 'ambiguous'], e.id).toContain(e.valence);
      const parent = kb.parent(e.iri);
      if (e.tier === 'primary') expect(parent, e.id).toBeNull();
      else expect(TIERS.indexOf(parent!.tier), e.id).toBe(TIERS.indexOf(e.tier) - 1);
    }
  });

  it('writes its own definitions: no two are the same', () => {
    const definitions = kb.emotions().map((e) => e.definition);
    expect(new Set(definitions).size).toBe(definitions.length);
  });

  it('mints one IRI per node where Parrott repeats a name', () => {
    const sadness = kb.byLabel('Sadness');
    expect(sadness.map((e) => e.tier)).toEqual(['primary', 'secondary', 'tertiary']);
    expect(new Set(sadness.map((e) => e.iri)).size).toBe(3);
    expect(sadness.map((e) => e.id)).toEqual(['sadness-primary', 'sadness-secondary', 'sadness-tertiary']);
  });
});

describe('queries', () => {
  it('resolves by label case-insensitively, by id, prefixed name and IRI', () => {
    const fury = kb.resolve('FURY');
    expect(fury.tier).toBe('tertiary');
    expect(kb.resolve('fury').iri).toBe(fury.iri);
    expect(kb.resolve('emotion:fury').iri).toBe(fury.iri);
    expect(kb.resolve(fury.iri).iri).toBe(fury.iri);
    expect(kb.resolve('rage-tertiary').label).toBe('rage');
  });

  it('resolves a label shared along one line of descent to the broadest node, or to the tier asked for', () => {
    expect(kb.resolve('irritation').id).toBe('irritation-secondary');
    expect(kb.resolve('sadness').id).toBe('sadness-primary');
    expect(kb.resolve('sadness', 'tertiary').id).toBe('sadness-tertiary');
    expect(kb.path(kb.resolve('anger', 'tertiary').iri).map((e) => e.label)).toEqual(['anger', 'rage', 'anger']);
  });

  it('says not found with close labels suggested', () => {
    expect(() => kb.resolve('irritaton')).toThrowError(
      expect.objectContaining({ code: 'NOT_FOUND', details: expect.objectContaining({ suggestions: ['irritation'] }) }),
    );
    expect(() => kb.resolve('fury', 'primary')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('navigates parent, children, ancestors, descendants, siblings and path', () => {
    const annoyance = kb.resolve('annoyance');
    expect(kb.parent(annoyance.iri)!.id).toBe('irritation-secondary');
    expect(kb.ancestors(annoyance.iri).map((e) => e.id)).toEqual(['irritation-secondary', 'anger-primary']);
    expect(kb.path(annoyance.iri).map((e) => e.label)).toEqual(['anger', 'irritation', 'annoyance']);
    expect(kb.siblings(annoyance.iri).map((e) => e.label)).toEqual(['aggravation', 'agitation', 'grouchiness', 'grumpiness', 'irritation']);
    const fear = kb.resolve('fear');
    expect(kb.children(fear.iri).map((e) => e.label)).toEqual(['horror', 'nervousness']);
    expect(kb.descendants(fear.iri)).toHaveLength(2 + 9 + 8);
    expect(kb.siblings(fear.iri)).toHaveLength(5);
    const all = kb.tier('primary').flatMap((p) => [p, ...kb.descendants(p.iri)]);
    expect(all).toHaveLength(166);
  });

  it('maps the GoEmotions and Plutchik labels onto Parrott nodes', () => {
    const goemotions = kb.mappings('goemotions');
    const annoyance = goemotions.find((m) => m.notation === 'annoyance');
    expect(kb.emotion(annoyance!.emotion)!.label).toBe('annoyance');
    expect(kb.mappings('plutchik').map((m) => m.notation)).toEqual(
      expect.arrayContaining(['anger', 'fear', 'joy', 'sadness', 'surprise', 'disgust']),
    );
  });

  it('hashes content, not order', async () => {
    const quads = await readSeed();
    const reversed = KnowledgeBase.fromQuads([...quads].reverse());
    expect(reversed.contentHash).toBe(kb.contentHash);
    expect(KnowledgeBase.fromQuads(quads.slice(1)).contentHash).not.toBe(kb.contentHash);
  });
});
