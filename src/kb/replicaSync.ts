// What keeps a replica's snapshot current on a shared store: every `intervalMs` it asks the store
// for its version (one small query; see SparqlStore.version) and, when another process committed,
// takes in the new log entries (KnowledgeService.refresh). While the store cannot be reached, the
// replica keeps serving the snapshot it has and says why it cannot take writes (`problem`, which
// /ready reports); the next poll that reaches the store catches up.
import type { KnowledgeService } from './KnowledgeService.js';

export interface ReplicaLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export class ReplicaSync {
  readonly #service: KnowledgeService;
  readonly #intervalMs: number;
  readonly #log: ReplicaLog | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #problem: string | undefined;
  #since: string | undefined;

  constructor(service: KnowledgeService, intervalMs: number, log?: ReplicaLog) {
    this.#service = service;
    this.#intervalMs = intervalMs;
    this.#log = log;
  }

  /** Why writes cannot be taken now (the store unreachable, refusing...), or undefined. */
  get problem(): string | undefined {
    return this.#problem;
  }

  start(): void {
    this.#schedule();
  }

  /** One poll now (tests and the first catch-up use it); never throws. */
  async poll(): Promise<void> {
    try {
      const started = performance.now();
      const changed = await this.#service.refresh();
      if (this.#problem) this.#log?.info({ version: this.#service.snapshot.version }, 'the store answers again: caught up');
      this.#problem = undefined;
      this.#since = undefined;
      if (changed)
        this.#log?.info(
          { version: this.#service.snapshot.version, ms: Math.round(performance.now() - started) },
          'took in changes from the shared store',
        );
    } catch (error) {
      this.#since ??= new Date().toISOString();
      const first = this.#problem === undefined;
      this.#problem = `${(error as Error).message} (since ${this.#since}); serving the snapshot of version ${this.#service.snapshot.version}, edits refused until the store answers`;
      if (first) this.#log?.warn({ err: error }, 'the shared store does not answer: serving the last snapshot');
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.poll().finally(() => this.#schedule());
    }, this.#intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }
}
