// Media types of the formats emokb answers in, and the one rule for choosing among them from an
// HTTP `Accept` header (negotiator, the content negotiation of Express and Koa: q-values,
// wildcards, specificity). Shared by the SPARQL endpoint, the IRI documents and the CLI's
// `--format` names, so a format has one name and one media type everywhere.
import Negotiator from 'negotiator';
import type { RdfFormat } from './turtle.js';

/** Result formats of SELECT and ASK (SPARQL 1.1 Query Results JSON, XML, CSV and TSV). */
export type ResultsFormat = 'json' | 'xml' | 'csv' | 'tsv';
/** Every format a SPARQL answer or an IRI document can take. */
export type AnswerFormat = ResultsFormat | RdfFormat | 'html';

export const MEDIA_TYPES: Readonly<Record<AnswerFormat, string>> = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  jsonld: 'application/ld+json',
  html: 'text/html',
};

/** The `Content-Type` header of an answer (text formats in UTF-8). */
export function contentType(format: AnswerFormat): string {
  return `${MEDIA_TYPES[format]}; charset=utf-8`;
}

/**
 * The format among `offered` (first is the default, for a missing header or any type) that the
 * header prefers, or undefined when none is acceptable (HTTP 406).
 */
export function negotiate<F extends AnswerFormat>(accept: string | null | undefined, offered: readonly F[]): F | undefined {
  if (!accept?.trim()) return offered[0];
  const types = offered.map((f) => MEDIA_TYPES[f]);
  // Also the older names clients still send for these types.
  const aliases: Record<string, string> = {
    'application/json': MEDIA_TYPES.json,
    'application/xml': MEDIA_TYPES.xml,
    'text/plain': MEDIA_TYPES.ntriples,
    'application/x-turtle': MEDIA_TYPES.turtle,
    'application/xhtml+xml': MEDIA_TYPES.html,
  };
  const extra = Object.keys(aliases).filter((alias) => types.includes(aliases[alias]!));
  const chosen = new Negotiator({ headers: { accept } }).mediaType([...types, ...extra]);
  if (!chosen) return undefined;
  const type = aliases[chosen] ?? chosen;
  return offered[types.indexOf(type)];
}
