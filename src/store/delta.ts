// Reduces a requested change to what it really changes, so that the log and undo stay exact.
import type { Quad } from '@rdfjs/types';
import { quadKey } from '../rdf/turtle.js';
import type { ChangeInput, ChangeRecord } from './KnowledgeStore.js';

export interface Delta {
  add: Quad[];
  remove: Quad[];
  /** The N-Triples lines of `add` and `remove`, sorted: the change log's form, computed once. */
  addLines: string[];
  removeLines: string[];
}

/**
 * `has` tells whether a quad is in the store now. A quad both added and removed in one change is
 * removed then added, i.e. it ends up present, and counts only if it was absent before.
 */
export function effectiveDelta(add: readonly Quad[], remove: readonly Quad[], has: (key: string) => boolean): Delta {
  const addKeys = new Map<string, Quad>();
  for (const q of add) addKeys.set(quadKey(q), q);
  const removeKeys = new Map<string, Quad>();
  for (const q of remove) {
    const key = quadKey(q);
    if (!addKeys.has(key)) removeKeys.set(key, q);
  }
  const adding = [...addKeys].filter(([key]) => !has(key));
  const removing = [...removeKeys].filter(([key]) => has(key));
  return {
    add: adding.map(([, q]) => q),
    remove: removing.map(([, q]) => q),
    addLines: adding.map(([key]) => key).sort(),
    removeLines: removing.map(([key]) => key).sort(),
  };
}

/** Sorted N-Triples lines, the form the change log keeps. */
export function toLines(quads: readonly Quad[]): string[] {
  return quads.map(quadKey).sort();
}

/** The change-log entry of change `id`: what the change says of itself, and what it really did. */
export function changeRecord(id: number, change: ChangeInput, delta: Delta): ChangeRecord {
  return {
    id,
    time: new Date().toISOString(),
    author: change.author,
    message: change.message,
    command: change.command,
    added: delta.addLines,
    removed: delta.removeLines,
  };
}
