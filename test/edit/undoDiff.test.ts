// Undo (the inverse of a logged change, refused when later changes left its triples changed),
// diff (the net effect of the log after a change) and reading the log's tail.
import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { changesBetween } from '../../src/edit/changeLog.js';
import { formatPatch, netPatch } from '../../src/edit/diff.js';
import { planUndo } from '../../src/edit/undo.js';
import type { Quad } from '@rdfjs/types';
import { quadKey } from '../../src/rdf/turtle.js';
import type { ChangeRecord } from '../../src/store/KnowledgeStore.js';
import { MemoryStore } from '../../src/store/MemoryStore.js';
import { lines, refusal } from './helpers.js';

const { namedNode, literal, quad } = DataFactory;
const t = (s: string, p: string, o: string) => `<https://w3id.org/emokb/emotion/${s}> <http://www.w3.org/2004/02/skos/core#${p}> ${o} .`;
const label = (s: string, l: string) => t(s, 'prefLabel', `"${l}"@en`);
const record = (id: number, added: string[], removed: string[] = []): ChangeRecord => ({
  id,
  time: `2026-01-0${id}T00:00:00.000Z`,
  author: 'a',
  message: `change ${id}`,
  command: `cmd ${id}`,
  added,
  removed,
});

const log = [
  record(1, [label('glumness', 'glumness'), label('gloom', 'gloom')]),
  record(2, [label('glumness', 'the glums')], [label('glumness', 'glumness')]),
  record(3, [label('glumness', 'glum')], [label('glumness', 'the glums')]),
  record(4, [label('zeal', 'zeal')]),
];

/** The store after replaying the log, as `planUndo` asks about it. */
function now(records: ChangeRecord[]): (q: Quad) => boolean {
  const state = new Set<string>();
  for (const r of records) {
    for (const l of r.removed) state.delete(l);
    for (const l of r.added) state.add(l);
  }
  return (q) => state.has(quadKey(q));
}
/** An undo record as the service logs it. */
const undo = (id: number, of: ChangeRecord): ChangeRecord => ({ ...record(id, of.removed, of.added), command: `undo ${of.id}` });

describe('undo', () => {
  it("re-adds a change's removed lines and removes its added lines", () => {
    const p = planUndo(log, { change: 3 }, now(log));
    expect(lines(p.add)).toEqual([label('glumness', 'the glums')]);
    expect(lines(p.remove)).toEqual([label('glumness', 'glum')]);
    expect(p.command).toBe('undo 3');
    expect(planUndo(log, {}, now(log)).summary).toBe('undo change 4 (change 4)');
  });

  it('without a change id walks back through history: undos and what they undid are skipped', () => {
    const u5 = undo(5, log[3]!);
    const u6 = undo(6, log[2]!);
    const walked = [...log, u5, u6];
    expect(planUndo([...log, u5], {}, now([...log, u5])).command).toBe('undo 3');
    // Change 2 is undoable again: change 3 touched its label but was undone.
    expect(planUndo(walked, {}, now(walked)).command).toBe('undo 2');
    // An undone undo (a redo) puts its target back in effect.
    const redone = [...walked, undo(7, u6)];
    expect(planUndo(redone, {}, now(redone)).command).toBe('undo 3');
  });

  it('refuses when a later change touched the same triples, naming it, unless forced', () => {
    const error = refusal(() => planUndo(log, { change: 2 }, now(log)), 'CONFLICT');
    expect(error.message).toContain('1 triple(s) that change 2 added or removed have changed since; nothing was undone');
    expect(error.message).toContain('change 3 (2026-01-03T00:00:00.000Z, a: change 3) touched 1 of them');
    expect(error.details?.laterChanges).toEqual([3]);
    expect(planUndo(log, { change: 2, force: true }, now(log)).details).toContain('forced: 1 triple(s) had changed since, in change(s) 3');
  });

  it('refuses unknown and malformed change ids', () => {
    expect(refusal(() => planUndo(log, { change: 9 }, now(log)), 'NOT_FOUND').message).toBe(
      'change: there is no change 9 (the newest is 4)',
    );
    refusal(() => planUndo(log, { change: 0 }, now(log)), 'BAD_INPUT');
    expect(refusal(() => planUndo([], {}, now([])), 'NOT_FOUND').message).toBe('change: nothing left to undo (the change log is empty)');
  });
});

describe('diff', () => {
  it('is the net effect after a change: a label set and changed again shows once, cancelled changes not at all', async () => {
    const patch = netPatch([...log, record(5, [], [label('zeal', 'zeal')])], 1);
    expect(patch.changes.map((c) => c.id)).toEqual([2, 3, 4, 5]);
    expect(patch.added).toEqual([label('glumness', 'glum')]);
    expect(patch.removed).toEqual([label('glumness', 'glumness')]);

    const summary = await formatPatch(patch, 'summary');
    expect(summary).toContain('changes 2..5 (after change 1): 1 triple(s) removed, 1 added');
    expect(summary).toContain('  emotion:glumness\n    - skos:prefLabel "glumness"@en\n    + skos:prefLabel "glum"@en');

    const turtle = await formatPatch(patch, 'turtle');
    expect(turtle).toContain('PREFIX emotion: <https://w3id.org/emokb/emotion/>');
    expect(turtle).toMatch(
      /DELETE DATA \{\n {2}emotion:glumness skos:prefLabel "glumness"@en\.\n\} ;\nINSERT DATA \{\n {2}emotion:glumness skos:prefLabel "glum"@en\.\n\}/,
    );

    const ntriples = await formatPatch(patch, 'ntriples');
    expect(ntriples.split('\n').slice(1, 3)).toEqual([`D ${label('glumness', 'glumness')}`, `A ${label('glumness', 'glum')}`]);
  });
});

describe('reading the tail of the change log', () => {
  it('returns the changes in a range, newest first, reading only as many as it needs', async () => {
    const store = new MemoryStore();
    for (let i = 1; i <= 6; i++)
      await store.commit({
        add: [quad(namedNode(`urn:s${i}`), namedNode('urn:p'), literal(String(i)))],
        remove: [],
        author: 'a',
        message: `m${i}`,
        command: `c${i}`,
      });
    const reads: Array<number | undefined> = [];
    const spy = {
      ...store,
      location: store.location,
      lastChangeId: () => store.lastChangeId(),
      changes: (o?: { limit?: number }) => (reads.push(o?.limit), store.changes(o)),
    } as MemoryStore;
    const ids = async (range: Parameters<typeof changesBetween>[1]) => (await changesBetween(spy, range)).map((c) => c.id);
    expect(await ids({ from: 4 })).toEqual([6, 5, 4]);
    expect(await ids({ from: 2, before: 5, limit: 2 })).toEqual([4, 3]);
    expect(await ids({ limit: 10 })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await ids({ from: 7 })).toEqual([]);
    expect(reads).toEqual([3, 4, 6]);
  });
});
