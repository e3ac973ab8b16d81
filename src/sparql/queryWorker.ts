// The worker thread that holds the SPARQL engine: Oxigraph (its WebAssembly build) loaded with one
// snapshot's triples. A query runs synchronously inside WebAssembly and cannot be interrupted
// from within, so it runs here, away from the server's event loop, and the time limit is kept by
// the main thread, which terminates this worker when a query runs over (src/sparql/SparqlEngine.ts).
// The result is serialized here too, and refused when it is larger than the result-size limit.
import { parentPort } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import { DataFactory } from '../rdf/n3.js';
import type { Quad, Term } from '@rdfjs/types';
import { EmokbError, isEmokbError } from '../errors.js';
import { MEDIA_TYPES, type AnswerFormat } from '../rdf/mediaTypes.js';
import { EMOKB_BASE } from '../rdf/namespaces.js';
import { serialize, type RdfFormat } from '../rdf/turtle.js';
import type { QueryForm } from './queryForm.js';

export type WorkerRequest =
  | { type: 'load'; ntriples: string }
  | { type: 'query'; id: number; text: string; form: QueryForm; format: AnswerFormat; maxResultBytes: number };

export type WorkerReply =
  | { type: 'loaded'; triples: number }
  | { type: 'answer'; id: number; body: string }
  | { type: 'failed'; id: number; code: EmokbError['code']; message: string; details?: Record<string, unknown> };

let store: oxigraph.Store | undefined;

/** Oxigraph's terms as N3's, so the project's own writers (sorted, with prefixes) serialize them. */
function toN3(term: Term): Term {
  switch (term.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(term.value);
    case 'BlankNode':
      return DataFactory.blankNode(term.value);
    case 'Literal':
      return term.language
        ? DataFactory.literal(term.value, term.language)
        : DataFactory.literal(term.value, DataFactory.namedNode(term.datatype.value));
    default:
      return DataFactory.defaultGraph();
  }
}

async function answer(request: Extract<WorkerRequest, { type: 'query' }>): Promise<string> {
  if (!store) throw new EmokbError('INTERNAL', 'the SPARQL engine was asked a query before it was loaded');
  let body: string;
  try {
    if (request.form === 'select' || request.form === 'ask') {
      body = store.query(request.text, { base_iri: EMOKB_BASE, results_format: MEDIA_TYPES[request.format] }) as string;
    } else {
      const quads = store.query(request.text, { base_iri: EMOKB_BASE }) as Quad[];
      const n3 = quads.map((q) => DataFactory.quad(toN3(q.subject) as never, toN3(q.predicate) as never, toN3(q.object) as never));
      body = await serialize(n3, request.format as RdfFormat);
    }
  } catch (error) {
    if (isEmokbError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new EmokbError('BAD_INPUT', `the SPARQL query cannot be run: ${message}`, { field: 'query', reason: message });
  }
  const bytes = Buffer.byteLength(body);
  if (bytes > request.maxResultBytes)
    throw new EmokbError(
      'LIMIT_EXCEEDED',
      `the SPARQL result is ${bytes} bytes, over the limit of ${request.maxResultBytes} (--sparql-max-result or EMOKB_SPARQL_MAX_RESULT_BYTES); narrow the query, page it with LIMIT and OFFSET, or download the whole graph (/download/emokb.nt, \`emokb export\`)`,
      { limit: 'sparqlMaxResultBytes', max: request.maxResultBytes, actual: bytes },
    );
  return body;
}

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'load') {
    store = new oxigraph.Store();
    // One N-Triples text through Oxigraph's parser: adding quad by quad crosses into WebAssembly
    // for every term (54 s for the 96,000 triples, measured with bench/sparql.mjs, against about 2 s).
    store.load(request.ntriples, { format: MEDIA_TYPES.ntriples, no_transaction: true });
    parentPort!.postMessage({ type: 'loaded', triples: store.size } satisfies WorkerReply);
    return;
  }
  answer(request).then(
    (body) => parentPort!.postMessage({ type: 'answer', id: request.id, body } satisfies WorkerReply),
    (error: unknown) => {
      const e = isEmokbError(error) ? error : new EmokbError('INTERNAL', error instanceof Error ? error.message : String(error));
      parentPort!.postMessage({
        type: 'failed',
        id: request.id,
        code: e.code,
        message: e.message,
        details: e.details,
      } satisfies WorkerReply);
    },
  );
});
