// Read-only commands while `emokb serve` holds the store: they go through the server and print
// what they print from the store (export byte for byte). EMOKB_LOCK_WAIT=0: no waiting for the
// lock, so a command that did not go through the server would fail with STORE_LOCKED at once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';

const NO_WAIT = { env: { EMOKB_LOCK_WAIT: '0' } };
const QUERY =
  'SELECT ?label WHERE { ?e <http://www.w3.org/2004/02/skos/core#broader> <https://w3id.org/emokb/emotion/fear-primary> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?label';

async function reads(dir: string) {
  const run = async (args: string[]) => {
    const r = await runCli(['--data', dir, ...args], NO_WAIT);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  return {
    export: await run(['export']),
    exportJsonLd: await run(['export', '--format', 'jsonld']),
    stats: JSON.parse(await run(['stats', '--json'])) as Record<string, unknown> & { store: { location: string } },
    show: await run(['show', 'terror']),
    validate: await run(['validate']),
    sparql: await run(['sparql', QUERY, '--format', 'tsv']),
  };
}

describe('reads through a running server', () => {
  it('stats, show, validate, export and sparql answer while the server runs, the same as from the store', async () => {
    const dir = join(await tempDir(), 'data');
    const server = await startServer(dir);
    let through;
    try {
      through = await reads(dir);
      const missing = await runCli(['--data', dir, 'show', 'no-such-feeling'], NO_WAIT);
      expect(missing.code).toBe(5);
      expect(missing.stderr).toContain('NOT_FOUND');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const local = await reads(dir);
    expect(through.export).toBe(local.export);
    expect(through.exportJsonLd).toBe(local.exportJsonLd);
    expect(through.export.length).toBeGreaterThan(1_000_000);
    const { store: remoteStore, ...remoteStats } = through.stats;
    const { store: localStore, ...localStats } = local.stats;
    expect(remoteStats).toEqual(localStats);
    expect(remoteStore.location).toBe(localStore.location);
    expect(through.show).toBe(local.show);
    expect(through.validate).toBe(local.validate);
    expect(through.sparql).toBe(local.sparql);
    expect(through.sparql.split('\n')).toContain('"horror"@en');
    // Twelve CLI runs, two of them full SHACL validations, and a seeding.
  }, 400_000);
});
