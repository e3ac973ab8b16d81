// A KnowledgeStore over a SPARQL 1.1 server, shared by any number of emokb processes on any
// number of machines. Three named graphs hold everything: the triples (DATA), the change log (LOG,
// one entry per change, the level store's JSON form as a literal) and the store's version and
// integrity record (META). A change is committed by one SPARQL Update operation that is conditional
// on the version it was validated against:
//
//   DELETE { data: removed; meta: version V, integrity }  INSERT { data: added; meta: V+1, integrity; log: entry }
//   WHERE  { GRAPH meta { store version V } }
//
// One operation is one transaction in the server, so it applies all or nothing; when another
// writer got there first, the WHERE matches nothing and nothing is written. Which of the two
// happened is read back afterwards: change V+1 carries this attempt's random token, or someone
// else's (CONFLICT). A change too large for one request's text (Virtuoso compiles a template of
// more than about 1,000 triples into SQL over its limit) is first copied into staging graphs of
// its own, in requests of STAGE_CHUNK triples, checked complete, and moved by the one conditional
// operation, whose WHERE then ranges over the staging graphs: still one operation.
//
// The store keeps the content at its current version in memory (its mirror): a commit's delta is
// computed on it, and a replica catches up by replaying the log entries after its version.
import { randomUUID } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { DataFactory } from '../rdf/n3.js';
import { quadKey, termKey } from '../rdf/turtle.js';
import { Parser } from '../rdf/n3.js';
import { changeRecord, effectiveDelta } from './delta.js';
import { advance, EMPTY_INTEGRITY, integrityOf, XorHash, type IntegrityRecord } from './integrity.js';
import type { ChangeInput, ChangeRecord, CommitOptions, KnowledgeStore, Snapshot, StoreContent } from './KnowledgeStore.js';
import { parseRecord, recordValue } from './logRecord.js';
import { SparqlEndpoint, type EndpointOptions } from './sparqlProtocol.js';
import { staleVersion } from './staleVersion.js';
import { faultPoint } from './faultInjection.js';

/** The IRIs a store's three graphs and its bookkeeping use, all under one prefix. */
function names(base: string) {
  return {
    NS: base,
    DATA: `<${base}graph:data>`,
    META: `<${base}graph:meta>`,
    LOG: `<${base}graph:log>`,
    STORE: `<${base}store>`,
    VERSION: `<${base}version>`,
    INTEGRITY: `<${base}integrity>`,
    RECORD: `<${base}record>`,
    CHANGE_ID: `<${base}changeId>`,
    TOKEN: `<${base}token>`,
    changeIri: (id: number) => `<${base}change:${id}>`,
    /** See storedLine(). */
    DATATYPE: `${base}datatype:`,
  };
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/**
 * A quad's N-Triples line as the store keeps it. A literal of any datatype but xsd:string (and a
 * language tag) is kept with its datatype IRI prefixed (`<urn:emokb:datatype:http://...#dateTime>`),
 * so that the server keeps its lexical form as written: Virtuoso stores xsd:dateTime, xsd:decimal
 * and the other XSD types as values, and gives back `2026-01-01T00:00:00Z` for
 * `2026-01-01T00:00:00.000Z` and one triple for two that differ only in such a form (the seed's
 * 121,805 triples came back as 120,955), which would break the integrity hash and the byte-identical
 * export. Done on every server: others may keep such literals as values too (only Virtuoso was tried).
 */
function storedLine(q: Quad, datatypePrefix: string): string {
  const o = q.object;
  if (o.termType !== 'Literal' || o.language || o.datatype.value === XSD_STRING || o.datatype.value === RDF_LANG_STRING) return quadKey(q);
  const object = DataFactory.literal(o.value, DataFactory.namedNode(datatypePrefix + o.datatype.value));
  return `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(object)} .`;
}

/** Lines of a change sent inside the conditional operation itself; above it, staged first. */
const INLINE_LIMIT = 400;
/** Triples per INSERT DATA request while staging (Virtuoso's parser gives up at about 5,000). */
const STAGE_CHUNK = 1_000;
/** Triples per Graph Store Protocol upload while staging. */
const UPLOAD_CHUNK = 50_000;
/** Above this many log entries behind, a catch-up reads the whole store instead of the entries. */
const REPLAY_LIMIT = 200;

export interface SparqlStoreOptions extends EndpointOptions {
  /** How the store is named in messages: `sparql:<query URL>`. */
  location?: string;
  /** The prefix of the store's graph and bookkeeping IRIs (default `urn:emokb:`): several stores can share one database. */
  graphBase?: string;
}

export class SparqlStore implements KnowledgeStore {
  readonly location: string;
  readonly endpoint: SparqlEndpoint;
  /** The content at #version: keys (for deltas) and quads. */
  #quads = new Map<string, Quad>();
  #version = 0;
  #integrity: IntegrityRecord | null = null;
  #loaded = false;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  readonly #n: ReturnType<typeof names>;
  /** The prefix of this store's graph IRIs. */
  readonly graphBase: string;

  private constructor(endpoint: SparqlEndpoint, location: string, graphBase: string) {
    this.endpoint = endpoint;
    this.location = location;
    this.#n = names(graphBase);
    this.graphBase = graphBase;
  }

  /** Connects (one query, so a wrong URL or an unreachable server is reported now, not at the first edit). */
  static async open(options: SparqlStoreOptions): Promise<SparqlStore> {
    const store = new SparqlStore(
      new SparqlEndpoint(options),
      options.location ?? `sparql:${options.queryUrl}`,
      options.graphBase ?? 'urn:emokb:',
    );
    if ((await store.version()) === 0) await store.#ensureVersion();
    return store;
  }

  /** The version the store is at now (0 before any change): one small query, what replicas poll. */
  async version(): Promise<number> {
    const { META, STORE, VERSION } = this.#n;
    const rows = await this.endpoint.select(`SELECT ?v WHERE { GRAPH ${META} { ${STORE} ${VERSION} ?v } }`);
    if (rows.length > 1) throw this.#damaged(`it records ${rows.length} versions at once`);
    return rows.length === 0 ? 0 : Number(rows[0]!.v!.value);
  }

  /**
   * Writes version 0 into a store that has no version yet. Concurrent first opens write the same
   * triple (a set: it is there once). Conditional on there being no version and no log, so that it
   * never goes back on a store that has changes.
   */
  async #ensureVersion(): Promise<void> {
    const { META, LOG, STORE, VERSION, CHANGE_ID } = this.#n;
    await this.endpoint.update(
      `INSERT { GRAPH ${META} { ${STORE} ${VERSION} 0 } } WHERE { FILTER NOT EXISTS { GRAPH ${META} { ${STORE} ${VERSION} ?v } } FILTER NOT EXISTS { GRAPH ${LOG} { ?c ${CHANGE_ID} ?id } } }`,
    );
  }

  /** The version of the content this process holds in memory. */
  get loadedVersion(): number {
    return this.#version;
  }

  async all(): Promise<Quad[]> {
    this.#assertOpen();
    return [...(await this.#current()).values()];
  }

  /** Reads the whole store again, at one version (re-read if a change lands meanwhile). */
  async snapshot(): Promise<Snapshot> {
    this.#assertOpen();
    const run = this.#queue.then(() => this.#reload());
    this.#queue = run.catch(() => undefined);
    await run;
    const quads = [...this.#quads.values()];
    const hash = new XorHash();
    for (const key of this.#quads.keys()) hash.addLine(key);
    return { quads, hash: hash.hex };
  }

  async count(): Promise<number> {
    const { DATA } = this.#n;
    this.#assertOpen();
    const rows = await this.endpoint.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${DATA} { ?s ?p ?o } }`);
    return Number(rows[0]?.n?.value ?? 0);
  }

  /** The integrity record of the content held (see lastChangeId), or the store's before any read. */
  async integrity(): Promise<IntegrityRecord | null> {
    this.#assertOpen();
    await this.#queue;
    if (this.#loaded) return this.#integrity;
    return this.#storedIntegrity();
  }

  async #storedIntegrity(): Promise<IntegrityRecord | null> {
    const { META, STORE, INTEGRITY } = this.#n;
    const rows = await this.endpoint.select(`SELECT ?i WHERE { GRAPH ${META} { ${STORE} ${INTEGRITY} ?i } }`);
    return rows.length === 0 ? null : (JSON.parse(rows[0]!.i!.value) as IntegrityRecord);
  }

  async sealIntegrity(record: IntegrityRecord): Promise<void> {
    const { META, STORE, VERSION, INTEGRITY } = this.#n;
    const json = JSON.stringify(record);
    await this.endpoint.update(
      `DELETE { GRAPH ${META} { ${STORE} ${INTEGRITY} ?i } } INSERT { GRAPH ${META} { ${STORE} ${INTEGRITY} ${literal(json)} } } ` +
        `WHERE { GRAPH ${META} { ${STORE} ${VERSION} ${record.change} } OPTIONAL { GRAPH ${META} { ${STORE} ${INTEGRITY} ?i } } }`,
    );
    if (this.#loaded && this.#version === record.change) this.#integrity = record;
  }

  /**
   * The version of the content this process holds (read by the last snapshot() or catch-up, or
   * written by its last commit): what a snapshot is checked against must be one consistent read,
   * and the store's own version may have moved since. Before any read, the store's version.
   */
  async lastChangeId(): Promise<number> {
    this.#assertOpen();
    await this.#queue;
    return this.#loaded ? this.#version : this.version();
  }

  async changes(options: { limit?: number } = {}): Promise<ChangeRecord[]> {
    const { LOG, RECORD, CHANGE_ID } = this.#n;
    this.#assertOpen();
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    const rows = await this.endpoint.select(
      `SELECT ?id ?r WHERE { GRAPH ${LOG} { ?c ${CHANGE_ID} ?id ; ${RECORD} ?r } } ORDER BY DESC(?id)${limit}`,
    );
    return rows.map((row) => parseRecord(row.r!.value));
  }

  /** The log entries after `version`, oldest first. */
  async changesSince(version: number): Promise<ChangeRecord[]> {
    const { LOG, RECORD, CHANGE_ID } = this.#n;
    const rows = await this.endpoint.select(
      `SELECT ?id ?r WHERE { GRAPH ${LOG} { ?c ${CHANGE_ID} ?id ; ${RECORD} ?r } FILTER(?id > ${version}) } ORDER BY ?id`,
    );
    return rows.map((row) => parseRecord(row.r!.value));
  }

  /**
   * Brings the in-memory content up to the store's version: the log entries since, replayed, or
   * (far behind, or never loaded) the whole store read again. Returns the new content and version,
   * or null when the store is still at the version held.
   */
  async catchUp(): Promise<{ quads: Quad[]; version: number } | null> {
    const run = this.#queue.then(async () =>
      (await this.#catchUp()) ? { quads: [...this.#quads.values()], version: this.#version } : null,
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #catchUp(): Promise<boolean> {
    if (!this.#loaded) {
      await this.#reload();
      return true;
    }
    const now = await this.version();
    if (now === this.#version) return false;
    if (now < this.#version || now - this.#version > REPLAY_LIMIT) {
      await this.#reload();
      return true;
    }
    const entries = await this.changesSince(this.#version);
    if (entries.length !== now - this.#version || entries.some((e, i) => e.id !== this.#version + 1 + i)) {
      await this.#reload();
      return true;
    }
    let integrity = this.#integrity ?? EMPTY_INTEGRITY;
    for (const entry of entries) {
      for (const line of entry.removed) this.#quads.delete(line);
      for (const q of parseLines(entry.added)) this.#quads.set(quadKey(q), q);
      integrity = advance(integrity, entry.id, entry.added, entry.removed);
    }
    this.#version = now;
    this.#integrity = integrity;
    return true;
  }

  async #current(): Promise<Map<string, Quad>> {
    if (!this.#loaded) await this.#reload();
    return this.#quads;
  }

  async #reload(): Promise<void> {
    const { DATA, DATATYPE } = this.#n;
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await this.version();
      // CONSTRUCT as N-Triples, not SELECT: Virtuoso wrote the seeded store's 121,805 triples in
      // 3.1 s as N-Triples and in 16.2 s as SPARQL JSON results (TSV: 4.6 s).
      const text = await this.endpoint.construct(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${DATA} { ?s ?p ?o } }`);
      const [after, integrity] = await Promise.all([this.version(), this.#storedIntegrity()]);
      if (before !== after) continue; // a change landed while reading: read again
      const quads = new Map<string, Quad>();
      let read = 0;
      for (const parsed of parseNTriples(text, this.location)) {
        read++;
        const o = parsed.object;
        const q =
          o.termType === 'Literal' && o.datatype.value.startsWith(DATATYPE)
            ? DataFactory.quad(
                parsed.subject,
                parsed.predicate,
                DataFactory.literal(o.value, DataFactory.namedNode(o.datatype.value.slice(DATATYPE.length))),
              )
            : DataFactory.quad(parsed.subject, parsed.predicate, parsed.object);
        quads.set(quadKey(q), q);
      }
      if (integrity && integrity.change === after && read < integrity.count)
        throw this.#damaged(
          `${read} triples came back where change ${integrity.change} left ${integrity.count}: the server cut the result short (Virtuoso: raise ResultSetMaxRows in virtuoso.ini's [SPARQL] section)`,
        );
      this.#quads = quads;
      this.#version = after;
      this.#integrity = integrity;
      this.#loaded = true;
      return;
    }
    throw new EmokbError('STORE_ERROR', `${this.location}: the store changed during each of 5 reads; try again`);
  }

  commit(change: ChangeInput, options: CommitOptions = {}): Promise<ChangeRecord | null> {
    const run = this.#queue.then(() => this.#commit(change, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #commit(change: ChangeInput, options: CommitOptions): Promise<ChangeRecord | null> {
    const { DATA, META, LOG, STORE, VERSION, INTEGRITY, RECORD, CHANGE_ID, TOKEN, changeIri, NS, DATATYPE } = this.#n;
    this.#assertOpen();
    await this.#current();
    const base = options.expectedVersion ?? this.#version;
    // The mirror must be the content at `base`: the caller validated against it.
    if (base > this.#version) await this.#catchUp();
    if (base !== this.#version) throw staleVersion(this.location, base, this.#version);
    const quads = this.#quads;
    const delta = effectiveDelta(change.add, change.remove, (key) => quads.has(key));
    if (delta.add.length === 0 && delta.remove.length === 0) return null;
    for (const q of [...delta.add, ...delta.remove])
      if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')
        throw new EmokbError('BAD_INPUT', `${this.location}: a blank node cannot be written to a shared store (${quadKey(q)})`);
    const record = changeRecord(base + 1, change, delta);
    const integrity = advance(
      this.#integrity ?? (base === 0 ? EMPTY_INTEGRITY : integrityOf([...quads.keys()], base)),
      record.id,
      record.added,
      record.removed,
    );
    const token = randomUUID();
    const entry = [
      `${changeIri(record.id)} ${CHANGE_ID} ${record.id} .`,
      `${changeIri(record.id)} ${TOKEN} ${literal(token)} .`,
      `${changeIri(record.id)} ${RECORD} ${literal(await recordValue(record))} .`,
    ].join('\n');
    const meta = `${STORE} ${VERSION} ${record.id} . ${STORE} ${INTEGRITY} ${literal(JSON.stringify(integrity))} .`;
    const where = versionPattern(this.#n, base);
    const addLines = delta.add.map((q) => storedLine(q, DATATYPE));
    const removeLines = delta.remove.map((q) => storedLine(q, DATATYPE));
    let request: string;
    let staged: string[] = [];
    if (delta.add.length + delta.remove.length <= INLINE_LIMIT) {
      request =
        // (Virtuoso refuses an empty `GRAPH <g> { }` in a template: a side with nothing is left out.)
        `DELETE { ${removeLines.length ? `GRAPH ${DATA} { ${removeLines.join('\n')} } ` : ''}GRAPH ${META} { ${STORE} ${VERSION} ${base} . ${STORE} ${INTEGRITY} ?i } }\n` +
        `INSERT { ${addLines.length ? `GRAPH ${DATA} { ${addLines.join('\n')} } ` : ''}GRAPH ${META} { ${meta} } GRAPH ${LOG} { ${entry} } }\n` +
        `WHERE { ${where} }`;
    } else {
      const stage = (part: string) => `<${NS}stage:${token}:${part}>`;
      staged = [stage('add'), stage('remove'), stage('log')];
      await this.#stage(stage('add'), addLines);
      await this.#stage(stage('remove'), removeLines);
      await this.endpoint.update(`INSERT DATA { GRAPH ${stage('log')} { ${entry} } }`);
      const counts = await this.endpoint.select(
        `SELECT (COUNT(?a) AS ?add) (COUNT(?r) AS ?remove) WHERE { { GRAPH ${stage('add')} { ?a ?ap ?ao } } UNION { GRAPH ${stage('remove')} { ?r ?rp ?ro } } }`,
      );
      const [added, removed] = [Number(counts[0]?.add?.value ?? -1), Number(counts[0]?.remove?.value ?? -1)];
      if (added !== delta.add.length || removed !== delta.remove.length) {
        await this.#drop(staged);
        throw new EmokbError(
          'STORE_ERROR',
          `${this.location}: staging change ${record.id} left ${added} of ${delta.add.length} added and ${removed} of ${delta.remove.length} removed triples; nothing was written`,
        );
      }
      request =
        `DELETE { GRAPH ${DATA} { ?rs ?rp ?ro } GRAPH ${META} { ${STORE} ${VERSION} ${base} . ${STORE} ${INTEGRITY} ?i } }\n` +
        `INSERT { GRAPH ${DATA} { ?as ?ap ?ao } GRAPH ${LOG} { ?ls ?lp ?lo } GRAPH ${META} { ${meta} } }\n` +
        `WHERE { ${where} { GRAPH ${stage('remove')} { ?rs ?rp ?ro } } UNION { GRAPH ${stage('add')} { ?as ?ap ?ao } } UNION { GRAPH ${stage('log')} { ?ls ?lp ?lo } } }`;
    }
    if (staged.length) await faultPoint('staged');
    let failure: unknown;
    try {
      await this.endpoint.update(request);
    } catch (error) {
      // The server may have aborted this writer's transaction for another's (a deadlock at
      // repeatable read), or committed it and lost the answer: the read-back below tells.
      failure = error;
    } finally {
      if (staged.length) await this.#dropStaging(staged);
    }
    // Which writer's change is V+1: this one's token, or another's (then nothing of this one was written).
    let rows: Awaited<ReturnType<SparqlEndpoint['select']>>;
    try {
      rows = await this.endpoint.select(`SELECT ?t WHERE { GRAPH ${LOG} { ${changeIri(record.id)} ${TOKEN} ?t } }`);
    } catch (error) {
      // The update may have been applied (its answer lost) or not: only the log can tell, later.
      const update = failure === undefined ? 'the update was answered' : `the update failed (${messageOf(failure)})`;
      throw new EmokbError(
        error instanceof EmokbError ? error.code : 'STORE_ERROR',
        `${this.location}: change ${record.id} may or may not have been written: ${update}, and reading back which change is ${record.id} failed (${messageOf(error)}); \`emokb history\` lists the store's changes: if change ${record.id} is there with this change's message, it was written, else nothing of it was`,
        { change: record.id },
        { cause: error },
      );
    }
    if (rows.length > 1) throw this.#damaged(`change ${record.id} was written by ${rows.length} writers at once`);
    if (!rows.some((row) => row.t!.value === token)) {
      // Another writer's change is V+1: a lost race, whatever the update answered. No change V+1
      // at all: this update failed and nothing was written.
      if (rows.length === 1) throw staleVersion(this.location, base, await this.version().catch(() => null));
      throw failure ?? staleVersion(this.location, base, await this.version().catch(() => null));
    }
    for (const q of delta.remove) quads.delete(quadKey(q));
    for (const q of delta.add) quads.set(quadKey(q), q);
    this.#version = record.id;
    this.#integrity = integrity;
    return record;
  }

  async #stage(graph: string, lines: readonly string[]): Promise<void> {
    if (this.endpoint.graphStoreUrl) {
      // The Graph Store Protocol: Virtuoso loads 30,000 triples posted as N-Triples in 1.4 s, where
      // INSERT DATA requests of 1,000 took 7 s.
      for (let i = 0; i < lines.length; i += UPLOAD_CHUNK)
        await this.endpoint.postGraph(graph.slice(1, -1), `${lines.slice(i, i + UPLOAD_CHUNK).join('\n')}\n`);
      return;
    }
    for (let i = 0; i < lines.length; i += STAGE_CHUNK)
      await this.endpoint.update(`INSERT DATA { GRAPH ${graph} { ${lines.slice(i, i + STAGE_CHUNK).join('\n')} } }`);
  }

  async #drop(graphs: readonly string[]): Promise<void> {
    await this.endpoint.update(graphs.map((g) => `DROP SILENT GRAPH ${g}`).join(' ;\n'));
  }

  /**
   * Drops staging graphs after a commit or a restore, whatever became of it: a failure does not
   * change the outcome (staging graphs are never read as the store's content), so it is said on
   * standard error, with the graphs to drop by hand, instead of failing the change.
   */
  async #dropStaging(graphs: readonly string[]): Promise<void> {
    try {
      await this.#drop(graphs);
    } catch (error) {
      process.stderr.write(
        `emokb: ${this.location}: could not drop the staging graphs ${graphs.join(', ')} (${messageOf(error)}); they are not part of the store's content and may be dropped with DROP SILENT GRAPH\n`,
      );
    }
  }

  async restore(content: StoreContent): Promise<void> {
    const run = this.#queue.then(() => this.#restore(content));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #restore(content: StoreContent): Promise<void> {
    const { DATA, META, LOG, STORE, VERSION, INTEGRITY, RECORD, CHANGE_ID, changeIri, NS } = this.#n;
    this.#assertOpen();
    if ((await this.version()) !== 0 || (await this.count()) !== 0)
      throw new EmokbError('BAD_INPUT', `${this.location} is not empty; a backup is restored only into an empty store`);
    if (content.quads.length === 0 && content.changes.length === 0) return;
    const lastId = content.changes.at(-1)?.id ?? 0;
    const record = integrityOf(content.quads.map(quadKey), lastId);
    const token = randomUUID();
    const stage = (part: string) => `<${NS}stage:${token}:${part}>`;
    const staged = [stage('add'), stage('log')];
    try {
      await this.#stage(
        stage('add'),
        content.quads.map((q) => storedLine(q, this.#n.DATATYPE)),
      );
      const entries: string[] = [];
      for (const change of content.changes)
        entries.push(
          `${changeIri(change.id)} ${CHANGE_ID} ${change.id} . ${changeIri(change.id)} ${RECORD} ${literal(await recordValue(change))} .`,
        );
      for (let i = 0; i < entries.length; i += 50)
        await this.endpoint.update(`INSERT DATA { GRAPH ${stage('log')} { ${entries.slice(i, i + 50).join('\n')} } }`);
      await this.endpoint.update(
        `DELETE { GRAPH ${META} { ${STORE} ${VERSION} 0 . ${STORE} ${INTEGRITY} ?i } }\n` +
          `INSERT { GRAPH ${DATA} { ?as ?ap ?ao } GRAPH ${LOG} { ?ls ?lp ?lo } GRAPH ${META} { ${STORE} ${VERSION} ${lastId} . ${STORE} ${INTEGRITY} ${literal(JSON.stringify(record))} } }\n` +
          `WHERE { ${versionPattern(this.#n, 0)} { GRAPH ${stage('add')} { ?as ?ap ?ao } } UNION { GRAPH ${stage('log')} { ?ls ?lp ?lo } } }`,
      );
    } finally {
      await this.#dropStaging(staged);
    }
    if ((await this.version()) !== lastId) throw staleVersion(this.location, 0, await this.version());
    this.#loaded = false;
  }

  async sizeOnDisk(): Promise<number | null> {
    return null;
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('store is closed');
  }

  #damaged(problem: string): EmokbError {
    return new EmokbError('STORE_ERROR', `${this.location}: the store is damaged: ${problem}`, { location: this.location });
  }
}

/**
 * The WHERE pattern that holds only at version `v`: the version triple, which every store has from
 * its open on (ensureVersion), so that two writers at the same version both need its row, and the
 * server's lock on it lets one through and makes the other's WHERE match nothing.
 */
function versionPattern(n: ReturnType<typeof names>, v: number): string {
  const { META, STORE, VERSION, INTEGRITY } = n;
  // The version as a constant, not `?v` and a FILTER: Virtuoso then reads the one row by its key,
  // with the lock its deletion takes, so a second writer waits and then finds no row; with a
  // variable and a FILTER both writers' reads saw the old row, and both changes were written
  // (the two-writer test in test/store/sparql.test.ts caught it).
  return `GRAPH ${META} { ${STORE} ${VERSION} ${v} } OPTIONAL { GRAPH ${META} { ${STORE} ${INTEGRITY} ?i } }`;
}

/** A SPARQL string literal (N-Triples escapes are valid SPARQL ones). */
function literal(text: string): string {
  return termKey(DataFactory.literal(text));
}

/** N-Triples text from the server, parsed; a syntax error is the server's fault, named as such. */
function parseNTriples(text: string, location: string): Quad[] {
  try {
    return new Parser({ format: 'N-Triples', factory: DataFactory as never }).parse(text) as Quad[];
  } catch (error) {
    throw new EmokbError('STORE_ERROR', `${location}: the server's N-Triples do not parse: ${(error as Error).message}`, { location });
  }
}

/** N-Triples lines of a log entry back into quads. */
function parseLines(lines: readonly string[]): Quad[] {
  if (lines.length === 0) return [];
  return new Parser({ format: 'N-Triples', factory: DataFactory as never }).parse(lines.join('\n')) as Quad[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
