// Tagging in another scheme's labels through the ontology's crosswalks (tagger/schemeScores.ts):
// one case per kind of mapping, the nearest-mapped-node rule, unmapped evidence and bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { SchemeName, SchemeTagResult } from '../../src/tagger/types.js';
import { fixtureKb } from './helpers.js';

let tagger: Tagger;
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await fixtureKb();
  tagger = Tagger.for(kb);
});

const inScheme = (text: string, scheme: SchemeName, extra = {}): SchemeTagResult => tagger.tag(text, { scheme, matches: false, ...extra });

describe('tagging in another scheme', () => {
  it('answers with the scheme, its labels and each label IRI; scores sum to 1', () => {
    const r = inScheme('I feel fear and sadness', 'ekman');
    expect(r.scheme).toBe('ekman');
    expect(Object.keys(r.scores).sort()).toEqual(['fear', 'sadness']);
    expect(r.dominant).toBe(Object.keys(r.scores)[0]);
    expect(Object.values(r.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(r.categories.map((c) => c.iri).sort()).toEqual([
      'https://w3id.org/emokb/scheme/ekman/fear',
      'https://w3id.org/emokb/scheme/ekman/sadness',
    ]);
    expect(r.categories.map((c) => [c.label, c.score])).toEqual(Object.entries(r.scores));
    expect(r.unmapped).toBe(0);
  });

  it('exactMatch: fear-primary is Ekman fear', () => {
    expect(inScheme('I feel fear', 'ekman').categories).toEqual([
      { label: 'fear', iri: 'https://w3id.org/emokb/scheme/ekman/fear', score: 1, relations: ['exactMatch'] },
    ]);
  });

  it('closeMatch: disgust-secondary carries its evidence to Ekman disgust, marked close', () => {
    const r = inScheme('what disgust', 'ekman');
    expect(r.dominant).toBe('disgust');
    expect(r.categories[0]!.relations).toEqual(['closeMatch']);
  });

  it('narrowMatch: anger-primary (broader than the label) carries its evidence to Ekman anger, marked narrow', () => {
    const r = inScheme('so much anger', 'ekman');
    expect(r.scores).toEqual({ anger: 1 });
    expect(r.categories[0]!.relations).toEqual(['narrowMatch']);
  });

  it('broadMatch: GoEmotions fear is broader than fear-tertiary, which carries its evidence to it', () => {
    const r = inScheme('I feel fear', 'goemotions');
    expect(r.scores).toEqual({ fear: 1 });
    expect(r.categories[0]!.relations).toEqual(['broadMatch']);
  });

  it('evidence goes to the nearest mapped node on its path: disgust (under anger) is not also counted as anger', () => {
    // disgust-secondary sits under anger-primary; both are mapped to Ekman labels.
    expect(Object.keys(inScheme('what disgust', 'ekman').scores)).toEqual(['disgust']);
    const both = inScheme('what disgust and anger', 'ekman');
    expect(Object.keys(both.scores).sort()).toEqual(['anger', 'disgust']);
  });

  it('evidence with no counterpart is left out, not forced, and its share is reported as unmapped', () => {
    const love = inScheme('I love you', 'ekman');
    expect(love).toMatchObject({ dominant: null, scores: {}, categories: [], unmapped: 1 });
    const mixed = inScheme('love and fear', 'ekman');
    expect(mixed.scores).toEqual({ fear: 1 });
    expect(mixed.unmapped).toBeGreaterThan(0);
    expect(mixed.unmapped).toBeLessThan(1);
  });

  it('a text with no match has no dominant label and nothing unmapped', () => {
    expect(inScheme('the table is brown', 'plutchik')).toMatchObject({ dominant: null, scores: {}, unmapped: 0 });
  });

  it('keeps Parrott matches as the evidence, and gives per-sentence results in the scheme', () => {
    const r = tagger.tag('I feel fear. I feel anger.', { scheme: 'plutchik', perSentence: true });
    expect(r.matches!.map((m) => m.text)).toEqual(['fear', 'anger']);
    expect(r.sentences!.map((s) => s.dominant)).toEqual(['fear', 'anger']);
  });

  it('minScore leaves out low labels but not the dominant one', () => {
    const r = inScheme('fear, fear, fear and anger', 'ekman', { minScore: 0.4 });
    expect(r.dominant).toBe('fear');
    expect(Object.keys(r.scores)).toEqual(['fear']);
  });

  it('refuses an unknown scheme naming the option', () => {
    expect(() => tagger.tag('x', { scheme: 'parrot' as SchemeName })).toThrow(
      /scheme.*"parrot" is not one of ekman, plutchik, goemotions, emotionml-big6/,
    );
  });

  it('without scheme the result is unchanged (Parrott tiers)', () => {
    const r = tagger.tag('I feel fear', { matches: false });
    expect(r.dominant.primary).toBe('fear');
    expect(r).not.toHaveProperty('scheme');
  });
});
