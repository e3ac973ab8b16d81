// HTTP caching of GET queries: the answer to a GET query is a function of the query (its URL), the
// Accept header (Vary) and the snapshot, so the snapshot's identity (the store's integrity record,
// KnowledgeBase.identity; with a hash of the schema, so a new server version is a new entity) is its
// ETag. A GET with a matching If-None-Match is
// answered 304 before anything is parsed or executed; a 200 carries the ETag and
// `Cache-Control: public, no-cache` (caches may keep it but revalidate every time: an edit can
// change the knowledge at any moment, and a revalidation costs one header comparison). The
// snapshot is pinned per request here and read by the context (`pinnedSnapshot`), so the ETag
// always names the snapshot the answer was computed from. POST (mutations, classify bodies) is
// left alone.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { KnowledgeBase } from '../../kb/KnowledgeBase.js';

export const CACHE_CONTROL = 'public, no-cache';

const pinned = new WeakMap<Request, KnowledgeBase>();
const etags = new WeakMap<Request, string>();

/** The snapshot a GET request was pinned to (undefined for other requests). */
export function pinnedSnapshot(request: Request): KnowledgeBase | undefined {
  return pinned.get(request);
}

/** Whether an If-None-Match header value matches `etag` (weak comparison, RFC 9110 13.1.2). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

export function useHttpCaching(options: { endpoint: string; schemaSource: string; snapshot: () => KnowledgeBase | undefined }): Plugin {
  const schemaHash = createHash('sha256').update(options.schemaSource).digest('hex').slice(0, 12);
  const etagOf = new WeakMap<KnowledgeBase, string>();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || url.pathname !== options.endpoint || !url.searchParams.has('query')) return;
      const kb = options.snapshot();
      if (!kb) return;
      let etag = etagOf.get(kb);
      if (!etag) etagOf.set(kb, (etag = `"${kb.identity.slice(0, 48)}.${schemaHash}"`));
      if (matchesEtag(request.headers.get('if-none-match'), etag)) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers: { etag, 'cache-control': CACHE_CONTROL, vary: 'Accept' } }));
        return;
      }
      pinned.set(request, kb);
      etags.set(request, etag);
    },
    onResponse({ request, response }) {
      const etag = etags.get(request);
      if (!etag || response.status !== 200) return;
      response.headers.set('etag', etag);
      response.headers.set('cache-control', CACHE_CONTROL);
      response.headers.append('vary', 'Accept');
    },
  };
}
