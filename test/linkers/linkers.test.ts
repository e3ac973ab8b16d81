// The three linkers on the shipped hierarchy (without the shipped relations and lexicon, so that
// what they find is the linkers' own work), the candidate/decision round trip on that snapshot,
// and the integrity rules around evidence nodes.
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmokbError } from '../../src/errors.js';
import { planEdit } from '../../src/edit/planEdit.js';
import { parseEditRequest } from '../../src/edit/EditRequest.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { EMO } from '../../src/rdf/namespaces.js';
import { quadKey, readTurtleFile } from '../../src/rdf/turtle.js';
import { validateGraph } from '../../src/shacl/validate.js';
import { edgeIri, storedEdges, type EdgeProposal } from '../../src/kb/edges.js';
import { isAsserted, loadLinkerResources, planProposals, propose, EmotionTerms, type LinkerResources } from '../../src/linkers/index.js';
import { planLink } from '../../src/edit/linkEdits.js';
import { parseEdgeDecisionsTsv, planEdgeDecisions, resolveEdgeDecisions } from '../../src/linkers/review.js';
import { relationsOf } from '../../src/graphql/relations.js';

const ONTOLOGY = join(import.meta.dirname, '..', '..', 'ontology');
const TIME = '2026-01-01T00:00:00.000Z';
let kb: KnowledgeBase;
let resources: LinkerResources;
let terms: EmotionTerms;
const found: Record<string, EdgeProposal[]> = {};

function apply(base: KnowledgeBase, add: readonly Quad[], remove: readonly Quad[]): KnowledgeBase {
  const next = new Map(base.quads.map((q) => [quadKey(q), q]));
  for (const q of remove) next.delete(quadKey(q));
  for (const q of add) next.set(quadKey(q), q);
  return KnowledgeBase.fromQuads([...next.values()], base.version + 1);
}
const id = (iri: string) => kb.emotion(iri)?.id ?? iri;
const summary = (p: EdgeProposal) => `${id(p.from)} ${p.trigger ? `-${id(p.trigger)}-> ` : ''}${p.to.map(id).join('+')}`;

beforeAll(async () => {
  const quads = (
    await Promise.all(['schema.ttl', 'parrott.ttl', 'crosswalks.ttl', 'linking.ttl'].map((f) => readTurtleFile(join(ONTOLOGY, f))))
  ).flat();
  kb = KnowledgeBase.fromQuads(quads, 1);
  resources = await loadLinkerResources();
  terms = new EmotionTerms(kb, resources.wn, resources.emotionality);
  for (const type of ['opposite', 'composition', 'transition'] as const) found[type] = propose(kb, resources, type, { terms });
}, 60_000);

describe('opposites', () => {
  it('aggregates antonymous term pairs, with the pairs in the evidence', () => {
    const hate = found.opposite!.find((p) => summary(p) === 'hate love-tertiary');
    expect(hate, found.opposite!.map(summary).join(', ')).toBeDefined();
    expect(hate!.methods).toContain('wordnet-antonymy');
    expect(hate!.evidence.some((e) => e.startsWith('term pair:') && /hate.*!.*love|love.*!.*hate/.test(e))).toBe(true);
  });
  it('keeps to opposite valences, one tier, no ancestors; Plutchik pairs where the crosswalk reaches', () => {
    for (const p of found.opposite!) {
      const [a, b] = [kb.emotion(p.from)!, kb.emotion(p.to[0]!)!];
      expect(a.tier).toBe(b.tier);
      expect(kb.ancestors(a.iri).map((e) => e.iri)).not.toContain(b.iri);
      if (!p.methods.includes('plutchik-opposites')) expect(new Set([a.valence, b.valence])).toEqual(new Set(['positive', 'negative']));
    }
    expect(found.opposite!.map(summary)).toEqual(expect.arrayContaining(['joy-primary sadness-primary', 'anger-primary fear-primary']));
  });
});

describe('compositions', () => {
  it('reads mixtures in definitions and glosses, and Plutchik dyads, never with an ancestor as component', () => {
    const names = found.composition!.map(summary);
    expect(names).toEqual(
      expect.arrayContaining([
        'loathing disgust-tertiary+hate',
        'horror-tertiary fear-tertiary+revulsion',
        'envy-tertiary anger-tertiary+sadness-tertiary',
        'contempt anger-tertiary+disgust-tertiary',
      ]),
    );
    for (const p of found.composition!) {
      expect(p.to.length).toBeGreaterThanOrEqual(2);
      const ancestors = kb.ancestors(p.from).map((e) => e.iri);
      for (const c of p.to) expect(ancestors).not.toContain(c);
    }
  });
});

describe('transitions', () => {
  it('finds from/trigger/to in cause clauses and OCC appraisal patterns', () => {
    const names = found.transition!.map(summary);
    expect(names).toEqual(
      expect.arrayContaining([
        'hope -sadness-tertiary-> disappointment-tertiary',
        'fear-tertiary -joy-tertiary-> relief-tertiary',
        'hurt -anger-tertiary-> bitterness',
      ]),
    );
    const disappointment = found.transition!.find((p) => summary(p) === 'hope -sadness-tertiary-> disappointment-tertiary')!;
    expect(disappointment.methods).toEqual(['appraisal-occ', 'definition-cause-clause']);
  });
  it('scopes a run to one emotion', () => {
    const hope = kb.resolve('hope');
    const scoped = propose(kb, resources, 'transition', { terms, emotion: hope });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((p) => [p.from, p.trigger, ...p.to].includes(hope.iri))).toBe(true);
  });
});

describe('candidates and review', () => {
  it('stores candidates without asserting the relation; re-running adds nothing; accepting asserts it both ways; the graph stays valid', async () => {
    const opposite = found.opposite!.find((p) => summary(p) === 'hate love-tertiary')!;
    const blend = found.composition!.find((p) => summary(p) === 'loathing disgust-tertiary+hate')!;
    const plan = planProposals(kb, [opposite, blend], { time: TIME, isAsserted: (p) => isAsserted(kb, p) });
    expect(plan.added).toBe(2);
    const proposed = apply(kb, plan.add, plan.remove);
    expect(proposed.counts.relations).toEqual({ opposites: 0, compositions: 0, transitions: 0 });
    expect(plan.add.every((q) => q.subject.termType === 'NamedNode')).toBe(true);
    expect(planProposals(proposed, [opposite, blend], { time: TIME, isAsserted: (p) => isAsserted(proposed, p) }).added).toBe(0);

    const decisions = parseEdgeDecisionsTsv(
      'edge\tdecision\tnote\nopposite/hate--love-tertiary\taccept\ncomposition/loathing--disgust-tertiary--hate\taccept\tdefinition\n',
      'd.tsv',
    );
    const review = planEdgeDecisions(proposed, resolveEdgeDecisions(proposed, decisions), { reviewer: 'Tester', time: TIME, planLink });
    const accepted = apply(proposed, review.add, review.remove);
    expect(accepted.counts.relations).toEqual({ opposites: 1, compositions: 2, transitions: 0 });
    expect(storedEdges(accepted).get(edgeIri(opposite))!.status).toBe('accepted');
    const rel = relationsOf(accepted, kb.resolve('hate').iri);
    expect(rel.opposites.map((o) => o.emotion.id)).toEqual(['love-tertiary']);
    expect(rel.opposites[0]!.evidence?.methods).toContain('wordnet-antonymy');
    expect(rel.blends.map((b) => b.blend.id)).toEqual(['loathing']);
    const report = await validateGraph(accepted.quads);
    expect(report.violations).toEqual([]);
  }, 60_000);

  it('names the line of an unknown edge or a bad decision, and applies nothing', () => {
    expect(() => parseEdgeDecisionsTsv('opposite/hate--love-tertiary\tmaybe\n', 'd.tsv')).toThrow(/d\.tsv:1: "maybe" is not a decision/);
    const err = (() => {
      try {
        resolveEdgeDecisions(kb, parseEdgeDecisionsTsv('# c\nopposite/nope--none\taccept\n', 'd.tsv'));
      } catch (e) {
        return e as EmokbError;
      }
    })();
    expect(err?.code).toBe('NOT_FOUND');
    expect(err?.message).toMatch(/^d\.tsv:2: no proposed edge/);
  });

  it('removing an emotion with --cascade takes its evidence nodes too: none dangles', async () => {
    const blend = found.composition!.find((p) => summary(p) === 'loathing disgust-tertiary+hate')!;
    const plan = planProposals(kb, [blend], { time: TIME, isAsserted: () => false });
    const proposed = apply(kb, plan.add, plan.remove);
    const removal = planEdit(proposed, parseEditRequest({ kind: 'emotion-remove', emotion: 'hate', cascade: true }), {
      author: 'Tester',
      time: TIME,
    });
    const after = apply(proposed, removal.add, removal.remove);
    expect(storedEdges(after).size).toBe(0);
    expect(after.quads.some((q) => q.subject.value === edgeIri(blend))).toBe(false);
    expect(after.quads.some((q) => q.object.equals(EMO.isComposedOf))).toBe(false);
  });
});
