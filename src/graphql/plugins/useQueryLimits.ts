// Query limits from graphql-armor (a maintained set: depth, cost, aliases, tokens, directives),
// checked while parsing and validating, before anything executes. Each rejection becomes one
// LIMIT_EXCEEDED error naming the limit, its maximum, what the query had, and how to change it.
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { ApiLimits } from '../config.js';
import { limitError } from '../errors.js';

export type QueryLimitsOptions = Pick<ApiLimits, 'maxDepth' | 'maxCost' | 'maxAliases' | 'maxTokens' | 'maxDirectives'>;

const WHAT: Record<keyof QueryLimitsOptions, string> = {
  maxDepth: 'query depth',
  maxCost: 'query cost',
  maxAliases: 'aliases',
  maxTokens: 'query tokens',
  maxDirectives: 'directives',
};

/** Rewrites armor's "Syntax Error: ... limit of N exceeded, found M." into our error shape, in place. */
function relabel(limit: keyof QueryLimitsOptions, max: number) {
  return (_: unknown, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message);
    const actual = found ? Number(found[1]) : undefined;
    const ours = limitError(limit, max, actual, WHAT[limit]);
    error.message = ours.message;
    Object.assign(error.extensions, ours.extensions);
  };
}

export function useQueryLimits(options: QueryLimitsOptions): Plugin {
  // The shape limits first, cost last: a query 50 levels deep should hear about its depth, not
  // about the astronomical cost that the depth implies. Two armors, because one orders them itself.
  const shape = new EnvelopArmor<YogaInitialContext>({
    maxTokens: { n: options.maxTokens, onReject: [relabel('maxTokens', options.maxTokens)] },
    maxDepth: { n: options.maxDepth, onReject: [relabel('maxDepth', options.maxDepth)], ignoreIntrospection: true },
    maxAliases: { n: options.maxAliases, onReject: [relabel('maxAliases', options.maxAliases)] },
    maxDirectives: { n: options.maxDirectives, onReject: [relabel('maxDirectives', options.maxDirectives)] },
    costLimit: { enabled: false },
    // The schema is public (introspection is on), so field suggestions give nothing away.
    blockFieldSuggestion: { enabled: false },
  });
  const cost = new EnvelopArmor<YogaInitialContext>({
    costLimit: { maxCost: options.maxCost, onReject: [relabel('maxCost', options.maxCost)], ignoreIntrospection: true },
    maxTokens: { enabled: false },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const plugins = [...shape.protect().plugins, ...cost.protect().plugins];
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin);
    },
  };
}
