// Every user-facing failure is an EmokbError: a stable code, a message that says what and where,
// and the CLI exit status that code maps to. Callers branch on `code`, never on message text.

export type ErrorCode =
  | 'BAD_INPUT'        // an argument or option is malformed
  | 'PARSE_ERROR'      // an RDF file does not parse (file, line, column in the message)
  | 'VALIDATION_FAILED' // the data breaks a SHACL rule; nothing was written
  | 'NOT_FOUND'        // no emotion (or other node) with that label or IRI
  | 'AMBIGUOUS_LABEL'  // a label names several emotions; the candidates are listed
  | 'STORE_LOCKED'     // another process holds the data directory
  | 'STORE_ERROR'      // the store could not be opened or read
  | 'UNAUTHENTICATED'  // a running server refused the credential (GraphQL mutations need server.json's token)
  | 'CONFLICT'         // the edit contradicts the current state: it exists already, or (undo) later changes touched the same triples
  | 'OUTPUT_FAILED'    // the output could not be written (disk full, a device error); what was written before stays
  | 'INTERNAL';

/** Exit status per code: 0 is success, 1 is reserved for crashes Node reports itself. */
export const EXIT_CODES: Record<ErrorCode, number> = {
  BAD_INPUT: 2,
  PARSE_ERROR: 3,
  VALIDATION_FAILED: 4,
  NOT_FOUND: 5,
  AMBIGUOUS_LABEL: 6,
  STORE_LOCKED: 7,
  STORE_ERROR: 8,
  UNAUTHENTICATED: 9,
  CONFLICT: 10,
  OUTPUT_FAILED: 11,
  INTERNAL: 70,
};

export class EmokbError extends Error {
  readonly code: ErrorCode;
  /** Structured detail for JSON output and GraphQL extensions (violations, candidates, ...). */
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
}

export function isEmokbError(error: unknown): error is EmokbError {
  return error instanceof EmokbError;
}
