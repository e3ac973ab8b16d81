// The real `emokb serve` on a random loopback port, on a hierarchy-only store (seeded directly, so
// the test does not pay for seeding the full lexicon): bad input of every kind gets a clear error
// while good queries keep being answered, request ids reach the log, /metrics answers, and SIGTERM
// lets an in-flight request finish while refusing new ones.
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataDir } from '../edit/helpers.js';
import { tempDir } from '../helpers/cli.js';
import { graphql, startServer, type ServerHandle } from '../helpers/server.js';

let server: ServerHandle;

beforeAll(async () => {
  const dir = join(await tempDir('emokb-hardening-'), 'data');
  await seedDataDir(dir);
  server = await startServer(dir);
}, 60_000);

afterAll(async () => {
  if (server) await server.stop('SIGKILL');
});

/** POST a raw body with node:http, reading the answer even when the server stops reading the body. */
function rawPost(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', (error) => reject(error));
    req.end(body);
  });
}

describe('bad input against the running server', () => {
  it('answers each kind of bad input with a clear error while good queries keep succeeding', async () => {
    let stop = false;
    let good = 0;
    const failures: string[] = [];
    const load = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const { status, body } = await graphql(server.url, '{ emotion(label: "irritation") { path { label } children { label } } }');
        if (status !== 200 || body.data?.emotion?.children?.length !== 6) failures.push(JSON.stringify(body));
        good++;
      }
    });
    try {
      const malformed = await rawPost(server.url, '{"query": "{ stats { emotions } }"');
      expect(malformed.status).toBe(400);
      expect(malformed.text).toContain('POST body sent invalid JSON');

      const syntax = await graphql(server.url, '{ emotion(label: "fury" { id } }');
      expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);

      const unknown = await graphql(server.url, '{ emotion(label: "fury") { colour } }');
      expect(unknown.body.errors[0].message).toMatch(/Cannot query field "colour" on type "Emotion"/);

      const variable = await graphql(server.url, 'query($n: Int) { emotions(first: $n) { totalCount } }', { n: 'many' });
      expect(variable.body.errors[0].message).toMatch(/Variable "\$n" got invalid value "many"/);

      const huge = await rawPost(server.url, Buffer.alloc(10 * 1024 * 1024, 'x')).catch((e: Error) => ({ status: -1, text: e.message }));
      expect(huge.status, huge.text).toBe(413);
      expect(JSON.parse(huge.text).errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxBodyBytes' });

      const deep = await graphql(server.url, `{ emotion(id: "fury") { ${'parent { '.repeat(50)}id${' }'.repeat(50)} } }`);
      expect(deep.status).toBe(400);
      expect(deep.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxDepth' });

      const aliases = await graphql(server.url, `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: version { version }`).join(' ')} }`);
      // The token limit trips while parsing, so the answer has the status of a syntax error.
      expect(aliases.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
      expect(['maxTokens', 'maxAliases']).toContain(aliases.body.errors[0].extensions.limit);
    } finally {
      stop = true;
      await Promise.all(load);
    }
    expect(failures).toEqual([]);
    expect(good).toBeGreaterThan(4);
    const after = await graphql(server.url, '{ stats { emotions } }');
    expect(after.body.data.stats.emotions).toBe(166);
  }, 60_000);

  it('returns the request id and logs it; serves /metrics', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'e2e-trace-7' },
      body: JSON.stringify({ query: '{ version { version } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('e2e-trace-7');
    await response.json();
    const deadline = Date.now() + 5000;
    while (!server.logs.some((l) => l.includes('"requestId":"e2e-trace-7"')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const line = JSON.parse(server.logs.find((l) => l.includes('"requestId":"e2e-trace-7"'))!);
    expect(line).toMatchObject({ msg: 'request', status: 200, path: '/graphql', method: 'POST' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/emokb_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/);
    expect(metrics).toMatch(/emokb_snapshot_version 1/);
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new ones, then exits 0', async () => {
    const body = JSON.stringify({ query: '{ stats { emotions } }' });
    const half = Math.floor(body.length / 2);
    // An in-flight request: headers and half the body sent, the rest after SIGTERM.
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(async () => {
          // New connections are refused while the request is still in flight.
          const refused = await fetch(`${server.url}/health`).then(
            (r) => `status ${r.status}`,
            (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
          );
          expect(refused).toBe('ECONNREFUSED');
          req.end(body.slice(half));
        }, 500);
      }, 200);
    });
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.stats.emotions).toBe(166);
    expect(await exited).toBe(0);
  }, 30_000);
});
