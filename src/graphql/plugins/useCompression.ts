// Compression of text answers a browser downloads whole: the web explorer's script, styles and page,
// and GraphiQL's page (9.3 MB of script in one HTML answer, 2.1 MB gzipped). brotli or gzip as the
// request's Accept-Encoding prefers (negotiator: q-values, `identity;q=0`), `Vary: Accept-Encoding`.
// GraphQL's JSON answers are left alone: small, per request, and read by API clients and benches
// that do not ask for compression. A body of at least MEMO_MIN_BYTES is compressed once and kept
// (keyed by its SHA-1, 34 ms over GraphiQL's page): that page, the same every time, took 2.3 s to
// brotli at quality 5 (1.95 MB; quality 9: 6.9 s for 1.86 MB) and 1.5 s to gzip at level 9 (2.43 MB) on
// this (loaded) machine; compression runs in libuv's thread pool, not on the event loop.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';
import type { Plugin } from 'graphql-yoga';

const COMPRESSIBLE = /^(text\/html|text\/css|text\/javascript|application\/javascript|image\/svg\+xml|application\/manifest\+json)\b/;
/** Below this a compressed answer is hardly smaller than its headers. */
const MIN_BYTES = 1024;
const MEMO_MIN_BYTES = 32 * 1024;
const MEMO_ENTRIES = 32;
type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function compress(body: Uint8Array, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const packed = await (encoding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
    : gzipAsync(body, { level: 6 }));
  // A copy with its own ArrayBuffer, as a Response body wants it (a Buffer may share a pool).
  return new Uint8Array(packed);
}

/** The encoding the request prefers among brotli and gzip, or undefined for none. */
export function preferredEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  // At equal q-values brotli wins (browsers list gzip first: "gzip, deflate, br, zstd").
  // (negotiator 1.0's `preferred` option; @types/negotiator 0.6 does not declare it.)
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as {
    encoding(available: string[], options: { preferred: string[] }): string | undefined;
  };
  const chosen = negotiator.encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

export function useCompression(): Plugin {
  const memo = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const compressed = (body: Uint8Array, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> => {
    if (body.byteLength < MEMO_MIN_BYTES) return compress(body, encoding);
    const key = `${encoding}:${createHash('sha1').update(body).digest('hex')}`;
    let result = memo.get(key);
    if (!result) {
      if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
      memo.set(key, (result = compress(body, encoding)));
      result.catch(() => memo.delete(key));
    }
    return result;
  };
  return {
    async onResponse({ request, response, setResponse }) {
      const type = response.headers.get('content-type') ?? '';
      if (!COMPRESSIBLE.test(type) || response.headers.has('content-encoding') || !response.body) return;
      if (response.status !== 200 || request.method === 'HEAD') return;
      const headers = new Headers(response.headers);
      headers.append('vary', 'accept-encoding');
      const encoding = preferredEncoding(request.headers.get('accept-encoding'));
      const body = new Uint8Array(await response.arrayBuffer());
      if (!encoding || body.byteLength < MIN_BYTES) {
        setResponse(new Response(body, { status: response.status, headers }));
        return;
      }
      const packed = await compressed(body, encoding);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(packed.byteLength));
      setResponse(new Response(packed, { status: response.status, headers }));
    },
  };
}
