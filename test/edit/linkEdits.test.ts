// Planning relation edits: opposites both ways, blends of two or more, transitions as nodes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { applied, ctx, E, lines, plan, refusal, seededKb } from './helpers.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seededKb();
});

const EMO = 'https://w3id.org/emokb/ontology#';

describe('link opposite', () => {
  it('is stored both ways and removed both ways', () => {
    const p = plan(kb, { kind: 'link-add', type: 'OPPOSITE', from: 'joy-primary', to: ['sadness-primary'] });
    expect(lines(p.add)).toEqual([
      `<${E}joy-primary> <${EMO}isOppositeOf> <${E}sadness-primary> .`,
      `<${E}sadness-primary> <${EMO}isOppositeOf> <${E}joy-primary> .`,
    ]);
    const k = applied(kb, p);
    expect(k.counts.relations.opposites).toBe(1);
    refusal(() => plan(k, { kind: 'link-add', type: 'opposite', from: 'sadness-primary', to: 'joy-primary' }), 'CONFLICT');
    const removed = plan(k, { kind: 'link-remove', type: 'opposite', from: 'sadness-primary', to: 'joy-primary' });
    expect(lines(removed.remove)).toEqual(lines(p.add));
  });

  it('refuses a self-link, an unknown type, a trigger, and removing a link that is not there', () => {
    expect(refusal(() => plan(kb, { kind: 'link-add', type: 'opposite', from: 'fury', to: ['fury'] }), 'BAD_INPUT').message).toBe(
      'to: "fury" (fury) cannot be linked to itself',
    );
    expect(refusal(() => plan(kb, { kind: 'link-add', type: 'friendship', from: 'fury', to: ['joy'] }), 'BAD_INPUT').message).toBe(
      'type: "friendship" is not a link type; use one of opposite, composition, transition',
    );
    refusal(() => plan(kb, { kind: 'link-add', type: 'opposite', from: 'fury', to: ['joy'], trigger: 'fear' }), 'BAD_INPUT');
    refusal(() => plan(kb, { kind: 'link-remove', type: 'opposite', from: 'fury', to: ['joy'] }), 'NOT_FOUND');
  });
});

describe('link composition', () => {
  it('adds two or more components at once and refuses a blend of one, a component that is an ancestor, or leaving one', () => {
    const one = refusal(
      () => plan(kb, { kind: 'link-add', type: 'composition', from: 'envy-tertiary', to: ['sadness-tertiary'] }),
      'BAD_INPUT',
    );
    expect(one.message).toContain('a blend has two or more components');
    const ancestor = refusal(
      () => plan(kb, { kind: 'link-add', type: 'composition', from: 'envy-tertiary', to: ['sadness-tertiary', 'anger-primary'] }),
      'BAD_INPUT',
    );
    expect(ancestor.message).toContain('is an ancestor of "envy" (envy-tertiary)');

    const p = plan(kb, { kind: 'link-add', type: 'composition', from: 'envy-tertiary', to: ['sadness-tertiary', 'anger-tertiary'] });
    expect(p.add).toHaveLength(2);
    const k = applied(kb, p);
    expect(k.counts.relations.compositions).toBe(2);
    const leaving = refusal(
      () => plan(k, { kind: 'link-remove', type: 'composition', from: 'envy-tertiary', to: ['anger-tertiary'] }),
      'BAD_INPUT',
    );
    expect(leaving.message).toContain('would be left with one component');
    expect(
      applied(k, plan(k, { kind: 'link-remove', type: 'composition', from: 'envy-tertiary', to: ['anger-tertiary', 'sadness-tertiary'] }))
        .counts.relations.compositions,
    ).toBe(0);
  });
});

describe('link transition', () => {
  it('is an emo:Transition node with from, trigger and to, linked from FROM with emo:leadsTo, with provenance', () => {
    const p = plan(kb, {
      kind: 'link-add',
      type: 'transition',
      from: 'fear-tertiary',
      to: ['relief-tertiary'],
      trigger: 'surprise-tertiary',
    });
    const node = 'https://w3id.org/emokb/transition/fear-tertiary--surprise-tertiary--relief-tertiary';
    expect(lines(p.add)).toEqual(
      [
        `<${node}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EMO}Transition> .`,
        `<${node}> <${EMO}from> <${E}fear-tertiary> .`,
        `<${node}> <${EMO}trigger> <${E}surprise-tertiary> .`,
        `<${node}> <${EMO}to> <${E}relief-tertiary> .`,
        `<${E}fear-tertiary> <${EMO}leadsTo> <${node}> .`,
        `<${node}> <${EMO}status> <${EMO}Accepted> .`,
        `<${node}> <${EMO}method> "manual" .`,
        `<${node}> <http://www.w3.org/ns/prov#wasAttributedTo> <https://w3id.org/emokb/agent/Test_Curator> .`,
        `<${node}> <http://www.w3.org/ns/prov#generatedAtTime> "${ctx.time}"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
      ].sort(),
    );
    const k = applied(kb, p);
    expect(k.counts.relations.transitions).toBe(1);
    refusal(
      () => plan(k, { kind: 'link-add', type: 'transition', from: 'fear-tertiary', to: ['relief-tertiary'], trigger: 'surprise-tertiary' }),
      'CONFLICT',
    );
    const removed = plan(k, { kind: 'link-remove', type: 'transition', from: 'fear-tertiary', to: ['relief-tertiary'] });
    expect(lines(removed.remove)).toEqual(lines(p.add));
  });

  it('needs a trigger, and does not lead from an emotion to itself', () => {
    expect(
      refusal(() => plan(kb, { kind: 'link-add', type: 'transition', from: 'fear-tertiary', to: ['relief-tertiary'] }), 'BAD_INPUT')
        .message,
    ).toMatch(/^trigger: a transition needs a trigger/);
    refusal(
      () => plan(kb, { kind: 'link-add', type: 'transition', from: 'fear-tertiary', to: ['fear-tertiary'], trigger: 'surprise-tertiary' }),
      'BAD_INPUT',
    );
  });
});
