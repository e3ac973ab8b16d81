// GraphQL errors with stable `extensions.code`s; EmokbErrors from the model are translated here.
import { GraphQLError } from 'graphql';
import { isEmokbError } from '../errors.js';

const GRAPHQL_CODE: Record<string, string> = {
  BAD_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  AMBIGUOUS_LABEL: 'AMBIGUOUS_LABEL',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
};

export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 200 } } });
}

/** Runs `fn`, turning a domain error into a GraphQL error with the same meaning. */
export function translate<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isEmokbError(error) && GRAPHQL_CODE[error.code]) {
      throw new GraphQLError(error.message, { extensions: { code: GRAPHQL_CODE[error.code], ...(error.details ?? {}) } });
    }
    throw error;
  }
}

/**
 * The extensions of every over-a-limit error (see config.ts): which limit, its maximum, what was
 * found. GraphQL errors add `http` (the status yoga answers with); a body written by hand does not.
 */
export function limitExtensions(limit: string, max: number, actual: number | undefined) {
  return { code: 'LIMIT_EXCEEDED', limit, max, ...(actual === undefined ? {} : { actual }) };
}

/**
 * Errors that the masking will hide, tagged with the request id under which their cause was logged
 * (by useRequestLogging, which sees them before masking with the request's context).
 */
export const loggedUnexpected = new WeakMap<object, string>();

/** Whether yoga would mask this error: not a GraphQLError we threw on purpose. */
export function isUnexpected(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return true;
  return error.originalError != null && !(error.originalError instanceof GraphQLError);
}

export interface MaskOptions {
  /** Logs a cause that reached the masking without having been logged with its request. */
  report?: (id: string, error: unknown) => void;
  newId: () => string;
}

/**
 * yoga's `maskError`: an unexpected error becomes INTERNAL_SERVER_ERROR with `extensions.requestId`
 * (the id in the log line with the cause and stack); errors thrown on purpose pass unchanged.
 */
export function maskUnexpectedError(options: MaskOptions) {
  return (error: unknown, message: string): Error => {
    if (!isUnexpected(error)) return error as GraphQLError;
    let requestId = typeof error === 'object' && error !== null ? loggedUnexpected.get(error) : undefined;
    if (!requestId) {
      requestId = options.newId();
      options.report?.(requestId, error instanceof GraphQLError && error.originalError ? error.originalError : error);
    }
    const located = error instanceof GraphQLError ? error : undefined;
    const http = located?.extensions?.http;
    return new GraphQLError(message, {
      ...(located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, ...(http ? { http } : {}) },
    });
  };
}
