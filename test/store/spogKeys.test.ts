// The level store reads its triples by decoding quadstore's SPOG keys itself (src/store/spogKeys.ts).
// These tests hold that reader to quadstore's own writer and reader, on every kind of term quadstore
// serialises differently, so that a quadstore whose key format changed fails here rather than
// misreading a user's store.
import fc from 'fast-check';
import { MemoryLevel } from 'memory-level';
import { DataFactory } from 'n3';
import { Quadstore } from 'quadstore';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { quadKey } from '../../src/rdf/turtle.js';
import { XorHash, xorLines } from '../../src/store/integrity.js';
import { SpogDecoder } from '../../src/store/spogKeys.js';

const { namedNode, blankNode, literal, quad } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const ex = (local: string) => namedNode(`https://example.org/${local}`);

/** Writes `quads` with quadstore (the store's own indexes), then reads them back both ways. */
async function readBothWays(quads: Quad[]): Promise<{ ours: Quad[]; theirs: Quad[]; hash: string }> {
  const db = new MemoryLevel<string, string>();
  const store = new Quadstore({
    backend: db as never,
    dataFactory: DataFactory as never,
    indexes: [['subject', 'predicate', 'object', 'graph']],
  });
  await store.open();
  try {
    await store.multiPut(quads);
    const prefix = store.indexes[0]!.prefix;
    const hash = new XorHash();
    const decoder = new SpogDecoder(prefix, hash);
    for await (const key of db.keys({ gte: prefix, lt: `${prefix}\uDBFF\uDFFF` })) decoder.add(key);
    return { ours: decoder.quads, theirs: (await store.get({})).items, hash: hash.hex };
  } finally {
    await store.close();
  }
}

const canonical = (quads: Quad[]) => quads.map((q) => `${quadKey(q)} ${q.graph.termType}`).sort();

describe('SPOG key reader', () => {
  it('reads every kind of term as quadstore reads it, and hashes each line as the integrity record does', async () => {
    const quads = [
      quad(ex('s'), ex('iri'), ex('o')),
      quad(blankNode('b0'), ex('blank'), blankNode('b1')),
      quad(ex('s'), ex('plain'), literal('a "quoted"\nline\twith \\ and é ✓ 😀')),
      quad(ex('s'), ex('lang'), literal('colère', 'fr')),
      quad(ex('s'), ex('lang'), literal('anger', 'en-GB')),
      quad(ex('s'), ex('typed'), literal('true', namedNode(`${XSD}boolean`))),
      quad(ex('s'), ex('typed'), literal('x', namedNode('https://example.org/dt'))),
      quad(ex('s'), ex('decimal'), literal('0.75', namedNode(`${XSD}decimal`))),
      quad(ex('s'), ex('integer'), literal('-42', namedNode(`${XSD}integer`))),
      quad(ex('s'), ex('double'), literal('1.5E-7', namedNode(`${XSD}double`))),
      quad(ex('s'), ex('date'), literal('2026-12-07T02:30:00.000Z', namedNode(`${XSD}dateTime`))),
      quad(ex('s'), ex('empty'), literal('')),
      quad(ex('s'), ex('empty'), literal('', namedNode(`${XSD}decimal`))),
      quad(ex('s'), ex('nul'), literal('a\u0000\u0000b')),
      quad(ex('g-s'), ex('graph'), ex('o'), ex('g')),
    ];
    const { ours, theirs, hash } = await readBothWays(quads);
    expect(ours).toHaveLength(quads.length);
    expect(canonical(ours)).toEqual(canonical(theirs));
    expect(ours.map((q) => q.graph.value).sort()).toEqual(theirs.map((q) => q.graph.value).sort());
    // Terms keep their kind and parts, not only their N-Triples form.
    const lang = ours.find((q) => q.object.termType === 'Literal' && q.object.language === 'fr')!;
    expect(lang.object).toMatchObject({ value: 'colère', language: 'fr' });
    const decimal = ours.find((q) => q.predicate.value.endsWith('decimal') && q.object.value !== '')!;
    expect(decimal.object).toMatchObject({ value: '0.75', datatype: { value: `${XSD}decimal` } });
    expect(hash).toBe(xorLines('0'.repeat(16), quads.map(quadKey)));
  });

  it('property: any literal value, language and datatype reads back as quadstore reads it', async () => {
    const object = fc.oneof(
      fc.string({ unit: 'binary' }).map((v) => literal(v)),
      fc.tuple(fc.string({ unit: 'binary' }), fc.constantFrom('en', 'fr', 'de-CH')).map(([v, l]) => literal(v, l)),
      fc.tuple(fc.string({ unit: 'binary' }), fc.webUrl()).map(([v, d]) => literal(v, namedNode(d))),
      fc.double({ noNaN: true }).map((n) => literal(String(n), namedNode(`${XSD}double`))),
      fc.integer().map((n) => literal(String(n), namedNode(`${XSD}integer`))),
      fc.webUrl().map((iri) => namedNode(iri)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(object, { minLength: 1, maxLength: 20 }), async (objects) => {
        const quads = objects.map((o, i) => quad(ex(`s${i}`), ex('p'), o as Quad['object']));
        const { ours, theirs, hash } = await readBothWays(quads);
        expect(canonical(ours)).toEqual(canonical(theirs));
        expect(hash).toBe(xorLines('0'.repeat(16), [...new Set(quads.map(quadKey))]));
      }),
      { numRuns: 30 },
    );
  });

  it('shares one term object between the quads that hold the same term', async () => {
    const { ours } = await readBothWays([quad(ex('a'), ex('p'), literal('x', 'en')), quad(ex('b'), ex('p'), literal('x', 'en'))]);
    expect(ours[0]!.predicate).toBe(ours[1]!.predicate);
    expect(ours[0]!.object).toBe(ours[1]!.object);
  });
});
