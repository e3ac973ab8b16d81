// /sparql, the IRI documents and /.well-known/void on the real server, read by independent clients:
// fetch-sparql-endpoint (a SPARQL Protocol client) for the queries, N3.js's parser and jsonld.js
// for every RDF answer (N3.js and jsonld.js are independent of the serializers under test: the
// Turtle and JSON-LD are written by src/rdf/turtle.ts or Oxigraph). Raptor and rdflib read the
// exports and a CONSTRUCT answer in test/rdf/independentParsers.e2e.test.ts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import jsonld from 'jsonld';
import { SparqlEndpointFetcher } from 'fetch-sparql-endpoint';
import { QUERIES } from '../../bench/sparqlQueries.mjs';
import { tempDir } from '../helpers/cli.js';
import { startServer, type ServerHandle } from '../helpers/server.js';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const VOID = 'http://rdfs.org/ns/void#';

let server: ServerHandle;
let sparql: string;

beforeAll(async () => {
  server = await startServer(join(await tempDir(), 'data'));
  sparql = `${server.url}/sparql`;
});
afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function bindings(query: string): Promise<Array<Record<string, string>>> {
  const stream = await new SparqlEndpointFetcher().fetchBindings(sparql, query);
  const rows: Array<Record<string, string>> = [];
  for await (const row of stream as AsyncIterable<Record<string, { value: string }>>)
    rows.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
  return rows;
}

function parse(text: string, format: string) {
  return new Parser({ format }).parse(text);
}

async function get(path: string, accept?: string) {
  const response = await fetch(`${server.url}${path}`, { headers: accept ? { accept } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('SPARQL endpoint', () => {
  it("answers the README's queries through a SPARQL Protocol client", async () => {
    const fear = await bindings(QUERIES.fearTertiaryTerms);
    const terror = fear.find((r) => r.label === 'terror');
    expect(terror?.terms?.split(', ')).toContain('terror');
    expect(fear.map((r) => r.label)).toEqual([...fear.map((r) => r.label)].sort());
    expect(fear.length).toBeGreaterThan(5);

    const opposites = await bindings(QUERIES.positiveOpposites);
    expect(opposites).toContainEqual({ emotion: 'love-tertiary', opposite: 'hate' });

    const multi = await bindings(QUERIES.multiPrimaryTerms);
    expect(multi.length).toBeGreaterThan(0);
    for (const row of multi) expect(row.primaries!.split(', ').length).toBeGreaterThan(1);

    expect(await new SparqlEndpointFetcher().fetchAsk(sparql, `ASK { <https://w3id.org/emokb/emotion/anger-primary> ?p ?o }`)).toBe(true);
    const triples = [];
    for await (const q of await new SparqlEndpointFetcher().fetchTriples(sparql, QUERIES.constructHierarchy)) triples.push(q);
    expect(triples.length).toBeGreaterThan(300);
  });

  it('negotiates the result format: JSON, XML, CSV, TSV for SELECT; Turtle, N-Triples, JSON-LD for CONSTRUCT; 406 otherwise', async () => {
    const select = encodeURIComponent(
      'SELECT ?label WHERE { <https://w3id.org/emokb/emotion/anger-primary> <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }',
    );
    const csv = await get(`/sparql?query=${select}`, 'text/csv');
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text.split(/\r?\n/).slice(0, 2)).toEqual(['label', 'anger']);
    const tsv = await get(`/sparql?query=${select}`, 'text/tab-separated-values');
    expect(tsv.text.split(/\r?\n/).slice(0, 2)).toEqual(['?label', '"anger"@en']);
    const xml = await get(`/sparql?query=${select}`, 'application/sparql-results+xml');
    expect(xml.text).toContain('<literal xml:lang="en">anger</literal>');
    expect((await get(`/sparql?query=${select}`, 'text/turtle')).status).toBe(406);

    const construct = encodeURIComponent(QUERIES.constructHierarchy);
    const ttl = await get(`/sparql?query=${construct}`, 'text/turtle');
    const nt = await get(`/sparql?query=${construct}`, 'application/n-triples');
    const json = await get(`/sparql?query=${construct}`, 'application/ld+json');
    expect([ttl.type, nt.type, json.type].map((t) => t.split(';')[0])).toEqual([
      'text/turtle',
      'application/n-triples',
      'application/ld+json',
    ]);
    const fromTurtle = parse(ttl.text, 'text/turtle');
    expect(fromTurtle.length).toBeGreaterThan(300);
    expect(parse(nt.text, 'application/n-triples')).toHaveLength(fromTurtle.length);
    const nquads = (await jsonld.toRDF(JSON.parse(json.text), { format: 'application/n-quads' })) as unknown as string;
    expect(parse(nquads, 'application/n-quads')).toHaveLength(fromTurtle.length);
    const png = await get(`/sparql?query=${construct}`, 'image/png');
    expect(png.status).toBe(406);
    expect(JSON.parse(png.text).errors[0].extensions.available).toContain('text/turtle');
  });

  it('takes POSTed queries both ways, refuses updates (403 READ_ONLY) and other bodies (415)', async () => {
    const query = 'ASK { ?s ?p ?o }';
    const direct = await fetch(sparql, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: query });
    expect(await direct.json()).toMatchObject({ boolean: true });
    const form = await fetch(sparql, { method: 'POST', body: new URLSearchParams({ query }) });
    expect(await form.json()).toMatchObject({ boolean: true });

    const insert = 'INSERT DATA { <https://w3id.org/emokb/x> <https://w3id.org/emokb/y> "z" }';
    for (const init of [
      { method: 'POST', body: new URLSearchParams({ update: insert }) },
      { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: insert },
      { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: insert },
    ]) {
      const refused = await fetch(sparql, init);
      expect(refused.status).toBe(403);
      expect((await refused.json()).errors[0].extensions.code).toBe('READ_ONLY');
    }
    const other = await fetch(sparql, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: query });
    expect(other.status).toBe(415);
    const broken = await get(`/sparql?query=${encodeURIComponent('SELECT ?x WHERE { ?x ')}`);
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('linked data', () => {
  it('resolves an emotion IRI at its path in Turtle, N-Triples, JSON-LD and HTML (the explorer); 406 otherwise; 404 when unknown', async () => {
    const iri = 'https://w3id.org/emokb/emotion/anger-primary';
    const ttl = await get('/emotion/anger-primary', 'text/turtle');
    const triples = parse(ttl.text, 'text/turtle');
    expect(triples.some((q) => q.subject.value === iri && q.predicate.value === `${SKOS}prefLabel` && q.object.value === 'anger')).toBe(
      true,
    );
    expect(parse((await get('/emotion/anger-primary', 'application/n-triples')).text, 'application/n-triples')).toHaveLength(
      triples.length,
    );
    const json = await get('/emotion/anger-primary', 'application/ld+json');
    const nquads = (await jsonld.toRDF(JSON.parse(json.text), { format: 'application/n-quads' })) as unknown as string;
    expect(parse(nquads, 'application/n-quads')).toHaveLength(triples.length);
    // A browser gets the web explorer, which shows the emotion (test/web/); the plain HTML
    // page answers the other IRI spaces.
    const html = await get('/emotion/anger-primary', 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8');
    expect(html.type).toMatch(/^text\/html/);
    expect(html.text).toContain('<title>emokb explorer</title>');
    const ontologyPage = await get('/ontology', 'text/html');
    expect(ontologyPage.type).toMatch(/^text\/html/);
    expect(ontologyPage.text).toContain('href="/ontology#Emotion"');
    expect((await get('/emotion/anger-primary')).type).toMatch(/^text\/turtle/);
    expect((await get('/emotion/anger-primary', 'application/pdf')).status).toBe(406);
    expect((await get('/emotion/no-such-emotion', 'text/turtle')).status).toBe(404);
  });

  it('resolves the ontology and lexical entries (fragments in the document), and publishes a JSON-LD context', async () => {
    const ontology = parse((await get('/ontology', 'text/turtle')).text, 'text/turtle');
    expect(ontology.some((q) => q.subject.value === 'https://w3id.org/emokb/ontology#Emotion')).toBe(true);
    const entry = parse((await get('/lexicon/en/%3F', 'text/turtle')).text, 'text/turtle');
    expect(new Set(entry.map((q) => q.subject.value))).toContain('https://w3id.org/emokb/lexicon/en/%3F#form');

    const context = JSON.parse((await get('/context.jsonld')).text);
    expect(context['@context'].skos).toBe(SKOS);
    const expanded = await jsonld.expand({ '@context': context['@context'], '@id': 'emotion:anger-primary', 'skos:prefLabel': 'anger' });
    expect(expanded[0]!['@id']).toBe('https://w3id.org/emokb/emotion/anger-primary');
  });

  it('describes the dataset with VoID and DCAT: licence, version, counts, downloads, the SPARQL endpoint', async () => {
    const description = parse((await get('/.well-known/void', 'text/turtle')).text, 'text/turtle');
    const value = (p: string) => description.filter((q) => q.predicate.value === p).map((q) => q.object.value);
    const stats = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { triples } }' }),
    }).then((r) => r.json());
    expect(value(`${VOID}triples`)).toContain(String(stats.data.stats.triples));
    expect(value(`${VOID}sparqlEndpoint`)).toEqual([sparql]);
    expect(value('http://purl.org/dc/terms/license')).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(value('http://www.w3.org/ns/dcat#version')).toEqual(['0.1.0']);
    const dumps = value(`${VOID}dataDump`);
    expect(dumps).toContain(`${server.url}/download/emokb.nt`);
    const dump = parse((await get('/download/emokb.nt')).text, 'application/n-triples');
    expect(dump).toHaveLength(stats.data.stats.triples);
  });
});
