// Edits through a MemoryStore-backed KnowledgeService: every one validated against the SHACL
// shapes, committed with its change-log entry, visible in the next snapshot; refusals change nothing.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { applyEdit, applyUndo } from '../../src/edit/apply.js';
import { parseEditRequest } from '../../src/edit/EditRequest.js';
import type { KnowledgeService } from '../../src/kb/KnowledgeService.js';
import { validateGraph } from '../../src/shacl/validate.js';
import { E, LEX, memoryService, refusalAsync } from './helpers.js';

const meta = { author: 'Ada' };
const edit = (service: KnowledgeService, raw: Record<string, unknown>, dryRun = false) =>
  applyEdit(service, parseEditRequest(raw), meta, { dryRun });

let service: KnowledgeService;
beforeAll(async () => {
  service = await memoryService();
});

describe('applyEdit on a validated service', () => {
  it('commits a sequence of edits, each logged and visible in the next snapshot, and the result passes every SHACL rule', async () => {
    const added = await edit(service, {
      kind: 'emotion-add',
      label: 'wistfulness',
      parent: 'sadness-secondary',
      definition: 'A soft, reflective sadness tinged with longing for something past.',
    });
    expect(added).toMatchObject({ change: 2, dryRun: false, subject: `${E}wistfulness`, version: 2 });
    expect(service.snapshot.resolve('wistfulness').tier).toBe('tertiary');

    const term = await edit(service, { kind: 'term-add', text: 'wistful', emotion: 'wistfulness', weight: 0.8, pos: 'adjective' });
    expect(term.subject).toBe(`${LEX}wistful-adjective`);
    await edit(service, { kind: 'link-add', type: 'opposite', from: 'wistfulness', to: ['contentment-tertiary'] });
    await edit(service, { kind: 'link-add', type: 'transition', from: 'wistfulness', to: ['relief-tertiary'], trigger: 'hope' });
    await edit(service, { kind: 'link-add', type: 'composition', from: 'wistfulness', to: ['sadness-tertiary', 'longing-tertiary'] });
    expect(service.snapshot.counts).toMatchObject({ terms: 1, senses: 1, relations: { opposites: 1, compositions: 2, transitions: 1 } });

    const log = await service.store.changes({ limit: 5 });
    expect(log.map((c) => c.command)).toEqual([
      'link add composition wistfulness sadness-tertiary longing-tertiary',
      'link add transition wistfulness relief-tertiary --trigger hope',
      'link add opposite wistfulness contentment-tertiary',
      'term add wistful --emotion wistfulness --weight 0.8 --pos adjective',
      'emotion add wistfulness --parent sadness-secondary --definition "A soft, reflective sadness tinged with longing for something past."',
    ]);
    expect(log.every((c) => c.author === 'Ada')).toBe(true);

    const removed = await edit(service, { kind: 'emotion-remove', emotion: 'wistfulness', cascade: true });
    expect(removed.removed.some((l) => l.includes('wistful-adjective'))).toBe(true);
    expect(service.snapshot.counts).toMatchObject({ terms: 0, senses: 0, relations: { opposites: 0, compositions: 0, transitions: 0 } });
    // Each change was validated on its scope; the whole graph passes every rule too.
    expect((await validateGraph(service.snapshot.quads)).conforms).toBe(true);
  });

  it('refuses an edit that breaks a SHACL rule, and a no-op, writing nothing; a dry run writes nothing either', async () => {
    const before = { hash: service.snapshot.contentHash, changes: (await service.store.changes()).length };
    // An opposite that is its own ancestor passes the planner but not the shapes.
    const invalid = await refusalAsync(
      edit(service, { kind: 'link-add', type: 'opposite', from: 'fury', to: ['anger-primary'] }),
      'VALIDATION_FAILED',
    );
    expect(invalid.message).toContain('is opposite to');
    await refusalAsync(
      edit(service, { kind: 'emotion-define', emotion: 'fury', definition: service.snapshot.resolve('fury').definition }),
      'CONFLICT',
    );
    const dry = await edit(service, { kind: 'term-add', text: 'seething', emotion: 'fury' }, true);
    expect(dry).toMatchObject({ change: null, dryRun: true });
    // 21 = entry (LexicalEntry, Word, canonicalForm, partOfSpeech, status), form (type, writtenRep), sense (ontolex:sense, type, reference, weight, kind, method, time, agent, wasGeneratedBy), edit activity (type, label, agent, start, end)
    expect(dry.added.length).toBe(21);
    expect(service.snapshot.contentHash).toBe(before.hash);
    expect((await service.store.changes()).length).toBe(before.changes);
  });

  it('undoes a change, refuses to undo one that a later change touched unless forced, and undoes an undo', async () => {
    const first = await edit(service, { kind: 'emotion-rename', emotion: 'glumness', label: 'the glums' });
    const second = await edit(service, { kind: 'emotion-rename', emotion: 'glumness', label: 'glum' });
    await refusalAsync(applyUndo(service, { change: first.change! }, meta), 'CONFLICT');
    const undone = await applyUndo(service, {}, meta);
    expect(undone.summary).toBe(`undo change ${second.change} (${second.summary})`);
    expect(service.snapshot.emotion(`${E}glumness`)!.label).toBe('the glums');
    await applyUndo(service, { change: first.change!, force: true }, meta);
    expect(service.snapshot.emotion(`${E}glumness`)!.label).toBe('glumness');
    const redo = await applyUndo(service, { change: service.snapshot.version }, meta);
    expect(redo.command).toBe(`undo ${redo.change! - 1}`);
    expect(service.snapshot.emotion(`${E}glumness`)!.label).toBe('the glums');
  });

  it('keeps an edit activity described from the senses it generated: an undo takes it away only when no other sense refers to it', async () => {
    const own = await memoryService();
    const PROV = 'http://www.w3.org/ns/prov#';
    const RUN = 'https://w3id.org/emokb/activity/edit/20261130T000000000Z';
    const about = (predicate?: string) =>
      own.snapshot.quads
        .filter((q) => q.subject.value === RUN && (!predicate || q.predicate.value === predicate))
        .map((q) => q.object.value)
        .sort();
    // Two edits in the same millisecond (as a clock would give them) share one activity.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T00:00:00Z'));
    let first, second;
    try {
      first = await applyEdit(own, parseEditRequest({ kind: 'term-add', text: 'seething', emotion: 'fury' }), { author: 'Ada' });
      second = await applyEdit(own, parseEditRequest({ kind: 'term-add', text: 'livid', emotion: 'fury' }), { author: 'Grace' });
    } finally {
      vi.useRealTimers();
    }
    expect(about(`${PROV}wasAssociatedWith`)).toEqual(['https://w3id.org/emokb/agent/Ada', 'https://w3id.org/emokb/agent/Grace']);
    // Undoing the first keeps the run, which still generated "livid", now without Ada.
    await applyUndo(own, { change: first.change! }, meta);
    expect(about(`${PROV}wasAssociatedWith`)).toEqual(['https://w3id.org/emokb/agent/Grace']);
    expect(about('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toEqual([`${PROV}Activity`]);
    expect(about(`${PROV}startedAtTime`)).toEqual(['2026-11-30T00:00:00.000Z']);
    expect((await validateGraph(own.snapshot.quads)).conforms).toBe(true);
    // Undoing the second leaves no activity behind; redoing it describes the run again.
    const undone = await applyUndo(own, { change: second.change! }, meta);
    expect(about()).toEqual([]);
    await applyUndo(own, { change: undone.change! }, meta);
    expect(about(`${PROV}wasAssociatedWith`)).toEqual(['https://w3id.org/emokb/agent/Grace']);
    expect((await validateGraph(own.snapshot.quads)).conforms).toBe(true);
  });
});
