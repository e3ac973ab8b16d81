// Automatic persisted queries through yoga.fetch (the real application, no socket): the protocol a
// client such as Apollo Client or urql speaks, and the bound on what the server keeps.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmokbYoga, type EmokbYoga } from '../../src/graphql/yoga.js';
import { boundedQueryStore } from '../../src/graphql/plugins/usePersistedQueries.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { readSeed } from '../../src/kb/seed.js';

let yoga: EmokbYoga;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(body: Record<string, unknown>) {
  const response = await yoga.fetch('http://emokb.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as any;
}

beforeAll(async () => {
  const kb = KnowledgeBase.fromQuads(await readSeed(), 7);
  yoga = createEmokbYoga({ snapshot: () => kb, metrics: false, accessLog: false });
});

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, stores the query sent with it, then runs it from the hash alone (POST and GET)', async () => {
    const query = '{ emotion(label: "rage") { id path { label } } }';
    const hash = sha256(query);
    const unknown = await post({ extensions: persisted(hash) });
    expect(unknown.errors[0].message).toBe('PersistedQueryNotFound');
    expect(unknown.data).toBeUndefined();

    const first = await post({ query, extensions: persisted(hash) });
    expect(first.errors).toBeUndefined();
    const byHash = await post({ extensions: persisted(hash) });
    expect(byHash).toEqual(first);
    expect(byHash.data.emotion.path.map((e: { label: string }) => e.label)).toContain('anger');

    const url = `http://emokb.test/graphql?extensions=${encodeURIComponent(JSON.stringify(persisted(hash)))}`;
    const get = await yoga.fetch(url, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual(first);
  });

  it('refuses a query whose hash does not match it, and stores nothing under that hash', async () => {
    const hash = sha256('{ roots { id } }');
    const mismatched = await post({ query: '{ stats { emotions } }', extensions: persisted(hash) });
    expect(mismatched.errors[0].message).toBe('PersistedQueryMismatch');
    expect((await post({ extensions: persisted(hash) })).errors[0].message).toBe('PersistedQueryNotFound');
  });

  it('keeps the query limits for a query that comes by hash', async () => {
    const deep = `{ emotion(label: "anger") { ${'children { '.repeat(40)}id${' }'.repeat(40)} } }`;
    const answer = await post({ query: deep, extensions: persisted(sha256(deep)) });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
  });
});

describe('the persisted-query store', () => {
  it('holds at most its budget of query text, dropping the least recently used first', () => {
    const store = boundedQueryStore(100);
    store.set('a', 'x'.repeat(40));
    store.set('b', 'y'.repeat(40));
    expect(store.get('a')).toBe('x'.repeat(40)); // a is now the most recent
    store.set('c', 'z'.repeat(40));
    expect(store.held()).toBeLessThanOrEqual(100);
    expect(store.get('b')).toBeNull();
    expect(store.get('a')).not.toBeNull();
    expect(store.get('c')).not.toBeNull();
    store.set('huge', 'q'.repeat(101));
    expect(store.get('huge')).toBeNull();
    expect(store.size()).toBe(2);
  });
});
