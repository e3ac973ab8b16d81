// The database servers started by test/globalServices.ts, for the tests that need them. Without
// them such a test is skipped, except where EMOKB_REQUIRE_SERVICES=1 (CI): there it fails.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { SparqlStoreOptions } from '../../src/store/SparqlStore.js';

export function services(): Record<string, string> {
  return inject('services') ?? {};
}

/** True when the SPARQL store's tests can run; throws (a failed test) when CI requires them and they cannot. */
export function haveSparql(): boolean {
  const ok = services().EMOKB_STORE?.startsWith('sparql:') ?? false;
  if (!ok && process.env.EMOKB_REQUIRE_SERVICES === '1')
    throw new Error(`EMOKB_REQUIRE_SERVICES=1 but no SPARQL store: ${inject('servicesError') || 'EMOKB_STORE is not a sparql: URL'}`);
  return ok;
}

/** A new, empty store's name space in the shared database: each test its own graphs. */
export function freshGraphs(): string {
  return `urn:emokb:test:${randomUUID()}:`;
}

export function sparqlConnection(graphBase = freshGraphs()): SparqlStoreOptions {
  const s = services();
  return {
    queryUrl: s.EMOKB_STORE!.slice('sparql:'.length),
    updateUrl: s.EMOKB_SPARQL_UPDATE,
    graphStoreUrl: s.EMOKB_SPARQL_GRAPH_STORE,
    user: s.EMOKB_SPARQL_USER,
    password: s.EMOKB_SPARQL_PASSWORD,
    timeoutMs: 300_000,
    graphBase,
  };
}

/** The environment a spawned `emokb` needs for the same store (credentials through variables, as users give them). */
export function sparqlEnv(graphBase: string): Record<string, string> {
  const s = services();
  const env: Record<string, string> = { EMOKB_SPARQL_GRAPHS: graphBase };
  for (const name of ['EMOKB_STORE', 'EMOKB_SPARQL_UPDATE', 'EMOKB_SPARQL_GRAPH_STORE', 'EMOKB_SPARQL_USER', 'EMOKB_SPARQL_PASSWORD'])
    if (s[name]) env[name] = s[name];
  return env;
}
