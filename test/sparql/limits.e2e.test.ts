// The SPARQL limits stop a runaway query and an oversized result, on the server and in the CLI,
// with LIMIT_EXCEEDED naming the limit; the engine answers again afterwards.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';

const RUNAWAY = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
// About 40 kB of N-Triples: over a small limit, and quick, so the size limit is met before the time limit.
const HIERARCHY =
  'CONSTRUCT { ?e <http://www.w3.org/2004/02/skos/core#broader> ?p } WHERE { ?e <http://www.w3.org/2004/02/skos/core#broader> ?p }';

describe('SPARQL limits', () => {
  it('the server stops a runaway query at --sparql-timeout and refuses a result over --sparql-max-result, then answers again', async () => {
    const dir = join(await tempDir(), 'data');
    // Seeded first by the CLI (no deadline), so that the server's start is a restart: seeding while
    // other test files seed too can take longer than startServer waits.
    expect((await runCli(['--data', dir, 'stats'])).code).toBe(0);
    const server = await startServer(dir, ['--sparql-timeout', '1500', '--sparql-max-result', '5000']);
    try {
      const ask = () => fetch(`${server.url}/sparql?query=${encodeURIComponent('ASK { ?s ?p ?o }')}`).then((r) => r.json());
      expect(await ask()).toMatchObject({ boolean: true });
      const runaway = await fetch(`${server.url}/sparql?query=${encodeURIComponent(RUNAWAY)}`);
      expect(runaway.status).toBe(400);
      expect((await runaway.json()).errors[0]).toMatchObject({
        message: expect.stringContaining('--sparql-timeout or EMOKB_SPARQL_TIMEOUT_MS'),
        extensions: { code: 'LIMIT_EXCEEDED', limit: 'sparqlTimeoutMs', max: 1500 },
      });
      // The server stayed responsive and the engine came back.
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(await ask()).toMatchObject({ boolean: true });

      const big = await fetch(`${server.url}/sparql?query=${encodeURIComponent(HIERARCHY)}`, {
        headers: { accept: 'application/n-triples' },
      });
      expect(big.status).toBe(400);
      expect((await big.json()).errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'sparqlMaxResultBytes', max: 5000 });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);

  it('`emokb sparql` on the store applies the same limits (exit 12) and refuses updates (exit 14)', async () => {
    const dir = join(await tempDir(), 'data');
    const runaway = await runCli(['--data', dir, 'sparql', RUNAWAY], { env: { EMOKB_SPARQL_TIMEOUT_MS: '1000' } });
    expect(runaway.code, runaway.stderr).toBe(12);
    expect(runaway.stderr).toContain('LIMIT_EXCEEDED: the SPARQL query ran for more than 1000 ms');
    expect(runaway.stdout).toBe('');
    const big = await runCli(['--data', dir, 'sparql', HIERARCHY], { env: { EMOKB_SPARQL_MAX_RESULT_BYTES: '5000' } });
    expect(big.code, big.stderr).toBe(12);
    expect(big.stderr).toMatch(/LIMIT_EXCEEDED: the SPARQL result is \d+ bytes, over the limit of 5000/);
    const update = await runCli(['--data', dir, 'sparql', 'DELETE WHERE { ?s ?p ?o }']);
    expect(update.code).toBe(14);
    expect(update.stderr).toContain('READ_ONLY');
    const format = await runCli(['--data', dir, 'sparql', 'ASK { ?s ?p ?o }', '--format', 'csv']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: a ASK query cannot be answered as csv');
    // Three engine loads in fresh processes on a busy machine.
  }, 240_000);
});
