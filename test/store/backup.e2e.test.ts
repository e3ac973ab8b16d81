// Backup and restore through the real CLI: a restored store is the same store (export byte for
// byte, history, undo, diff); destructive edits and every N-th change leave a backup behind; a
// backup that cannot be written, or is killed half-way, leaves no file.
import { copyFile, cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from '../helpers/cli.js';
import { faultEnv, killInside } from '../helpers/faults.js';
import { seedDataDir } from '../edit/helpers.js';
import { startServer } from '../helpers/server.js';

let base: string;
const cli = (dir: string, args: string[], env: Record<string, string> = {}) =>
  runCli(['--data', dir, ...args], { env: { EMOKB_AUTHOR: 'backup', ...env } });
const ntriples = async (dir: string) => (await cli(dir, ['export', '--format', 'ntriples'])).stdout;
const history = async (dir: string) => JSON.parse((await cli(dir, ['history', '--json', '--limit', '1000'])).stdout);

async function copy(): Promise<string> {
  const dir = join(await tempDir('emokb-backup-'), 'data');
  await cp(base, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  base = join(await tempDir('emokb-backup-base-'), 'data');
  await seedDataDir(base);
  for (const word of ['alpha', 'beta', 'gamma']) expect((await cli(base, ['term', 'add', word, '--emotion', 'fury'])).code).toBe(0);
}, 120_000);

describe.concurrent('backup and restore', { timeout: 180_000 }, () => {
  it('restore of a backup gives a byte-identical export and the same history; undo and diff work on it', async () => {
    const dir = await copy();
    const file = join(await tempDir(), 'store.emokb-backup');
    const backup = await cli(dir, ['backup', '-o', file, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, changes: 4 });
    const target = join(await tempDir(), 'restored');
    const restored = await cli(target, ['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await ntriples(target)).toBe(await ntriples(dir));
    expect(await history(target)).toEqual(await history(dir));
    expect((await cli(target, ['diff', '--since', '2'])).stdout).toBe((await cli(dir, ['diff', '--since', '2'])).stdout);
    const undo = await cli(target, ['undo', '4']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(await ntriples(target)).not.toContain('/gamma');
    // a restore never goes over a store
    const again = await cli(target, ['restore', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a store');
  });

  it('a backup that cannot be written is OUTPUT_FAILED and leaves no file', async () => {
    const dir = await copy();
    const full = await cli(dir, ['backup', '-o', '/dev/full']);
    expect(full.code).toBe(11);
    expect(full.stderr).toContain('OUTPUT_FAILED: cannot write the backup /dev/full');
    const outDir = await tempDir();
    const missing = await cli(dir, ['backup', '-o', join(outDir, 'no', 'such', 'dir.emokb-backup')]);
    expect(missing.code).toBe(11);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('kill -9 inside a backup leaves no backup file and the store unchanged', async () => {
    const dir = await copy();
    const before = await ntriples(dir);
    const outDir = await tempDir();
    const file = join(outDir, 'b.emokb-backup');
    const child = startCli(['--data', dir, 'backup', '-o', file], { env: faultEnv('backup') });
    expect(await killInside(child, 'backup')).toBe(true);
    // the target never appears; only the killed process's own .tmp can remain (a later automatic backup clears those in backups/)
    expect((await readdir(outDir)).filter((n) => !n.endsWith('.tmp'))).toEqual([]);
    expect(await ntriples(dir)).toBe(before);
    // a later backup writes the file whole
    expect((await cli(dir, ['backup', '-o', file])).code).toBe(0);
    expect(await readdir(outDir)).toContain('b.emokb-backup');
  });

  it('kill -9 inside an edit: the store holds what it held before, exactly', async () => {
    const dir = await copy();
    const before = await ntriples(dir);
    const beforeLog = await history(dir);
    const child = startCli(['--data', dir, 'term', 'add', 'delta', '--emotion', 'fury'], { env: faultEnv('commit') });
    expect(await killInside(child, 'commit')).toBe(true);
    expect(await ntriples(dir)).toBe(before);
    expect(await history(dir)).toEqual(beforeLog);
  });

  it('import --replace and emotion remove --cascade write a backup of the store before them; restoring it undoes them', async () => {
    const dir = await copy();
    const before = await ntriples(dir);
    const removed = await cli(dir, ['emotion', 'remove', 'rage', '--cascade']);
    expect(removed.code, removed.stderr).toBe(0);
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/-change4-before-emotion\.emokb-backup$/);
    const target = join(await tempDir(), 'back');
    expect((await cli(target, ['restore', join(dir, 'backups', backups[0]!)])).code).toBe(0);
    expect(await ntriples(target)).toBe(before);
    // import --replace: a backup of the store as it was just before
    const afterRemoval = await ntriples(dir);
    const file = join(await tempDir(), 'original.nt');
    await writeFile(file, before);
    const replaced = await cli(dir, ['import', file, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const latest = (await readdir(join(dir, 'backups'))).sort().filter((n) => n.includes('before-import'));
    expect(latest).toHaveLength(1);
    const second = join(await tempDir(), 'second');
    expect((await cli(second, ['restore', join(dir, 'backups', latest[0]!)])).code).toBe(0);
    expect(await ntriples(second)).toBe(afterRemoval);
  });

  it("an output among the store's own files is refused; a link is followed; restore needs an empty directory", async () => {
    const dir = await copy();
    const before = await ntriples(dir);
    for (const args of [
      ['backup', '-o', join(dir, 'CURRENT')],
      ['export', '-o', join(dir, 'MANIFEST-000001')],
    ]) {
      const r = await cli(dir, args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`inside the data directory ${dir}`);
    }
    expect(await ntriples(dir)).toBe(before);
    // a link to a backup file: the file it names is written, the link stays a link
    const { lstat, symlink } = await import('node:fs/promises');
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, 'real.bk'), '');
    await symlink(join(elsewhere, 'real.bk'), join(elsewhere, 'link.bk'));
    expect((await cli(dir, ['backup', '-o', join(elsewhere, 'link.bk')])).code).toBe(0);
    expect((await lstat(join(elsewhere, 'link.bk'))).isSymbolicLink()).toBe(true);
    // restore into a directory holding someone's files: refused, the files stay
    const occupied = join(elsewhere, 'occupied');
    await mkdir(occupied);
    await writeFile(join(occupied, 'notes.txt'), 'mine');
    const r = await cli(occupied, ['restore', join(elsewhere, 'real.bk')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`restore needs an absent or empty directory; ${occupied} holds notes.txt`);
    expect(await readdir(occupied)).toEqual(['notes.txt']);
    const restored = join(elsewhere, 'restored');
    expect((await cli(restored, ['restore', join(elsewhere, 'link.bk')])).code).toBe(0);
    expect(await ntriples(restored)).toBe(before);
  });

  it('a destructive edit forwarded to a running server gets the same backup before it', async () => {
    const dir = await copy();
    const before = await ntriples(dir);
    const server = await startServer(dir);
    try {
      const removed = await cli(dir, ['emotion', 'remove', 'rage', '--cascade']);
      expect(removed.code, removed.stderr).toBe(0);
      expect(removed.stdout + removed.stderr).toMatch(/running server/);
    } finally {
      await server.stop();
    }
    const backups = (await readdir(join(dir, 'backups'))).filter((n) => n.includes('-before-emotion'));
    expect(backups).toHaveLength(1);
    const target = join(await tempDir(), 'back');
    expect((await cli(target, ['restore', join(dir, 'backups', backups[0]!)])).code).toBe(0);
    expect(await ntriples(target)).toBe(before);
  });

  it('every N changes a backup, keeping the last K; a bad setting is BAD_INPUT naming the variable', async () => {
    const dir = await copy();
    const env = { EMOKB_BACKUP_EVERY: '2', EMOKB_BACKUP_KEEP: '2' };
    for (const word of ['one', 'two', 'three', 'four'])
      expect((await cli(dir, ['term', 'add', word, '--emotion', 'wrath'], env)).code).toBe(0);
    // changes 5..8: backups at 6 and 8
    const names = (await readdir(join(dir, 'backups'))).sort();
    expect(names.map((n) => /-change(\d+)-/.exec(n)?.[1])).toEqual(['6', '8']);
    // a manual backup, and the one before a destructive change (undo: change 9), are not pushed out
    // by the periodic ones that follow (changes 10..13: backups at 10 and 12)
    expect((await cli(dir, ['backup'], env)).code).toBe(0);
    // a user's own files in backups/ whose names merely contain "every" or "-before-" stay too
    const own = ['my-everyday.emokb-backup', '1-before-upgrade.emokb-backup'];
    for (const name of own) await copyFile(join(dir, 'backups', names[0]!), join(dir, 'backups', name));
    expect((await cli(dir, ['undo', '8', '--force'], env)).code).toBe(0);
    for (const word of ['six', 'seven', 'eight', 'nine'])
      expect((await cli(dir, ['term', 'add', word, '--emotion', 'wrath'], env)).code).toBe(0);
    const after = (await readdir(join(dir, 'backups'))).sort();
    expect(after.filter((n) => n.includes('-manual')).length).toBe(1);
    expect(after).toEqual(expect.arrayContaining(own));
    expect(after.filter((n) => n.includes('-before-undo')).length).toBe(1);
    expect(after.filter((n) => /-change\d+-every/.test(n)).map((n) => /-change(\d+)-/.exec(n)?.[1])).toEqual(['10', '12']);
    const bad = await cli(dir, ['term', 'add', 'five', '--emotion', 'wrath'], { EMOKB_BACKUP_KEEP: '0' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('EMOKB_BACKUP_KEEP: "0" is not a whole number >= 1');
  });
});
