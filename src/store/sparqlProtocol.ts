// The SPARQL 1.1 Protocol as a client speaks it: queries (POST, form-encoded, JSON results) to the
// query endpoint, updates to the update endpoint, HTTP Digest or Basic credentials where the server
// asks for them (Virtuoso's /sparql-auth asks for Digest), and every failure turned into an
// EmokbError that names the endpoint (never the password). Nothing here knows emokb's graphs.
import { createHash, randomBytes } from 'node:crypto';
import { EmokbError } from '../errors.js';

export interface EndpointOptions {
  /** The query endpoint, e.g. http://127.0.0.1:8890/sparql. */
  queryUrl: string;
  /** The update endpoint (default: the query endpoint). */
  updateUrl?: string;
  /**
   * The SPARQL 1.1 Graph Store HTTP Protocol endpoint (Virtuoso: /sparql-graph-crud-auth), used to
   * upload a large change's triples; without it they go in INSERT DATA requests, several times slower.
   */
  graphStoreUrl?: string;
  user?: string;
  password?: string;
  /** Milliseconds one request may take. */
  timeoutMs: number;
}

/** One solution of a SELECT: variable -> term as the SPARQL 1.1 JSON results format gives it. */
export type Binding = Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>;

interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  qop?: string;
  algorithm?: string;
  /** Requests sent with this nonce so far. */
  nc: number;
}

/** The endpoint could not be reached at all (refused, reset, timed out): the store is unavailable. */
export class EndpointUnreachable extends EmokbError {}

export class SparqlEndpoint {
  readonly queryUrl: string;
  readonly updateUrl: string;
  readonly graphStoreUrl: string | undefined;
  readonly #user: string | undefined;
  readonly #password: string | undefined;
  readonly #timeoutMs: number;
  /** The last Digest challenge, reused (with a growing nonce count) until the server says stale. */
  #digest: DigestChallenge | null = null;
  /**
   * Whether the server asked for Basic. Nothing is sent before the server's first challenge:
   * Virtuoso answers a request that carries Basic credentials with a 401 that has no challenge.
   */
  #basic = false;

  constructor(options: EndpointOptions) {
    this.queryUrl = options.queryUrl;
    this.updateUrl = options.updateUrl ?? options.queryUrl;
    this.graphStoreUrl = options.graphStoreUrl;
    this.#user = options.user;
    this.#password = options.password;
    this.#timeoutMs = options.timeoutMs;
  }

  /** A SELECT (or ASK): its solutions. */
  async select(query: string): Promise<Binding[]> {
    const body = await this.#post(this.queryUrl, 'query', query, 'application/sparql-results+json');
    try {
      const parsed = JSON.parse(body) as { results?: { bindings?: Binding[] }; boolean?: boolean };
      if (typeof parsed.boolean === 'boolean') return parsed.boolean ? [{}] : [];
      return parsed.results?.bindings ?? [];
    } catch {
      throw new EmokbError('STORE_ERROR', `SPARQL store ${this.queryUrl}: the answer to a query is not SPARQL JSON results`, {
        endpoint: this.queryUrl,
      });
    }
  }

  /** A CONSTRUCT, its triples as N-Triples text. */
  async construct(query: string): Promise<string> {
    return this.#post(this.queryUrl, 'query', query, 'application/n-triples, text/plain;q=0.5');
  }

  /** An update request (one or several operations), as one POST. */
  async update(update: string): Promise<void> {
    await this.#post(this.updateUrl, 'update', update, 'application/sparql-results+json, text/plain;q=0.5');
  }

  /** Adds N-Triples to a graph through the Graph Store Protocol (POST ?graph=IRI). */
  async postGraph(graph: string, ntriples: string): Promise<void> {
    if (!this.graphStoreUrl) throw new Error('no graph store endpoint');
    const url = new URL(this.graphStoreUrl);
    url.searchParams.set('graph', graph);
    await this.#exchange(url.toString(), ntriples, 'application/n-triples', '*/*', 'an upload');
  }

  async #post(url: string, field: 'query' | 'update', text: string, accept: string): Promise<string> {
    const body = new URLSearchParams({ [field]: text }).toString();
    return this.#exchange(url, body, 'application/x-www-form-urlencoded', accept, field === 'query' ? 'a query' : 'an update');
  }

  async #exchange(url: string, body: string, type: string, accept: string, what: string): Promise<string> {
    let response = await this.#send(url, body, type, accept, this.#authorization(url));
    if (response.status === 401 && this.#user !== undefined) {
      const challenge = response.headers.get('www-authenticate') ?? '';
      await response.body?.cancel();
      this.#digest = parseDigest(challenge);
      this.#basic = this.#digest === null;
      response = await this.#send(url, body, type, accept, this.#authorization(url));
    }
    const answer = await response.text();
    if (response.ok) return answer;
    if (response.status === 401 || response.status === 403) {
      const how =
        this.#user === undefined
          ? 'no credentials were given: set EMOKB_SPARQL_USER and EMOKB_SPARQL_PASSWORD_FILE (or EMOKB_SPARQL_PASSWORD)'
          : `the credentials of user ${JSON.stringify(this.#user)} were refused`;
      throw new EmokbError('UNAUTHENTICATED', `SPARQL store ${url} refused ${what} (HTTP ${response.status}): ${how}`, {
        endpoint: url,
        status: response.status,
      });
    }
    const first = answer.trim().split('\n')[0]?.slice(0, 300) ?? '';
    throw new EmokbError('STORE_ERROR', `SPARQL store ${url} failed ${what} (HTTP ${response.status}): ${first}`, {
      endpoint: url,
      status: response.status,
    });
  }

  async #send(url: string, body: string, type: string, accept: string, authorization: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': type, accept };
    if (authorization) headers.authorization = authorization;
    try {
      return await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.#timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${this.#timeoutMs} ms (EMOKB_STORE_TIMEOUT_MS)`
          : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new EndpointUnreachable('STORE_ERROR', `SPARQL store ${url} is unreachable: ${reason}`, { endpoint: url }, { cause: error });
    }
  }

  #authorization(url: string): string | undefined {
    if (this.#user === undefined) return undefined;
    const password = this.#password ?? '';
    const d = this.#digest;
    if (!d && !this.#basic) return undefined;
    if (!d) return `Basic ${Buffer.from(`${this.#user}:${password}`).toString('base64')}`;
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const { pathname, search } = new URL(url);
    const uri = pathname + search;
    const ha1 = md5(`${this.#user}:${d.realm}:${password}`);
    const ha2 = md5(`POST:${uri}`);
    const parts = [`username="${this.#user}"`, `realm="${d.realm}"`, `nonce="${d.nonce}"`, `uri="${uri}"`];
    if (d.qop) {
      const nc = (++d.nc).toString(16).padStart(8, '0');
      const cnonce = randomBytes(8).toString('hex');
      parts.push(`qop=auth`, `nc=${nc}`, `cnonce="${cnonce}"`, `response="${md5(`${ha1}:${d.nonce}:${nc}:${cnonce}:auth:${ha2}`)}"`);
    } else {
      parts.push(`response="${md5(`${ha1}:${d.nonce}:${ha2}`)}"`);
    }
    if (d.opaque) parts.push(`opaque="${d.opaque}"`);
    if (d.algorithm) parts.push(`algorithm=${d.algorithm}`);
    return `Digest ${parts.join(', ')}`;
  }
}

/** The parameters of a `WWW-Authenticate: Digest ...` challenge; null for any other scheme (Basic is sent as is). */
function parseDigest(header: string): DigestChallenge | null {
  if (!/^\s*Digest\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) params[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  if (!params.nonce) return null;
  const qop = params.qop
    ?.split(',')
    .map((s) => s.trim())
    .includes('auth')
    ? 'auth'
    : undefined;
  return { realm: params.realm ?? '', nonce: params.nonce, opaque: params.opaque, qop, algorithm: params.algorithm, nc: 0 };
}
