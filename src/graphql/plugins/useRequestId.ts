// Every request gets an id: the caller's `x-request-id` when it is a sane token (so a trace spans
// services), else a fresh UUID. It is returned as a response header, put in the GraphQL context,
// logged with every line about the request, and named in masked errors.
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

export interface RequestIdOptions {
  /** Header read and written (default `x-request-id`). */
  header?: string;
  /** Makes a new id (default: a random UUID). */
  generate?: () => string;
}

const ids = new WeakMap<Request, string>();
/** Printable, no spaces, at most 128 characters: anything else is replaced, never echoed. */
const SANE = /^[A-Za-z0-9._:\-/+=]{1,128}$/;

/** The id of a request seen by useRequestId (undefined for one it never saw). */
export function requestIdOf(request: Request | undefined): string | undefined {
  return request ? ids.get(request) : undefined;
}

export function useRequestId(options: RequestIdOptions = {}): Plugin {
  const header = options.header ?? 'x-request-id';
  const generate = options.generate ?? randomUUID;
  return {
    onRequest({ request }) {
      const incoming = request.headers.get(header);
      ids.set(request, incoming && SANE.test(incoming) ? incoming : generate());
    },
    onResponse({ request, response }) {
      const id = ids.get(request);
      if (id) response.headers.set(header, id);
    },
  };
}
