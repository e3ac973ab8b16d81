// Every user-facing failure is an EmokbError: a stable code, a message that says what and where,
// and, in one table below, what each code becomes at each front door: the CLI's exit status, the
// GraphQL `extensions.code` and the HTTP status. Callers branch on `code`, never on message text.
// An error about one field of a request carries the field and the reason as data (`details.field`,
// `details.reason`), so each front door names the field in its own terms (`--weight` on the
// command line, `edit.weight` in GraphQL) without taking the message apart.

export type ErrorCode =
  | 'BAD_INPUT'
  | 'PARSE_ERROR'
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'AMBIGUOUS_LABEL'
  | 'STORE_LOCKED'
  | 'STORE_ERROR'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'OUTPUT_FAILED'
  | 'LIMIT_EXCEEDED'
  | 'LISTEN_FAILED'
  | 'READ_ONLY'
  | 'MISSING_DEPENDENCY'
  | 'QUEUE_UNAVAILABLE'
  | 'JOB_INCOMPLETE'
  | 'INTERNAL';

export interface ErrorKind {
  /** Exit status of the CLI: 0 is success, 1 is reserved for crashes Node reports itself. */
  exit: number;
  /** `extensions.code` in a GraphQL response. */
  graphql: string;
  /**
   * HTTP status of a GraphQL response that carries this error. Errors of one field inside a
   * response that still has data answer 200, as the GraphQL-over-HTTP spec asks; the others refuse
   * the whole request.
   */
  http: number;
  /** What it means, for the README's table (checked by test/errors.test.ts). */
  meaning: string;
}

/** The one table: code -> exit status, GraphQL code, HTTP status. */
export const ERRORS: Readonly<Record<ErrorCode, ErrorKind>> = Object.freeze({
  BAD_INPUT: {
    exit: 2,
    graphql: 'BAD_USER_INPUT',
    http: 200,
    meaning: 'bad input: an argument, option, setting or file that cannot be used',
  },
  PARSE_ERROR: { exit: 3, graphql: 'PARSE_ERROR', http: 200, meaning: 'an RDF file does not parse (with file, line and column)' },
  VALIDATION_FAILED: { exit: 4, graphql: 'VALIDATION_FAILED', http: 200, meaning: 'the change breaks a SHACL rule; nothing was written' },
  NOT_FOUND: { exit: 5, graphql: 'NOT_FOUND', http: 200, meaning: 'no such emotion (with suggestions), or no such job on the queue' },
  AMBIGUOUS_LABEL: {
    exit: 6,
    graphql: 'AMBIGUOUS_LABEL',
    http: 200,
    meaning: 'a label names several unrelated emotions (with the candidates)',
  },
  STORE_LOCKED: {
    exit: 7,
    graphql: 'STORE_LOCKED',
    http: 503,
    meaning: 'the data directory is locked by another process, e.g. a running `emokb serve`',
  },
  STORE_ERROR: {
    exit: 8,
    graphql: 'STORE_ERROR',
    http: 500,
    meaning: 'the store cannot be opened or read, or a running server stopped answering mid-request',
  },
  UNAUTHENTICATED: {
    exit: 9,
    graphql: 'UNAUTHENTICATED',
    http: 401,
    meaning: 'the running server refused the token in `server.json`, or the SPARQL store refused the credentials (EMOKB_SPARQL_USER)',
  },
  CONFLICT: {
    exit: 10,
    graphql: 'CONFLICT',
    http: 200,
    meaning:
      'it exists already, there is nothing to change, or an undo would overwrite later changes; on a SPARQL store, also: other processes committed first each time the edit was re-validated and retried (`details.conflict` `stale-version`)',
  },
  OUTPUT_FAILED: {
    exit: 11,
    graphql: 'OUTPUT_FAILED',
    http: 500,
    meaning: 'the output could not be written: a full disk, a device error (what was written before stays)',
  },
  LIMIT_EXCEEDED: {
    exit: 12,
    graphql: 'LIMIT_EXCEEDED',
    http: 400,
    meaning: 'a request is over a limit (`limit`, `max`, `actual`); HTTP 413 for the request body',
  },
  LISTEN_FAILED: {
    exit: 13,
    graphql: 'LISTEN_FAILED',
    http: 500,
    meaning: "`emokb serve` cannot listen: the port is in use, or the address is not this machine's or not allowed",
  },
  READ_ONLY: {
    exit: 14,
    graphql: 'READ_ONLY',
    http: 403,
    meaning: 'a SPARQL update was sent to the read-only SPARQL endpoint or `emokb sparql` (edits go through `emokb` or GraphQL)',
  },
  MISSING_DEPENDENCY: {
    exit: 15,
    graphql: 'MISSING_DEPENDENCY',
    http: 500,
    meaning: 'a curation command needs an optional package that is not installed (the message says what to install)',
  },
  QUEUE_UNAVAILABLE: {
    exit: 16,
    graphql: 'QUEUE_UNAVAILABLE',
    http: 503,
    meaning:
      "`emokb tag submit`, `worker`, `status` or `collect` cannot reach the job queue's Redis (the message names the URL and the reason)",
  },
  JOB_INCOMPLETE: {
    exit: 17,
    graphql: 'JOB_INCOMPLETE',
    http: 500,
    meaning:
      '`emokb tag collect`: chunks of the job failed after every try (each listed with its error; the rest was written), or its submitter stopped before enqueuing all input',
  },
  INTERNAL: { exit: 70, graphql: 'INTERNAL_SERVER_ERROR', http: 500, meaning: 'internal error (a bug: please report it with the message)' },
});

/**
 * Codes only the GraphQL API answers with (no command exits with them): the server's own states.
 * A CLI that meets one through a running server reports STORE_ERROR.
 */
export const API_ONLY_ERRORS: Readonly<Record<string, { http: number; meaning: string }>> = Object.freeze({
  NOT_READY: { http: 503, meaning: 'the knowledge base is still loading' },
  SHUTTING_DOWN: { http: 503, meaning: 'the server is draining for shutdown' },
  BAD_REQUEST: { http: 400, meaning: 'the HTTP request itself is malformed (a Content-Length that is not one number)' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, meaning: 'the request body is not one of the accepted content types (listed in the message)' },
  NOT_ACCEPTABLE: {
    http: 406,
    meaning: 'no representation of the resource or result matches the `Accept` header (the ones there are listed)',
  },
});

/** Exit status per code (from ERRORS). */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = Object.freeze(
  Object.fromEntries(Object.entries(ERRORS).map(([code, kind]) => [code, kind.exit])) as Record<ErrorCode, number>,
);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

export class EmokbError extends Error {
  readonly code: ErrorCode;
  /** Structured detail for JSON output and GraphQL extensions (field, reason, violations, candidates, ...). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmokbError';
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }

  /** The field the error is about, when it is about one. */
  get field(): string | undefined {
    return typeof this.details?.field === 'string' ? this.details.field : undefined;
  }

  /**
   * What is wrong with `field`, without the field's name (set by `fieldError`). Call sites not yet
   * built with fieldError (src/edit/undo.ts, src/lexicon/termQuads.ts, being changed on other
   * branches) still write `field: reason` themselves: read here, in this one place, until they are.
   */
  get reason(): string | undefined {
    if (typeof this.details?.reason === 'string') return this.details.reason;
    const field = this.field;
    return field !== undefined && this.message.startsWith(`${field}: `) ? this.message.slice(field.length + 2) : undefined;
  }
}

/**
 * An error about one field: the message reads `field: reason`, and both travel as data so a front
 * door can name the field its own way (`inTermsOf`).
 */
export function fieldError(code: ErrorCode, field: string, reason: string, details: Record<string, unknown> = {}): EmokbError {
  return new EmokbError(code, `${field}: ${reason}`, { ...details, field, reason });
}

/** The same error about a field named differently (a CLI flag, a GraphQL argument path). */
export function inTermsOf(error: EmokbError, field: string, details: Record<string, unknown> = {}): EmokbError {
  const reason = error.reason;
  if (reason === undefined) return new EmokbError(error.code, error.message, { ...error.details, ...details, field }, { cause: error });
  return fieldError(error.code, field, reason, { ...error.details, ...details });
}

export function isEmokbError(error: unknown): error is EmokbError {
  return error instanceof EmokbError;
}

/** The README's table of exit statuses and API codes, row for row (test/errors.test.ts compares the two). */
export function errorTable(): string {
  const rows = ['| exit | code | GraphQL `extensions.code` | HTTP | meaning |', '|---|---|---|---|---|', '| 0 | | | 200 | success |'];
  for (const [code, kind] of Object.entries(ERRORS))
    rows.push(`| ${kind.exit} | \`${code}\` | \`${kind.graphql}\` | ${kind.http} | ${kind.meaning} |`);
  for (const [code, kind] of Object.entries(API_ONLY_ERRORS)) rows.push(`| | | \`${code}\` | ${kind.http} | ${kind.meaning} (API only) |`);
  return rows.join('\n');
}
