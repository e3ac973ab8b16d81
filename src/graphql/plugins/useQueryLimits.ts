// Query limits from graphql-armor (a maintained set: depth, cost, aliases, tokens, directives),
// checked while parsing and validating, before anything executes. Each rejection becomes one
// LIMIT_EXCEEDED error naming the limit, its maximum, what the query had, and how to change it.
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
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

/** Tokens of a document (armor stops counting at the limit, so a refusal would have no `actual`). */
function countTokens(text: string): number | undefined {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) n++;
  } catch {
    return undefined; // not lexable: the syntax error is for the parser to report
  }
  return n;
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
    // yoga marks every parse failure `http.spec` (`spec ||= true`, so our `false` does not survive
    // it), which turns its status into 200 under application/json: the token limit, refused while
    // parsing, then answered 200 where every other limit answers 400. Put back as the last step.
    onResultProcess({ result }) {
      for (const r of Array.isArray(result) ? result : [result]) {
        const errors = (r as { errors?: readonly GraphQLError[] } | undefined)?.errors;
        for (const error of errors ?? []) {
          const http = error.extensions?.http as { spec?: boolean } | undefined;
          if (error.extensions?.code === 'LIMIT_EXCEEDED' && http) http.spec = false;
        }
      }
    },
    // Only on a refusal: the whole document is lexed once more to say how many tokens it has. A
    // token has at least one character, so a document no longer than the limit cannot be refused
    // and needs no hook after its parse (which every request would pay for).
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (source.length <= options.maxTokens) return undefined;
      return ({ result }) => {
        if (!(result instanceof GraphQLError) || result.extensions.limit !== 'maxTokens' || result.extensions.actual !== undefined) return;
        const actual = countTokens(source);
        if (actual === undefined) return;
        const ours = limitError('maxTokens', options.maxTokens, actual, WHAT.maxTokens);
        result.message = ours.message;
        Object.assign(result.extensions, ours.extensions);
      };
    },
  };
}
