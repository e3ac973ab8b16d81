// Turtle, N-Triples and JSON-LD in and out. Reading reports file, line and column; writing is
// deterministic (sorted, stable prefixes) so that re-exporting an unchanged store is byte-identical.
import { createHash } from 'node:crypto';
import { DataFactory, Parser, Writer } from './n3.js';
import type { Quad, Term } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { PREFIXES, RDF, SKOLEM_BASE } from './namespaces.js';
import { readInputFile } from '../readInput.js';

const { namedNode, quad: makeQuad, defaultGraph } = DataFactory;

export type RdfFormat = 'turtle' | 'ntriples' | 'jsonld';
export const RDF_FORMATS: readonly RdfFormat[] = ['turtle', 'ntriples', 'jsonld'];

/**
 * Parses Turtle (or N-Triples, a subset of it) into default-graph quads. Blank nodes are
 * skolemised to IRIs derived from the content, so that importing the same file twice yields the
 * same IRIs (idempotent) and the store never holds blank nodes (deterministic export).
 */
export function parseTurtle(text: string, source: string, options: { skolemize?: boolean } = {}): Quad[] {
  const contentHash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  // N3 numbers anonymous nodes with a process-wide counter; renumber by first appearance so the
  // same text always yields the same IRIs.
  const numbers = new Map<string, number>();
  const skolem = (label: string) => {
    if (!numbers.has(label)) numbers.set(label, numbers.size);
    return namedNode(`${SKOLEM_BASE}${contentHash}-b${numbers.get(label)}`);
  };
  const deblank = (term: Term): Term => (term.termType === 'BlankNode' ? skolem(term.value) : term);
  let parsed: Quad[];
  try {
    parsed = new Parser({ format: 'text/turtle', blankNodePrefix: '', factory: internedFactory() as never }).parse(text);
  } catch (error) {
    throw parseError(error, text, source);
  }
  if (options.skolemize === false) return parsed;
  // Turtle has no graphs: a quad without blank nodes is kept as parsed.
  return parsed.map((q) =>
    q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode'
      ? q
      : makeQuad(deblank(q.subject) as Quad['subject'], q.predicate, deblank(q.object) as Quad['object'], defaultGraph()),
  );
}

/**
 * N3's data factory, but one term object per distinct IRI or literal within a parse. The release
 * repeats its terms: 96,000 triples hold about 290,000 IRIs and literals, 28,000 of them distinct.
 * A term is an immutable value, so sharing it changes nothing for its users; it only spares the
 * first start a quarter million objects (memory and garbage collection).
 */
function internedFactory(): typeof DataFactory {
  const iris = new Map<string, ReturnType<typeof DataFactory.namedNode>>();
  const literals = new Map<string, ReturnType<typeof DataFactory.literal>>();
  return {
    ...DataFactory,
    namedNode: (iri: string) => {
      let node = iris.get(iri);
      if (node === undefined) iris.set(iri, (node = DataFactory.namedNode(iri)));
      return node;
    },
    literal: (value: string | number, languageOrDatatype?: string | Term) => {
      // A literal with a base direction (an object that is not a term) is made as it comes.
      if (
        typeof value !== 'string' ||
        (languageOrDatatype !== undefined && typeof languageOrDatatype !== 'string' && !('termType' in languageOrDatatype))
      )
        return DataFactory.literal(value, languageOrDatatype as never);
      const key =
        languageOrDatatype === undefined
          ? `"${value}`
          : typeof languageOrDatatype === 'string'
            ? `@${languageOrDatatype}"${value}`
            : `^${languageOrDatatype.value}"${value}`;
      let literal = literals.get(key);
      if (literal === undefined) literals.set(key, (literal = DataFactory.literal(value, languageOrDatatype as never)));
      return literal;
    },
  } as typeof DataFactory;
}

export async function readTurtleFile(path: string): Promise<Quad[]> {
  return parseTurtle(await readInputFile(path), path);
}

function parseError(error: unknown, text: string, source: string): EmokbError {
  const message = error instanceof Error ? error.message : String(error);
  const context = (error as { context?: { line?: number; token?: { value?: string } } }).context;
  const line = context?.line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 0);
  // N3 reports the line only; the column is where the offending text starts on that line.
  const offending = /Unexpected "([^"]*)"/.exec(message)?.[1] ?? context?.token?.value ?? '';
  const lineText = text.split('\n')[line - 1] ?? '';
  const found = offending ? lineText.indexOf(offending.slice(0, 20)) : -1;
  const column = found >= 0 ? found + 1 : 1;
  const reason = message.replace(/ on line \d+\.?$/, '');
  return new EmokbError('PARSE_ERROR', `${source}:${line}:${column}: ${reason}`, { file: source, line, column, reason });
}

/**
 * The N-Triples forms made so far, by term object. Parsed and stored terms are shared between
 * quads (see internedFactory, spogKeys.ts), so a seed's 290,000 terms need 28,000 forms; building
 * the 96,000 lines of the seed twice (the change and the store's delta) took about half the time
 * with this cache (its forms also hash faster as map keys, being flat strings).
 */
const termKeys = new WeakMap<Term, string>();

/** N-Triples form of one term; also the canonical key of a term across the code base. */
export function termKey(term: Term): string {
  let key = termKeys.get(term);
  if (key === undefined) termKeys.set(term, (key = formOf(term)));
  return key;
}

function formOf(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'Literal': {
      const lexical = JSON.stringify(term.value).slice(1, -1);
      if (term.language) return `"${lexical}"@${term.language}`;
      if (term.datatype.value === 'http://www.w3.org/2001/XMLSchema#string') return `"${lexical}"`;
      return `"${lexical}"^^<${term.datatype.value}>`;
    }
    case 'BlankNode':
      return `_:${term.value}`;
    default:
      return '';
  }
}

/** One quad as an N-Triples line without the final newline; graph is ignored (one graph). */
export function quadKey(q: Quad): string {
  return `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} .`;
}

const TYPE_KEY = termKey(RDF.type);

/** Sort order for output: by subject, rdf:type first, then predicate, then object. */
export function compareQuads(a: Quad, b: Quad): number {
  return (
    cmp(termKey(a.subject), termKey(b.subject)) ||
    cmp(predicateRank(a), predicateRank(b)) ||
    cmp(termKey(a.predicate), termKey(b.predicate)) ||
    cmp(termKey(a.object), termKey(b.object))
  );
}

function predicateRank(q: Quad): string {
  return termKey(q.predicate) === TYPE_KEY ? '0' : '1';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function serialize(quads: Iterable<Quad>, format: RdfFormat): Promise<string> {
  const sorted = [...quads].sort(compareQuads);
  switch (format) {
    case 'ntriples':
      return sorted.map((q) => `${quadKey(q)}\n`).join('');
    case 'turtle':
      return writeTurtle(sorted);
    case 'jsonld':
      return writeJsonLd(sorted);
  }
}

function writeTurtle(sorted: Quad[]): Promise<string> {
  // Only the prefixes that are used, in the fixed PREFIXES order, so output depends on content alone.
  const used = Object.fromEntries(Object.entries(PREFIXES).filter(([, iri]) => sorted.some((q) => usesNamespace(q, iri))));
  const writer = new Writer({ format: 'text/turtle', prefixes: used });
  for (const q of sorted) writer.addQuad(q.subject, q.predicate, q.object);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

function usesNamespace(q: Quad, iri: string): boolean {
  return [q.subject, q.predicate, q.object].some(
    (t) => (t.termType === 'NamedNode' && t.value.startsWith(iri)) || (t.termType === 'Literal' && t.datatype.value.startsWith(iri)),
  );
}

/**
 * Flattened JSON-LD: one node object per subject in the sorted order, IRIs compacted with the fixed
 * prefixes. Written directly: jsonld.js's compaction took over two minutes on the 89,000-triple
 * store; this is linear and yields the same graph (checked by round-trip tests through jsonld.js).
 */
function writeJsonLd(sorted: Quad[]): string {
  const used = Object.entries(PREFIXES).filter(([, iri]) => sorted.some((q) => usesNamespace(q, iri)));
  const byLength = [...used].sort((a, b) => b[1].length - a[1].length); // the most specific prefix wins
  const compact = (iri: string): string => {
    for (const [prefix, base] of byLength) {
      const local = iri.slice(base.length);
      if (iri.startsWith(base) && local && !local.startsWith('//')) return `${prefix}:${local}`;
    }
    return iri;
  };
  const value = (term: Term): unknown => {
    if (term.termType !== 'Literal') return { '@id': compact(term.value) };
    if (term.language) return { '@value': term.value, '@language': term.language };
    if (term.datatype.value === 'http://www.w3.org/2001/XMLSchema#string') return term.value;
    return { '@value': term.value, '@type': compact(term.datatype.value) };
  };
  const graph: Array<Record<string, unknown>> = [];
  let node: Record<string, unknown[] | string> | undefined;
  for (const q of sorted) {
    const id = compact(q.subject.value);
    if (node?.['@id'] !== id) graph.push((node = { '@id': id }));
    const isType = q.predicate.value === RDF.type.value && q.object.termType === 'NamedNode';
    const key = isType ? '@type' : compact(q.predicate.value);
    ((node[key] ??= []) as unknown[]).push(isType ? compact(q.object.value) : value(q.object));
  }
  return `${JSON.stringify({ '@context': Object.fromEntries(used), '@graph': graph }, null, 2)}\n`;
}

/** Parses any of the export formats back (used by import and the round-trip tests). */
export async function parseRdf(text: string, format: RdfFormat, source: string): Promise<Quad[]> {
  if (format !== 'jsonld') return parseTurtle(text, source);
  const { default: jsonld } = await import('jsonld');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new EmokbError('PARSE_ERROR', `${source}: not valid JSON: ${(error as Error).message}`, { file: source });
  }
  const nquads = (await jsonld.toRDF(doc as never, { format: 'application/n-quads' })) as unknown as string;
  return parseTurtle(nquads, source);
}

export function formatFromPath(path: string): RdfFormat {
  if (/\.(nt|ntriples)$/i.test(path)) return 'ntriples';
  if (/\.(jsonld|json)$/i.test(path)) return 'jsonld';
  return 'turtle';
}
