// The complete read side through yoga.fetch (no socket) on the shipped knowledge base: every field
// described in the schema, terms, look-ups, every error code, masking with the logged request id,
// batching of fan-out fields, metrics and CORS.
import { buildSchema, getIntrospectionQuery, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Plugin } from 'graphql-yoga';
import type { SnapshotLoaders } from '../../src/graphql/loaders.js';
import { loadGraphQLJit } from '../../src/graphql/plugins/useCompiledExecution.js';
import { createEmokbYoga, type EmokbYoga, type EmokbYogaOptions } from '../../src/graphql/yoga.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { readSeed } from '../../src/kb/seed.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import { SCHEMA_PATH } from '../../src/paths.js';

let kb: KnowledgeBase;
let yoga: EmokbYoga;

async function query(source: string, variables?: Record<string, unknown>, app = yoga, headers: Record<string, string> = {}) {
  const response = await app.fetch('http://emokb.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: source, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

// Every query here runs compiled from its first execution (production compiles from the second),
// so these tests check graphql-jit's answers; 'compiled execution' below compares the two executors.
function app(options: Partial<EmokbYogaOptions> = {}) {
  return createEmokbYoga({ snapshot: () => kb, compileAfter: 1, ...options });
}

beforeAll(async () => {
  await loadGraphQLJit();
  kb = KnowledgeBase.fromQuads(await readSeed(), 3);
  yoga = app();
});

describe('schema', () => {
  it('describes every type, field, argument-bearing input field and enum value it defines', () => {
    const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type) && type.name !== 'Tier' && type.name !== 'Valence' && type.name !== 'PartOfSpeech') {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('terms', () => {
  it('pages through the terms of an emotion with their forms, senses, status and provenance', async () => {
    const { body } = await query(`{ emotion(label: "irritation") { terms(first: 2) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { iri lemma language partOfSpeech status forms { text language canonical }
        senses { iri emotion { id } weight kind status provenance { method source evidence author time score } }
        provenance { method author time } } } } } }`);
    expect(body.errors).toBeUndefined();
    const terms = body.data.emotion.terms;
    expect(terms.totalCount).toBeGreaterThan(10);
    expect(terms.edges).toHaveLength(2);
    const term = terms.edges[0].node;
    expect(term).toMatchObject({ language: 'en', status: 'ACCEPTED' });
    expect(term.forms[0]).toMatchObject({ text: term.lemma, canonical: true });
    expect(term.senses.some((s: any) => s.emotion.id === 'irritation-secondary')).toBe(true);
    expect(term.senses[0].provenance.method).toBeTruthy();
    expect(term.provenance.method).toBeTruthy();

    const next = await query(
      `query($after: String) { emotion(label: "irritation") { terms(first: 2, after: $after) { edges { node { lemma } } } } }`,
      {
        after: terms.pageInfo.endCursor,
      },
    );
    const lemmas = next.body.data.emotion.terms.edges.map((e: any) => e.node.lemma);
    expect(lemmas).toHaveLength(2);
    expect(lemmas).not.toContain(term.lemma);
  });

  it('filters by status (null: every status) and answers term(iri)', async () => {
    const { body } =
      await query(`{ emotion(label: "irritation") { accepted: terms(first: 0) { totalCount } all: terms(first: 0, status: null) { totalCount }
      rejected: terms(first: 0, status: REJECTED) { totalCount } } }`);
    const e = body.data.emotion;
    expect(e.all.totalCount).toBeGreaterThanOrEqual(e.accepted.totalCount + e.rejected.totalCount);
    const first = await query(`{ emotion(label: "irritation") { terms(first: 1) { edges { node { iri lemma } } } } }`);
    const { iri, lemma } = first.body.data.emotion.terms.edges[0].node;
    const byIri = await query(`query($iri: ID!) { term(iri: $iri) { lemma } none: term(iri: "https://example.org/nothing") { lemma } }`, {
      iri,
    });
    expect(byIri.body.data).toEqual({ term: { lemma }, none: null });
  });

  it('rejects a bad term cursor and page size naming the argument', async () => {
    const bad = await query(`{ emotion(label: "irritation") { terms(after: "bogus") { totalCount } } }`);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const big = await query(`{ emotion(label: "irritation") { terms(first: 501) { totalCount } } }`);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

describe('lookup', () => {
  it('finds an inflected word with its lemma, senses, paths and why', async () => {
    const { body } = await query(`{ lookup(text: "angrier") { text key whole
      matches { text start end via lemma source term { lemma } why senses { emotion { id } path { label } weight kind why } }
      emotions { emotion { id } path { label } weight kind matches } } }`);
    expect(body.errors).toBeUndefined();
    const l = body.data.lookup;
    expect(l).toMatchObject({ text: 'angrier', key: 'angrier', whole: true });
    const m = l.matches[0];
    expect(m).toMatchObject({ text: 'angrier', start: 0, end: 7, lemma: 'angry', source: 'LEXICON', term: { lemma: 'angry' } });
    expect(m.why).toContain('"angry"');
    expect(m.senses[0].path.map((p: any) => p.label)[0]).toBe('anger');
    expect(m.senses[0].why).toMatch(/names|evokes/);
    expect(l.emotions[0].matches).toEqual(['angrier']);
  });

  it('finds multiword expressions and the parts of a phrase, and emotion labels', async () => {
    const phrase = await query(`{ lookup(text: "fed up and seething") { whole matches { text lemma } emotions { emotion { label } } } }`);
    expect(phrase.body.data.lookup.whole).toBe(false);
    expect(phrase.body.data.lookup.matches.map((m: any) => m.text)).toEqual(['fed up', 'seething']);
    const label = await query(`{ lookup(text: "Melancholy") { whole matches { via } emotions { emotion { id } } } }`);
    expect(label.body.data.lookup.whole).toBe(true);
    expect(label.body.data.lookup.emotions.map((e: any) => e.emotion.id)).toContain('melancholy');
    const nothing = await query(`{ lookup(text: "table") { whole matches { text } emotions { weight } } }`);
    expect(nothing.body.data.lookup).toEqual({ whole: false, matches: [], emotions: [] });
  });

  it('refuses a text longer than a phrase, naming the argument', async () => {
    const { body } = await query(`query($t: String!) { lookup(text: $t) { whole } }`, { t: 'x'.repeat(1001) });
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });
});

describe('other queries', () => {
  it('answers mappings, stats, version, classify and classifyBatch on the shipped knowledge base', async () => {
    const { body } =
      await query(`{ mappings(scheme: "ekman") { notation relation emotion { id } } stats { emotions terms senses mappings relations { opposites } }
      version { version contentHash } classify(text: "I am furious and so angry") { dominant { primary } matches { lemma } }
      classifyBatch(texts: ["what a joy", "so sad"]) { id dominant { primary } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.mappings.length).toBeGreaterThanOrEqual(6);
    expect(body.data.stats.terms).toBeGreaterThan(1000);
    expect(body.data.version).toEqual({ version: 3, contentHash: kb.contentHash });
    expect(body.data.classify.dominant.primary).toBe('anger');
    expect(body.data.classifyBatch.map((r: any) => [r.id, r.dominant.primary])).toEqual([
      ['0', 'joy'],
      ['1', 'sadness'],
    ]);
  });

  it('has the tagger build matches only when the query selects them (directly or in a fragment)', async () => {
    const tag = vi.spyOn(Tagger.prototype, 'tag');
    try {
      const text = 'I am furious and so angry';
      const asked = async (selection: string, fragments = '') => {
        tag.mockClear();
        const { body } = await query(`query($t: String!) { classify(text: $t) { ${selection} } } ${fragments}`, { t: text });
        expect(body.errors).toBeUndefined();
        return { data: body.data.classify, built: (tag.mock.calls[0]![1] as { matches: boolean }).matches };
      };
      const direct = await asked('dominant { primary } matches { lemma node { id } }');
      expect(direct.built).toBe(true);
      expect(direct.data.matches.map((m: any) => m.lemma)).toEqual(['furious', 'angry']);
      expect(await asked('... on TagResult { matches { lemma node { id } } } dominant { primary }')).toEqual(direct);
      expect(await asked('...M dominant { primary }', 'fragment M on TagResult { matches { lemma node { id } } }')).toEqual(direct);
      const none = await asked('dominant { primary } scores { primary { label score emotion { id } } }');
      expect(none.built).toBe(false);
      expect(none.data.dominant).toEqual(direct.data.dominant);
      const off = await asked('matches { lemma }');
      expect(off.data.matches).toHaveLength(2);
      const { body } = await query('{ classify(text: "so angry", options: { matches: false }) { matches { lemma } } }');
      expect(body.data.classify.matches).toBeNull();
    } finally {
      tag.mockRestore();
    }
  });
});

describe('errors', () => {
  it('masks an unexpected error with the request id that the log line carries', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const broken = new Proxy(kb, {
      get(target, property) {
        if (property === 'counts') throw new Error('disk on fire at /var/secret');
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing = createEmokbYoga({ snapshot: () => broken, logger });
    const { body, headers } = await query('{ stats { emotions } }', undefined, failing, { 'x-request-id': 'trace-42' });
    expect(headers.get('x-request-id')).toBe('trace-42');
    expect(body.data).toBeNull();
    expect(body.errors[0].message).not.toContain('disk');
    expect(body.errors[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-42' });
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.level === 50);
    expect(logged).toMatchObject({ requestId: 'trace-42', path: 'stats' });
    expect(logged.err.message).toContain('disk on fire');
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request')).toMatchObject({
      requestId: 'trace-42',
      status: 200,
      path: '/graphql',
    });
  });

  it('makes a request id when none or a malformed one is given', async () => {
    const fresh = await query('{ version { version } }', undefined, yoga, { 'x-request-id': 'bad id\twith spaces' });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps NOT_FOUND, BAD_USER_INPUT and AMBIGUOUS_LABEL codes with their details', async () => {
    const { body } = await query(
      `{ a: emotion(label: "furry") { id } b: emotion(id: "x", label: "y") { id } c: emotion(label: "irritation") { id } }`,
    );
    const byPath = Object.fromEntries(body.errors.map((e: any) => [e.path[0], e.extensions]));
    expect(byPath.a).toMatchObject({ code: 'NOT_FOUND' });
    expect(byPath.b).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'label' });
    expect(body.data.c.id).toBe('irritation-secondary');
  });
});

describe('limits', () => {
  const nested = (field: string, depth: number) => `{ emotion(id: "fury") { ${`${field} { `.repeat(depth)}id${' }'.repeat(depth)} } }`;

  it('refuses a query nested too deep', async () => {
    const { status, body } = await query(nested('parent', 50));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxDepth', max: 12 });
    expect(body.errors[0].extensions.actual).toBeGreaterThan(50);
    expect(body.errors[0].message).toMatch(/query depth \d+ exceeds the limit of 12 \(maxDepth: --max-depth or EMOKB_MAX_DEPTH\)/);
  });

  it('refuses fan-out that the depth limit allows (siblings of siblings) by its estimated size', async () => {
    const { status, body } = await query(nested('siblings', 8));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxFields', max: 100000 });
    expect(body.errors[0].extensions.actual).toBeGreaterThan(100000);
  });

  it('counts page sizes given as variables at their values, not their defaults', async () => {
    const source =
      'query($a: Int, $b: Int) { emotions(first: $a) { edges { node { terms(first: $b) { edges { node { lemma senses { weight } } } } } } } }';
    const big = await query(source, { a: 500, b: 500 });
    expect(big.status, JSON.stringify(big.body).slice(0, 400)).toBe(400);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxFields', max: 100000 });
    expect(big.body.errors[0].extensions.actual).toBeGreaterThan(100000);
    const small = await query(source, { a: 2, b: 2 });
    expect(small.status, JSON.stringify(small.body.errors)).toBe(200);
    expect(small.body.data.emotions.edges).toHaveLength(2);
    // A variable's declared default counts when it is not sent.
    const defaulted = await query(source.replace('$a: Int, $b: Int', '$a: Int = 500, $b: Int = 500'));
    expect(defaulted.status).toBe(400);
    expect(defaulted.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxFields' });
  });

  // The estimate with variables is kept per operation only when no variable's value can change it
  // (useResultSizeLimit): an operation answered once must still be refused when its values grow.
  it('estimates every request with its own variables, after the same operation was answered with small ones', async () => {
    const pages =
      'query($a: Int, $b: Int) { emotions(first: $a) { edges { node { terms(first: $b) { edges { node { lemma senses { weight } } } } } } } }';
    expect((await query(pages, { a: 2, b: 2 })).status).toBe(200);
    const big = await query(pages, { a: 500, b: 500 });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxFields' });
    // A text's matches are counted from its words: a short text first, then one with many.
    const limited = app({ limits: { maxFields: 100 } });
    const classify = 'query($t: String!) { classify(text: $t) { matches { text } } }';
    expect((await query(classify, { t: 'so sad' }, limited)).status).toBe(200);
    const many = await query(classify, { t: 'sad '.repeat(200) }, limited);
    expect(many.status).toBe(400);
    expect(many.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxFields', max: 100 });
    // Asking for scores only, the size is the same whatever the text: answered either way.
    const scores = 'query($t: String!) { classify(text: $t) { scores { primary { label score } } } }';
    expect((await query(scores, { t: 'so sad' }, limited)).status).toBe(200);
    expect((await query(scores, { t: 'sad '.repeat(200) }, limited)).status).toBe(200);
  });

  it('refuses a query over the cost limit', async () => {
    const { body } = await query('{ emotions(first: 100000) { totalCount } }');
    expect(body.errors.map((e: any) => e.extensions.limit)).toContain('maxCost');
  });

  it('refuses too many aliases, tokens and directives', async () => {
    const aliases = await query(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: version { version }`).join(' ')} }`);
    expect(aliases.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxAliases', max: 30, actual: 31 });
    const small = app({ limits: { maxTokens: 20 } });
    const tokens = await query(`{ ${'version { version } '.repeat(10)} }`, undefined, small);
    expect(tokens.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxTokens', max: 20 });
    const directives = await query(`{ version { version ${'@include(if: true) '.repeat(21)} } }`);
    expect(directives.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxDirectives', max: 20 });
  });

  it('refuses a body over the limit with 413 before reading it, declared or chunked', async () => {
    const small = app({ limits: { maxBodyBytes: 1000 } });
    const big = JSON.stringify({ query: '{ lookup(text: $t) { whole } }', variables: { t: 'x'.repeat(2000) } });
    const declared = await small.fetch('http://emokb.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as any).errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxBodyBytes',
      max: 1000,
      actual: big.length,
    });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 600, (i + 1) * 600)));
        controller.close();
      },
    });
    const chunked = await small.fetch(
      new Request('http://emokb.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    const fine = await small.fetch(
      new Request('http://emokb.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"query":"{ version { version } }"}')), c.close()) }),
        duplex: 'half',
      } as RequestInit),
    );
    expect(((await fine.json()) as any).data.version.version).toBe(3);
  });

  it("refuses a Content-Length that is not one integer (the body limit is this plugin alone, not yoga's)", async () => {
    for (const length of ['abc', '10, 10', '-1']) {
      const response = await yoga.fetch('http://emokb.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': length },
        body: '{"query":"{ version { version } }"}',
      });
      expect(response.status, length).toBe(400);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  // Changed with the settings table: the classify limits are given to the app (no longer read from
  // process.env per request) and refused like every other limit: LIMIT_EXCEEDED, HTTP 400, no data.
  it('refuses texts over the classify limits as LIMIT_EXCEEDED naming the argument, with HTTP 400 and no data', async () => {
    const app = createEmokbYoga({ snapshot: () => kb, limits: { maxText: 50, maxBatch: 2 } });
    const text = await query(`query($t: String!) { classify(text: $t) { id } }`, { t: 'y'.repeat(51) }, app);
    expect(text.status).toBe(400);
    expect(text.body.data).toBeUndefined();
    expect(text.body.errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      argument: 'text',
      limit: 'maxText',
      max: 50,
      actual: 51,
    });
    const batch = await query(`{ classifyBatch(texts: ["a", "b", "c"]) { id } }`, undefined, app);
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      argument: 'texts',
      limit: 'maxBatch',
      max: 2,
      actual: 3,
    });
  });
});

describe('batching', () => {
  it('reads parents, children and terms of 100 emotions in a bounded number of batched snapshot reads', async () => {
    const reads: SnapshotLoaders['reads'][] = [];
    const counting = app({
      plugins: [
        {
          onExecute: ({ args }) => ({
            onExecuteDone: () => void reads.push((args.contextValue as unknown as { loaders: SnapshotLoaders }).loaders.reads),
          }),
        },
      ],
    });
    const { body } = await query(
      `{ emotions(first: 100, after: null) { edges { node { label parent { label parent { label } } children { label } terms(first: 3) { totalCount edges { node { lemma } } } } } } }`,
      undefined,
      counting,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.emotions.edges).toHaveLength(100);
    const [r] = reads;
    // One batch per loader and level (parent, parent of parent, children, terms), each emotion read once.
    expect(r!.batches).toBeLessThanOrEqual(4);
    expect(r!.keys).toBeLessThanOrEqual(100 + 100 + 100 + 31);
    // A single emotion outside any list reads the snapshot directly: no batching, no promise.
    await query(
      `{ emotion(label: "irritation") { parent { label } children { label } terms(first: 2) { totalCount } } }`,
      undefined,
      counting,
    );
    expect(reads[1]).toEqual({ batches: 0, keys: 0, direct: 3 });
  });
});

describe('metrics and CORS', () => {
  it('serves Prometheus metrics: requests, latency, errors by code, snapshot version', async () => {
    const metered = app();
    await query('{ version { version } }', undefined, metered);
    await query('{ emotion(label: "furry") { id } }', undefined, metered);
    const response = await metered.fetch('http://emokb.test/metrics');
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/emokb_http_requests_total\{route="\/graphql",method="POST",status="200"\} 2/);
    expect(text).toMatch(/emokb_http_request_duration_seconds_count\{route="\/graphql"\} 2/);
    expect(text).toMatch(/emokb_graphql_errors_total\{code="NOT_FOUND"\} 1/);
    expect(text).toMatch(/emokb_snapshot_version 3/);
    expect(text).toMatch(/emokb_process_resident_memory_bytes/);
  });

  it('sends no CORS headers by default, and allows the configured origins', async () => {
    const preflight = (a: EmokbYoga, origin: string) =>
      a.fetch('http://emokb.test/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const closed = await preflight(yoga, 'https://app.example');
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = app({ corsOrigins: ['https://app.example'] });
    expect((await preflight(open, 'https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect((await preflight(open, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('compiled execution', () => {
  const EMOTION_FIELDS = `id iri label tier valence definition parent { label } children { label } ancestors { label } descendants { label }
    siblings { label } path { label } mappings { scheme notation relation }
    opposites { emotion { label } evidence { relation status methods score } } components { emotion { label } }
    blends { blend { label } components { label } } transitionsOut { to { label } trigger { label } method } transitionsIn { from { label } }`;
  const QUERIES: Array<[string, Record<string, unknown>?]> = [
    ['{ emotion(label: "irritation") { path { label } children { label } terms(first: 10) { edges { node { lemma } } } } }'],
    [`{ emotion(label: "joy") { ${EMOTION_FIELDS} } }`],
    [`query($id: ID) { emotion(id: $id) { ${EMOTION_FIELDS} } }`, { id: 'rage' }],
    [
      '{ emotion(label: "irritation") { terms(first: 5, status: ACCEPTED) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { iri lemma language partOfSpeech status forms { text canonical } senses { weight kind status emotion { label } provenance { method source author time score evidence } } provenance { method } } } } } }',
    ],
    [
      'query($n: Int, $after: String) { emotions(tier: SECONDARY, first: $n, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { label parent { label } terms(first: 3) { edges { node { lemma } } } } } } }',
      { n: 7 },
    ],
    ['{ lookup(text: "angrier") { whole matches { text via lemma why senses { emotion { id } path { label } weight kind } } } }'],
    ['{ lookup(text: "fed up and seething") { matches { text lemma } emotions { emotion { label } path { label } weight matches } } }'],
    [
      '{ mappings(scheme: "plutchik") { notation relation emotion { label } } stats { terms senses } version { version contentHash } roots { label } }',
    ],
    [
      'query($t: String!) { classify(text: $t) { dominant { primary secondary tertiary emotions { label } } scores { primary { label score } secondary { label score emotion { id } } } matches { text lemma negated intensity kind node { label } } } }',
      { t: "I'm not angry, just really disappointed. Still, what a relief!" },
    ],
    [
      'query($t: [String!]!) { classifyBatch(texts: $t, options: { perSentence: true }) { id dominant { primary } sentences { start end dominant { primary } } } }',
      { t: ['so happy', 'terrified and alone'] },
    ],
    [getIntrospectionQuery()],
    // errors: the answer must be the standard executor's, word for word, with status and locations
    ['{ emotion(label: "nonesuch") { label } }'],
    ['{ emotion(label: "irritation") { label terms(first: 1000) { totalCount } } }'],
    ['query($f: Int) { emotions(first: $f) { totalCount } }', { f: 'x' }],
    ['query($t: String!) { lookup(text: $t) { whole } }', {}],
    ['{ a: emotion(label: "joy") { label } b: emotion(label: "nonesuch") { label } }'],
  ];

  it('answers every query word for word as the standard executor does, errors included', async () => {
    const standard = app({ compileAfter: 0 });
    // The standard executor builds null-prototype objects, graphql-jit plain ones: which one answered.
    let ranCompiled = 0;
    const observe: Plugin = {
      onExecute: () => ({
        onExecuteDone: ({ result }) => {
          const data = (result as { data?: object | null }).data;
          if (data && Object.getPrototypeOf(data) === Object.prototype) ranCompiled++;
        },
      }),
    };
    const compiled = app({ compileAfter: 1, plugins: [observe] });
    const text = async (yogaApp: EmokbYoga, source: string, variables?: Record<string, unknown>) => {
      const response = await yogaApp.fetch('http://emokb.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: source, variables }),
      });
      return `${response.status} ${await response.text()}`;
    };
    for (const [source, variables] of QUERIES) {
      const expected = await text(standard, source, variables);
      expect(expected, source).not.toContain('INTERNAL_SERVER_ERROR');
      expect(await text(compiled, source, variables), source).toBe(expected);
      expect(await text(compiled, source, variables), source).toBe(expected);
    }
    expect(ranCompiled).toBe(2 * QUERIES.filter(([source]) => !/nonesuch|1000|\$f: Int|\$t: String!\) \{ lookup/.test(source)).length);
  });
});
