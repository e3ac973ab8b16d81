// Answers of the non-GraphQL routes (/sparql, the IRI documents, /.well-known/void, downloads):
// an error has the shape of a GraphQL error response (`errors[0].message`, `extensions.code`), so
// a client, and the CLI's ServerClient, reads both alike; the HTTP status is the route's own.
import { ERRORS, isEmokbError, type EmokbError } from '../errors.js';
import { contentType, type AnswerFormat } from '../rdf/mediaTypes.js';

/** HTTP status of an EmokbError at a plain HTTP route (GraphQL answers most of them with 200 and the error in the body). */
export function httpStatusOf(error: EmokbError): number {
  switch (error.code) {
    case 'BAD_INPUT':
    case 'PARSE_ERROR':
    case 'LIMIT_EXCEEDED':
      return 400;
    case 'NOT_FOUND':
      return 404;
    default:
      return ERRORS[error.code].http;
  }
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(`${JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] })}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** An EmokbError as a response (its GraphQL code, as GraphQL would name it); anything else is rethrown. */
export function emokbErrorResponse(error: unknown): Response {
  if (!isEmokbError(error)) throw error;
  return errorResponse(httpStatusOf(error), ERRORS[error.code].graphql, error.message, error.details ?? {});
}

export function notAcceptable(what: string, offered: readonly AnswerFormat[]): Response {
  const types = offered.map((f) => contentType(f).split(';')[0]);
  return errorResponse(406, 'NOT_ACCEPTABLE', `${what} is available as ${types.join(', ')}; the Accept header allows none of them`, {
    available: types,
  });
}

export function answer(format: AnswerFormat, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status: 200, headers: { 'content-type': contentType(format), vary: 'accept', ...headers } });
}
