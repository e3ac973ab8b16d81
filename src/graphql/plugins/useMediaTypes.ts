// A POST to the GraphQL endpoint with a body of a type yoga has no parser for: 415, as yoga
// answers, but with a body that says which types are accepted (yoga's own 415 has none). Runs
// after yoga's request parsers have looked at the request: no parser means no accepted type.
import type { Plugin } from 'graphql-yoga';
import { API_ONLY_ERRORS } from '../../errors.js';

/** The request parsers yoga installs (src/graphql/yoga.ts keeps yoga's defaults). */
export const ACCEPTED_MEDIA_TYPES = [
  'application/json',
  'application/graphql+json',
  'application/graphql',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
] as const;

export function useMediaTypes(options: { endpoint: string }): Plugin {
  return {
    onRequestParse({ request, url, requestParser, endResponse, fetchAPI }) {
      if (requestParser || url.pathname !== options.endpoint || request.method !== 'POST') return;
      const given = request.headers.get('content-type');
      const message = `${given ? `content type "${given.slice(0, 100)}" is` : 'a body without a content type is'} not accepted; send one of ${ACCEPTED_MEDIA_TYPES.join(', ')} (usually application/json)`;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', accepted: ACCEPTED_MEDIA_TYPES } }] }),
          {
            status: API_ONLY_ERRORS.UNSUPPORTED_MEDIA_TYPE!.http,
            headers: { 'content-type': 'application/json; charset=utf-8', accept: ACCEPTED_MEDIA_TYPES.join(', ') },
          },
        ),
      );
    },
  };
}
