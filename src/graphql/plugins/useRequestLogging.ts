// Structured logs per request: one access line (id, method, path, status, duration, operation) and,
// for every error the masking will hide, one error line with the cause and its stack under the same
// request id, which the masked error then carries in `extensions.requestId`.
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../logger.js';
import { isUnexpected, loggedUnexpected } from '../errors.js';
import { requestIdOf } from './useRequestId.js';

export interface RequestLoggingOptions {
  logger: Logger;
  /** Level of the access line per request, or false for none (default `info`; `EMOKB_ACCESS_LOG`: info, debug or off). */
  accessLevel?: 'info' | 'debug' | false;
}

const started = new WeakMap<Request, { start: number; path: string }>();
const operations = new WeakMap<Request, string>();

export function useRequestLogging(options: RequestLoggingOptions): Plugin<{ request?: Request }> {
  const { logger } = options;
  const accessLevel = options.accessLevel ?? 'info';
  return {
    onRequest({ request, url }) {
      started.set(request, { start: performance.now(), path: url.pathname });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request && args.operationName) operations.set(request, args.operationName);
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            if (!isUnexpected(error)) continue;
            const requestId = requestIdOf(request) ?? 'unknown';
            loggedUnexpected.set(error, requestId);
            const cause = error.originalError ?? error;
            logger.error({ requestId, path: error.path?.join('.'), err: cause }, `unexpected error: ${cause.message}`);
          }
        },
      };
    },
    onResponse({ request, response }) {
      if (!accessLevel) return;
      const seen = started.get(request);
      logger[accessLevel](
        {
          requestId: requestIdOf(request),
          method: request.method,
          path: seen?.path,
          status: response.status,
          ms: seen === undefined ? undefined : Math.round((performance.now() - seen.start) * 100) / 100,
          operation: operations.get(request),
        },
        'request',
      );
    },
  };
}
