// How the real server serves the explorer, read with node:http (which, unlike fetch, shows the
// bytes on the wire): the page at `/` and at an emotion's IRI path for a browser (RDF for an RDF
// Accept), cache headers (hashed assets immutable, the page revalidated), and brotli or gzip for
// the explorer and for GraphiQL's page as Accept-Encoding asks.
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { startServer, type ServerHandle } from '../helpers/server.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
let server: ServerHandle;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startServer(join(await tempDir(), 'data'));
});
afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('serving the web explorer', () => {
  it('answers / and the explorer routes with the page, revalidated by its ETag; hashed assets are immutable', async () => {
    const page = await get('/', { accept: BROWSER_ACCEPT });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = page.body.toString();
    expect(html).toContain('<title>emokb explorer</title>');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect((await get('/', { 'if-none-match': String(page.headers.etag) })).status).toBe(304);
    for (const route of ['/search?q=furious', '/tag']) expect((await get(route)).body.equals(page.body)).toBe(true);

    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/no-such-file.js')).status).toBe(404);
  });

  it('gives a browser the explorer at an emotion IRI path, and RDF to an RDF client', async () => {
    const page = await get('/emotion/anger-primary', { accept: BROWSER_ACCEPT });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>emokb explorer</title>');
    const turtle = await get('/emotion/anger-primary', { accept: 'text/turtle' });
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    expect(turtle.body.toString()).toContain('anger');
    expect((await get('/emotion/anger-primary')).headers['content-type']).toMatch(/^text\/turtle/);
    // An emotion the knowledge base lacks: the page (which says so) with 404.
    expect((await get('/emotion/no-such-emotion', { accept: BROWSER_ACCEPT })).status).toBe(404);
    // Other IRI spaces keep the linked-data HTML page.
    expect((await get('/ontology', { accept: BROWSER_ACCEPT })).body.toString()).not.toContain('emokb explorer');
  });

  it('compresses the explorer and GraphiQL with brotli or gzip as Accept-Encoding prefers, and not otherwise', async () => {
    const script = (await get('/')).body.toString().match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const plain = await get(script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/);
    const br = await get(script, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    const gz = await get(script, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect((await get(script, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();

    const graphiql = await get('/graphql', { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers['content-encoding']).toBe('gzip');
    const unpacked = gunzipSync(graphiql.body);
    expect(unpacked.toString()).toContain('GraphiQL');
    expect(graphiql.body.length).toBeLessThan(unpacked.length / 3);
    // GraphQL's own JSON answers are left as they were.
    const json = await get('/graphql?query=%7Bversion%7Bversion%7D%7D', { accept: 'application/json', 'accept-encoding': 'gzip, br' });
    expect(json.headers['content-encoding']).toBeUndefined();
  });
});
