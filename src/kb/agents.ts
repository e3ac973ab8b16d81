// Who made or accepted a piece of knowledge, as PROV-O wants it: a prov:Agent node, not a string.
//
//   sense prov:wasAttributedTo agent:emokb_curator .
//   agent:emokb_curator a prov:Agent, prov:Person ; rdfs:label "emokb curator" .
//   agent:emokb_link    a prov:Agent, prov:SoftwareAgent ; rdfs:label "emokb link" .
//
// The IRI is made from the name and reversibly so (`_` for a space, percent-encoding for the
// rest, `_` itself as %5F), so that every reader gets the human-readable name back from the IRI
// alone: the GraphQL provenance, `emokb show`, the relation reviews read one quad, not two. The
// agent's own description (types, label) is written by `lexicon export` for every agent the
// lexicon names and shipped in ontology/agents.ttl for the project's own agents; an agent named
// only by later edits in a store is still an IRI whose name is readable from it.
//
// Stores seeded before agents were nodes hold string literals there: `agentName` reads both.
import { DataFactory } from '../rdf/n3.js';
import type { NamedNode, Term } from '@rdfjs/types';
import { EMOKB_BASE, PROV, RDF, RDFS } from '../rdf/namespaces.js';

const { namedNode, literal, quad } = DataFactory;

export const AGENT_BASE = `${EMOKB_BASE}agent/`;

/** The project's programs that record provenance themselves (the relation linkers). */
export const SOFTWARE_AGENTS: ReadonlySet<string> = new Set(['emokb link']);

const PROV_SOFTWARE = namedNode(`${PROV.base}SoftwareAgent`);
const PROV_AGENT = namedNode(`${PROV.base}Agent`);

/** `https://w3id.org/emokb/agent/<name>`: "emokb curator" -> `.../agent/emokb_curator`. */
export function agentIri(name: string) {
  const local = encodeURIComponent(name.normalize('NFKC').trim())
    .replace(/[!'()*_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '_');
  return namedNode(`${AGENT_BASE}${local}`);
}

/** The name an attribution stands for: the agent IRI's name, or the literal of a store seeded before agents were nodes. */
export function agentName(term: Term): string {
  if (term.termType === 'NamedNode' && term.value.startsWith(AGENT_BASE)) {
    const local = term.value.slice(AGENT_BASE.length).replace(/_/g, '%20');
    try {
      return decodeURIComponent(local);
    } catch {
      return term.value;
    }
  }
  return term.value;
}

/** `subject prov:wasAttributedTo <agent>`. */
export function attributionQuad(subject: NamedNode, name: string) {
  return quad(subject, PROV.wasAttributedTo, agentIri(name));
}

/** The agent's description: prov:Agent, prov:Person or prov:SoftwareAgent, and its name as rdfs:label. */
export function agentQuads(name: string) {
  const agent = agentIri(name);
  return [
    quad(agent, RDF.type, PROV_AGENT),
    quad(agent, RDF.type, SOFTWARE_AGENTS.has(name) ? PROV_SOFTWARE : PROV.Person),
    quad(agent, RDFS.label, literal(name)),
  ];
}
