// Snapshots for the tagger's tests: the shipped knowledge, optionally with the dev-only fixture
// lexicon (test/fixtures/tagger-lexicon.ttl), built once per test file.
import { fileURLToPath } from 'node:url';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { readSeed } from '../../src/kb/seed.js';
import { readTurtleFile } from '../../src/rdf/turtle.js';

export const FIXTURE = fileURLToPath(new URL('../fixtures/tagger-lexicon.ttl', import.meta.url));

let plain: Promise<KnowledgeBase> | undefined;
let withFixture: Promise<KnowledgeBase> | undefined;

/** Ontology + whatever lexicons/ holds today. */
export function shippedKb(): Promise<KnowledgeBase> {
  plain ??= readSeed().then((q) => KnowledgeBase.fromQuads(q));
  return plain;
}

/** Ontology only (no lexicons/, which another colleague is still building) + the fixture lexicon, so results do not move when en.ttl lands. */
export function fixtureKb(): Promise<KnowledgeBase> {
  withFixture ??= (async () => KnowledgeBase.fromQuads([...(await ontologyQuads()), ...(await readTurtleFile(FIXTURE))]))();
  return withFixture;
}

async function ontologyQuads() {
  const { seedFiles } = await import('../../src/kb/seed.js');
  const files = (await seedFiles()).filter((f) => !f.includes('/lexicons/'));
  // Opposites come from the fixture alone, so tests of the negation policy do not move with ontology/relations.ttl.
  return (await Promise.all(files.map(readTurtleFile))).flat().filter((q) => !q.predicate.value.endsWith('#isOppositeOf'));
}
