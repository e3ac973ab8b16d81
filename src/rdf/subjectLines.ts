// Where in a Turtle or N-Triples file a subject is described, for error messages about that
// subject (a SHACL violation on import names the file and the line). n3's parser does not give
// the position of a quad, only of a syntax error, so the subject is looked up in the text: written
// in full (<iri>) or with one of the file's prefixes (prefix:local). The first line on which it
// opens a statement wins, else the first line that mentions it at all.

const PREFIX = /(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>/g;

/** Line numbers (1-based) of the given IRIs in `text`; an IRI the file does not mention is left out. */
export function subjectLines(text: string, iris: readonly string[]): Map<string, number> {
  const prefixes = [...text.matchAll(PREFIX)].map((m) => ({ prefix: m[1] ?? '', namespace: m[2]! }));
  const lines = text.split('\n');
  const found = new Map<string, number>();
  for (const iri of new Set(iris)) {
    const spellings = [
      `<${iri}>`,
      ...prefixes
        .filter((p) => iri.startsWith(p.namespace) && iri.length > p.namespace.length)
        .map((p) => `${p.prefix}:${iri.slice(p.namespace.length)}`),
    ];
    const token = spellings.map(escape).join('|');
    const opens = new RegExp(`^\\s*(?:${token})(?=[\\s;,]|$)`);
    const mentions = new RegExp(`(?<![\\w:-])(?:${token})(?=[\\s;,.]|$)`);
    let line = lines.findIndex((l) => opens.test(l));
    if (line < 0) line = lines.findIndex((l) => mentions.test(l));
    if (line >= 0) found.set(iri, line + 1);
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
