// The first start on an absent directory: one human line on standard error (where, and that it is
// a new store), data only on standard output; and the README's `emokb stats` sample is what a
// freshly seeded store really shows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

describe('first start', { timeout: 180_000 }, () => {
  it('says on stderr that a new store is created and seeded there; stdout is the stats, as the README shows them', async () => {
    const dir = join(await tempDir(), 'dtaa');
    const r = await runCli(['--data', dir, 'stats']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `emokb: ${dir} did not exist: creating a new store there, seeded from the shipped ontology and lexicons (takes about 5 s, longer on a busy machine)\n`,
    );
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const sample = /\$ emokb stats\n([\s\S]*?)\n\n/.exec(readme)![1]!;
    const normalise = (text: string) => text.trim().replace(/^store .*$/m, 'store <dir>');
    expect(normalise(r.stdout)).toBe(normalise(sample));
    // the second start says nothing
    const again = await runCli(['--data', dir, 'stats']);
    expect(again.stderr).toBe('');
  });
});
