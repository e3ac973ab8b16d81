// Edits validate only what they can break; these check that nothing they can break is missed.
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeService } from '../../src/kb/KnowledgeService.js';
import { EMO, EMOTION_BASE, LEXICON_BASE, ONTOLEX, RDF, XSD } from '../../src/rdf/namespaces.js';
import { validationScope } from '../../src/shacl/scope.js';
import { MemoryStore } from '../../src/store/MemoryStore.js';

const { namedNode, literal, quad } = DataFactory;
const meta = { author: 't', message: 'm', command: 'test' };

function term(word: string, emotion: string, weight = '0.8') {
  const entry = namedNode(`${LEXICON_BASE}en/${word}`);
  const form = namedNode(`${entry.value}#form`);
  const sense = namedNode(`${entry.value}#sense-${emotion}`);
  return [
    quad(entry, RDF.type, ONTOLEX.LexicalEntry),
    quad(entry, ONTOLEX.canonicalForm, form),
    quad(form, ONTOLEX.writtenRep, literal(word, 'en')),
    quad(entry, ONTOLEX.sense, sense),
    quad(sense, RDF.type, ONTOLEX.LexicalSense),
    quad(sense, ONTOLEX.reference, namedNode(EMOTION_BASE + emotion)),
    quad(sense, EMO.weight, literal(weight, XSD.decimal)),
  ];
}

let service: KnowledgeService;
beforeAll(async () => {
  service = await KnowledgeService.open(new MemoryStore());
  await service.change({ ...meta, add: [...term('livid', 'fury'), ...term('cheery', 'gaiety')], remove: [] });
});

describe('validation scope', () => {
  it('leaves out entries a change cannot affect', () => {
    // adding a term touches no emotion node, so another term of the same emotion is not re-checked
    const scope = validationScope(service.snapshot.quads, term('irate', 'fury'), []);
    expect(scope.some((q) => q.subject.value.includes('/en/livid'))).toBe(false);
    // touching the emotion itself brings every term that refers to it
    const fury = namedNode(`${EMOTION_BASE}fury`);
    const touched = validationScope(service.snapshot.quads, [quad(fury, EMO.valence, EMO.Negative)], []);
    expect(touched.some((q) => q.subject.value.includes('/en/livid'))).toBe(true);
    const unrelated = validationScope(service.snapshot.quads, term('glum', 'glumness'), []);
    expect(unrelated.some((q) => q.subject.value.includes('/en/cheery'))).toBe(false);
    expect(unrelated.some((q) => q.subject.value === `${EMOTION_BASE}fury`)).toBe(true);
  });

  it('still refuses a bad weight on the new term', async () => {
    await expect(service.change({ ...meta, add: term('irate', 'fury', '7'), remove: [] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('still refuses removing an emotion that an untouched entry refers to', async () => {
    const gaiety = namedNode(`${EMOTION_BASE}gaiety`);
    const quads = service.snapshot.quads
      .filter((q) => q.subject.equals(gaiety) || q.object.equals(gaiety))
      .filter((q) => !q.predicate.equals(ONTOLEX.reference));
    await expect(service.change({ ...meta, add: [], remove: quads })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/cheery#sense-gaiety.*existing emotion/),
    });
  });
});

describe('graph rules', () => {
  it('GRAPH_RULE_PREDICATES lists every predicate the SPARQL rules of shapes.ttl read', async () => {
    const { readFile } = await import('node:fs/promises');
    const { GRAPH_RULE_PREDICATES } = await import('../../src/shacl/scope.js');
    const shapes = await readFile(new URL('../../ontology/shapes.ttl', import.meta.url), 'utf8');
    const selects = [...shapes.matchAll(/sh:select """([\s\S]*?)"""/g)].map((m) => m[1]!);
    expect(selects.length).toBeGreaterThanOrEqual(4);
    const prefixes: Record<string, string> = { emo: EMO.base, skos: 'http://www.w3.org/2004/02/skos/core#' };
    const used = new Set(selects.flatMap((q) => [...q.matchAll(/\b(emo|skos):(\w+)/g)].map((m) => prefixes[m[1]!]! + m[2]!)));
    for (const predicate of used) expect(GRAPH_RULE_PREDICATES, predicate).toContain(predicate);
  });

  it('still catches a self-link or a cycle through the full rule set', async () => {
    const fury = namedNode(`${EMOTION_BASE}fury`);
    await expect(service.change({ ...meta, add: [quad(fury, EMO.isOppositeOf, fury)], remove: [] })).rejects.toMatchObject({
      message: expect.stringContaining('links to itself'),
    });
  });
});
