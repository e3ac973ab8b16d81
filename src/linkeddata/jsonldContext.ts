// The JSON-LD context emokb publishes at a stable path (`/context.jsonld`): the prefixes every
// export and IRI document uses, so a JSON-LD tool can compact emokb's data to the same short names
// (`emo:tier`, `skos:broader`) with `"@context": "https://w3id.org/emokb/context.jsonld"`.
import { PREFIXES } from '../rdf/namespaces.js';

export const CONTEXT_PATH = '/context.jsonld';

export function jsonLdContext(): string {
  return `${JSON.stringify({ '@context': { ...PREFIXES } }, null, 2)}\n`;
}
