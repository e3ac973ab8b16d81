// GraphQL conventions on the real server: ETag and Cache-Control on GET queries (304 on
// If-None-Match), complete PageInfo, the Node interface with node(id:), classify in another
// scheme, and every GraphQL example of the README and of schema.graphql run as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { graphql, startServer, type ServerHandle } from '../helpers/server.js';

let server: ServerHandle;
let dir: string;
beforeAll(async () => {
  dir = join(await tempDir(), 'data');
  server = await startServer(dir);
});
afterAll(async () => {
  expect(await server.stop('SIGTERM')).toBe(0);
});

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json', ...headers } });

describe('HTTP caching of GET queries', () => {
  it('answers with an ETag and Cache-Control, 304 on If-None-Match, and a new ETag once the knowledge changes', async () => {
    const first = await get('{ version { version } emotion(label: "irritation") { id } }');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    // change id, triple count, the store's set hash; then the schema's hash
    expect(etag).toMatch(/^"\d+-\d+-[0-9a-f]{16}\.[0-9a-f]{12}"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect(first.headers.get('vary')).toMatch(/Accept/);
    const again = await get('{ version { version } emotion(label: "irritation") { id } }', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get('{ roots { id } }', { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await get('{ roots { id } }', { 'if-none-match': '"stale"' })).status).toBe(200);
    // POST is not cached.
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': etag },
      body: JSON.stringify({ query: '{ roots { id } }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('etag')).toBeNull();
    // An edit makes a new snapshot: the old ETag no longer matches.
    const edit = await runCli(['--data', dir, 'term', 'add', 'grumbly', '--emotion', 'grouchiness', '--weight', '0.6', '--author', 'test']);
    expect(edit.code, edit.stderr).toBe(0);
    const after = await get('{ version { version } emotion(label: "irritation") { id } }', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

describe('Relay conventions', () => {
  it('PageInfo has hasPreviousPage and startCursor', async () => {
    const one = await graphql(
      server.url,
      '{ emotions(tier: SECONDARY, first: 2) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
    );
    const page = one.body.data.emotions;
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[1].cursor);
    const two = await graphql(
      server.url,
      `{ emotions(tier: SECONDARY, first: 2, after: "${page.pageInfo.endCursor}") { pageInfo { hasPreviousPage startCursor } } }`,
    );
    expect(two.body.data.emotions.pageInfo.hasPreviousPage).toBe(true);
    const empty = await graphql(
      server.url,
      '{ emotions(search: "zzzz") { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
    );
    expect(empty.body.data.emotions.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('node(id:) finds an emotion, a term and a sense by their ids; Term and Sense have an id', async () => {
    const terms = await graphql(
      server.url,
      '{ emotion(id: "rage-secondary") { terms(first: 1) { edges { node { id iri senses { id iri } } } } } }',
    );
    const term = terms.body.data.emotion.terms.edges[0].node;
    expect(term.id).toBe(term.iri);
    expect(term.senses[0].id).toBe(term.senses[0].iri);
    const q = `query($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
      a: node(id: $a) { __typename id ... on Emotion { label } }
      b: node(id: $b) { __typename id ... on Term { lemma } }
      c: node(id: $c) { __typename id ... on Sense { emotion { id } } }
      d: node(id: $d) { id } }`;
    const r = await graphql(server.url, q, { a: 'rage-secondary', b: term.id, c: term.senses[0].id, d: 'rage' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.a).toEqual({ __typename: 'Emotion', id: 'rage-secondary', label: 'rage' });
    expect(r.body.data.b).toMatchObject({ __typename: 'Term', id: term.id });
    expect(r.body.data.c.__typename).toBe('Sense');
    expect(r.body.data.d).toBeNull(); // a label is not an id
  });

  it('the emotion field does what its description says: "sadness" is the broadest namesake', async () => {
    const schema = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
    expect(schema).toContain('means the broadest of them (`sadness-primary`)');
    const r = await graphql(server.url, '{ emotion(label: "sadness") { id } tertiary: emotion(label: "sadness", tier: TERTIARY) { id } }');
    expect(r.body.data).toEqual({ emotion: { id: 'sadness-primary' }, tertiary: { id: 'sadness-tertiary' } });
  });

  it('classify answers in a scheme too, each label with its IRI and the relations that carried it', async () => {
    const r = await graphql(
      server.url,
      '{ classify(text: "I am furious and disgusted", options: {scheme: EKMAN}) { dominant { primary } inScheme { scheme dominant unmapped scores { label iri score relations } } } }',
    );
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.classify;
    expect(c.dominant.primary).toBe('anger');
    expect(c.inScheme).toMatchObject({ scheme: 'ekman', dominant: 'disgust', unmapped: 0 });
    expect(c.inScheme.scores.map((s: any) => [s.label, s.iri, s.relations])).toEqual([
      ['disgust', 'https://w3id.org/emokb/scheme/ekman/disgust', ['closeMatch']],
      ['anger', 'https://w3id.org/emokb/scheme/ekman/anger', ['narrowMatch']],
    ]);
    const batch = await graphql(
      server.url,
      '{ classifyBatch(texts: ["I love you", "so scared"], options: {scheme: PLUTCHIK}) { id inScheme { dominant unmapped } } }',
    );
    expect(batch.body.data.classifyBatch).toEqual([
      { id: '0', inScheme: { dominant: null, unmapped: 1 } },
      { id: '1', inScheme: { dominant: 'fear', unmapped: 0 } },
    ]);
    const none = await graphql(server.url, '{ classify(text: "so scared") { inScheme { dominant } } }');
    expect(none.body.data.classify.inScheme).toBeNull();
  });
});

/** The operations of a ```graphql block: top-level documents split where their braces balance. */
function operations(block: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const line of block.split('\n')) {
    if (!line.trim() && depth === 0) continue;
    current += `${line}\n`;
    for (const ch of line.replace(/"(?:\\.|[^"\\])*"/g, '')) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    if (depth === 0 && current.trim()) {
      out.push(current.trim());
      current = '';
    }
  }
  return out;
}

function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => operations(m[1]!));
}

/** Examples in schema.graphql's descriptions: "Example: `{ ... }`". */
function schemaExamples(): string[] {
  const schema = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
  return [...schema.matchAll(/Example: `([^`]+)`/g)].map((m) => m[1]!);
}

describe('documented examples', () => {
  it('finds the examples (README and schema.graphql)', () => {
    expect(readmeExamples().length).toBeGreaterThanOrEqual(8);
    expect(schemaExamples().length).toBeGreaterThanOrEqual(3);
  });

  it('every README and schema.graphql example runs on the real server as written', async () => {
    for (const example of [...readmeExamples(), ...schemaExamples()]) {
      const r = await graphql(server.url, example);
      const codes = (r.body.errors ?? []).map((e: any) => e.extensions?.code);
      // A mutation needs the server's token: it must get as far as asking for it.
      if (/^\s*mutation\b/.test(example)) expect(codes, example).toEqual(['UNAUTHENTICATED']);
      else expect(r.body.errors, example).toBeUndefined();
    }
  });
});
