// The GraphQL application: schema-first (schema.graphql), resolvers over the current snapshot,
// GraphiQL bundled (no CDN), /health and /ready. No socket here, so tests drive it with yoga.fetch.
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { Logger } from '../logger.js';
import { SCHEMA_PATH } from '../paths.js';
import { editingResolvers, type EditingOptions } from './mutations.js';
import { resolvers, type RequestContext } from './resolvers.js';

export interface EmokbYogaOptions {
  /** The current snapshot, or undefined while the store is still loading (then /ready is 503). */
  snapshot: () => KnowledgeBase | undefined;
  logger?: Logger;
  /** The service and token for mutations; without it every mutation is UNAUTHENTICATED. */
  editing?: EditingOptions;
}

export type EmokbYoga = YogaServerInstance<object, RequestContext>;

export function createEmokbYoga(options: EmokbYogaOptions): EmokbYoga {
  const typeDefs = readFileSync(SCHEMA_PATH, 'utf8');
  const log = options.logger;
  return createYoga<object, RequestContext>({
    schema: createSchema<RequestContext>({ typeDefs, resolvers: [resolvers, editingResolvers(options.editing)] }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'emokb' },
    // The bundled GraphiQL (no CDN) is megabytes of script: load it on the first page view, not at start.
    renderGraphiQL: async (graphiqlOptions) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    maskedErrors: true,
    logging: log
      ? { debug: (...a) => log.debug(a.join(' ')), info: (...a) => log.info(a.join(' ')), warn: (...a) => log.warn(a.join(' ')), error: (...a) => log.error(a.join(' ')) }
      : false,
    context: (): RequestContext => {
      const kb = options.snapshot();
      if (!kb) throw new GraphQLError('the knowledge base is still loading; retry shortly', { extensions: { code: 'NOT_READY', http: { status: 503 } } });
      return { kb };
    },
    plugins: [useReadinessCheck({ endpoint: '/ready', check: () => options.snapshot() !== undefined })],
  });
}
