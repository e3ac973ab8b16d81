// Prometheus metrics at /metrics (prom-client, a registry per server so two servers in one process
// never mix counts): HTTP requests by route and status, their latency, GraphQL errors by code, the
// snapshot's version and size, plus the process's own metrics (memory, event-loop lag, GC).
// Labels are bounded: routes are a fixed list and codes come from our own error vocabulary.
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { KnowledgeBase } from '../../kb/KnowledgeBase.js';

export interface MetricsOptions {
  /** The current snapshot, read when the metrics are scraped. */
  snapshot: () => KnowledgeBase | undefined;
  /** Default `/metrics`. */
  endpoint?: string;
  /** Also collect process metrics (default true). */
  processMetrics?: boolean;
  /** Metric name prefix (default `emokb_`). */
  prefix?: string;
}

const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);
const KNOWN_CODES = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'AMBIGUOUS_LABEL',
  'LIMIT_EXCEEDED',
  'NOT_READY',
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

export function useMetrics(options: MetricsOptions): Plugin & { registry: Registry } {
  const endpoint = options.endpoint ?? '/metrics';
  const prefix = options.prefix ?? 'emokb_';
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix });
  const requests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'HTTP request latency by route.',
    labelNames: ['route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: `${prefix}graphql_errors_total`,
    help: 'GraphQL errors returned, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  // Read from the snapshot being served at scrape time; absent while it loads.
  const snapshotGauge = (name: string, help: string, read: (kb: KnowledgeBase) => number) =>
    new Gauge({
      name: `${prefix}${name}`,
      help,
      registers: [registry],
      collect() {
        const kb = options.snapshot();
        this.reset();
        if (kb) this.set(read(kb));
      },
    });
  snapshotGauge(
    'snapshot_version',
    'Change-log id of the knowledge-base snapshot being served (absent while loading).',
    (kb) => kb.version,
  );
  snapshotGauge('snapshot_triples', 'Triples in the snapshot being served.', (kb) => kb.counts.triples);
  const started = new WeakMap<Request, { start: number; route: string }>();
  // prom-client's labels() validates, hashes and binds anew on every call: one child per label set,
  // kept (the label sets are few: fixed routes, two methods, a handful of statuses).
  const requestCounters = new Map<string, { inc: () => void }>();
  const latencyByRoute = new Map<string, { observe: (value: number) => void }>();
  return {
    registry,
    onRequest({ request, url, endResponse, fetchAPI }) {
      started.set(request, { start: performance.now(), route: ROUTES.has(url.pathname) ? url.pathname : 'other' });
      if (url.pathname === endpoint && request.method === 'GET') {
        return registry
          .metrics()
          .then((text) => endResponse(new fetchAPI.Response(text, { status: 200, headers: { 'content-type': registry.contentType } })));
      }
      return undefined;
    },
    onResultProcess({ result }) {
      for (const r of Array.isArray(result) ? result : [result]) {
        if (r && typeof r === 'object' && 'errors' in r && Array.isArray(r.errors)) {
          for (const e of r.errors as Array<{ extensions?: { code?: unknown } }>) {
            const code = typeof e.extensions?.code === 'string' && KNOWN_CODES.has(e.extensions.code) ? e.extensions.code : 'OTHER';
            errors.inc({ code });
          }
        }
      }
    },
    onResponse({ request, response }) {
      const seen = started.get(request);
      const route = seen?.route ?? 'other';
      const method = request.method === 'GET' || request.method === 'POST' ? request.method : 'other';
      const key = `${route} ${method} ${response.status}`;
      let counter = requestCounters.get(key);
      if (!counter) requestCounters.set(key, (counter = requests.labels(route, method, String(response.status))));
      counter.inc();
      if (!seen) return;
      let histogram = latencyByRoute.get(route);
      if (!histogram) latencyByRoute.set(route, (histogram = latency.labels(route)));
      histogram.observe((performance.now() - seen.start) / 1000);
    },
  };
}
