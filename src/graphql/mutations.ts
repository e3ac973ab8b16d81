// The write side of the API: `applyEdit` and `undo`, the same edits as the CLI runs through the same
// code (src/edit/apply.ts), so validation, the change log and the snapshot swap are identical; and
// the read-only `changes` (the change log), so `emokb history` and `emokb diff` work while a server
// holds the store. Mutations need the bearer token from server.json; reads need no credential.
import { EmokbError } from '../errors.js';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import { apiError, badUserInput, toGraphQLError, translateAsync as translated } from './errors.js';
import { bearerMatches } from './serverFile.js';

export interface EditingOptions {
  /** The open service, or undefined while the store is still loading. */
  service: () => KnowledgeService | undefined;
  /** The bearer token that mutations must present; without one, mutations are always refused. */
  token?: string;
}

// The edit code (src/edit/: planning, term and link edits, undo, the change log; about 15 modules)
// is loaded on the first request that needs it, not on the way to a ready server.
const apply = () => import('../edit/apply.js');

/** Most change-log entries one `changes` query returns. */
export const MAX_CHANGES = 1000;

type Args = Record<string, unknown>;
interface Context {
  request?: Request;
}

export function editingResolvers(options: EditingOptions | undefined) {
  const writable = (context: Context): KnowledgeService => {
    const token = options?.token;
    if (!token || !bearerMatches(context.request?.headers.get('authorization') ?? null, token)) {
      throw toGraphQLError(
        new EmokbError(
          'UNAUTHENTICATED',
          'mutations need the credential of the running server: send `Authorization: Bearer <token>` with the token from <data dir>/server.json',
        ),
      );
    }
    return ready(options);
  };
  return {
    Query: {
      async changes(_: unknown, args: Args) {
        const since = (args.since as number | null | undefined) ?? 0;
        const before = (args.before as number | null | undefined) ?? Number.POSITIVE_INFINITY;
        const limit = (args.limit as number | null | undefined) ?? 20;
        if (limit < 0 || limit > MAX_CHANGES) throw badUserInput('limit', `must be between 0 and ${MAX_CHANGES}`);
        return translated(async () => {
          const service = ready(options);
          const { changesBetween } = await import('../edit/changeLog.js');
          return changesBetween(service.store, { from: since + 1, before, limit });
        });
      },
    },
    Mutation: {
      async applyEdit(_: unknown, args: Args, context: Context) {
        const service = writable(context);
        const edit = (args.edit ?? {}) as Record<string, unknown>;
        return translated(async () => {
          const [{ parseEditRequest }, { applyEdit }] = await Promise.all([import('../edit/EditRequest.js'), apply()]);
          const request = parseEditRequest(edit, 'edit');
          return applyEdit(service, request, meta(edit.author, edit.message), { dryRun: args.dryRun === true });
        }, 'edit');
      },
      async undo(_: unknown, args: Args, context: Context) {
        const service = writable(context);
        return translated(async () => {
          const { applyUndo } = await apply();
          return applyUndo(
            service,
            { change: (args.change as number | null) ?? undefined, force: args.force === true },
            meta(args.author, args.message),
            { dryRun: args.dryRun === true },
          );
        });
      },
    },
  };
}

function ready(options: EditingOptions | undefined): KnowledgeService {
  const service = options?.service();
  if (!service) throw apiError('NOT_READY', 'the knowledge base is still loading; retry shortly');
  return service;
}

function meta(author: unknown, message: unknown) {
  if (typeof author !== 'string' || !author.trim()) throw badUserInput('author', 'is required: who makes the edit');
  return { author: author.trim(), ...(typeof message === 'string' ? { message } : {}) };
}
