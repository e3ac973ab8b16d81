// Non-emotional expressions (src/kb/nonEmotional.ts): `term block` / `term unblock` plans, their
// validation against the shapes, and what the tagger makes of them (the `collocation` rule).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import type { KnowledgeService } from '../../src/kb/KnowledgeService.js';
import { applyEdit } from '../../src/edit/apply.js';
import { parseEditRequest } from '../../src/edit/EditRequest.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import { applied, LEX, lines, memoryService, plan, refusal, refusalAsync, seededKb } from './helpers.js';

const EMO = 'https://w3id.org/emokb/ontology#';
// (the evaluative frame would drop "best" before a noun on its own: off, so that these see blocking alone)
const texts = (kb: KnowledgeBase, text: string, collocations = true) =>
  (Tagger.for(kb).tag(text, { collocations, evaluativeFrame: false }).matches ?? []).map((m) => m.text);

let kb: KnowledgeBase;
beforeAll(async () => {
  // Two emotion terms: "happy" (names joy) and "best" (evokes it), the words inside the expressions.
  const base = await seededKb();
  const withHappy = applied(base, plan(base, { kind: 'term-add', text: 'happy', emotion: 'joy-primary', pos: 'adjective' }));
  kb = applied(withHappy, plan(withHappy, { kind: 'term-add', text: 'best', emotion: 'joy-primary', weight: '0.3', evokes: true }));
});

describe('term block', () => {
  it('stores a sense-less entry typed emo:NonEmotional with its form, the entries it blocks, the reason and provenance', () => {
    const p = plan(kb, { kind: 'term-block', text: 'best  friend', reason: 'a relation, not joy' });
    const entry = `${LEX}best_friend-nonemotional`;
    expect(p.subject).toBe(entry);
    expect(lines(p.add)).toContain(`<${entry}> <${EMO}blocks> <${LEX}best> .`);
    expect(lines(p.add)).toContain(`<${entry}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EMO}NonEmotional> .`);
    expect(lines(p.add)).toContain(`<${entry}> <${EMO}evidence> "a relation, not joy" .`);
    expect(lines(p.add)).toContain(`<${entry}#form> <http://www.w3.org/ns/lemon/ontolex#writtenRep> "best friend"@en .`);
    expect(lines(p.add).some((l) => l.includes('#sense'))).toBe(false);
    expect(p.command).toBe('term block "best friend" --reason "a relation, not joy"');
  });

  it('makes the tagger skip the emotion word inside it, inflected too, and nowhere else; collocations: false restores it', () => {
    const blocked = applied(kb, plan(kb, { kind: 'term-block', text: 'best friend', reason: 'a relation, not joy' }));
    expect(texts(kb, 'my best friend came')).toEqual(['best']);
    expect(texts(blocked, 'my best friend came')).toEqual([]);
    expect(texts(blocked, 'my very best friends came')).toEqual([]);
    expect(texts(blocked, 'the best day, so happy')).toEqual(['best', 'happy']);
    expect(texts(blocked, 'my best friend came', false)).toEqual(['best']);
  });

  it('blocks the inflected collocation ("happy hours") but not the word elsewhere ("happily")', () => {
    const blocked = applied(kb, plan(kb, { kind: 'term-block', text: 'happy hour', reason: 'a bar promotion, not joy' }));
    expect(texts(blocked, 'happy hours at the bar')).toEqual([]);
    expect(texts(blocked, 'we lived happily')).toEqual(['happily']);
  });

  it('refuses an expression with no emotion word, a second block of the same text, and a missing or too short reason', () => {
    refusal(() => plan(kb, { kind: 'term-block', text: 'the table', reason: 'nothing here' }), 'NOT_FOUND');
    const blocked = applied(kb, plan(kb, { kind: 'term-block', text: 'best friend', reason: 'a relation, not joy' }));
    refusal(() => plan(blocked, { kind: 'term-block', text: 'Best friend', reason: 'again' }), 'CONFLICT');
    refusal(() => parseEditRequest({ kind: 'term-block', text: 'best friend' }), 'BAD_INPUT');
    refusal(() => parseEditRequest({ kind: 'term-block', text: 'best friend', reason: 'x' }), 'BAD_INPUT');
  });
});

describe('term unblock', () => {
  it('removes every quad of the expression, so the word matches again; an expression not blocked is NOT_FOUND', () => {
    const add = plan(kb, { kind: 'term-block', text: 'best friend', reason: 'a relation, not joy' });
    const blocked = applied(kb, add);
    const p = plan(blocked, { kind: 'term-unblock', text: 'best friend' });
    expect(lines(p.remove)).toEqual(lines(add.add));
    expect(texts(applied(blocked, p), 'my best friend')).toEqual(['best']);
    refusal(() => plan(kb, { kind: 'term-unblock', text: 'best friend' }), 'NOT_FOUND');
  });
});

describe('validation (ontology/shapes.ttl)', () => {
  let service: KnowledgeService;
  beforeAll(async () => {
    service = await memoryService();
    await applyEdit(service, parseEditRequest({ kind: 'term-add', text: 'best', emotion: 'joy-primary', evokes: true }), { author: 'T' });
  });

  it('accepts a block and its undo-able unblock through the service', async () => {
    const r = await applyEdit(service, parseEditRequest({ kind: 'term-block', text: 'best friend', reason: 'a relation, not joy' }), {
      author: 'T',
    });
    expect(r.added.some((l) => l.includes(`${EMO}NonEmotional`))).toBe(true);
    await applyEdit(service, parseEditRequest({ kind: 'term-unblock', text: 'best friend' }), { author: 'T' });
  });

  it('refuses a non-emotional expression that carries a sense, or one with no reason', async () => {
    const { DataFactory } = await import('n3');
    const { namedNode, quad, literal } = DataFactory;
    const type = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
    // An emotion term (it has a sense) typed as non-emotional.
    const senseful = [quad(namedNode(`${LEX}best`), type, namedNode(`${EMO}NonEmotional`))];
    await refusalAsync(service.change({ add: senseful, remove: [], author: 'T', message: 'm', command: 'test' }), 'VALIDATION_FAILED');
    // A block whose reason is taken away.
    await applyEdit(service, parseEditRequest({ kind: 'term-block', text: 'best friend', reason: 'a relation, not joy' }), { author: 'T' });
    const reason = quad(namedNode(`${LEX}best_friend-nonemotional`), namedNode(`${EMO}evidence`), literal('a relation, not joy'));
    await refusalAsync(service.change({ add: [], remove: [reason], author: 'T', message: 'm', command: 'test' }), 'VALIDATION_FAILED');
  });
});
