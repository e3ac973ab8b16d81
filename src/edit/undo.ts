// Undo: the inverse of a logged change. The change log keeps exactly what a change added and
// removed (as N-Triples lines), so undoing re-adds its `removed` lines and removes its `added` ones.
// That is only safe when no later change touched the same triples and left them changed (undoing an
// old rename after a newer one would resurrect a stale label); then it is refused with CONFLICT,
// naming the later changes, unless forced. A later change that was itself undone does not count.
// The inverse is validated and logged like any edit, so an undo can be undone (a redo).
import { Parser } from '../rdf/n3.js';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { quadKey } from '../rdf/turtle.js';
import type { ChangeRecord } from '../store/KnowledgeStore.js';
import { conflict, type EditPlan } from './EditPlan.js';

export interface UndoRequest {
  /** The change id to undo; the newest change when absent. */
  change?: number;
  /** Undo even though later changes touched the same triples. */
  force?: boolean;
}

/**
 * `log` is the change log (any order); without `change`, the newest change not yet undone is meant.
 * `has` tells whether a triple is in the store now. `newestId` is the newest change in the store: the
 * caller may pass only part of the log (from the target on), which is empty for an id past the end.
 */
export function planUndo(log: readonly ChangeRecord[], request: UndoRequest, has: (q: Quad) => boolean, newestId?: number): EditPlan {
  if (request.change !== undefined && (!Number.isInteger(request.change) || request.change < 1)) {
    throw new EmokbError(
      'BAD_INPUT',
      `change: ${JSON.stringify(request.change)} is not a change id (a positive whole number, see \`emokb history\`)`,
      { field: 'change' },
    );
  }
  const sorted = [...log].sort((a, b) => a.id - b.id);
  const target = request.change === undefined ? lastUndoable(sorted) : sorted.find((r) => r.id === request.change);
  if (!target) {
    const newest = newestId ?? sorted.at(-1)?.id;
    const which = request.change === undefined ? 'nothing left to undo' : `there is no change ${request.change}`;
    throw new EmokbError('NOT_FOUND', `change: ${which}${newest ? ` (the newest is ${newest})` : ' (the change log is empty)'}`, {
      field: 'change',
    });
  }
  // Exact when the target's triples are still as it left them: what it added present, what it
  // removed absent. Later changes that touched them and were reverted do not matter.
  const add = parseLines(target.removed, target.id);
  const remove = parseLines(target.added, target.id);
  const changed = new Set([...remove.filter((q) => !has(q)), ...add.filter((q) => has(q))].map(quadKey));
  const later = sorted
    .filter((r) => r.id > target.id)
    .map((r) => ({ record: r, overlap: [...r.added, ...r.removed].filter((line) => changed.has(line)) }))
    .filter((x) => x.overlap.length > 0);
  if (changed.size && !request.force) {
    const lines = later.map(
      ({ record, overlap }) =>
        `  change ${record.id} (${record.time}, ${record.author}: ${record.message}) touched ${overlap.length} of them, e.g. ${overlap[0]}`,
    );
    throw conflict(
      `change: ${changed.size} triple(s) that change ${target.id} added or removed have changed since; nothing was undone. Undo the later changes first, or use --force to apply the inverse of change ${target.id} anyway:\n${lines.join('\n')}`,
      { field: 'change', change: target.id, laterChanges: later.map((x) => x.record.id) },
    );
  }
  return {
    add,
    remove,
    subject: `change:${target.id}`,
    summary: `undo change ${target.id} (${target.message})`,
    command: `undo ${target.id}${request.force ? ' --force' : ''}`,
    details: [
      `change ${target.id} by ${target.author} at ${target.time}: ${target.command}`,
      ...(changed.size
        ? [
            `forced: ${changed.size} triple(s) had changed since${later.length ? `, in change(s) ${later.map((x) => x.record.id).join(', ')}` : ''}`,
          ]
        : []),
    ],
  };
}

/**
 * What a plain `undo` means: the newest change that is not itself an undo and has not been undone,
 * so that repeating `undo` walks back through history instead of undoing the undo. (To redo, undo
 * the undo by its id.) `sorted` is oldest first; a newest-first suffix of the log is enough, since
 * an undo always comes after what it undoes.
 */
export function lastUndoable(sorted: readonly ChangeRecord[]): ChangeRecord | undefined {
  const undone = new Set<number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const record = sorted[i]!;
    // An undone undo leaves its target in effect; an undone change is skipped.
    if (undone.has(record.id)) continue;
    const undo = UNDO_COMMAND.exec(record.command);
    if (!undo) return record;
    undone.add(Number(undo[1]));
  }
  return undefined;
}

const UNDO_COMMAND = /^undo (\d+)\b/;

function parseLines(lines: readonly string[], id: number): Quad[] {
  if (!lines.length) return [];
  try {
    return new Parser({ format: 'N-Triples' }).parse(lines.join('\n'));
  } catch (error) {
    throw new EmokbError('STORE_ERROR', `change ${id} in the change log does not parse: ${(error as Error).message}`);
  }
}
