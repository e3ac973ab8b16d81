// What changed since a given change: the net effect of the logged changes after it (a triple added
// and later removed again does not appear), as a readable summary or as a patch another store can
// apply: `turtle` is a SPARQL 1.1 Update (DELETE DATA / INSERT DATA with Turtle bodies and the
// project's prefixes), `ntriples` an RDF Patch (`D` and `A` lines of N-Triples).
import { Parser, Writer } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { PREFIXES } from '../rdf/namespaces.js';
import { compareQuads } from '../rdf/turtle.js';
import type { ChangeRecord } from '../store/KnowledgeStore.js';

export type PatchFormat = 'summary' | 'turtle' | 'ntriples';
export const PATCH_FORMATS: readonly PatchFormat[] = ['summary', 'turtle', 'ntriples'];

export interface Patch {
  /** Changes after this id are included. */
  since: number;
  /** The included changes, oldest first. */
  changes: ChangeRecord[];
  /** Net N-Triples lines, sorted. */
  added: string[];
  removed: string[];
}

export function netPatch(log: readonly ChangeRecord[], since: number): Patch {
  const changes = log.filter((r) => r.id > since).sort((a, b) => a.id - b.id);
  const added = new Set<string>();
  const removed = new Set<string>();
  // The log keeps effective deltas, so a line added later than it was removed cancels, and vice versa.
  for (const r of changes) {
    for (const line of r.removed) if (!added.delete(line)) removed.add(line);
    for (const line of r.added) if (!removed.delete(line)) added.add(line);
  }
  return { since, changes, added: [...added].sort(), removed: [...removed].sort() };
}

export async function formatPatch(patch: Patch, format: PatchFormat): Promise<string> {
  switch (format) {
    case 'summary':
      return summary(patch);
    case 'ntriples':
      return [header(patch), ...patch.removed.map((l) => `D ${l}`), ...patch.added.map((l) => `A ${l}`)].join('\n') + '\n';
    case 'turtle': {
      const removed = parse(patch.removed);
      const added = parse(patch.added);
      // Language-tagged literals are written without their rdf:langString datatype.
      const mentions = (t: Quad['object'], iri: string) =>
        t.termType === 'Literal' ? !t.language && t.datatype.value.startsWith(iri) : t.value.startsWith(iri);
      const used = Object.entries(PREFIXES).filter(([, iri]) =>
        [...removed, ...added].some((q) => [q.subject, q.predicate, q.object].some((t) => mentions(t, iri))),
      );
      const prefixes = Object.fromEntries(used);
      return [
        header(patch),
        ...used.map(([p, iri]) => `PREFIX ${p}: <${iri}>`),
        `DELETE DATA {\n${await body(removed, prefixes)}} ;`,
        `INSERT DATA {\n${await body(added, prefixes)}}`,
        '',
      ].join('\n');
    }
  }
}

function header(patch: Patch): string {
  const ids = patch.changes.map((c) => c.id);
  const range = ids.length ? `changes ${ids[0]}..${ids.at(-1)}` : 'no changes';
  return `# emokb patch: ${range} (after change ${patch.since}): ${patch.removed.length} triple(s) removed, ${patch.added.length} added`;
}

function summary(patch: Patch): string {
  const lines = [header(patch).slice(2)];
  for (const c of patch.changes) {
    lines.push(`  #${c.id}  ${c.time}  ${c.author}  ${c.command}  (+${c.added.length} -${c.removed.length})`);
    if (c.message && c.message !== c.command) lines.push(`        ${c.message}`);
  }
  const bySubject = new Map<string, string[]>();
  const note = (sign: string, line: string) => {
    const [subject, predicate, ...object] = splitLine(line);
    const list = bySubject.get(subject) ?? (bySubject.set(subject, []), bySubject.get(subject)!);
    list.push(`    ${sign} ${compact(predicate)} ${compact(object.join(' '))}`);
  };
  for (const line of patch.removed) note('-', line);
  for (const line of patch.added) note('+', line);
  if (bySubject.size) lines.push('net effect:');
  for (const [subject, changes] of [...bySubject].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${compact(subject)}`, ...changes);
  }
  return `${lines.join('\n')}\n`;
}

/** `<s> <p> o .` into its three terms (the object may contain spaces). */
export function splitLine(line: string): [string, string, ...string[]] {
  const match = /^(\S+) (\S+) (.*) \.$/.exec(line);
  return match ? [match[1]!, match[2]!, match[3]!] : [line, '', ''];
}

/** An N-Triples term with a known namespace written as a prefixed name (a literal's text is left alone). */
export function compact(term: string): string {
  if (term.startsWith('"')) {
    const datatype = /\^\^<([^>]*)>$/.exec(term);
    return datatype ? `${term.slice(0, datatype.index)}^^${prefixed(datatype[1]!)}` : term;
  }
  return term.startsWith('<') && term.endsWith('>') ? prefixed(term.slice(1, -1)) : term;
}

function prefixed(iri: string): string {
  for (const [prefix, base] of Object.entries(PREFIXES)) {
    if (iri.startsWith(base) && /^[\w-]*$/.test(iri.slice(base.length))) return `${prefix}:${iri.slice(base.length)}`;
  }
  return `<${iri}>`;
}

function parse(lines: readonly string[]): Quad[] {
  try {
    return new Parser({ format: 'N-Triples' }).parse(lines.join('\n')).sort(compareQuads);
  } catch (error) {
    throw new EmokbError('STORE_ERROR', `the change log holds a line that does not parse: ${(error as Error).message}`);
  }
}

async function body(quads: Quad[], prefixes: Record<string, string>): Promise<string> {
  if (!quads.length) return '';
  const writer = new Writer({ format: 'text/turtle', prefixes });
  for (const q of quads) writer.addQuad(q.subject, q.predicate, q.object);
  const text = await new Promise<string>((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
  const triples = text.split('\n').filter((l) => !l.startsWith('@prefix') && l.trim() !== '');
  return triples.map((l) => `  ${l}\n`).join('');
}
