// `emokb check`: reads everything a store holds and says what is sound and what is not, without
// changing anything. Each step is independent, so one damaged part does not hide the others.
import { quadKey } from '../rdf/turtle.js';
import { integrityOf, mismatch } from './integrity.js';
import type { ChangeRecord } from './KnowledgeStore.js';
import type { LevelStore } from './LevelStore.js';
import { replayMismatch } from './verify.js';
import type { Quad } from '@rdfjs/types';

export interface CheckStep {
  step: string;
  ok: boolean;
  detail: string;
}

/** Runs every step; `validate` is the SHACL check of the triples (passed in: it lives above the store). */
export async function checkStore(store: LevelStore, validate: (quads: readonly Quad[]) => Promise<string | null>): Promise<CheckStep[]> {
  const steps: CheckStep[] = [];
  const attempt = async <T>(
    step: string,
    fn: () => Promise<T>,
    detail: (value: T) => string | { problem: string },
  ): Promise<T | undefined> => {
    try {
      const value = await fn();
      const d = detail(value);
      steps.push(typeof d === 'string' ? { step, ok: true, detail: d } : { step, ok: false, detail: d.problem });
      return value;
    } catch (error) {
      // The problem alone: the restore hint belongs to the summary, not to every step.
      const details = (error as { details?: { problem?: unknown } }).details;
      steps.push({ step, ok: false, detail: typeof details?.problem === 'string' ? details.problem : (error as Error).message });
      return undefined;
    }
  };
  await attempt(
    'keys',
    () => store.keyCount(),
    (n) => `${n} LevelDB keys read`,
  );
  const quads = await attempt(
    'triples',
    () => store.all(),
    (q) => `${q.length} triples read and parsed`,
  );
  const log = await attempt(
    'change log',
    () => store.changes(),
    (changes: ChangeRecord[]) => {
      const ids = changes.map((c) => c.id).reverse();
      const gap = ids.findIndex((id, i) => id !== i + 1);
      return gap >= 0
        ? { problem: `change ids are not 1..${ids.length}: change ${ids[gap]} at position ${gap + 1}` }
        : `${changes.length} changes read, ids 1..${changes.length}`;
    },
  );
  const record = await attempt(
    'integrity record',
    () => store.integrity(),
    (r) =>
      r
        ? `change ${r.change}, ${r.count} triples, hash ${r.hash.slice(0, 12)}`
        : 'none recorded (a store written by an older emokb): the log replay below stands for it, and the next open records it',
  );
  const lines = quads?.map(quadKey);
  if (lines && record) {
    const problem = mismatch(record, integrityOf(lines, log ? (log[0]?.id ?? 0) : record.change));
    steps.push({ step: 'count and hash', ok: !problem, detail: problem ?? 'the triples match the record' });
  }
  if (lines && log) {
    const replay = replayMismatch(lines, log);
    steps.push({ step: 'log replay', ok: !replay, detail: replay ?? 'the triples are exactly the replay of the change log' });
  }
  if (quads)
    await attempt(
      'SHACL',
      () => validate(quads),
      (problem) => (problem ? { problem } : 'the triples conform to the shapes'),
    );
  return steps;
}
