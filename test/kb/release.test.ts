// The shipped release that a new store is seeded from without validating it again: it must be the
// release this test validates. When ontology/ or lexicons/ change, this test fails until
// RELEASE_HASH in src/kb/release.ts is set to the new hash it prints, which it only prints once
// the new files conform to the shapes.
import { describe, expect, it } from 'vitest';
import { RELEASE_HASH, releaseHash } from '../../src/kb/release.js';
import { readRelease, readSeed, seedFiles } from '../../src/kb/seed.js';
import { validateGraph } from '../../src/shacl/validate.js';

describe('the shipped release', { timeout: 120_000 }, () => {
  it('conforms to the shapes and hashes to RELEASE_HASH (what lets seeding skip validation)', async () => {
    const report = await validateGraph(await readSeed());
    expect(report.violations).toEqual([]);
    const hash = await releaseHash(await seedFiles());
    expect(hash, `the release conforms: set RELEASE_HASH in src/kb/release.ts to '${hash}'`).toBe(RELEASE_HASH);
    expect((await readRelease()).validated).toBe(true);
  });

  it('a release that differs by one byte is not taken as validated', async () => {
    const files = await seedFiles();
    expect(await releaseHash(files.slice(1))).not.toBe(RELEASE_HASH);
  });
});
