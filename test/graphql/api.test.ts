// The schema and resolvers through yoga.fetch: no socket, the real application.
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmokbYoga, type EmokbYoga } from '../../src/graphql/yoga.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { readSeed } from '../../src/kb/seed.js';
import { EMO, EMOTION_BASE, RDF, SKOS } from '../../src/rdf/namespaces.js';

let kb: KnowledgeBase;
let yoga: EmokbYoga;

async function query(source: string, variables?: Record<string, unknown>, app = yoga) {
  const response = await app.fetch('http://emokb.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  kb = KnowledgeBase.fromQuads(await readSeed(), 7);
  yoga = createEmokbYoga({ snapshot: () => kb });
});

describe('emotion', () => {
  it('looks up by label with path, children, parent and siblings', async () => {
    const { body } = await query(
      `{ emotion(label: "irritation") { id label tier valence definition path { label } children { label } parent { label } siblings { label } } }`,
    );
    expect(body.errors).toBeUndefined();
    const e = body.data.emotion;
    expect(e).toMatchObject({ id: 'irritation-secondary', tier: 'SECONDARY', valence: 'NEGATIVE', parent: { label: 'anger' } });
    expect(e.path.map((p: any) => p.label)).toEqual(['anger', 'irritation']);
    expect(e.children).toHaveLength(6);
    expect(e.siblings.map((p: any) => p.label)).toEqual(['disgust', 'envy', 'exasperation', 'rage', 'torment']);
    expect(e.definition.length).toBeGreaterThan(20);
  });

  it('looks up by id, prefixed name or IRI, and picks a tier for a shared label', async () => {
    const byId = await query(
      `{ a: emotion(id: "fury") { iri } b: emotion(id: "emotion:fury") { iri } c: emotion(id: "${EMOTION_BASE}fury") { id } d: emotion(label: "sadness", tier: TERTIARY) { id ancestors { id } } }`,
    );
    expect(byId.body.data.a.iri).toBe(`${EMOTION_BASE}fury`);
    expect(byId.body.data.b.iri).toBe(`${EMOTION_BASE}fury`);
    expect(byId.body.data.c.id).toBe('fury');
    expect(byId.body.data.d.ancestors.map((a: any) => a.id)).toEqual(['sadness-secondary', 'sadness-primary']);
  });

  it('answers NOT_FOUND with suggestions', async () => {
    const { body } = await query(`{ emotion(label: "furry") { id } }`);
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0].extensions.suggestions).toContain('fury');
    expect(body.errors[0].path).toEqual(['emotion']);
  });

  it('answers AMBIGUOUS_LABEL listing the candidates when unrelated emotions share a label', async () => {
    const { namedNode, literal, quad } = DataFactory;
    const twin = namedNode(`${EMOTION_BASE}fury-2`);
    const parent = namedNode(`${EMOTION_BASE}irritation-secondary`);
    const withTwin = KnowledgeBase.fromQuads([
      ...kb.quads,
      quad(twin, RDF.type, EMO.Emotion),
      quad(twin, SKOS.prefLabel, literal('fury', 'en')),
      quad(twin, EMO.tier, EMO.Tertiary),
      quad(twin, SKOS.broader, parent),
    ]);
    const app = createEmokbYoga({ snapshot: () => withTwin });
    const { body } = await query(`{ emotion(label: "fury") { id } }`, undefined, app);
    expect(body.errors[0].extensions.code).toBe('AMBIGUOUS_LABEL');
    expect(body.errors[0].extensions.candidates.map((c: any) => c.id).sort()).toEqual(['fury', 'fury-2']);
  });

  it('answers BAD_USER_INPUT naming the argument', async () => {
    const both = await query(`{ emotion(id: "fury", label: "fury") { id } }`);
    expect(both.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'label' });
    const neither = await query(`{ emotion { id } }`);
    expect(neither.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('gives ancestors, descendants and mappings', async () => {
    const { body } = await query(
      `{ emotion(id: "annoyance") { ancestors { label } mappings { scheme notation relation } } fear: emotion(label: "fear") { descendants { id } } }`,
    );
    expect(body.data.emotion.ancestors.map((a: any) => a.label)).toEqual(['irritation', 'anger']);
    expect(body.data.emotion.mappings).toContainEqual({
      scheme: 'https://w3id.org/emokb/scheme/goemotions',
      notation: 'annoyance',
      relation: 'exactMatch',
    });
    expect(body.data.fear.descendants).toHaveLength(19);
  });
});

describe('emotions, roots, mappings, stats, version', () => {
  it('pages through every emotion with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { body } = await query(
        `query($after: String) { emotions(first: 50, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const c = body.data.emotions;
      expect(c.totalCount).toBe(166);
      seen.push(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(166);
    expect(new Set(seen).size).toBe(166);
  });

  it('filters by tier, valence and search', async () => {
    const { body } = await query(
      `{ emotions(tier: SECONDARY, valence: POSITIVE, search: "CONT") { totalCount edges { node { label tier valence } } } }`,
    );
    expect(body.data.emotions.edges.map((e: any) => e.node.label)).toEqual(['contentment']);
  });

  it('rejects a bad cursor and an oversized page', async () => {
    const cursor = await query(`{ emotions(after: "bogus") { totalCount } }`);
    expect(cursor.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const big = await query(`{ emotions(first: 501) { totalCount } }`);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('lists roots, mappings per scheme, stats and version', async () => {
    const { body } = await query(
      `{ roots { label } mappings(scheme: "plutchik") { notation emotion { label } } stats { emotions tiers { primary secondary tertiary } triples } version { version contentHash } }`,
    );
    expect(body.data.roots.map((r: any) => r.label)).toEqual(['anger', 'fear', 'joy', 'love', 'sadness', 'surprise']);
    expect(body.data.mappings.find((m: any) => m.notation === 'fear').emotion.label).toBe('fear');
    expect(body.data.stats).toMatchObject({ emotions: 166, tiers: { primary: 6, secondary: 25, tertiary: 135 } });
    expect(body.data.version).toEqual({ version: 7, contentHash: kb.contentHash });
  });
});

describe('service endpoints', () => {
  it('reports health, and readiness only once a snapshot is loaded', async () => {
    expect((await yoga.fetch('http://emokb.test/health')).status).toBe(200);
    expect((await yoga.fetch('http://emokb.test/ready')).status).toBe(200);
    const loading = createEmokbYoga({ snapshot: () => undefined });
    expect((await loading.fetch('http://emokb.test/health')).status).toBe(200);
    expect((await loading.fetch('http://emokb.test/ready')).status).toBe(503);
    const early = await query('{ stats { emotions } }', undefined, loading);
    expect(early.status).toBe(503);
    expect(early.body.errors[0].extensions.code).toBe('NOT_READY');
  });

  it('serves GraphiQL without any CDN', async () => {
    const response = await yoga.fetch('http://emokb.test/graphql', { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs/);
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
  });

  it('rejects a syntactically invalid query and an unknown field', async () => {
    const syntax = await query('{ emotion(label: "fury" { id } }');
    expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);
    const unknown = await query('{ emotion(label: "fury") { nonsense } }');
    expect(unknown.body.errors[0].message).toMatch(/Cannot query field "nonsense"/);
  });
});
