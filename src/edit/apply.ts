// Runs an edit against a KnowledgeService: plan it on the current snapshot, refuse it if it would
// change nothing, then hand it to KnowledgeService.change (SHACL validation, one atomic batch with
// its change-log entry, new snapshot). The CLI (store opened locally) and the GraphQL mutations
// (store held by a running server) both call this, so an edit behaves the same either way.
import { EmokbError } from '../errors.js';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import { quadKey } from '../rdf/turtle.js';
import type { ChangeRecord } from '../store/KnowledgeStore.js';
import { effectiveDelta, toLines } from '../store/delta.js';
import type { EditMeta, EditRequest } from './EditRequest.js';
import type { EditPlan } from './EditPlan.js';
import { GraphView } from '../kb/GraphView.js';
import { settleActivities } from '../kb/activities.js';
import { planEdit } from './planEdit.js';
import { changesBetween, newestChangeId } from './changeLog.js';
import { lastUndoable, planUndo, type UndoRequest } from './undo.js';

export interface EditResult {
  /** Id of the committed change; null on a dry run. */
  change: number | null;
  dryRun: boolean;
  summary: string;
  command: string;
  /** IRI of the node the edit is about. */
  subject: string;
  details: string[];
  /** What was (or on a dry run would be) added and removed, as sorted N-Triples lines. */
  added: string[];
  removed: string[];
  /** Snapshot version after the edit. */
  version: number;
}

export interface ApplyOptions {
  dryRun?: boolean;
}

// Planning reads the snapshot and committing replaces it: two edits planned on the same snapshot
// could both pass and then clash (the same new IRI minted twice). One edit at a time per service.
const queues = new WeakMap<KnowledgeService, Promise<unknown>>();

function serialised<T>(service: KnowledgeService, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(service) ?? Promise.resolve()).then(fn);
  queues.set(
    service,
    run.catch(() => undefined),
  );
  return run;
}

export function applyEdit(
  service: KnowledgeService,
  request: EditRequest,
  meta: EditMeta,
  options: ApplyOptions = {},
): Promise<EditResult> {
  return serialised(service, async () => {
    const plan = planEdit(service.snapshot, request, { author: meta.author, time: new Date().toISOString() });
    return commit(service, plan, meta, options);
  });
}

export function applyUndo(
  service: KnowledgeService,
  request: UndoRequest,
  meta: EditMeta,
  options: ApplyOptions = {},
): Promise<EditResult> {
  return serialised(service, async () => {
    const view = GraphView.of(service.snapshot);
    const plan = planUndo(await undoLog(service, request), request, (q) => view.has(q), await newestChangeId(service.store));
    return commit(service, plan, meta, options);
  });
}

/**
 * The part of the log an undo needs: from the target on; for a plain undo, a growing window of
 * recent changes until it holds a change not yet undone (or the whole log).
 */
async function undoLog(service: KnowledgeService, request: UndoRequest): Promise<ChangeRecord[]> {
  if (request.change !== undefined) return changesBetween(service.store, { from: request.change });
  const newest = await newestChangeId(service.store);
  for (let span = 16; ; span *= 4) {
    const log = await changesBetween(service.store, { from: newest - span + 1 });
    if (newest - span + 1 <= 1 || lastUndoable([...log].reverse())) return log;
  }
}

async function commit(service: KnowledgeService, plan: EditPlan, meta: EditMeta, options: ApplyOptions): Promise<EditResult> {
  const view = GraphView.of(service.snapshot);
  // The curation runs the edit touches stay described from what they generated: an undone term
  // add takes its edit activity with it unless another sense still refers to it (kb/activities.ts).
  const { add, remove } = settleActivities(service.snapshot, plan);
  const byKey = new Map([...add, ...remove].map((q) => [quadKey(q), q]));
  const delta = effectiveDelta(add, remove, (key) => view.has(byKey.get(key)!));
  if (delta.add.length === 0 && delta.remove.length === 0) {
    throw new EmokbError('CONFLICT', `nothing to change: ${plan.summary} is already the case`);
  }
  const outcome = await service.change(
    { add, remove, author: meta.author, message: meta.message?.trim() || plan.summary, command: plan.command },
    { dryRun: options.dryRun },
  );
  return {
    change: outcome.record?.id ?? null,
    dryRun: Boolean(options.dryRun),
    summary: plan.summary,
    command: plan.command,
    subject: plan.subject,
    details: plan.details,
    added: outcome.record?.added ?? toLines(delta.add),
    removed: outcome.record?.removed ?? toLines(delta.remove),
    version: service.snapshot.version,
  };
}
