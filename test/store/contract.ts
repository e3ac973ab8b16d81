// The contract every KnowledgeStore implementation passes: runStoreContract(name, makeStore).
import { DataFactory } from 'n3';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '../../src/store/KnowledgeStore.js';
import { quadKey } from '../../src/rdf/turtle.js';
import { integrityOf } from '../../src/store/integrity.js';

const { namedNode, literal, quad } = DataFactory;
const q = (s: string, o: string) => quad(namedNode(`https://example.org/${s}`), namedNode('https://example.org/p'), literal(o, 'en'));
const meta = { author: 'tester', message: 'test change', command: 'test' };

export interface StoreFactory {
  /** A fresh, empty store. */
  make(): Promise<KnowledgeStore>;
  /** Closes and reopens the same store, where the implementation persists; else undefined. */
  reopen?: (store: KnowledgeStore) => Promise<KnowledgeStore>;
}

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`KnowledgeStore contract: ${name}`, () => {
    const open: KnowledgeStore[] = [];
    const make = async () => {
      const store = await factory.make();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => undefined);
    });

    it('starts empty with an empty change log', async () => {
      const store = await make();
      expect(await store.count()).toBe(0);
      expect(await store.all()).toEqual([]);
      expect(await store.changes()).toEqual([]);
    });

    it('commits added quads and records them in the log with who, when and why', async () => {
      const store = await make();
      const before = Date.now();
      const record = await store.commit({ ...meta, add: [q('a', 'x'), q('b', 'y')], remove: [] });
      expect(record).not.toBeNull();
      expect(record!.id).toBe(1);
      expect(record!.author).toBe('tester');
      expect(record!.message).toBe('test change');
      expect(Date.parse(record!.time)).toBeGreaterThanOrEqual(before - 1000);
      expect(record!.added).toEqual([quadKey(q('a', 'x')), quadKey(q('b', 'y'))].sort());
      expect(record!.removed).toEqual([]);
      expect((await store.all()).map(quadKey).sort()).toEqual(record!.added);
      expect(await store.count()).toBe(2);
    });

    it('logs only what really changed and skips empty changes', async () => {
      const store = await make();
      await store.commit({ ...meta, add: [q('a', 'x')], remove: [] });
      const second = await store.commit({ ...meta, add: [q('a', 'x'), q('c', 'z')], remove: [q('nope', 'n')] });
      expect(second!.added).toEqual([quadKey(q('c', 'z'))]);
      expect(second!.removed).toEqual([]);
      expect(await store.commit({ ...meta, add: [q('a', 'x')], remove: [] })).toBeNull();
      expect((await store.changes()).map((c) => c.id)).toEqual([2, 1]);
    });

    it('reports the newest change id without reading the log', async () => {
      const store = await make();
      expect(await store.lastChangeId()).toBe(0);
      await store.commit({ ...meta, add: [q('a', 'x')], remove: [] });
      await store.commit({ ...meta, add: [q('b', 'y')], remove: [] });
      expect(await store.lastChangeId()).toBe(2);
    });

    it('removes quads and keeps the log newest first with a limit', async () => {
      const store = await make();
      await store.commit({ ...meta, add: [q('a', 'x'), q('b', 'y')], remove: [] });
      const removal = await store.commit({ ...meta, message: 'drop b', add: [], remove: [q('b', 'y')] });
      expect(removal!.removed).toEqual([quadKey(q('b', 'y'))]);
      expect((await store.all()).map(quadKey)).toEqual([quadKey(q('a', 'x'))]);
      const latest = await store.changes({ limit: 1 });
      expect(latest).toHaveLength(1);
      expect(latest[0]!.message).toBe('drop b');
    });

    it('treats a quad both added and removed in one change as present afterwards', async () => {
      const store = await make();
      await store.commit({ ...meta, add: [q('a', 'x')], remove: [] });
      expect(await store.commit({ ...meta, add: [q('a', 'x')], remove: [q('a', 'x')] })).toBeNull();
      expect(await store.count()).toBe(1);
    });

    it('keeps language tags, datatypes and escapes exactly', async () => {
      const store = await make();
      const tricky = quad(
        namedNode('https://example.org/s'),
        namedNode('https://example.org/p'),
        literal('quote " and \\ and\nnewline é', 'en'),
      );
      const typed = quad(
        namedNode('https://example.org/s'),
        namedNode('https://example.org/w'),
        literal('0.75', namedNode('http://www.w3.org/2001/XMLSchema#decimal')),
      );
      await store.commit({ ...meta, add: [tricky, typed], remove: [] });
      expect((await store.all()).map(quadKey).sort()).toEqual([quadKey(tricky), quadKey(typed)].sort());
    });

    it('serialises concurrent commits so ids are unique and nothing is lost', async () => {
      const store = await make();
      const records = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.commit({ ...meta, add: [q(`n${i}`, 'v')], remove: [] })),
      );
      expect(new Set(records.map((r) => r!.id)).size).toBe(20);
      expect(await store.count()).toBe(20);
    });

    it('records with every change the count and content hash of the snapshot it produced', async () => {
      const store = await make();
      expect(await store.integrity()).toBeNull();
      await store.commit({ ...meta, add: [q('a', 'x'), q('b', 'y'), q('c', 'z')], remove: [] });
      await store.commit({ ...meta, add: [q('d', 'w')], remove: [q('b', 'y')] });
      const record = await store.integrity();
      // The delta-updated record equals the record computed from the content as it is now.
      expect(record).toEqual(integrityOf((await store.all()).map(quadKey), 2));
      expect(record!.count).toBe(3);
      // and it tells a different content apart
      expect(record!.hash).not.toBe(integrityOf([q('a', 'x'), q('c', 'z'), q('b', 'y')].map(quadKey), 2).hash);
    });

    it('restores content and change log into an empty store, and refuses a non-empty one', async () => {
      const source = await make();
      await source.commit({ ...meta, add: [q('a', 'x'), q('b', 'y')], remove: [] });
      await source.commit({ ...meta, message: 'drop b', add: [], remove: [q('b', 'y')] });
      const content = { quads: await source.all(), changes: (await source.changes()).reverse() };
      const target = await make();
      await target.restore(content);
      expect((await target.all()).map(quadKey).sort()).toEqual(content.quads.map(quadKey).sort());
      expect(await target.changes()).toEqual(await source.changes());
      expect(await target.lastChangeId()).toBe(2);
      expect(await target.integrity()).toEqual(await source.integrity());
      // history goes on from there
      expect((await target.commit({ ...meta, add: [q('c', 'z')], remove: [] }))!.id).toBe(3);
      await expect(target.restore(content)).rejects.toThrow();
      expect(await target.count()).toBe(2);
    });

    if (factory.reopen) {
      it('keeps quads and the change log across close and reopen', async () => {
        const store = await make();
        await store.commit({ ...meta, add: [q('a', 'x')], remove: [] });
        const reopened = await factory.reopen!(store);
        open.push(reopened);
        expect((await reopened.all()).map(quadKey)).toEqual([quadKey(q('a', 'x'))]);
        expect((await reopened.changes())[0]!.id).toBe(1);
        const next = await reopened.commit({ ...meta, add: [q('b', 'y')], remove: [] });
        expect(next!.id).toBe(2);
      });
    }
  });
}
