// The snapshot file (src/store/snapshotFile.ts): a restart reads the same quads, in the same order,
// with the same content hash as a full read; any change to the store's files (or to the file)
// and the open reads the whole store again, so damage is still found.
import { cp, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { KnowledgeService } from '../../src/kb/KnowledgeService.js';
import { quadKey } from '../../src/rdf/turtle.js';
import { LevelStore } from '../../src/store/LevelStore.js';
import { readSnapshotFile, SNAPSHOT_FILE } from '../../src/store/snapshotFile.js';
import { tempDir } from '../helpers/cli.js';

const { namedNode, literal, quad } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const quads = [
  quad(namedNode('https://example.org/a'), namedNode('https://example.org/label'), literal('plain "quoted"\n')),
  quad(namedNode('https://example.org/a'), namedNode('https://example.org/label'), literal('émotion', 'fr')),
  quad(namedNode('https://example.org/a'), namedNode('https://example.org/n'), literal('42', namedNode(`${XSD}integer`))),
  quad(namedNode('https://example.org/a'), namedNode('https://example.org/d'), literal('4.5', namedNode(`${XSD}decimal`))),
  quad(
    namedNode('https://example.org/b'),
    namedNode('https://example.org/when'),
    literal('2026-01-01T00:00:00Z', namedNode(`${XSD}dateTime`)),
  ),
  quad(namedNode('https://example.org/b'), namedNode('https://example.org/x'), literal('x\u0000y', namedNode('https://example.org/dt'))),
  quad(namedNode('https://example.org/b'), namedNode('https://example.org/link'), namedNode('https://example.org/a')),
];
const meta = { author: 'tester', message: 'add', command: 'import test.ttl' };

/** A closed store holding `quads`, closed through a service (which keeps the snapshot file). */
async function storeWithFile(): Promise<string> {
  const dir = await tempDir();
  const store = await LevelStore.open(dir);
  await store.commit({ ...meta, add: quads, remove: [] });
  const service = await KnowledgeService.load(store);
  await service.close();
  return dir;
}

/** The snapshot a full read gives (no snapshot file). */
async function fullRead(dir: string) {
  const store = await LevelStore.open(dir);
  try {
    return await store.snapshot();
  } finally {
    await store.close();
  }
}

const keys = (qs: readonly { subject: unknown }[]) => qs.map((q) => quadKey(q as never));

describe('the snapshot file', () => {
  it('is written at close and gives the quads of a full read, in the same order, with the same hash', async () => {
    const dir = await storeWithFile();
    expect(await readdir(dir)).toContain(SNAPSHOT_FILE);
    const cached = await readSnapshotFile(dir);
    expect(cached).not.toBeNull();
    const copy = join(await tempDir(), 'copy');
    await cp(dir, copy, { recursive: true });
    const store = await LevelStore.open(copy);
    const snapshot = await store.snapshot();
    await store.close();
    const full = await fullRead(dir); // closed without keeping: its file is now stale, a full read
    expect(await readSnapshotFile(dir)).toBeNull();
    expect(keys(snapshot.quads)).toEqual(keys(full.quads));
    expect(snapshot.hash).toBe(full.hash);
    expect(snapshot.quads.map((q) => q.object)).toEqual(full.quads.map((q) => q.object));
  });

  it('after a change, the file written at close holds the store as a full read gives it', async () => {
    const dir = await storeWithFile();
    let store = await LevelStore.open(dir);
    const service = await KnowledgeService.load(store);
    await service.change(
      {
        ...meta,
        add: [quad(namedNode('https://example.org/c'), namedNode('https://example.org/label'), literal('c'))],
        remove: [quads[0]!],
      },
      { prevalidated: true },
    );
    await service.close();
    const copy = join(await tempDir(), 'copy');
    await cp(dir, copy, { recursive: true });
    expect(await readSnapshotFile(copy)).not.toBeNull();
    store = await LevelStore.open(copy);
    const snapshot = await store.snapshot();
    await store.close();
    const full = await fullRead(dir);
    expect(keys(snapshot.quads)).toEqual(keys(full.quads));
    expect(snapshot.hash).toBe(full.hash);
    expect(snapshot.quads).toHaveLength(quads.length);
  });

  it('is not used once a LevelDB file differs, nor when it is damaged itself', async () => {
    const dir = await storeWithFile();
    const table = (await readdir(dir)).find((n) => n.endsWith('.ldb') || n.endsWith('.log'))!;
    const changed = join(await tempDir(), 'changed');
    await cp(dir, changed, { recursive: true });
    await writeFile(join(changed, table), Buffer.concat([await readFile(join(changed, table)), Buffer.from([0])]));
    expect(await readSnapshotFile(changed)).toBeNull();
    const damaged = join(await tempDir(), 'damaged');
    await cp(dir, damaged, { recursive: true });
    const file = join(damaged, SNAPSHOT_FILE);
    const handle = await open(file, 'r+');
    await handle.write(Buffer.from('#'), 0, 1, (await stat(file)).size - 40);
    await handle.close();
    expect(await readSnapshotFile(damaged)).toBeNull();
    // and the store still opens, by a full read
    const store = await LevelStore.open(damaged);
    expect((await store.snapshot()).quads).toHaveLength(quads.length);
    await store.close();
  });

  it('is not used when the store changed after it was written (its integrity record differs)', async () => {
    const dir = await storeWithFile();
    const store = await LevelStore.open(dir); // the file matched the files as found
    await store.commit({
      ...meta,
      add: [quad(namedNode('https://example.org/z'), namedNode('https://example.org/label'), literal('z'))],
      remove: [],
    });
    const snapshot = await store.snapshot(); // the cached one is for the content before the commit
    await store.close();
    expect(snapshot.quads).toHaveLength(quads.length + 1);
  });
});
