// The whole graph of a snapshot as text, serialized once per format and snapshot: the server's
// downloads (/download/emokb.*) and the SPARQL engine's load of the same snapshot share it.
import { serialize, type RdfFormat } from '../rdf/turtle.js';
import type { KnowledgeBase } from './KnowledgeBase.js';

const texts = new WeakMap<KnowledgeBase, Map<RdfFormat, Promise<string>>>();

/** `serialize(kb.quads, format)`, made once per snapshot and format. */
export function graphText(kb: KnowledgeBase, format: RdfFormat): Promise<string> {
  let byFormat = texts.get(kb);
  if (!byFormat) texts.set(kb, (byFormat = new Map()));
  let text = byFormat.get(format);
  if (!text) byFormat.set(format, (text = serialize(kb.quads, format)));
  return text;
}
