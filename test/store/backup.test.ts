// The backup file: what goes in comes back out, byte for byte, history included; and a damaged
// or foreign file is refused before anything is restored.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { quadKey } from '../../src/rdf/turtle.js';
import { readBackup, writeBackup } from '../../src/store/backupFile.js';
import { MemoryStore } from '../../src/store/MemoryStore.js';
import { tempDir } from '../helpers/cli.js';

const { namedNode, literal, quad } = DataFactory;
const meta = { author: 'tester', message: 'm', command: 'test' };
const triple = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.string({ maxLength: 8 }), fc.constantFrom('en', 'de', ''))
  .map(([s, o, lang]) => quad(namedNode(`https://example.org/s${s}`), namedNode('https://example.org/p'), literal(o, lang || undefined)));
const edit = fc.record({ add: fc.array(triple, { maxLength: 6 }), remove: fc.array(triple, { maxLength: 3 }) });

describe('backup file', () => {
  it('property: backup then restore gives the same triples and the same history', async () => {
    const dir = await tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const source = new MemoryStore();
        for (const e of edits) {
          // remove what an earlier edit added, sometimes
          await source.commit({ ...meta, add: e.add, remove: [...e.remove, ...(await source.all()).slice(0, e.remove.length)] });
        }
        const file = join(dir, `b${n++}.emokb-backup`);
        await writeBackup(file, { quads: await source.all(), changes: (await source.changes()).reverse() });
        const { content } = await readBackup(file);
        const target = new MemoryStore();
        await target.restore(content);
        expect((await target.all()).map(quadKey).sort()).toEqual((await source.all()).map(quadKey).sort());
        expect(await target.changes()).toEqual(await source.changes());
        expect(await target.integrity()).toEqual(await source.integrity());
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a truncated, a foreign and a tampered file as BAD_INPUT', async () => {
    const dir = await tempDir();
    const source = new MemoryStore();
    await source.commit({
      ...meta,
      add: [quad(namedNode('https://example.org/a'), namedNode('https://example.org/p'), literal('x'))],
      remove: [],
    });
    const good = join(dir, 'good');
    await writeBackup(good, { quads: await source.all(), changes: (await source.changes()).reverse() });
    const { header } = await readBackup(good);
    const lines = [JSON.stringify(header), ...(await source.all()).map(quadKey)];
    const truncated = join(dir, 'truncated');
    await writeFile(truncated, gzipSync(lines.join('\n') + '\n'));
    await expect(readBackup(truncated)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('truncated') });
    const foreign = join(dir, 'foreign');
    await writeFile(foreign, 'not gzip');
    await expect(readBackup(foreign)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('does not decompress') });
    const tampered = join(dir, 'tampered');
    const log = (await source.changes()).reverse().map((c) => JSON.stringify(c));
    await writeFile(
      tampered,
      gzipSync([JSON.stringify(header), '<https://example.org/a> <https://example.org/p> "y" .', ...log].join('\n') + '\n'),
    );
    await expect(readBackup(tampered)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('hash') });
    // a header edited by hand (no integrity record), and a log whose ids repeat: refused, not a crash
    const { integrity: _, ...bare } = header;
    const noRecord = join(dir, 'no-record');
    await writeFile(noRecord, gzipSync([JSON.stringify(bare), ...lines.slice(1), ...log].join('\n') + '\n'));
    await expect(readBackup(noRecord)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('integrity record') });
    const repeated = join(dir, 'repeated');
    const twice = { ...header, changes: 2 };
    await writeFile(repeated, gzipSync([JSON.stringify(twice), ...lines.slice(1), log[0], log[0]].join('\n') + '\n'));
    await expect(readBackup(repeated)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('change-log line 2') });
  });
});
