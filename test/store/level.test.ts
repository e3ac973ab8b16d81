import { Level } from 'level';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { quadKey } from '../../src/rdf/turtle.js';
import { LevelStore } from '../../src/store/LevelStore.js';
import { PACK_LINES, parseRecord, recordValue } from '../../src/store/logRecord.js';
import { tempDir } from '../helpers/cli.js';
import { runStoreContract } from './contract.js';

runStoreContract('LevelStore', {
  make: async () => LevelStore.open(await tempDir()),
  reopen: async (store) => {
    await store.close();
    return LevelStore.open(store.location);
  },
});

describe('LevelStore', () => {
  it('refuses a directory another handle holds, naming the lock', async () => {
    const dir = await tempDir();
    const first = await LevelStore.open(dir);
    try {
      await expect(LevelStore.open(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED', message: expect.stringContaining(`${dir}/LOCK`) });
    } finally {
      await first.close();
    }
  });
});

describe('LevelStore change log on disk', () => {
  const { namedNode, literal, quad } = DataFactory;
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      quad(namedNode(`https://example.org/e${i}`), namedNode('https://example.org/label'), literal(`émotion ${i}`, 'fr')),
    );
  const meta = { author: 'tester', message: 'big import', command: 'import big.ttl' };

  it('keeps a large change compact on disk and gives it back whole, after a reopen too', async () => {
    const dir = await tempDir();
    let store = await LevelStore.open(dir);
    const record = await store.commit({ ...meta, add: many(PACK_LINES + 10), remove: [] });
    const small = await store.commit({ ...meta, add: [], remove: many(3) });
    await store.close();
    // What is stored: the big entry deflated (far smaller than its lines), the small one as JSON.
    const db = new Level<string, string>(dir);
    const values = await db.values({ gte: 'emokb!log!', lt: 'emokb!log~' }).all();
    await db.close();
    const lines = record!.added.join('\n').length;
    expect(values[0]!.length).toBeLessThan(lines / 5);
    expect(JSON.parse(values[1]!)).toEqual(small);
    store = await LevelStore.open(dir);
    try {
      expect(await store.changes()).toEqual([small, record]);
    } finally {
      await store.close();
    }
  });

  it('reads entries written as plain JSON (stores made before entries were packed)', async () => {
    const old = {
      id: 1,
      time: '2026-01-01T00:00:00.000Z',
      author: 'a',
      message: 'm',
      command: 'seed',
      added: many(PACK_LINES + 1).map(quadKey),
      removed: [],
    };
    expect(parseRecord(JSON.stringify(old))).toEqual(old);
    expect(parseRecord(await recordValue(old))).toEqual(old);
  });
});
