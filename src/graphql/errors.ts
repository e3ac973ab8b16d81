// The one translation of domain errors into GraphQL errors: `extensions.code` and the HTTP status
// from the error table (src/errors.ts), the error's details as extensions, and the field it is
// about as a path under the argument it came in (`weight` of `edit` -> `edit.weight`), built from
// `details.field`/`details.reason`, never from the message text.
import { GraphQLError, type ASTNode } from 'graphql';
import { API_ONLY_ERRORS, ERRORS, EmokbError, fieldError, isEmokbError, type ErrorCode } from '../errors.js';
import { whereSet, type LimitKey } from './config.js';

/** The HTTP status of a request refused before execution (a limit, a variable of the wrong type). */
export const REQUEST_REFUSED = ERRORS.LIMIT_EXCEEDED.http;

/** The GraphQL error for a domain error; `argument`: the argument the field belongs to. */
export function toGraphQLError(error: EmokbError, argument?: string): GraphQLError {
  const kind = ERRORS[error.code];
  const { reported: _reported, field: _field, ...details } = error.details ?? {};
  const reason = error.reason;
  const field = error.field;
  const path = field === undefined ? undefined : argument && !field.startsWith(`${argument}.`) ? `${argument}.${field}` : field;
  const message = path !== undefined && typeof reason === 'string' ? `${path}: ${reason}` : error.message;
  return new GraphQLError(message, {
    extensions: {
      ...details,
      code: kind.graphql,
      ...(path === undefined ? {} : { field: path, argument: path }),
      ...(reason === undefined ? {} : { reason }),
      http: { status: kind.http },
    },
  });
}

/** An error of the server's own state (NOT_READY, SHUTTING_DOWN, ...), with its table status. */
export function apiError(code: keyof typeof API_ONLY_ERRORS, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: API_ONLY_ERRORS[code]!.http } } });
}

/** A refused argument of a query: BAD_USER_INPUT naming it. */
export function badUserInput(argument: string, reason: string): GraphQLError {
  return toGraphQLError(fieldError('BAD_INPUT', argument, reason));
}

/** Another code about one argument (e.g. NOT_FOUND for an unknown `change`). */
export function argumentError(code: ErrorCode, argument: string, reason: string, details: Record<string, unknown> = {}): GraphQLError {
  return toGraphQLError(fieldError(code, argument, reason, details));
}

/** Runs `fn`, turning a domain error into a GraphQL error with the same meaning. */
export function translate<T>(fn: () => T, argument?: string): T {
  try {
    return fn();
  } catch (error) {
    if (isEmokbError(error)) throw toGraphQLError(error, argument);
    throw error;
  }
}

/** The same for async work. */
export async function translateAsync<T>(fn: () => T | Promise<T>, argument?: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isEmokbError(error)) throw toGraphQLError(error, argument);
    throw error;
  }
}

/**
 * The extensions of every over-a-limit error: which limit, its maximum, what was found. The HTTP
 * status is the error table's (400), or 413 for the request body, under either response media
 * type: the GraphQL-over-HTTP spec requires a 4xx for a refused request under
 * application/graphql-response+json and recommends 200 under the older application/json, and yoga
 * follows that for errors marked `http.spec`. A limit is refused with 400 under both (`spec: false`)
 * so that every limit answers alike, whatever the client's Accept header (before, the token limit
 * answered 200 and the others 400).
 */
export function limitExtensions(limit: LimitKey, max: number, actual: number | undefined) {
  return { code: ERRORS.LIMIT_EXCEEDED.graphql, limit, max, ...(actual === undefined ? {} : { actual }) };
}

/** The one shape of an over-a-limit error: `what actual exceeds the limit of max (limit: --flag or VAR)`. */
export function limitError(
  limit: LimitKey,
  max: number,
  actual: number | undefined,
  what: string,
  options: { nodes?: ASTNode | readonly ASTNode[]; hint?: string; argument?: string } = {},
): GraphQLError {
  const status = limit === 'maxBodyBytes' ? 413 : REQUEST_REFUSED;
  return new GraphQLError(
    `${options.argument ? `${options.argument}: ` : ''}${what}${actual === undefined ? '' : ` ${actual}`} exceeds the limit of ${max} (${limit}: ${whereSet(limit)})${options.hint ? `; ${options.hint}` : ''}`,
    {
      nodes: options.nodes,
      extensions: {
        ...limitExtensions(limit, max, actual),
        ...(options.argument ? { argument: options.argument } : {}),
        http: { status, spec: false },
      },
    },
  );
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

const VARIABLE_ERROR = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" /;

/**
 * A variable of the wrong type (`$n: Int` given "many") or a missing required one: graphql-js
 * refuses the request before executing anything, but its error has no `extensions.code`. It gets
 * BAD_USER_INPUT (graphql-yoga's and Apollo's code for bad arguments) naming the variable, and HTTP
 * 400, the status of every other request refused before execution. Changed in place: yoga logs
 * every error its masking replaces, and this one is the client's, not the server's.
 */
function codeVariableError(error: GraphQLError): GraphQLError {
  if (error.path || error.extensions.code !== undefined) return error;
  const variable = VARIABLE_ERROR.exec(error.message)?.[1];
  if (variable === undefined) return error;
  Object.assign(error.extensions, { code: ERRORS.BAD_INPUT.graphql, variable, http: { status: REQUEST_REFUSED, spec: false } });
  return error;
}

/**
 * yoga's `maskError`, which sees every error of an executed request and no other (so the checks
 * below cost a request without errors nothing): an unexpected error becomes INTERNAL_SERVER_ERROR
 * with `extensions.requestId` (the id in the log line with the cause and stack); a variable error
 * gets its code (see codeVariableError); other errors thrown on purpose pass unchanged.
 */
export function maskUnexpectedError(options: MaskOptions) {
  return (error: unknown, message: string): Error => {
    if (!isUnexpected(error)) return codeVariableError(error as GraphQLError);
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
