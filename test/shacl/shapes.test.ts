// Each integrity rule of ontology/shapes.ttl, broken on purpose: the validator must catch it.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../src/kb/seed.js';
import { EMO, EMOTION_BASE, LEXICON_BASE, ONTOLEX, RDF, SKOS, XSD } from '../../src/rdf/namespaces.js';
import { quadKey } from '../../src/rdf/turtle.js';
import { validateGraph } from '../../src/shacl/validate.js';

const { namedNode, literal, quad } = DataFactory;
const e = (id: string) => namedNode(EMOTION_BASE + id);
// Rules are broken on the ontology part (hierarchy, relations, crosswalks): checking 89,000
// lexicon triples again for every case would only slow the suite. The shipped whole is checked once.
let shipped: Quad[];
let seed: Quad[];

beforeAll(async () => {
  shipped = await readSeed();
  seed = shipped.filter((q) => !q.subject.value.startsWith(LEXICON_BASE));
});

function edit(add: Quad[], remove: (q: Quad) => boolean = () => false): Quad[] {
  return [...seed.filter((q) => !remove(q)), ...add];
}

async function messages(quads: Quad[]): Promise<string[]> {
  const report = await validateGraph(quads);
  return report.violations.map((v) => `${v.focus.replace(EMOTION_BASE, '')}: ${v.message}`);
}

describe('SHACL shapes', () => {
  it('accept the shipped knowledge, lexicon included', async () => {
    expect(shipped.length).toBeGreaterThan(seed.length);
    expect(await messages(shipped)).toEqual([]);
  });

  it('require a definition', async () => {
    const out = await messages(edit([], (q) => q.subject.equals(e('fury')) && q.predicate.equals(SKOS.definition)));
    expect(out).toEqual([expect.stringMatching(/^fury: .*exactly one skos:definition/)]);
  });

  it('require exactly one tier and one valence', async () => {
    const out = await messages(edit([quad(e('fury'), EMO.valence, EMO.Positive)]));
    expect(out.some((m) => /^fury: .*exactly one valence/.test(m))).toBe(true);
    const noTier = await messages(edit([], (q) => q.subject.equals(e('fury')) && q.predicate.equals(EMO.tier)));
    expect(noTier.some((m) => /^fury: .*exactly one tier/.test(m))).toBe(true);
  });

  it('allow one parent only, exactly one tier up', async () => {
    const twoParents = await messages(
      edit([quad(e('fury'), SKOS.broader, e('irritation-secondary')), quad(e('irritation-secondary'), SKOS.narrower, e('fury'))]),
    );
    expect(twoParents.some((m) => /^fury: .*at most one parent/.test(m))).toBe(true);
    // a tertiary hung directly under a primary
    const skip = await messages(
      edit(
        [quad(e('fury'), SKOS.broader, e('anger-primary')), quad(e('anger-primary'), SKOS.narrower, e('fury'))],
        (q) =>
          (q.subject.equals(e('fury')) && q.predicate.equals(SKOS.broader)) ||
          (q.object.equals(e('fury')) && q.predicate.equals(SKOS.narrower)),
      ),
    );
    expect(skip.some((m) => /^fury: .*tier and parent disagree/.test(m))).toBe(true);
  });

  it('keep skos:narrower the exact inverse of skos:broader', async () => {
    const out = await messages(edit([], (q) => q.object.equals(e('fury')) && q.predicate.equals(SKOS.narrower)));
    expect(out.some((m) => /^rage-secondary: .*skos:narrower must list/.test(m))).toBe(true);
  });

  it('find cycles and self-links', async () => {
    const self = await messages(edit([quad(e('fury'), EMO.isOppositeOf, e('fury'))]));
    expect(self.some((m) => /^fury: .*links to itself/.test(m))).toBe(true);
    const cycle = await messages(
      edit([quad(e('rage-secondary'), SKOS.broader, e('fury')), quad(e('fury'), SKOS.narrower, e('rage-secondary'))]),
    );
    expect(cycle.some((m) => /its own ancestor: skos:broader forms a cycle/.test(m))).toBe(true);
  });

  it('refuse composition cycles of any length, naming every emotion on the cycle', async () => {
    // loathing is composed of hate and disgust (shipped): hate composed of loathing closes a cycle of two.
    const two = await validateGraph(edit([quad(e('hate'), EMO.isComposedOf, e('loathing'))]));
    const onCycle = (report: typeof two) =>
      report.violations
        .filter((v) => /emo:isComposedOf forms a cycle/.test(v.message))
        .map((v) => v.focus.replace(EMOTION_BASE, ''))
        .sort();
    expect(two.conforms).toBe(false);
    expect(onCycle(two)).toEqual(['hate', 'loathing']);
    const hate = two.violations.find((v) => v.focus === EMOTION_BASE + 'hate')!;
    expect(hate.message).toContain(`${EMOTION_BASE}loathing`);
    // A longer one among emotions with no shipped composition: fury -> dismay -> anguish -> fury.
    const three = await validateGraph(
      edit([
        quad(e('fury'), EMO.isComposedOf, e('dismay')),
        quad(e('dismay'), EMO.isComposedOf, e('anguish')),
        quad(e('anguish'), EMO.isComposedOf, e('fury')),
      ]),
    );
    expect(onCycle(three)).toEqual(['anguish', 'dismay', 'fury']);
    // The same three as a chain (no edge back) is no cycle.
    const chain = await messages(edit([quad(e('fury'), EMO.isComposedOf, e('dismay')), quad(e('dismay'), EMO.isComposedOf, e('anguish'))]));
    expect(chain.filter((m) => /forms a cycle/.test(m))).toEqual([]);
  });

  it('require opposites both ways, and never to an ancestor', async () => {
    const oneWay = await messages(edit([quad(e('delight'), EMO.isOppositeOf, e('misery'))]));
    expect(oneWay.some((m) => /^(delight|misery): .*both ways/.test(m))).toBe(true);
    const both = await messages(
      edit([quad(e('delight'), EMO.isOppositeOf, e('misery')), quad(e('misery'), EMO.isOppositeOf, e('delight'))]),
    );
    expect(both).toEqual([]);
    const toAncestor = await messages(
      edit([quad(e('fury'), EMO.isOppositeOf, e('anger-primary')), quad(e('anger-primary'), EMO.isOppositeOf, e('fury'))]),
    );
    expect(toAncestor.some((m) => /is opposite to .*its own ancestor/.test(m))).toBe(true);
  });

  // spite: a blend in no shipped relation (jealousy, used before, is now a shipped blend of three)
  it('require a blend to have two or more components, none of them its ancestors, all existing', async () => {
    const one = await messages(edit([quad(e('spite'), EMO.isComposedOf, e('fear-primary'))]));
    expect(one.some((m) => /^spite: /.test(m))).toBe(true);
    const ancestor = await messages(
      edit([quad(e('spite'), EMO.isComposedOf, e('fear-primary')), quad(e('spite'), EMO.isComposedOf, e('anger-primary'))]),
    );
    expect(ancestor.some((m) => /one of its own ancestors, as a component/.test(m))).toBe(true);
    const dangling = await messages(
      edit([quad(e('spite'), EMO.isComposedOf, e('fear-primary')), quad(e('spite'), EMO.isComposedOf, e('no-such-emotion'))]),
    );
    expect(dangling.some((m) => /existing emotion/.test(m))).toBe(true);
  });

  it('require a transition to name an existing from, trigger and to', async () => {
    const t = namedNode(`${EMOTION_BASE}transition/test`);
    const good = [
      quad(t, RDF.type, EMO.Transition),
      quad(e('hope'), EMO.leadsTo, t),
      quad(t, EMO.from, e('hope')),
      quad(t, EMO.trigger, e('shock')),
      quad(t, EMO.to, e('despair')),
    ];
    expect(await messages(edit(good))).toEqual([]);
    const missing = await messages(edit(good.filter((q) => !q.predicate.equals(EMO.trigger))));
    expect(missing.some((m) => /exactly one emo:trigger/.test(m))).toBe(true);
  });

  it('keep sense weights in [0, 1] and senses pointing at emotions', async () => {
    const entry = namedNode(`${LEXICON_BASE}en/livid`);
    const form = namedNode(`${entry.value}#form`);
    const sense = namedNode(`${entry.value}#sense-fury`);
    const term = (weight: string, target = e('fury')) => [
      quad(entry, RDF.type, ONTOLEX.LexicalEntry),
      quad(entry, ONTOLEX.canonicalForm, form),
      quad(form, ONTOLEX.writtenRep, literal('livid', 'en')),
      quad(entry, ONTOLEX.sense, sense),
      quad(sense, RDF.type, ONTOLEX.LexicalSense),
      quad(sense, ONTOLEX.reference, target),
      quad(sense, EMO.weight, literal(weight, XSD.decimal)),
    ];
    expect(await messages(edit(term('0.9')))).toEqual([]);
    expect((await messages(edit(term('1.5')))).some((m) => /weight, an xsd:decimal in \[0, 1\]/.test(m))).toBe(true);
    expect((await messages(edit(term('0.9', e('nope'))))).some((m) => /existing emotion/.test(m))).toBe(true);
  });

  it('report each violation once, sorted', async () => {
    const quads = edit([], (q) => q.subject.equals(e('fury')) && q.predicate.equals(SKOS.definition));
    const report = await validateGraph([...quads, ...quads]);
    expect(new Set(report.violations.map((v) => JSON.stringify(v))).size).toBe(report.violations.length);
    expect(seed.map(quadKey).length).toBeGreaterThan(1000);
  });
});
