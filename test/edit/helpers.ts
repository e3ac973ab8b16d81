// Shared by the edit tests: the seeded snapshot without a store (planning is pure, so most tests
// need no validation), a way to apply a plan to it, and a validated MemoryStore-backed service.
import type { Quad } from '@rdfjs/types';
import { expect } from 'vitest';
import { EmokbError } from '../../src/errors.js';
import type { EditPlan } from '../../src/edit/EditPlan.js';
import { parseEditRequest } from '../../src/edit/EditRequest.js';
import { planEdit } from '../../src/edit/planEdit.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { KnowledgeService } from '../../src/kb/KnowledgeService.js';
import { ontologyDir } from '../../src/paths.js';
import { quadKey, readTurtleFile } from '../../src/rdf/turtle.js';
import { LevelStore } from '../../src/store/LevelStore.js';
import { MemoryStore } from '../../src/store/MemoryStore.js';

/**
 * The fixture every edit test starts from: the hierarchy (schema, Parrott, crosswalks) without the
 * shipped relations and lexicon, so that the tests do not change meaning when the curated
 * vocabulary grows, and stores stay small enough for fast end-to-end runs.
 */
const HIERARCHY = ['schema.ttl', 'parrott.ttl', 'crosswalks.ttl'];
let hierarchy: Promise<Quad[]> | undefined;

export function hierarchyQuads(): Promise<Quad[]> {
  hierarchy ??= Promise.all(HIERARCHY.map((name) => readTurtleFile(ontologyDir(name)))).then((files) => files.flat());
  return hierarchy;
}

let seed: Promise<KnowledgeBase> | undefined;

export function seededKb(): Promise<KnowledgeBase> {
  seed ??= hierarchyQuads().then((quads) => KnowledgeBase.fromQuads(quads, 1));
  return seed;
}

export const ctx = { author: 'Test Curator', time: '2026-01-02T03:04:05.000Z' };

/** Parses like the CLI and the server do, then plans. */
export function plan(kb: KnowledgeBase, raw: Record<string, unknown>): EditPlan {
  return planEdit(kb, parseEditRequest(raw), ctx);
}

/** The snapshot after the plan, unvalidated (the service tests validate). */
export function applied(kb: KnowledgeBase, p: EditPlan): KnowledgeBase {
  const next = new Map<string, Quad>(kb.quads.map((q) => [quadKey(q), q]));
  for (const q of p.remove) next.delete(quadKey(q));
  for (const q of p.add) next.set(quadKey(q), q);
  return KnowledgeBase.fromQuads([...next.values()], kb.version + 1);
}

export function lines(quads: readonly Quad[]): string[] {
  return quads.map(quadKey).sort();
}

/** Asserts that `fn` throws an EmokbError with this code, and returns it. */
export function refusal(fn: () => unknown, code: EmokbError['code']): EmokbError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EmokbError);
    expect((error as EmokbError).code, (error as Error).message).toBe(code);
    return error as EmokbError;
  }
  throw new Error(`expected a ${code} refusal, but nothing was thrown`);
}

export async function refusalAsync(promise: Promise<unknown>, code: EmokbError['code']): Promise<EmokbError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EmokbError);
    expect((error as EmokbError).code, (error as Error).message).toBe(code);
    return error as EmokbError;
  }
  throw new Error(`expected a ${code} refusal, but it succeeded`);
}

const SEED_CHANGE = { remove: [], author: 'seed', message: 'seed', command: 'seed' };

/**
 * A service over a MemoryStore holding the hierarchy as change 1. It is committed to the store
 * directly: the shipped data's validity is the foundation's tests' business, and skipping that
 * one validation keeps these tests fast. Every edit on the service is validated as usual.
 */
export async function memoryService(): Promise<KnowledgeService> {
  const store = new MemoryStore();
  await store.commit({ ...SEED_CHANGE, add: await hierarchyQuads() });
  return KnowledgeService.open(store);
}

/** Seeds a data directory for the end-to-end tests the same way (change 1 = the hierarchy). */
export async function seedDataDir(dir: string): Promise<void> {
  const store = await LevelStore.open(dir);
  try {
    await store.commit({ ...SEED_CHANGE, add: await hierarchyQuads() });
  } finally {
    await store.close();
  }
}

export const E = 'https://w3id.org/emokb/emotion/';
export const LEX = 'https://w3id.org/emokb/lexicon/en/';
