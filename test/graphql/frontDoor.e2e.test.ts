// The front door against the real `emokb serve` and CLI: ports and data directories (a port in
// use, a second server, an empty --data or EMOKB_DATA), and one shape and status for every limit,
// the 415 body, variables of the wrong type, and the answer-size limit on classifyBatch.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { startServer, type ServerHandle } from '../helpers/server.js';

let dir: string;
let server: ServerHandle;

beforeAll(async () => {
  dir = join(await tempDir(), 'd');
  server = await startServer(dir);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    })() as any,
  };
}

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Runs the CLI to its end, also reporting whether it ever said it was listening. */
async function serveOnce(args: string[], env: Record<string, string> = {}) {
  const result = await runCli(args, { env: { EMOKB_LOG_LEVEL: 'info', ...env } });
  return { ...result, listened: /"msg":"listening"/.test(result.stderr) };
}

describe('ports and data directories', () => {
  it('refuses a port in use with LISTEN_FAILED naming the port and host, exit 13, no stack, no store created', async () => {
    const port = new URL(server.url).port;
    const fresh = join(await tempDir(), 'never');
    const { code, stderr, listened } = await serveOnce(['--data', fresh, 'serve', '--port', port]);
    expect(code, stderr).toBe(13);
    expect(stderr).toContain(`emokb: error LISTEN_FAILED: port ${port} on 127.0.0.1 is in use`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(listened).toBe(false);
    expect(existsSync(fresh)).toBe(false);
  });

  it('refuses a second serve on the same data directory before it listens', async () => {
    const { code, stderr, listened } = await serveOnce(['--data', dir, 'serve', '--port', '0']);
    expect(code, stderr).toBe(7);
    expect(stderr).toContain('STORE_LOCKED');
    expect(listened).toBe(false);
    // the first server is untouched
    expect((await post(gql('{ stats { emotions } }'))).json.data.stats.emotions).toBe(166);
  });

  it('refuses an empty --data or EMOKB_DATA as BAD_INPUT, seeding nothing into the current directory', async () => {
    const flag = await runCli(['--data', '', 'stats']);
    expect(flag.code, flag.stderr).toBe(2);
    expect(flag.stderr).toContain('BAD_INPUT: --data: "" is empty');
    const variable = await runCli(['stats'], { env: { EMOKB_DATA: '' } });
    expect(variable.code, variable.stderr).toBe(2);
    expect(variable.stderr).toContain('BAD_INPUT: EMOKB_DATA: "" is empty');
    const served = await serveOnce(['serve', '--port', '0'], { EMOKB_DATA: '' });
    expect(served.code, served.stderr).toBe(2);
    expect(served.listened).toBe(false);
    expect(existsSync(join(ROOT, 'CURRENT'))).toBe(false);
    expect(existsSync(join(ROOT, 'LOCK'))).toBe(false);
  });

  it('refuses a bad EMOKB_LOCK_WAIT naming it, instead of waiting the default', async () => {
    const { code, stderr } = await runCli(['--data', join(await tempDir(), 'd'), 'history'], { env: { EMOKB_LOCK_WAIT: 'soon' } });
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('EMOKB_LOCK_WAIT: "soon"');
  });
});

describe('limits: one shape, one status', () => {
  const texts = (n: number, length: number) => Array.from({ length: n }, () => 'a'.repeat(length));
  const cases: Array<[string, string, string]> = [
    ['maxDepth', gql(`{ emotion(id: "fury") { ${'parent { '.repeat(20)}id${' }'.repeat(20)} } }`), '--max-depth or EMOKB_MAX_DEPTH'],
    ['maxCost', gql('{ emotions(first: 100000) { totalCount } }'), '--max-cost or EMOKB_MAX_COST'],
    ['maxFields', gql('{ roots { descendants { siblings { siblings { siblings { id } } } } } }'), '--max-fields or EMOKB_MAX_FIELDS'],
    [
      'maxAliases',
      gql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: version { version }`).join(' ')} }`),
      '--max-aliases or EMOKB_MAX_ALIASES',
    ],
    [
      'maxTokens',
      gql(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: version { version }`).join(' ')} }`),
      '--max-tokens or EMOKB_MAX_TOKENS',
    ],
    ['maxDirectives', gql(`{ version { version ${'@include(if: true) '.repeat(21)} } }`), '--max-directives or EMOKB_MAX_DIRECTIVES'],
    [
      'maxText',
      gql('query($t: String!) { classify(text: $t) { id } }', { t: 'a'.repeat(100_001) }),
      '--max-text or EMOKB_CLASSIFY_MAX_TEXT',
    ],
    [
      'maxBatch',
      gql('query($t: [String!]!) { classifyBatch(texts: $t) { id } }', { t: texts(101, 1) }),
      '--max-batch or EMOKB_CLASSIFY_MAX_BATCH',
    ],
    [
      'maxBatchChars',
      gql('query($t: [String!]!) { classifyBatch(texts: $t) { id } }', { t: texts(11, 100_000) }),
      '--max-batch-chars or EMOKB_CLASSIFY_MAX_BATCH_CHARS',
    ],
  ];

  for (const [limit, body, where] of cases) {
    it(`${limit}: LIMIT_EXCEEDED with limit, max and actual, HTTP 400 under either Accept, no data`, async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const { status, json } = await post(body, { accept });
        expect(status, `${accept}: ${JSON.stringify(json)}`).toBe(400);
        expect(json.data).toBeUndefined();
        const error = json.errors.find((e: any) => e.extensions.limit === limit);
        expect(error, JSON.stringify(json)).toBeDefined();
        for (const e of json.errors) {
          expect(e.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', max: expect.any(Number), actual: expect.any(Number) });
          expect(e.extensions.actual).toBeGreaterThan(e.extensions.max);
        }
        expect(error.message).toContain(where);
      }
    });
  }

  it('maxBodyBytes: the same shape with HTTP 413', async () => {
    const { status, json } = await post(gql('{ version { version } }') + ' '.repeat(3 * 1024 * 1024));
    expect(status).toBe(413);
    expect(json.errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxBodyBytes',
      max: 2 * 1024 * 1024,
      actual: expect.any(Number),
    });
    expect(json.errors[0].message).toContain('--max-body or EMOKB_MAX_BODY_BYTES');
  });

  it('refuses a 1 MB classifyBatch that asks for every match field by its answer size; a small one is answered', async () => {
    const words = 'I am so angry and furious, sad, happy, afraid! ';
    const batch = Array.from({ length: 100 }, () => words.repeat(Math.floor(9900 / words.length)));
    const fields = 'text start end lemma emotion emotionId path weight negated intensity kind via countedAs node { id tier }';
    const query = `query($t: [String!]!) { classifyBatch(texts: $t) { id matches { ${fields} } } }`;
    const big = await post(gql(query, { t: batch }));
    expect(big.status).toBe(400);
    expect(big.json.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxFields', max: 100000 });
    expect(big.text.length).toBeLessThan(2000);
    const small = await post(gql(query, { t: ['I am furious', 'so sad'] }));
    expect(small.status).toBe(200);
    expect(small.json.data.classifyBatch[0].matches[0]).toMatchObject({ text: 'furious', node: { id: 'anger-tertiary' } });
  });
});

describe('requests yoga refuses before our code', () => {
  it('answers an unsupported content type with 415 and a body that lists the accepted types', async () => {
    const { status, json } = await post('{ version { version } }', { 'content-type': 'text/plain' });
    expect(status).toBe(415);
    expect(json.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(json.errors[0].message).toContain('text/plain');
    expect(json.errors[0].extensions.accepted).toContain('application/json');
  });

  it('gives a variable of the wrong type BAD_USER_INPUT naming the variable', async () => {
    const { status, json } = await post(gql('query($n: Int) { emotions(first: $n) { totalCount } }', { n: 'many' }));
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/Variable "\$n" got invalid value "many"/);
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'n' });
  });
});
