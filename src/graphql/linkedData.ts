// The linked-data routes: every IRI under https://w3id.org/emokb/ answers at its path on this server
// (`/emotion/anger-primary`, `/ontology`, `/lexicon/en/...`) in Turtle, N-Triples or JSON-LD by
// `Accept`, a small HTML page for a browser, 406 for anything else, 404 for an IRI the knowledge
// base does not have; plus the JSON-LD context (`/context.jsonld`), the VoID and DCAT description
// (`/.well-known/void`), and the whole graph as downloads (`/download/emokb.ttl|.nt|.jsonld`,
// byte for byte `emokb export`). `/store` tells the CLI, with the token of server.json, where the
// store lives and how big it is (for `emokb stats` through a running server).
import { graphText } from '../kb/graphText.js';
import type { Plugin } from 'graphql-yoga';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import { contentType, negotiate } from '../rdf/mediaTypes.js';
import { EMOKB_BASE } from '../rdf/namespaces.js';
import { RDF_FORMATS, serialize, type RdfFormat } from '../rdf/turtle.js';
import { datasetDescription, DOWNLOADS, VOID_PATH } from '../linkeddata/datasetDescription.js';
import { describeDocument } from '../linkeddata/documents.js';
import { htmlPage } from '../linkeddata/html.js';
import { CONTEXT_PATH, jsonLdContext } from '../linkeddata/jsonldContext.js';
import { answer, errorResponse, notAcceptable } from './httpAnswers.js';
import { bearerMatches } from './serverFile.js';

export interface LinkedDataOptions {
  snapshot: () => KnowledgeBase | undefined;
  /** For `/store`: the service and the token of server.json. */
  editing?: { service: () => KnowledgeService | undefined; token?: string };
}

/** Paths of the IRI spaces the knowledge mints: an unknown IRI there is 404 here, not GraphQL's. */
const IRI_SPACES = ['/emotion/', '/ontology', '/lexicon/', '/scheme/', '/edge/', '/transition/', '/.well-known/genid/'];
const DOCUMENT_FORMATS: ReadonlyArray<RdfFormat | 'html'> = [...RDF_FORMATS, 'html'];
export const STORE_PATH = '/store';

/** The dataset description per snapshot and origin (it counts over every quad). */
const descriptions = new WeakMap<KnowledgeBase, Map<string, ReturnType<typeof datasetDescription>>>();

function description(kb: KnowledgeBase, origin: string): ReturnType<typeof datasetDescription> {
  let byOrigin = descriptions.get(kb);
  if (!byOrigin) descriptions.set(kb, (byOrigin = new Map()));
  let quads = byOrigin.get(origin);
  if (!quads) byOrigin.set(origin, (quads = datasetDescription(kb, origin)));
  return quads;
}

async function rdfAnswer(request: Request, what: string, iri: string, quads: readonly import('@rdfjs/types').Quad[]): Promise<Response> {
  const format = negotiate(request.headers.get('accept'), DOCUMENT_FORMATS);
  if (!format) return notAcceptable(what, DOCUMENT_FORMATS);
  const body = format === 'html' ? htmlPage(iri, quads) : await serialize(quads, format);
  return answer(format, request.method === 'HEAD' ? '' : body);
}

export function useLinkedData(options: LinkedDataOptions): Plugin {
  const respond = async (request: Request, url: URL, endResponse: (response: Response) => void, isDownload: boolean): Promise<void> => {
    const path = url.pathname;
    const kb = options.snapshot();
    if (!kb)
      return endResponse(errorResponse(503, 'NOT_READY', 'the knowledge base is still loading; retry shortly', {}, { 'retry-after': '1' }));
    if (path === VOID_PATH)
      return endResponse(await rdfAnswer(request, 'the dataset description', `${EMOKB_BASE}.well-known/void`, description(kb, url.origin)));
    if (isDownload) {
      const format = (Object.keys(DOWNLOADS) as RdfFormat[]).find((f) => DOWNLOADS[f] === path)!;
      return endResponse(
        answer(format, request.method === 'HEAD' ? '' : await graphText(kb, format), { 'x-emokb-version': String(kb.version) }),
      );
    }
    if (path === STORE_PATH) {
      const token = options.editing?.token;
      const service = options.editing?.service();
      if (!token || !service || !bearerMatches(request.headers.get('authorization'), token))
        return endResponse(errorResponse(401, 'UNAUTHENTICATED', `${STORE_PATH} needs the bearer token of server.json`));
      return endResponse(
        new Response(
          `${JSON.stringify({ location: service.store.location, bytes: await service.store.sizeOnDisk(), version: kb.version })}\n`,
          {
            headers: { 'content-type': 'application/json; charset=utf-8' },
          },
        ),
      );
    }
    const iri = `${EMOKB_BASE}${path.slice(1)}`;
    const quads = describeDocument(kb, iri);
    if (!quads) return endResponse(errorResponse(404, 'NOT_FOUND', `emokb has no resource <${iri}>`, { iri }));
    endResponse(await rdfAnswer(request, `<${iri}>`, iri, quads));
  };
  return {
    // Synchronous for every request that is not for a document here (every GraphQL one): an async
    // hook hands yoga a promise per request, and yoga then runs the hooks after it and the request
    // itself a microtask later.
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname;
      if (path === CONTEXT_PATH)
        return endResponse(
          new Response(jsonLdContext(), { headers: { 'content-type': contentType('jsonld'), 'cache-control': 'public, max-age=86400' } }),
        );
      const isDownload = Object.values(DOWNLOADS).includes(path);
      const isDocument = IRI_SPACES.some((space) => path.startsWith(space));
      if (path !== VOID_PATH && path !== STORE_PATH && !isDownload && !isDocument) return;
      return respond(request, url, endResponse, isDownload);
    },
  };
}
