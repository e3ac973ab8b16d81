// What kind of SPARQL request a text is, read from its first keyword after the prologue (BASE,
// PREFIX, comments): the form decides which formats can answer it, so a request whose `Accept`
// fits none is refused (406) before anything runs, and an update is refused before the engine
// sees it. The engine parses the whole text again and reports its syntax errors.
import { EmokbError } from '../errors.js';
import type { AnswerFormat, ResultsFormat } from '../rdf/mediaTypes.js';
import { RDF_FORMATS, type RdfFormat } from '../rdf/turtle.js';

export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

const PROLOGUE = /^(?:\s+|#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)/i;
const UPDATE = /^(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;

/** The formats of each form, the default first. */
export const FORMATS_OF: Readonly<Record<QueryForm, readonly AnswerFormat[]>> = {
  select: ['json', 'xml', 'csv', 'tsv'] satisfies ResultsFormat[],
  // CSV and TSV have no boolean result (SPARQL 1.1 Query Results CSV and TSV, section 1).
  ask: ['json', 'xml'] satisfies ResultsFormat[],
  construct: RDF_FORMATS satisfies readonly RdfFormat[],
  describe: RDF_FORMATS satisfies readonly RdfFormat[],
};

/** READ_ONLY: the one refusal of a SPARQL update, wherever it is met (its form, its media type, its parameter). */
export function readOnly(what: string): EmokbError {
  return new EmokbError(
    'READ_ONLY',
    `SPARQL updates are refused: the endpoint is read-only (change the knowledge with \`emokb\` edits or the GraphQL mutations); ${what}`,
  );
}

/** The form of a query; READ_ONLY for an update, BAD_INPUT for a text that is neither. */
export function queryForm(text: string): QueryForm {
  let rest = text;
  for (let m = PROLOGUE.exec(rest); m && m[0].length > 0; m = PROLOGUE.exec(rest)) rest = rest.slice(m[0].length);
  const keyword = /^[A-Za-z]+/.exec(rest)?.[0].toLowerCase();
  if (keyword === 'select' || keyword === 'ask' || keyword === 'construct' || keyword === 'describe') return keyword;
  if (UPDATE.test(rest)) throw readOnly(`the request begins "${rest.slice(0, 40)}"`);
  throw new EmokbError(
    'BAD_INPUT',
    `not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE after the prologue, found "${rest.slice(0, 40) || '(nothing)'}"`,
    { field: 'query', reason: 'not a SPARQL query' },
  );
}
