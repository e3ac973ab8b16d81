// The request body limit: a declared Content-Length over the limit is refused with 413 before a
// byte of the body is read; a chunked body is read with a running count and refused the moment it
// passes the limit. Either way nothing over the limit is buffered or parsed. This plugin is the only
// body limit: yoga's own (`maxRequestBodySize`) is turned off in yoga.ts, because it pipes every
// body through a TransformStream even when its declared length is already known to be within the
// limit, and that pipe cost more per request than executing a typical query. A body with a declared
// length is not counted again: Node's HTTP parser never delivers more bytes than Content-Length.
import type { Plugin } from 'graphql-yoga';
import { API_ONLY_ERRORS } from '../../errors.js';
import { limitError } from '../errors.js';

export interface BodyLimitOptions {
  /** Most bytes a request body may have. */
  maxBytes: number;
}

/** Bodies up to this many times the limit are read and discarded rather than cut off mid-upload. */
const DRAIN_FACTOR = 16;
/** The only valid Content-Length: one non-negative integer (not a list, as in request smuggling). */
const CONTENT_LENGTH = /^\d+$/;

/** LIMIT_EXCEEDED (HTTP 413), as a GraphQL error and as the JSON of a body written by hand. */
function tooLarge(maxBytes: number, actual?: number) {
  const error = limitError('maxBodyBytes', maxBytes, actual, 'request body bytes');
  const { http: _http, ...extensions } = error.extensions;
  return { error, json: { message: error.message, extensions } };
}

/**
 * The body as UTF-8 text, read with a running count: `tooLarge()` is thrown the moment it passes
 * `maxBytes` (the reader cancelled, nothing over the limit buffered). Shared by this plugin and the
 * SPARQL endpoint, each with its own error.
 */
export async function readLimited(request: Request, maxBytes: number, over: () => Error = () => tooLarge(maxBytes).error): Promise<string> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw over();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function useBodyLimit(options: BodyLimitOptions): Plugin {
  const { maxBytes } = options;
  return {
    onRequestParse({ request, fetchAPI, endResponse, setRequestParser, requestParser }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          endResponse(
            new fetchAPI.Response(
              JSON.stringify({
                errors: [{ message: `invalid Content-Length header "${declared.slice(0, 40)}"`, extensions: { code: 'BAD_REQUEST' } }],
              }),
              {
                status: API_ONLY_ERRORS.BAD_REQUEST!.http,
                headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' },
              },
            ),
          );
          return;
        }
        const length = Number(declared);
        if (length > maxBytes) {
          endResponse(
            new fetchAPI.Response(JSON.stringify({ errors: [tooLarge(maxBytes, length).json] }), {
              status: 413,
              // Node discards the unread body so the client, still sending, gets the answer; past
              // DRAIN_FACTOR times the limit the connection is closed instead of read to the end.
              headers: {
                'content-type': 'application/json; charset=utf-8',
                ...(length > maxBytes * DRAIN_FACTOR ? { connection: 'close' } : {}),
              },
            }),
          );
        }
        return;
      }
      // No declared length (chunked): count while reading, then hand the text to the usual parser.
      if (!requestParser) return;
      const parse = requestParser;
      setRequestParser(async (req) => {
        const text = await readLimited(req, maxBytes);
        return parse(new fetchAPI.Request(req.url, { method: 'POST', headers: req.headers, body: text }));
      });
    },
  };
}
