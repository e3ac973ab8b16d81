// Automatic persisted queries (Apollo's APQ protocol, through yoga's own plugin): a client sends
// `extensions.persistedQuery.sha256Hash` alone and the server runs the query it stored under that
// hash, so a long query crosses the network once and a GET URL stays short (and cacheable: see
// useHttpCaching). An unknown hash answers PERSISTED_QUERY_NOT_FOUND, and the client sends the
// query once with its hash; a hash that does not match its query is refused.
//
// The store is bounded by what it holds, not only by entry count: a query may be as large as the
// body limit allows, so a count alone would let a client fill memory with a few large documents.
// Oldest entries go first (a Map iterates in insertion order; a hit moves the entry to the end).
import { createRequire } from 'node:module';
import type { APQStore } from '@graphql-yoga/plugin-apq';
import type { Plugin } from 'graphql-yoga';

// Through its CommonJS build, like graphql-yoga itself (see yoga.ts): its ES-module build imports
// graphql-yoga's ES-module build, a second copy of yoga, @envelop and @graphql-tools (~360 files
// through Node 20's ES-module loader) on every start's path to /ready, beside the CommonJS one.
const { useAPQ } = createRequire(import.meta.url)('@graphql-yoga/plugin-apq') as typeof import('@graphql-yoga/plugin-apq');

/** Characters of query text the store keeps at most (UTF-16 units, about 2 bytes each). */
export const PERSISTED_QUERY_BUDGET = 4 * 1024 * 1024;

/** An in-memory store of query texts by hash, evicting the least recently used past `budget`. */
export function boundedQueryStore(budget = PERSISTED_QUERY_BUDGET): APQStore & { size(): number; held(): number } {
  const queries = new Map<string, string>();
  let held = 0;
  return {
    get(hash) {
      const query = queries.get(hash);
      if (query === undefined) return null;
      queries.delete(hash);
      queries.set(hash, query);
      return query;
    },
    set(hash, query) {
      if (query.length > budget || queries.has(hash)) return;
      queries.set(hash, query);
      held += query.length;
      for (const [oldest, text] of queries) {
        if (held <= budget) break;
        queries.delete(oldest);
        held -= text.length;
      }
    },
    size: () => queries.size,
    held: () => held,
  };
}

export function usePersistedQueries(store: APQStore = boundedQueryStore()): Plugin {
  return useAPQ({ store });
}
