// The GraphQL application: schema-first (schema.graphql), resolvers over the current snapshot,
// GraphiQL bundled (no CDN), /health, /ready and /metrics, and every cross-cutting concern as a
// plugin (src/graphql/plugins/): request ids, structured logs, query and body limits, metrics.
// No socket here, so tests drive it with yoga.fetch.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { Logger } from '../logger.js';
import { SCHEMA_PATH } from '../paths.js';
import { DEFAULT_LIMITS, type ApiLimits } from './config.js';
import { apiError, maskUnexpectedError } from './errors.js';
import { SnapshotLoaders } from './loaders.js';
import { editingResolvers, type EditingOptions } from './mutations.js';
import { useBodyLimit } from './plugins/useBodyLimit.js';
import { useClassifyLimits } from './plugins/useClassifyLimits.js';
import { useMediaTypes } from './plugins/useMediaTypes.js';
import { pinnedSnapshot, useHttpCaching } from './plugins/useHttpCaching.js';
import { useCompiledExecution } from './plugins/useCompiledExecution.js';
import { useMetrics } from './plugins/useMetrics.js';
import { usePersistedQueries } from './plugins/usePersistedQueries.js';
import { useQueryLimits } from './plugins/useQueryLimits.js';
import { requestIdOf, useRequestId } from './plugins/useRequestId.js';
import { useResultSizeLimit } from './plugins/useResultSizeLimit.js';
import { useRequestLogging } from './plugins/useRequestLogging.js';
import { classifyResolvers } from './classify.js';
import { resolvers, type RequestContext } from './resolvers.js';
import { SparqlEngine } from '../sparql/SparqlEngine.js';
import { useSparqlEndpoint } from './sparqlEndpoint.js';
import { useLinkedData } from './linkedData.js';
import { useCompression } from './plugins/useCompression.js';
import { useWebApp } from './webApp.js';

// graphql-yoga through its CommonJS build. Its ES-module build loads ~360 files of graphql-yoga,
// @envelop and @graphql-tools (@graphql-tools/utils alone is 257), each resolved, read and linked
// by Node 20's ES-module loader; the CommonJS build of the same code took 366-495 ms of CPU to
// load against 601-673 ms (3 runs each, alternating, under load from other sessions), a part of
// every restart's path to /ready. graphql itself is the same instance either way (its package
// has no `exports`, so `import 'graphql'` also loads its CommonJS index.js), and only this file
// uses yoga at run time.
const { createSchema, createYoga } = createRequire(import.meta.url)('graphql-yoga') as typeof import('graphql-yoga');

export interface EmokbYogaOptions {
  /** The current snapshot, or undefined while the store is still loading (then /ready is 503). */
  snapshot: () => KnowledgeBase | undefined;
  logger?: Logger;
  /** The service and token for mutations; without it every mutation is UNAUTHENTICATED. */
  editing?: EditingOptions;
  /** Query, body and classify limits; each missing one takes its default (the settings table). */
  limits?: Partial<ApiLimits>;
  /** Origins allowed by CORS (`*` for any); undefined or empty: no CORS headers (same origin only). */
  corsOrigins?: string[];
  /** Serve Prometheus metrics at /metrics (default true). */
  metrics?: boolean;
  /** True while the server drains for shutdown: /ready answers 503 so no new traffic is routed here. */
  draining?: () => boolean;
  /** On a shared store: why edits cannot be taken now (the store unreachable), which /ready reports with a 503. */
  storeProblem?: () => string | undefined;
  /** Level of the per-request access log line, or false for none (default `info`). */
  accessLog?: 'info' | 'debug' | false;
  /** Compile a query document on its n-th execution (default 2, 0 never): see useCompiledExecution. */
  compileAfter?: number;
  /** The SPARQL engine behind /sparql (its limits); by default one with the default limits. */
  sparql?: SparqlEngine;
  /** The built web explorer to serve at `/` (WEB_DIR); none when omitted. */
  webDir?: string;
  /** More plugins, after the built-in ones (tests use this to observe requests). */
  plugins?: Plugin[];
}

/**
 * `/ready`: 200 when `ready()`, else 503, with no body. Like yoga's useReadinessCheck, but it matches
 * the path by string, where yoga's also runs a URLPattern over the URL of every other request.
 */
function useReadiness(options: { endpoint: string; ready: () => boolean; problem?: () => string | undefined }): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== options.endpoint) return;
      const problem = options.ready() ? options.problem?.() : undefined;
      if (problem === undefined) endResponse(new fetchAPI.Response(null, { status: options.ready() ? 200 : 503 }));
      else
        endResponse(
          new fetchAPI.Response(JSON.stringify({ ready: false, reads: true, writes: false, reason: problem }), {
            status: 503,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
    },
  };
}

export type EmokbYoga = YogaServerInstance<object, RequestContext>;

let schemaSource: string | undefined;

export function createEmokbYoga(options: EmokbYogaOptions): EmokbYoga {
  schemaSource ??= readFileSync(SCHEMA_PATH, 'utf8');
  const log = options.logger;
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const plugins: Plugin[] = [
    useRequestId(),
    useMediaTypes({ endpoint: '/graphql' }),
    useHttpCaching({ endpoint: '/graphql', schemaSource, snapshot: options.snapshot }),
    useBodyLimit({ maxBytes: limits.maxBodyBytes }),
    usePersistedQueries(),
    useQueryLimits(limits),
    // Before the result-size estimate: a batch over its own limits should hear about those.
    useClassifyLimits(limits),
    useResultSizeLimit({ maxFields: limits.maxFields }),
    useReadiness({
      endpoint: '/ready',
      ready: () => options.snapshot() !== undefined && !options.draining?.(),
      problem: options.storeProblem,
    }),
    // The RDF front door beside GraphQL: /sparql, the IRI documents, /.well-known/void, downloads.
    useSparqlEndpoint({ engine: options.sparql ?? new SparqlEngine(), snapshot: options.snapshot, maxBodyBytes: limits.maxBodyBytes }),
    // Before the linked data: a browser asking for an emotion's IRI gets the explorer.
    ...(options.webDir ? [useWebApp({ dir: options.webDir, snapshot: options.snapshot })] : []),
    useLinkedData({ snapshot: options.snapshot, editing: options.editing }),
    // The explorer's assets and GraphiQL's page, brotli or gzip when the browser accepts it.
    useCompression(),
  ];
  plugins.push(
    useCompiledExecution({
      compileAfter: options.compileAfter,
      onCompileError: (error) => log?.warn({ err: error }, 'query not compiled; it runs on the standard executor'),
    }),
  );
  if (options.metrics !== false) plugins.push(useMetrics({ snapshot: options.snapshot }));
  if (log) plugins.push(useRequestLogging({ logger: log, accessLevel: options.accessLog ?? 'info' }));
  plugins.push(...(options.plugins ?? []));
  return createYoga<object, RequestContext>({
    schema: createSchema<RequestContext>({
      typeDefs: schemaSource,
      resolvers: [resolvers, classifyResolvers, editingResolvers(options.editing)],
    }),
    graphqlEndpoint: '/graphql',
    // useBodyLimit is the body limit (HTTP 413 before parsing); yoga's own would pipe every body
    // through a stream transform as well.
    maxRequestBodySize: false,
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'emokb' },
    // The bundled GraphiQL (no CDN) is megabytes of script: load it on the first page view, not at start.
    renderGraphiQL: async (graphiqlOptions) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    cors: options.corsOrigins?.length
      ? {
          origin: options.corsOrigins.length === 1 ? options.corsOrigins[0] : options.corsOrigins,
          methods: ['GET', 'POST'],
          credentials: false,
        }
      : false,
    maskedErrors: {
      maskError: maskUnexpectedError({
        newId: randomUUID,
        report: (requestId, error) =>
          log?.error({ requestId, err: error }, `unexpected error: ${error instanceof Error ? error.message : String(error)}`),
      }),
    },
    // yoga's own log lines (debug chatter, its error reports) go to the structured log at warn and above.
    logging: log
      ? { debug: () => undefined, info: () => undefined, warn: (...a) => log.warn(a.join(' ')), error: (...a) => log.error(a.join(' ')) }
      : false,
    context: ({ request }: { request: Request }): RequestContext => {
      const kb = pinnedSnapshot(request) ?? options.snapshot();
      if (!kb) throw apiError('NOT_READY', 'the knowledge base is still loading; retry shortly');
      return { kb, loaders: new SnapshotLoaders(kb), requestId: requestIdOf(request) };
    },
    plugins,
  });
}
