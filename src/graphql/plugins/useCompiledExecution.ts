// Executes a query that arrives again through a function compiled for it (graphql-jit) instead of
// walking its document on every request: the compiled function calls the same resolvers and builds
// the response from plain object literals, which also serialise faster. Executing query (a) of the
// API benchmark took about a third of the time.
//
// What stays exactly as before:
// - Errors. graphql-jit words variable errors differently and its field errors carry no AST nodes
//   (so yoga would drop their locations). A compiled result with any error is therefore discarded
//   and the query runs again on yoga's standard executor, whose answer is the one sent; that
//   operation then runs on the standard executor until `compileAfter` of its runs there were
//   clean (one client's missing label must not slow the query for all; one that keeps failing
//   stays there, so its resolvers do not run twice each time). Only
//   queries are compiled, never mutations, so running again never repeats a write: query
//   resolvers only read the request's snapshot.
// - One-off queries. A document is compiled on its `compileAfter`-th execution (default 2), so a
//   stream of distinct queries never pays for compiling (milliseconds each); until then, and for a
//   document graphql-jit cannot compile, the standard executor runs.
// - Memory. Compiled queries hang off the parsed document, which yoga's parse cache (a bounded LRU)
//   holds: a document it evicts takes its compiled queries with it.
// - Start-up. graphql-jit (with the JSON-schema tooling it loads) takes 100-250 ms to import, so it
//   is imported just after the server is ready (`serve`: off the path to /ready), or else on the
//   first execution; until it is there, queries run as usual.
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { SETTINGS } from '../../settings.js';

type GraphQLJit = typeof import('graphql-jit');

let jit: GraphQLJit | undefined;
let loading: Promise<void> | undefined;

/** Imports graphql-jit (once per process); compiled execution starts when this has resolved. */
export function loadGraphQLJit(): Promise<void> {
  return (loading ??= import('graphql-jit').then((m) => void (jit = m)));
}

export interface CompiledExecutionOptions {
  /** Compile a document on its n-th execution (default 2; 1 compiles every document at once; 0 never). */
  compileAfter?: number;
  /** Told of an operation graphql-jit could not compile (it keeps running on the standard executor). */
  onCompileError?: (error: unknown) => void;
}

interface Compiled {
  query: CompiledQuery;
  /** Clean runs on the standard executor still owed after a compiled answer had errors. */
  cooldown: number;
}

interface Entry {
  runs: number;
  /** By operation name ('' for none); null: not compiled (a mutation, or graphql-jit refused it). */
  compiled: Map<string, Compiled | null>;
}

type MaybePromise<T> = T | Promise<T>;
const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => typeof (value as Promise<T> | undefined)?.then === 'function';

export function useCompiledExecution(options: CompiledExecutionOptions = {}): Plugin {
  const compileAfter = options.compileAfter ?? SETTINGS.compileAfter.default;
  if (compileAfter <= 0) return {};
  const entries = new WeakMap<DocumentNode, Entry>();
  const compile = (jit: GraphQLJit, schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled | null => {
    if (getOperationAST(document, operationName)?.operation !== 'query') return null;
    try {
      const result = jit.compileQuery(schema, document, operationName);
      if (jit.isCompiledQuery(result)) return { query: result, cooldown: 0 };
      options.onCompileError?.(result.errors);
    } catch (error) {
      options.onCompileError?.(error);
    }
    return null;
  };
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!loading) loadGraphQLJit().catch(options.onCompileError);
      let entry = entries.get(args.document);
      if (!entry) entries.set(args.document, (entry = { runs: 0, compiled: new Map() }));
      if (entry.runs < compileAfter) entry.runs++;
      if (entry.runs < compileAfter || !jit) return;
      const name = args.operationName ?? '';
      let compiled = entry.compiled.get(name);
      if (compiled === undefined)
        entry.compiled.set(name, (compiled = compile(jit, args.schema, args.document, args.operationName ?? undefined)));
      if (!compiled) return;
      const current = compiled;
      const standard = executeFn;
      const then = (result: MaybePromise<ExecutionResult>, next: (r: ExecutionResult) => MaybePromise<ExecutionResult>) =>
        isPromise(result) ? result.then(next) : next(result);
      if (current.cooldown > 0) {
        // Back on the standard executor after an errored compiled answer: count the clean runs.
        setExecuteFn((run) =>
          then(standard(run) as MaybePromise<ExecutionResult>, (r) => {
            if (!r.errors?.length) current.cooldown--;
            return r;
          }),
        );
        return;
      }
      setExecuteFn((run) =>
        // An errored answer is replaced by the standard executor's (see the top of this file).
        then(current.query.query(run.rootValue, run.contextValue, run.variableValues) as MaybePromise<ExecutionResult>, (r) => {
          if (!r.errors?.length) return r;
          current.cooldown = compileAfter;
          return standard(run) as MaybePromise<ExecutionResult>;
        }),
      );
    },
  };
}
