// The appraisal-theory proposals and the structural checks every proposal passes, on the shipped
// release (hierarchy and accepted relations).
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { readRelease } from '../../src/kb/seed.js';
import type { EdgeProposal } from '../../src/kb/edges.js';
import { proposeAppraisalCompositions, proposeAppraisalOpposites, proposeAppraisalTransitions } from '../../src/linkers/appraisal.js';
import { RelationChecks } from '../../src/linkers/checks.js';
import { relationPath } from '../../src/graphql/relationPath.js';

const E = (id: string) => `https://w3id.org/emokb/emotion/${id}`;
let kb: KnowledgeBase;
let checks: RelationChecks;

beforeAll(async () => {
  kb = KnowledgeBase.fromQuads((await readRelease()).quads);
  checks = new RelationChecks(kb);
}, 60_000);

const edge = (type: EdgeProposal['type'], from: string, to: string[], trigger?: string): EdgeProposal => ({
  type,
  from: E(from),
  to: to.map(E),
  ...(trigger ? { trigger: E(trigger) } : {}),
  methods: ['test'],
  evidence: [],
  score: 0.5,
});

describe('appraisal proposals', () => {
  it("pairs OCC's hope and fear on Parrott's nodes, quoting the source and both type specifications", () => {
    const hopeFear = proposeAppraisalOpposites(kb).find((p) => p.from === E('hope') && p.to[0] === E('fear-tertiary'));
    expect(hopeFear?.methods).toEqual(['appraisal-occ']);
    expect(hopeFear?.evidence[0]).toMatch(
      /Ortony, Clore & Collins \(1988\).*pleased about the prospect of a desirable event.*displeased about the prospect/,
    );
  });

  it('pairs only nodes of one tier, and nothing for OCC types Parrott lacks (happy-for, gloating, admiration)', () => {
    const all = proposeAppraisalOpposites(kb);
    for (const p of all) expect(kb.emotion(p.from)!.tier).toBe(kb.emotion(p.to[0]!)!.tier);
    expect(all.some((p) => p.evidence[0]!.includes('happy-for and resentment'))).toBe(false);
  });

  it("resolves every fear-type node to relief when joy arises, and gives OCC's compounds as blends", () => {
    const relief = proposeAppraisalTransitions(kb)
      .filter((p) => p.to[0] === E('relief-tertiary'))
      .map((p) => p.from);
    expect(relief).toEqual(expect.arrayContaining(['fear-tertiary', 'dread', 'worry', 'apprehension', 'anxiety'].map(E)));
    const triumph = proposeAppraisalCompositions(kb).find((p) => p.from === E('triumph'));
    expect(triumph?.to).toEqual([E('pride-tertiary'), E('joy-tertiary')]);
  });
});

describe('structural checks', () => {
  it("refuses an opposite in one line of the hierarchy, or set against a sibling blend's component", () => {
    expect(checks.refusal(edge('opposite', 'hate', ['anger-primary']))).toMatch(/one line of the hierarchy/);
    // hate = anger + disgust (and loathing = hate + disgust): both are siblings of fury
    expect(checks.refusal(edge('opposite', 'fury', ['disgust-tertiary']))).toMatch(
      /disgust-tertiary is a component of (hate|loathing), a sibling of fury/,
    );
    expect(checks.refusal(edge('opposite', 'hope', ['fear-tertiary']))).toBeUndefined();
  });

  it('refuses a blend of its own ancestor and a composition cycle', () => {
    expect(checks.refusal(edge('composition', 'hope', ['optimism-secondary', 'fear-tertiary']))).toMatch(/ancestor/);
    // contempt = anger + disgust is shipped: anger made of contempt would close a cycle
    expect(checks.refusal(edge('composition', 'anger-tertiary', ['contempt', 'sadness-tertiary']))).toMatch(/composition cycle/);
  });

  it('refuses a transition into its own ancestor, and allows a cycle of courses', () => {
    expect(checks.refusal(edge('transition', 'worry', ['nervousness-secondary'], 'fear-tertiary'))).toMatch(/ancestor/);
    expect(checks.refusal(edge('transition', 'despair', ['hope'], 'joy-tertiary'))).toBeUndefined();
  });
});

describe('relationPath', () => {
  it('follows transitions forward only', () => {
    const [hope, despair] = [kb.emotion(E('hope'))!, kb.emotion(E('despair'))!];
    expect(relationPath(kb, hope, despair, ['transition'], 4)?.steps.map((s) => s.to.id)).toEqual(['disappointment-tertiary', 'despair']);
    expect(relationPath(kb, despair, hope, ['transition'], 8)).toBeNull();
    expect(relationPath(kb, hope, hope, ['transition'], 1)).toMatchObject({ length: 0, steps: [] });
  });
});
