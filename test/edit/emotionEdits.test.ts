// Planning emotion edits on the hierarchy snapshot (pure: no store, no validation): IRIs, tiers,
// refusals that name the field, and what a removal takes with it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { applied, E, lines, plan, refusal, seededKb } from './helpers.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seededKb();
});

const definition = 'A calm, settled feeling that nothing needs to change.';

describe('emotion add', () => {
  it('mints emotion:<slug> one tier below the parent, with types, scheme, label, definition, valence and both hierarchy links', () => {
    const p = plan(kb, { kind: 'emotion-add', label: 'Quiet Ease', parent: 'contentment-secondary', definition });
    const iri = `${E}quiet-ease`;
    expect(p.subject).toBe(iri);
    expect(lines(p.add)).toEqual(
      [
        `<${iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/emokb/ontology#Emotion> .`,
        `<${iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> .`,
        `<${iri}> <http://www.w3.org/2004/02/skos/core#inScheme> <https://w3id.org/emokb/ontology#Parrott> .`,
        `<${iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Quiet Ease"@en .`,
        `<${iri}> <http://www.w3.org/2004/02/skos/core#definition> "${definition}"@en .`,
        `<${iri}> <https://w3id.org/emokb/ontology#tier> <https://w3id.org/emokb/ontology#Tertiary> .`,
        `<${iri}> <https://w3id.org/emokb/ontology#valence> <https://w3id.org/emokb/ontology#Positive> .`,
        `<${iri}> <http://www.w3.org/2004/02/skos/core#broader> <${E}contentment-secondary> .`,
        `<${E}contentment-secondary> <http://www.w3.org/2004/02/skos/core#narrower> <${iri}> .`,
      ].sort(),
    );
    expect(p.remove).toEqual([]);
    const after = applied(kb, p);
    expect(after.resolve('quiet ease')).toMatchObject({ tier: 'tertiary', valence: 'positive', parent: `${E}contentment-secondary` });
  });

  it('falls back to <slug>-<tier>, then -2, -3 when the IRI is taken', () => {
    const first = plan(kb, { kind: 'emotion-add', label: 'calm', parent: 'joy-primary', definition, valence: 'POSITIVE' });
    expect(first.subject).toBe(`${E}calm`);
    const kb1 = applied(kb, first);
    const second = plan(kb1, { kind: 'emotion-add', label: 'calm', parent: 'contentment-secondary', definition });
    expect(second.subject).toBe(`${E}calm-tertiary`);
    const kb2 = applied(kb1, second);
    const third = plan(kb2, { kind: 'emotion-add', label: 'calm', parent: 'relief-secondary', definition });
    expect(third.subject).toBe(`${E}calm-tertiary-2`);
  });

  it('refuses a tertiary parent, a sibling with the same label, and an unknown parent, naming the field', () => {
    const tertiary = refusal(() => plan(kb, { kind: 'emotion-add', label: 'x', parent: 'fury', definition }), 'BAD_INPUT');
    expect(tertiary.message).toMatch(/^parent: "fury" \(fury\) is tertiary/);
    const twin = refusal(() => plan(kb, { kind: 'emotion-add', label: 'Zeal', parent: 'zest-secondary', definition }), 'CONFLICT');
    expect(twin.message).toContain('already has a child labelled "zeal"');
    const unknown = refusal(() => plan(kb, { kind: 'emotion-add', label: 'x', parent: 'sadnes', definition }), 'NOT_FOUND');
    expect(unknown.message).toMatch(/^parent: no emotion "sadnes"; did you mean "sadness"/);
    expect(unknown.details?.field).toBe('parent');
  });
});

describe('emotion rename and define', () => {
  it('changes the label and keeps the IRI', () => {
    const p = plan(kb, { kind: 'emotion-rename', emotion: 'glumness', label: 'the glums' });
    const after = applied(kb, p);
    expect(after.resolve('the glums').iri).toBe(`${E}glumness`);
    expect(after.byLabel('glumness')).toEqual([]);
    expect(p.remove.map((q) => q.object.value)).toEqual(['glumness']);
  });

  it('refuses a label a sibling already has, and a rename to the same label', () => {
    refusal(() => plan(kb, { kind: 'emotion-rename', emotion: 'glumness', label: 'Gloom' }), 'CONFLICT');
    refusal(() => plan(kb, { kind: 'emotion-rename', emotion: 'glumness', label: 'glumness' }), 'CONFLICT');
  });

  it('replaces the one definition', () => {
    const p = plan(kb, { kind: 'emotion-define', emotion: 'glumness', definition: 'A sullen, quiet low mood that shows on the face.' });
    expect(p.add).toHaveLength(1);
    expect(p.remove).toHaveLength(1);
    expect(applied(kb, p).resolve('glumness').definition).toBe('A sullen, quiet low mood that shows on the face.');
  });
});

describe('emotion move', () => {
  it('moves an emotion with its subtree to a parent at the same tier as the old one', () => {
    const p = plan(kb, { kind: 'emotion-move', emotion: 'rage-secondary', parent: 'fear-primary' });
    const after = applied(kb, p);
    expect(after.parent(`${E}rage-secondary`)!.id).toBe('fear-primary');
    expect(after.children(`${E}anger-primary`).map((c) => c.id)).not.toContain('rage-secondary');
    expect(after.path(`${E}fury`).map((e) => e.id)).toEqual(['fear-primary', 'rage-secondary', 'fury']);
  });

  it('refuses a parent at another tier (tiers stay fixed), moving a primary, and the same parent', () => {
    const tier = refusal(() => plan(kb, { kind: 'emotion-move', emotion: 'fury', parent: 'joy-primary' }), 'BAD_INPUT');
    expect(tier.message).toContain('moves only to a parent at the same tier');
    refusal(() => plan(kb, { kind: 'emotion-move', emotion: 'joy-primary', parent: 'fear-primary' }), 'BAD_INPUT');
    refusal(() => plan(kb, { kind: 'emotion-move', emotion: 'fury', parent: 'rage-secondary' }), 'CONFLICT');
  });
});

describe('emotion remove', () => {
  it('removes a leaf with every triple that mentions it', () => {
    const p = plan(kb, { kind: 'emotion-remove', emotion: 'wrath' });
    const after = applied(kb, p);
    expect(after.quads.some((q) => q.subject.value === `${E}wrath` || q.object.value === `${E}wrath`)).toBe(false);
    expect(after.counts.emotions).toBe(kb.counts.emotions - 1);
  });

  it('refuses an emotion with children, listing exactly what would go', () => {
    const error = refusal(() => plan(kb, { kind: 'emotion-remove', emotion: 'rage-secondary' }), 'BAD_INPUT');
    expect(error.message).toContain('has 15 child emotion(s); nothing was removed');
    expect(error.message).toContain('15 descendant(s): anger (anger-tertiary), bitterness (bitterness)');
    expect(error.message).toContain('--reparent TO');
    expect(error.message).toContain('--cascade');
    expect(error.details?.wouldRemove).toEqual(expect.arrayContaining([expect.stringContaining('descendant(s)')]));
  });

  it('with --cascade removes the subtree; with --reparent moves the children to an emotion at the same tier', () => {
    const cascade = applied(kb, plan(kb, { kind: 'emotion-remove', emotion: 'rage-secondary', cascade: true }));
    expect(cascade.counts.emotions).toBe(kb.counts.emotions - 16);
    expect(cascade.quads.some((q) => q.object.value === `${E}rage-secondary` || q.object.value === `${E}fury`)).toBe(false);

    const reparented = applied(kb, plan(kb, { kind: 'emotion-remove', emotion: 'rage-secondary', reparent: 'exasperation' }));
    expect(reparented.counts.emotions).toBe(kb.counts.emotions - 1);
    expect(reparented.parent(`${E}fury`)!.id).toBe('exasperation-secondary');
    expect(reparented.children(`${E}exasperation-secondary`)).toHaveLength(kb.children(`${E}exasperation-secondary`).length + 15);

    refusal(() => plan(kb, { kind: 'emotion-remove', emotion: 'rage-secondary', reparent: 'fury' }), 'BAD_INPUT');
  });

  it('refuses an emotion with terms or relations, and with --cascade takes senses, entries left without one, and relations', () => {
    let k = kb;
    const step = (raw: Record<string, unknown>) => (k = applied(k, plan(k, raw)));
    step({ kind: 'term-add', text: 'seething', emotion: 'fury' });
    step({ kind: 'term-add', text: 'hot', emotion: 'fury', weight: 0.3, evokes: true });
    step({ kind: 'term-add', text: 'hot', emotion: 'lust-tertiary', weight: 0.4 });
    step({ kind: 'link-add', type: 'opposite', from: 'fury', to: ['relief-tertiary'] });
    step({ kind: 'link-add', type: 'transition', from: 'fury', to: ['guilt'], trigger: 'shame' });
    step({ kind: 'link-add', type: 'composition', from: 'bitterness', to: ['fury', 'disappointment-secondary'] });

    const error = refusal(() => plan(k, { kind: 'emotion-remove', emotion: 'fury' }), 'BAD_INPUT');
    expect(error.message).toContain('has 2 term sense(s), 3 relation(s)');
    expect(error.message).toContain('term "seething": its sense for fury (its last sense: the entry goes too)');
    expect(error.message).toContain('term "hot": its sense for fury\n');
    expect(error.message).toContain('opposite: fury <-> relief');
    expect(error.message).toContain('transition: fury -> guilt (trigger: shame)');
    expect(error.message).toContain(
      'composition: bitterness loses component fury (its last other component, disappointment, goes too: a blend needs two)',
    );

    const after = applied(k, plan(k, { kind: 'emotion-remove', emotion: 'fury', cascade: true }));
    const mentions = (iri: string) => after.quads.filter((q) => q.subject.value.startsWith(iri) || q.object.value.startsWith(iri));
    expect(mentions(`${E}fury`)).toEqual([]);
    expect(mentions('https://w3id.org/emokb/lexicon/en/seething')).toEqual([]);
    expect(mentions('https://w3id.org/emokb/lexicon/en/hot#sense-lust-tertiary').length).toBeGreaterThan(0);
    expect(mentions('https://w3id.org/emokb/transition/')).toEqual([]);
    expect(after.quads.some((q) => q.predicate.value.endsWith('#isComposedOf'))).toBe(false);
    expect(after.quads.some((q) => q.predicate.value.endsWith('#isOppositeOf'))).toBe(false);
  });
});
