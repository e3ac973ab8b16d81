// The CLI's side of editing through a running `emokb serve`: GraphQL over HTTP with the bearer
// token from server.json, and the server's errors turned back into EmokbErrors with the same codes
// (so the exit status is the same whether the store was local or remote). Plain fetch: the CLI
// does not load the GraphQL stack.
import { EmokbError, ERRORS, fieldError, type ErrorCode } from '../errors.js';
import { resolve as setting } from '../settings.js';
import type { EditResult } from '../edit/apply.js';
import type { EditMeta, EditRequest } from '../edit/EditRequest.js';
import { toEditInput } from '../edit/EditRequest.js';
import type { UndoRequest } from '../edit/undo.js';
import type { ServerInfo } from '../graphql/serverFile.js';
import type { ChangeRecord } from '../store/KnowledgeStore.js';
import { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { MEDIA_TYPES, type AnswerFormat } from '../rdf/mediaTypes.js';
import { parseTurtle } from '../rdf/turtle.js';
import { DOWNLOADS, SPARQL_PATH } from '../linkeddata/datasetDescription.js';
import { STORE_PATH } from '../graphql/linkedData.js';

/** Nothing reached the server (connection refused): its server.json is stale. */
export class ServerUnreachable extends Error {}

/** The CLI's code for a GraphQL `extensions.code` (the error table read backwards). */
function codeOf(graphqlCode: string, status: number): ErrorCode {
  if (graphqlCode === 'GRAPHQL_VALIDATION_FAILED') return 'BAD_INPUT';
  const code = (Object.keys(ERRORS) as ErrorCode[]).find((c) => ERRORS[c].graphql === graphqlCode);
  return code ?? (status === 401 ? 'UNAUTHENTICATED' : 'STORE_ERROR');
}

const RESULT_FIELDS = 'change dryRun summary command subject details added removed version';

export class ServerClient {
  readonly info: ServerInfo;
  /** How long to wait for the server to answer one request, in ms (validation of a big store takes a while). */
  readonly #timeoutMs: number;

  constructor(info: ServerInfo) {
    this.info = info;
    this.#timeoutMs = setting('serverTimeoutMs', undefined).value;
  }

  async applyEdit(request: EditRequest, meta: EditMeta, dryRun: boolean): Promise<EditResult> {
    const edit = { ...toEditInput(request), author: meta.author, ...(meta.message ? { message: meta.message } : {}) };
    const data = await this.#call<{ applyEdit: EditResult }>(
      `mutation Edit($edit: EditInput!, $dryRun: Boolean) { applyEdit(edit: $edit, dryRun: $dryRun) { ${RESULT_FIELDS} } }`,
      { edit, dryRun },
    );
    return data.applyEdit;
  }

  async undo(request: UndoRequest, meta: EditMeta, dryRun: boolean): Promise<EditResult> {
    const data = await this.#call<{ undo: EditResult }>(
      `mutation Undo($change: Int, $force: Boolean, $author: String!, $message: String, $dryRun: Boolean) {
        undo(change: $change, force: $force, author: $author, message: $message, dryRun: $dryRun) { ${RESULT_FIELDS} } }`,
      { change: request.change ?? null, force: Boolean(request.force), author: meta.author, message: meta.message ?? null, dryRun },
    );
    return data.undo;
  }

  /** Newest first, ids in (since, before). */
  async changes(since: number, before: number | null, limit: number): Promise<ChangeRecord[]> {
    const data = await this.#call<{ changes: ChangeRecord[] }>(
      'query Changes($since: Int, $before: Int, $limit: Int) { changes(since: $since, before: $before, limit: $limit) { id time author message command added removed } }',
      { since, before, limit },
    );
    return data.changes;
  }

  /**
   * The server's snapshot, rebuilt here from its N-Triples download: reads through a running
   * server (`stats`, `show`, `validate`, `export`) then run the same code on the same triples as
   * on the store, so their output is the same.
   */
  async snapshot(): Promise<KnowledgeBase> {
    const response = await this.#get(DOWNLOADS.ntriples, MEDIA_TYPES.ntriples);
    const version = Number(response.headers.get('x-emokb-version'));
    const quads = parseTurtle(await response.text(), `${this.info.url}${DOWNLOADS.ntriples}`);
    return KnowledgeBase.fromQuads(quads, Number.isInteger(version) ? version : 0);
  }

  /** Where the server's store lives and its size on disk (for `stats`); needs the token. */
  async storeInfo(): Promise<{ location: string; bytes: number | null }> {
    const body = (await (await this.#get(STORE_PATH, 'application/json', true)).json()) as { location: string; bytes: number | null };
    return { location: body.location, bytes: body.bytes };
  }

  /** A SPARQL query through the server's /sparql, answered in `format` (its limits apply). */
  async sparql(query: string, format: AnswerFormat): Promise<string> {
    return (await this.#get(SPARQL_PATH, MEDIA_TYPES[format], false, query)).text();
  }

  /** A GET (a POST of `query` to /sparql), its error answer turned into the EmokbError of its code. */
  async #get(path: string, accept: string, authorized = false, query?: string): Promise<Response> {
    const endpoint = `${this.info.url}${path}`;
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: query === undefined ? 'GET' : 'POST',
        headers: {
          accept,
          ...(authorized ? { authorization: `Bearer ${this.info.token}` } : {}),
          ...(query === undefined ? {} : { 'content-type': 'application/sparql-query' }),
        },
        ...(query === undefined ? {} : { body: query }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED' || code === 'EADDRNOTAVAIL' || code === 'EHOSTUNREACH')
        throw new ServerUnreachable(`${endpoint}: ${code}`);
      throw new EmokbError('STORE_ERROR', `the server at ${endpoint} did not answer (${code ?? (error as Error).name})`, { url: endpoint });
    }
    if (response.ok) return response;
    let error: { message?: string; extensions?: Record<string, unknown> } | undefined;
    try {
      error = ((await response.json()) as { errors?: Array<typeof error> }).errors?.[0];
    } catch {
      // not an error document
    }
    if (!error?.message)
      throw new EmokbError('STORE_ERROR', `the server at ${endpoint} answered HTTP ${response.status}`, { url: endpoint });
    const { code: graphqlCode, ...details } = error.extensions ?? {};
    throw new EmokbError(codeOf(String(graphqlCode ?? ''), response.status), error.message, { ...details, url: this.info.url });
  }

  async #call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const endpoint = `${this.info.url}/graphql`;
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.info.token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED' || code === 'EADDRNOTAVAIL' || code === 'EHOSTUNREACH')
        throw new ServerUnreachable(`${endpoint}: ${code}`);
      throw new EmokbError(
        'STORE_ERROR',
        `the server at ${endpoint} did not answer (${code ?? (error as Error).name}); the edit may or may not have been applied: check \`emokb history\``,
        { url: endpoint },
      );
    }
    let body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new EmokbError('STORE_ERROR', `the server at ${endpoint} answered HTTP ${response.status} without a GraphQL response`, {
        url: endpoint,
      });
    }
    const error = body.errors?.[0];
    if (error) {
      const { http: _http, ...extensions } = error.extensions ?? {};
      const code = codeOf(String(extensions.code ?? ''), response.status);
      const where = code === 'UNAUTHENTICATED' ? ` (the token in server.json was refused by ${this.info.url}; the file may be stale)` : '';
      // The server names fields under the mutation's argument (`edit.weight`); the CLI names the request's own (`weight`).
      const field = typeof extensions.field === 'string' ? extensions.field : undefined;
      const local = field?.startsWith('edit.') ? field.slice('edit.'.length) : field;
      const details = { ...extensions, code: undefined, url: this.info.url };
      delete details.code;
      if (local && typeof extensions.reason === 'string') throw fieldError(code, local, `${extensions.reason}${where}`, details);
      throw new EmokbError(code, `${error.message}${where}`, details);
    }
    if (!body.data)
      throw new EmokbError('STORE_ERROR', `the server at ${endpoint} answered HTTP ${response.status} with no data`, { url: endpoint });
    return body.data;
  }
}
