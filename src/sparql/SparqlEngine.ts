// SPARQL 1.1 queries over a knowledge-base snapshot, read-only, with a time limit and a
// result-size limit. The engine is Oxigraph's WebAssembly build in a worker thread
// (src/sparql/queryWorker.ts), loaded from the snapshot's triples on the first query and again
// after each edit (a new snapshot): so /sparql answers over exactly the snapshot GraphQL serves.
// Why Oxigraph and not Comunica over the store (quadstore-comunica), measured with bench/sparql.mjs
// and written in the README ("SPARQL"): two orders of magnitude faster on the README's queries,
// and Comunica never finished one of them.
// Queries run one at a time (Oxigraph's evaluation is synchronous); a query over the time limit
// is stopped by terminating the worker, and the next query starts a new one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EmokbError } from '../errors.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { AnswerFormat } from '../rdf/mediaTypes.js';
import { graphText } from '../kb/graphText.js';
import { SETTINGS } from '../settings.js';
import { FORMATS_OF, queryForm, type QueryForm } from './queryForm.js';
import type { WorkerReply, WorkerRequest } from './queryWorker.js';

export interface SparqlLimits {
  /** How long one query may run, in ms (its wait in the queue and the loading of a snapshot not counted). */
  timeoutMs: number;
  /** Bytes of one serialized result. */
  maxResultBytes: number;
}

export const DEFAULT_SPARQL_LIMITS: Readonly<SparqlLimits> = Object.freeze({
  timeoutMs: SETTINGS.sparqlTimeoutMs.default,
  maxResultBytes: SETTINGS.sparqlMaxResultBytes.default,
});

/** The compiled worker beside this module; from the sources (tests), the built one in dist/. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./queryWorker.js', import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL('../../dist/sparql/queryWorker.js', import.meta.url));
}

interface Pending {
  resolve: (body: string) => void;
  reject: (error: Error) => void;
}

export class SparqlEngine {
  readonly limits: SparqlLimits;
  #worker: Worker | undefined;
  /** The snapshot the worker holds (snapshots are immutable: a new edit makes a new object). */
  #loaded: KnowledgeBase | undefined;
  #loading: Promise<void> | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  /** The queue: each query starts when the one before it has settled. */
  #tail: Promise<unknown> = Promise.resolve();

  constructor(limits: Partial<SparqlLimits> = {}) {
    this.limits = { ...DEFAULT_SPARQL_LIMITS, ...limits };
  }

  /**
   * Runs `text` over `kb` and answers in `format` (one of FORMATS_OF[form]; BAD_INPUT otherwise).
   * READ_ONLY for an update, BAD_INPUT for a query that does not parse, LIMIT_EXCEEDED over a limit.
   */
  query(kb: KnowledgeBase, text: string, format?: AnswerFormat): Promise<{ form: QueryForm; format: AnswerFormat; body: string }> {
    const form = queryForm(text);
    const chosen = format ?? FORMATS_OF[form][0]!;
    if (!FORMATS_OF[form].includes(chosen))
      throw new EmokbError(
        'BAD_INPUT',
        `a ${form.toUpperCase()} query cannot be answered as ${chosen}: use one of ${FORMATS_OF[form].join(', ')}`,
        {
          field: 'format',
          reason: `not a format of ${form.toUpperCase()}`,
        },
      );
    const run = this.#tail.then(async () => {
      await this.#load(kb);
      return { form, format: chosen, body: await this.#run({ text, form, format: chosen }) };
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker (the CLI calls this before it exits; the server on shutdown). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#reset();
    await worker?.terminate();
  }

  async #load(kb: KnowledgeBase): Promise<void> {
    if (this.#loaded === kb && this.#worker) return;
    if (!this.#worker) this.#start();
    const worker = this.#worker!;
    // Settled by the worker's "loaded", its error or its exit; every listener is removed once it is
    // (a listener per load left behind would pile up over edits, and an exit with no error event
    // would leave the load, and every query queued behind it, waiting for ever).
    this.#loading = new Promise<void>((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.type !== 'loaded') return;
        done();
        resolve();
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = () => {
        done();
        reject(new EmokbError('INTERNAL', 'the SPARQL engine stopped while loading the snapshot'));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    worker.postMessage({ type: 'load', ntriples: await graphText(kb, 'ntriples') } satisfies WorkerRequest);
    await this.#loading;
    this.#loaded = kb;
  }

  #start(): void {
    const worker = new Worker(workerFile());
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'loaded') return;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.type === 'answer') pending.resolve(reply.body);
      else pending.reject(new EmokbError(reply.code, reply.message, reply.details));
    });
    worker.on('error', (error) =>
      this.#fail(worker, new EmokbError('INTERNAL', `the SPARQL engine failed: ${error.message}`, {}, { cause: error })),
    );
    worker.on('exit', () => this.#fail(worker, new EmokbError('INTERNAL', 'the SPARQL engine stopped')));
    this.#worker = worker;
  }

  #run(request: { text: string; form: QueryForm; format: AnswerFormat }): Promise<string> {
    const worker = this.#worker!;
    const id = this.#nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        // Stopped from outside: the worker and its copy of the snapshot go; the next query loads a new one.
        this.#reset();
        void worker.terminate();
        reject(
          new EmokbError(
            'LIMIT_EXCEEDED',
            `the SPARQL query ran for more than ${this.limits.timeoutMs} ms and was stopped (--sparql-timeout or EMOKB_SPARQL_TIMEOUT_MS); narrow it, or add a LIMIT`,
            { limit: 'sparqlTimeoutMs', max: this.limits.timeoutMs },
          ),
        );
      }, this.limits.timeoutMs);
      this.#pending.set(id, {
        resolve: (body) => (clearTimeout(timer), resolve(body)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      worker.postMessage({ type: 'query', id, ...request, maxResultBytes: this.limits.maxResultBytes } satisfies WorkerRequest);
    });
  }

  #fail(worker: Worker, error: Error): void {
    if (worker !== this.#worker) return;
    this.#reset();
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #reset(): void {
    this.#worker = undefined;
    this.#loaded = undefined;
    this.#loading = undefined;
  }
}
