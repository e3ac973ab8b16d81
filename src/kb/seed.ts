// The released knowledge that an empty store starts from: every Turtle file in ontology/ (except
// the SHACL shapes, which are rules, not data) and in lexicons/, in file-name order.
import { readdir } from 'node:fs/promises';
import type { Quad } from '@rdfjs/types';
import { lexiconDir, ontologyDir } from '../paths.js';
import { readInputFileBytes } from '../readInput.js';
import { parseTurtle, readTurtleFile } from '../rdf/turtle.js';
import { RELEASE_HASH, releaseHashOf } from './release.js';

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
  // Each file is read once, for both the hash and the parse.
  const files = [...(await seedFiles()), shapesPath()];
  const bytes = await Promise.all(files.map((file) => readInputFileBytes(file)));
  const hash = releaseHashOf(files, bytes);
  const quads = files.slice(0, -1).flatMap((file, i) => parseTurtle(bytes[i]!.toString('utf8'), file));
  return { quads, validated: hash === RELEASE_HASH };
}
