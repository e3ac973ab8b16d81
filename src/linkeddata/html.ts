// The small HTML page a browser gets at an emokb IRI: the resource's label, its IRI, and its
// triples as a table, IRIs under the project's base linked to their pages on this server and the
// others to where they point. Plain, no script, no external assets (a richer explorer can replace it).
import type { Quad, Term } from '@rdfjs/types';
import { EMOKB_BASE, PREFIXES } from '../rdf/namespaces.js';

const LABELS = [
  'http://www.w3.org/2004/02/skos/core#prefLabel',
  'http://www.w3.org/2000/01/rdf-schema#label',
  'http://www.w3.org/ns/lemon/ontolex#writtenRep',
  'http://purl.org/dc/terms/title',
];

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `skos:prefLabel` for an IRI in a known namespace, else the IRI. */
function short(iri: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, base] of Object.entries(PREFIXES))
    if (iri.startsWith(base) && iri.length > base.length && (!best || base.length > best[1].length)) best = [prefix, base];
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : iri;
}

function link(iri: string): string {
  const href = iri.startsWith(EMOKB_BASE) ? `/${iri.slice(EMOKB_BASE.length)}` : iri;
  return `<a href="${escape(href)}">${escape(short(iri))}</a>`;
}

function cell(term: Term): string {
  if (term.termType === 'NamedNode') return link(term.value);
  if (term.termType !== 'Literal') return escape(term.value);
  const tag = term.language ? ` <small>@${escape(term.language)}</small>` : '';
  return `${escape(term.value)}${tag}`;
}

export function htmlPage(iri: string, quads: readonly Quad[]): string {
  const label = quads.find((q) => q.subject.value === iri && LABELS.includes(q.predicate.value))?.object.value;
  const subjects = [...new Set(quads.map((q) => q.subject.value))].sort((a, b) => (a === iri ? -1 : b === iri ? 1 : a < b ? -1 : 1));
  const sections = subjects.map((subject) => {
    const rows = quads
      .filter((q) => q.subject.value === subject)
      .map((q) => `<tr><td>${link(q.predicate.value)}</td><td>${cell(q.object)}</td></tr>`)
      .join('\n');
    return `<h2 id="${escape(subject.slice(iri.length + 1))}">${escape(subject === iri ? short(iri) : subject.slice(iri.length))}</h2>\n<table>\n${rows}\n</table>`;
  });
  const title = label ?? short(iri);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(title)} · emokb</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td{padding:.2rem .8rem;vertical-align:top}code{background:#eee}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p><code>${escape(iri)}</code></p>
<p>As RDF: <code>curl -H 'Accept: text/turtle'</code> (or <code>application/n-triples</code>, <code>application/ld+json</code>) on this address.</p>
${sections.join('\n')}
</body>
</html>
`;
}
