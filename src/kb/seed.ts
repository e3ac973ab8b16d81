// The released knowledge that an empty store starts from: every Turtle file in ontology/ (except
// the SHACL shapes, which are rules, not data) and in lexicons/, in file-name order.
import { readdir } from 'node:fs/promises';
import type { Quad } from '@rdfjs/types';
import { lexiconDir, ontologyDir } from '../paths.js';
import { readTurtleFile } from '../rdf/turtle.js';
import { RELEASE_HASH, releaseHash } from './release.js';

export function shapesPath(): string {
  return ontologyDir('shapes.ttl');
}

export async function seedFiles(): Promise<string[]> {
  const list = async (dir: (...p: string[]) => string) =>
    (await readdir(dir()).catch(() => [] as string[]))
      .filter((name) => name.endsWith('.ttl') && name !== 'shapes.ttl')
      .sort()
      .map((name) => dir(name));
  return [...(await list(ontologyDir)), ...(await list(lexiconDir))];
}

export async function readSeed(): Promise<Quad[]> {
  const files = await seedFiles();
  return (await Promise.all(files.map(readTurtleFile))).flat();
}

/** The seed, and whether it is byte for byte the release the tests validated (see release.ts). */
export async function readRelease(): Promise<{ quads: Quad[]; validated: boolean }> {
  const files = await seedFiles();
  const [quads, hash] = await Promise.all([readSeed(), releaseHash(files)]);
  return { quads, validated: hash === RELEASE_HASH };
}
