// The content hash of the shipped release (ontology/ and lexicons/, the SHACL shapes included).
// The tests validate exactly this release (test/kb/release.test.ts checks that the files still hash
// to RELEASE_HASH and that they conform), so seeding a store from files with this hash need not
// run SHACL validation again: on this machine that validation is most of a first start's time and
// memory (see the README's startup figures). Files that differ from it are validated as before.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ontologyDir } from '../paths.js';

/** Update together with the files; test/kb/release.test.ts says when and checks it. */
export const RELEASE_HASH = 'c4710998d394784a61ac95a35ceca0f3803a7f2cd7e938f814761e6049b5e1d7';

/** sha256 over each file's name and bytes, in the given order (the seed's order). */
export async function releaseHash(files: readonly string[]): Promise<string> {
  const all = [...files, ontologyDir('shapes.ttl')];
  return releaseHashOf(all, await Promise.all(all.map((file) => readFile(file))));
}

/** The same hash over bytes already read (`files` and `bytes` in step, the shapes last). */
export function releaseHashOf(files: readonly string[], bytes: readonly Buffer[]): string {
  const digest = createHash('sha256');
  files.forEach((file, i) => digest.update(`${basename(file)}\0${bytes[i]!.length}\0`).update(bytes[i]!));
  return digest.digest('hex');
}
