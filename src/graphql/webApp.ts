// The web explorer at `/`: the files Vite builds from web/ into dist/web, served from memory. The
// page (index.html) answers `/`, the explorer's own routes (`/search`, `/tag`) and, for a browser,
// an emotion's IRI path (`/emotion/anger-primary` with an Accept that prefers HTML): the explorer
// then shows that emotion, reading it through GraphQL. An RDF Accept still gets the RDF document
// (useLinkedData, after this plugin). Hashed assets (`/assets/*`) are immutable for a year; the
// page is `no-cache` (revalidated by its ETag), so a rebuilt explorer is seen on the next load.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { negotiate } from '../rdf/mediaTypes.js';
import { EMOKB_BASE } from '../rdf/namespaces.js';
import { RDF_FORMATS } from '../rdf/turtle.js';
import { errorResponse } from './httpAnswers.js';

export interface WebAppOptions {
  /** The built explorer (WEB_DIR); a missing folder makes `/` a 404 that says how to build it. */
  dir: string;
  snapshot: () => KnowledgeBase | undefined;
}

interface WebFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  etag: string;
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
/** The explorer's routes besides an emotion's IRI path: each answers with the page. */
const PAGE_ROUTES = new Set(['/', '/index.html', '/search', '/tag']);
const EMOTION_PATH = '/emotion/';

function readBuild(dir: string): Map<string, WebFile> | undefined {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return undefined;
  }
  const files = new Map<string, WebFile>();
  for (const name of names) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const body = new Uint8Array(readFileSync(path));
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(urlPath, {
      body,
      type: TYPES[extname(name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return files.has('/index.html') ? files : undefined;
}

function fileResponse(request: Request, file: WebFile, status = 200): Response {
  const headers = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (status === 200 && request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : file.body, { status, headers });
}

/** True when the request is a browser's for a page: its Accept prefers HTML to every RDF format. */
function wantsPage(request: Request): boolean {
  return negotiate(request.headers.get('accept'), [...RDF_FORMATS, 'html']) === 'html';
}

export function useWebApp(options: WebAppOptions): Plugin {
  let files: Map<string, WebFile> | undefined;
  const build = () => (files ??= readBuild(options.dir));
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname;
      const isPage = PAGE_ROUTES.has(path) || (path.startsWith(EMOTION_PATH) && wantsPage(request));
      if (!isPage && !path.startsWith('/assets/') && path !== '/favicon.svg') return;
      const built = build();
      // Not built: an emotion's path keeps the linked-data HTML page; `/` says how to build.
      if (!built && path.startsWith(EMOTION_PATH)) return;
      if (!built)
        return endResponse(errorResponse(404, 'NOT_FOUND', `the web explorer is not built (no ${options.dir}); run \`npm run build\``, {}));
      if (!isPage) {
        const file = built.get(path);
        return endResponse(file ? fileResponse(request, file) : errorResponse(404, 'NOT_FOUND', `no file ${path}`));
      }
      // An emotion the knowledge base does not have: the page still loads (it says so), with 404.
      const kb = options.snapshot();
      const unknown = path.startsWith(EMOTION_PATH) && kb !== undefined && !kb.emotion(`${EMOKB_BASE}${path.slice(1)}`);
      endResponse(fileResponse(request, built.get('/index.html')!, unknown ? 404 : 200));
    },
  };
}
