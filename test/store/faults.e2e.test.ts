// Fault injection on the real CLI: a damaged data directory is refused with STORE_ERROR (exit 8),
// naming the directory and what is wrong, and nothing in it is deleted, seeded or changed.
import { cp, mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { seedDataDir } from '../edit/helpers.js';

let base: string;
let baseExport: string;

/** A copy of the base store (hierarchy seed, two edits, table files on disk). */
async function copy(): Promise<string> {
  const dir = join(await tempDir('emokb-fault-'), 'data');
  await cp(base, dir, { recursive: true });
  return dir;
}

async function largestTable(dir: string): Promise<string> {
  const tables = (await readdir(dir)).filter((n) => n.endsWith('.ldb'));
  const sized = await Promise.all(tables.map(async (n) => ({ n, size: (await stat(join(dir, n))).size })));
  sized.sort((a, b) => b.size - a.size);
  return join(dir, sized[0]!.n);
}

const cli = (dir: string, args: string[], env: Record<string, string> = {}) =>
  runCli(['--data', dir, ...args], { env: { EMOKB_AUTHOR: 'fault', ...env } });

/** The CLI run as the unprivileged user `nobody` (65534), who needs to read the copy to reach it. */
async function runAsNobody(dir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { execFile } = await import('node:child_process');
  const { dirname } = await import('node:path');
  const { BIN } = await import('../helpers/cli.js');
  const { chmod } = await import('node:fs/promises');
  await chmod(dirname(dir), 0o755);
  for (const name of await readdir(dir)) await chmod(join(dir, name), 0o644);
  const argv = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--data', dir, ...args];
  return new Promise((resolve) => {
    execFile('setpriv', argv, { env: { ...process.env, HOME: dirname(dir), EMOKB_LOG_LEVEL: 'warn' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  base = join(await tempDir('emokb-fault-base-'), 'data');
  await seedDataDir(base);
  for (const word of ['alpha', 'beta']) {
    const r = await cli(base, ['term', 'add', word, '--emotion', 'fury']);
    expect(r.code, r.stderr).toBe(0);
  }
  // the edits above were written to LevelDB's log; a reopen turns it into a table file
  expect((await cli(base, ['stats'])).code).toBe(0);
  expect((await readdir(base)).some((n) => n.endsWith('.ldb'))).toBe(true);
  baseExport = (await cli(base, ['export', '--format', 'ntriples'])).stdout;
  expect(baseExport.split('\n').length).toBeGreaterThan(1000);
}, 120_000);

/** Runs the reading commands on a damaged store: each must be STORE_ERROR with nothing on stdout. */
async function expectRefused(
  dir: string,
  mention: RegExp,
  commands = [['stats'], ['export', '--format', 'ntriples'], ['history']],
): Promise<void> {
  for (const args of commands) {
    const r = await cli(dir, args);
    expect(r.code, `${args[0]}: ${r.stderr}`).toBe(8);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`emokb: error STORE_ERROR: data directory ${dir}`);
    expect(r.stderr).toMatch(mention);
    expect(r.stderr).toContain('restore'); // says how to get back
  }
}

describe.concurrent('a damaged data directory', { timeout: 120_000 }, () => {
  it('missing CURRENT: refused, nothing seeded or deleted; putting CURRENT back gives the same store', async () => {
    const dir = await copy();
    const current = await readFile(join(dir, 'CURRENT'));
    await rm(join(dir, 'CURRENT'));
    const before = (await readdir(dir)).sort();
    await expectRefused(dir, /CURRENT is missing/);
    expect((await readdir(dir)).sort()).toEqual(before);
    await writeFile(join(dir, 'CURRENT'), current);
    expect((await cli(dir, ['export', '--format', 'ntriples'])).stdout).toBe(baseExport);
  });

  it('a zeroed table file: refused naming the file, never a short export', async () => {
    const dir = await copy();
    const table = await largestTable(dir);
    await writeFile(table, Buffer.alloc((await stat(table)).size));
    await expectRefused(dir, new RegExp(table.replace(/[.]/g, '\\.')));
    expect((await stat(table)).size).toBeGreaterThan(0);
  });

  // LevelDB does not verify block checksums on reads: bytes overwritten inside a data block read
  // as other keys, or none, unless they break the block's compression, which LevelDB reports
  // (Corruption) when the read reaches it; whether it does depends on how the iterator's reads
  // fall on the blocks. The integrity record (count and hash) catches what LevelDB lets through.
  it('bytes overwritten in the middle of a table file: refused by the integrity check, never a short export', async () => {
    const dir = await copy();
    const table = await largestTable(dir);
    const { open } = await import('node:fs/promises');
    const handle = await open(table, 'r+');
    try {
      await handle.write(Buffer.alloc(64, 0x41), 0, 64, Math.floor((await handle.stat()).size / 2));
    } finally {
      await handle.close();
    }
    // (history reads only the change log, which is intact here: it still shows what was done)
    await expectRefused(dir, /the store is damaged: \d+ triples read where change \d+ left \d+|reading the triples failed: Corruption/, [
      ['stats'],
      ['export', '--format', 'ntriples'],
    ]);
    const checked = await cli(dir, ['check']);
    expect(checked.code).toBe(8);
    expect(checked.stdout).toMatch(/DAMAGED/);
  });

  it('a truncated table file: refused naming the file, never an internal error', async () => {
    const dir = await copy();
    const table = await largestTable(dir);
    await truncate(table, Math.floor((await stat(table)).size / 2));
    await expectRefused(dir, new RegExp(table.replace(/[.]/g, '\\.')));
  });

  it('a deleted table file: refused naming it', async () => {
    const dir = await copy();
    const table = await largestTable(dir);
    await rm(table);
    await expectRefused(dir, /missing files|No such file/);
  });

  it('a deleted MANIFEST: refused naming it', async () => {
    const dir = await copy();
    for (const name of (await readdir(dir)).filter((n) => n.startsWith('MANIFEST-'))) await rm(join(dir, name));
    await expectRefused(dir, /MANIFEST-\d+/);
  });

  it('a directory holding other files: refused, nothing created in it', async () => {
    const dir = join(await tempDir(), 'notes');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const r = await cli(dir, ['stats']);
    expect(r.code).toBe(8);
    expect(r.stderr).toContain(
      `data directory ${dir}: it is not a readable emokb store: its LevelDB file CURRENT is missing (it holds notes.txt)`,
    );
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  // Root ignores permissions, so as root (CI) the CLI runs as the unprivileged user `nobody`.
  it('a read-only directory: STORE_ERROR saying so, not an internal error; nothing changed', async (ctx) => {
    const dir = await copy();
    // A checkout under a directory that `nobody` cannot enter (e.g. /root) cannot run this way.
    if (process.getuid?.() === 0 && (await runAsNobody(dir, ['--version'])).code !== 0) ctx.skip();
    const { chmod } = await import('node:fs/promises');
    const asRoot = process.getuid?.() === 0;
    const before = await readdir(dir);
    await chmod(dir, 0o555);
    try {
      const r = asRoot ? await runAsNobody(dir, ['stats']) : await cli(dir, ['stats']);
      expect(r.code, r.stderr).toBe(8);
      expect(r.stderr).toContain(`data directory ${dir}: cannot open it for writing`);
      expect(r.stderr).not.toContain('internal error');
      expect(await readdir(dir)).toEqual(before);
    } finally {
      await chmod(dir, 0o755);
    }
  });

  it("emokb's own files beside a store (backups/, server.json, tagger-lexicon.json) do not trouble the checks", async () => {
    const dir = await copy();
    await mkdir(join(dir, 'backups'));
    await writeFile(join(dir, 'server.json'), '{}');
    await writeFile(join(dir, 'tagger-lexicon.json'), '{}');
    const r = await cli(dir, ['export', '--format', 'ntriples']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(baseExport);
    expect((await cli(dir, ['check'])).code).toBe(0);
    // and with only those files, the directory counts as empty: a new store is made there
    const fresh = join(await tempDir(), 'fresh');
    await mkdir(fresh);
    await writeFile(join(fresh, 'tagger-lexicon.json'), '{}');
    const file = join(fresh, '..', 'one.nt');
    await writeFile(file, '<https://w3id.org/emokb/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n');
    const imported = await cli(fresh, ['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('check: a sound store reports every step ok (exit 0); a damaged one says which steps failed (STORE_ERROR)', async () => {
    const dir = await copy();
    const ok = await cli(dir, ['check', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.ok).toBe(true);
    expect(report.steps.map((s: { step: string }) => s.step)).toEqual([
      'keys',
      'triples',
      'change log',
      'integrity record',
      'count and hash',
      'log replay',
      'SHACL',
    ]);
    const table = await largestTable(dir);
    await truncate(table, 100);
    const bad = await cli(dir, ['check']);
    expect(bad.code).toBe(8);
    expect(bad.stdout).toMatch(/^DAMAGED /m);
    expect(bad.stderr).toContain('check(s) failed');
  });

  it('a store without an integrity record (older emokb) gets one when its content is the replay of its log, and is refused when not', async () => {
    const dir = await copy();
    const db = new Level<string, string>(dir, { createIfMissing: false });
    await db.del('emokb!meta!integrity');
    await db.close();
    expect((await cli(dir, ['export', '--format', 'ntriples'])).stdout).toBe(baseExport);
    const check = JSON.parse((await cli(dir, ['check', '--json'])).stdout);
    expect(check.steps.find((s: { step: string }) => s.step === 'integrity record').ok).toBe(true);

    const drifted = await copy();
    const raw = new Level<string, string>(drifted, { createIfMissing: false });
    await raw.del('emokb!meta!integrity');
    // one quad of the index gone behind the log's back
    for await (const key of raw.keys({ gte: 'SPOG', lt: 'SPOG\uffff', limit: 1 })) await raw.del(key);
    await raw.close();
    const r = await cli(drifted, ['stats']);
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('no integrity record and its triples differ from the replay of its change log (1 logged triple(s) missing');
  });
});
