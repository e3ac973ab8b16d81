// `/sparql`: the SPARQL 1.1 Protocol, read-only, over the snapshot GraphQL serves. A query comes as
// GET `?query=`, as POST `application/x-www-form-urlencoded` (`query=`), or as POST
// `application/sparql-query`; the answer's format is negotiated from `Accept` among those of the
// query's form (SELECT and ASK: SPARQL results JSON, XML, CSV, TSV; CONSTRUCT and DESCRIBE:
// Turtle, N-Triples, JSON-LD), 406 when none fits. Updates are refused with 403 READ_ONLY, over a
// limit with 400 LIMIT_EXCEEDED; an error body has the shape of a GraphQL error response.
import { readLimited } from './plugins/useBodyLimit.js';
import type { Plugin } from 'graphql-yoga';
import { EmokbError } from '../errors.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { negotiate } from '../rdf/mediaTypes.js';
import { FORMATS_OF, queryForm, readOnly } from '../sparql/queryForm.js';
import type { SparqlEngine } from '../sparql/SparqlEngine.js';
import { SPARQL_PATH } from '../linkeddata/datasetDescription.js';
import { answer, emokbErrorResponse, errorResponse, notAcceptable } from './httpAnswers.js';

export interface SparqlEndpointOptions {
  engine: SparqlEngine;
  snapshot: () => KnowledgeBase | undefined;
  maxBodyBytes: number;
}

async function readBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = (actual?: number) =>
    new EmokbError('LIMIT_EXCEEDED', `the request body is over ${maxBytes} bytes (--max-body or EMOKB_MAX_BODY_BYTES)`, {
      limit: 'maxBodyBytes',
      max: maxBytes,
      ...(actual ? { actual } : {}),
    });
  if (declared > maxBytes) throw tooLarge(declared);
  return readLimited(request, maxBytes, () => tooLarge());
}

/** The query text of a protocol request; READ_ONLY for an update, 415 for another body type. */
async function queryText(request: Request, url: URL, maxBodyBytes: number): Promise<string | Response> {
  let params: URLSearchParams;
  if (request.method === 'GET' || request.method === 'HEAD') params = url.searchParams;
  else if (request.method === 'POST') {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/sparql-query') return readBody(request, maxBodyBytes);
    if (type === 'application/sparql-update') throw readOnly('the request was sent as application/sparql-update');
    if (type !== 'application/x-www-form-urlencoded')
      return errorResponse(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `a SPARQL query is POSTed as application/sparql-query or application/x-www-form-urlencoded, not "${type || '(none)'}"`,
      );
    params = new URLSearchParams(await readBody(request, maxBodyBytes));
  } else {
    return errorResponse(405, 'METHOD_NOT_ALLOWED', `${SPARQL_PATH} answers GET and POST`, {}, { allow: 'GET, POST' });
  }
  if (params.has('update')) throw readOnly('the request carries an update parameter');
  for (const dataset of ['default-graph-uri', 'named-graph-uri'])
    if (params.has(dataset))
      throw new EmokbError('BAD_INPUT', `${dataset} is not supported: emokb is one default graph (leave the parameter out)`, {
        field: dataset,
        reason: 'not supported',
      });
  const queries = params.getAll('query');
  if (queries.length !== 1)
    throw new EmokbError('BAD_INPUT', `a SPARQL request carries exactly one query parameter (this one has ${queries.length})`, {
      field: 'query',
      reason: 'missing or repeated',
    });
  return queries[0]!;
}

export function useSparqlEndpoint(options: SparqlEndpointOptions): Plugin {
  const respond = async (request: Request, url: URL, endResponse: (response: Response) => void): Promise<void> => {
    try {
      const text = await queryText(request, url, options.maxBodyBytes);
      if (text instanceof Response) return endResponse(text);
      const form = queryForm(text);
      const format = negotiate(request.headers.get('accept'), FORMATS_OF[form]);
      if (!format) return endResponse(notAcceptable(`the answer to a ${form.toUpperCase()} query`, FORMATS_OF[form]));
      const kb = options.snapshot();
      if (!kb)
        return endResponse(
          errorResponse(503, 'NOT_READY', 'the knowledge base is still loading; retry shortly', {}, { 'retry-after': '1' }),
        );
      const result = await options.engine.query(kb, text, format);
      endResponse(answer(result.format, request.method === 'HEAD' ? '' : result.body, { 'x-emokb-version': String(kb.version) }));
    } catch (error) {
      endResponse(emokbErrorResponse(error));
    }
  };
  return {
    // Synchronous for every other request (every GraphQL one): an async hook hands yoga a promise
    // per request, and yoga then runs the hooks after it and the request itself a microtask later.
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== SPARQL_PATH) return;
      return respond(request, url, endResponse);
    },
  };
}
