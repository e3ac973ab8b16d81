// The linkers through the real CLI on a fresh data directory (seeded with the shipped relations):
// propose (nothing new: every shipped edge is kept), reject and re-accept an edge from a decisions
// file, see it in `show`, and validate. (Refusals of bad decisions files are unit-tested.)
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let data: string;
let dir: string;
const cli = (...args: string[]) => runCli(['--data', data, ...args], { env: { EMOKB_AUTHOR: 'E2E Curator' } });

beforeAll(async () => {
  dir = await tempDir('emokb-linkers-');
  data = join(dir, 'data');
});

describe('emokb link propose | review | show | validate', () => {
  it('runs end to end', async () => {
    const proposed = await cli('link', 'propose', '--type', 'composition', '--emotion', 'loathing', '--json');
    expect(proposed.code, proposed.stderr).toBe(0);
    const summary = JSON.parse(proposed.stdout);
    expect(summary.proposed).toBeGreaterThanOrEqual(1);
    expect(summary.kept.accepted).toBeGreaterThanOrEqual(1);
    expect(summary.added).toBe(
      summary.proposed - summary.kept.accepted - summary.kept.rejected - summary.kept.candidate - summary.alreadyAsserted,
    );

    const reject = join(dir, 'reject.tsv');
    await writeFile(reject, 'edge\tdecision\tnote\ncomposition/loathing--disgust-tertiary--hate\treject\ttest\n');
    const rejected = await cli('link', 'review', '--decisions', reject);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect((await cli('show', 'loathing')).stdout).not.toMatch(/components/);

    const accept = join(dir, 'accept.json');
    await writeFile(accept, JSON.stringify([{ edge: 'composition/loathing--disgust-tertiary--hate', decision: 'accept' }]));
    expect((await cli('link', 'review', '--decisions', accept)).code).toBe(0);
    const shown = await cli('show', 'loathing');
    expect(shown.stdout).toMatch(/components\s+disgust \(disgust-tertiary\) \+ hate \(hate\)/);
    expect(shown.stdout).toMatch(/opposites|components/);

    const valid = await cli('validate');
    expect(valid.code, valid.stdout).toBe(0);
  }, 120_000);
});
