// Precision in context from the audit's judgments: the share of judged matches that are right,
// with a 95% Wilson score interval (Wilson 1927; it stays inside [0, 1] and keeps its coverage for
// small samples and shares near 1, where the normal approximation does not).
//
// Weighting: a sample is uniform over matches, so the plain share of right judgments already
// estimates the share of *all* the tagger's matches in the corpus that are right, each term counting
// as often as it matches. Per term, the precision of its own judged matches is shown beside its
// share of the corpus's matches (recorded with each judgment), and the product
// share x (1 - precision) orders the table: the share of all matches that are that term's errors,
// so a frequent term that is often wrong comes before a rare term that is always wrong.
import type { AuditJudgment } from './decisions.js';

export interface Precision {
  judged: number;
  right: number;
  precision: number;
  low: number;
  high: number;
}

export interface TermLine extends Precision {
  term: string;
  /** Share of the sampled corpora's matches that are this term's (weighted like the samples). */
  share: number;
  /** share x (1 - precision): the share of all matches that are this term's wrong ones. */
  wrongShare: number;
}

export interface AuditReport {
  overall: Precision;
  samples: Array<Precision & { corpus: string; part: string; seed: number; matches: number }>;
  byKind: Record<string, Precision>;
  byVia: Record<string, Precision>;
  /** By each rule that shaped a match (intensity, emphasis, cue), or none; a match under several counts under each. */
  byRules: Record<string, Precision>;
  /** Wrong judgments by the error kind their note starts with ("collocation: ..."), else `unnoted`. */
  errorKinds: Record<string, number>;
  terms: TermLine[];
}

const Z = 1.959964; // the normal quantile for a two-sided 95% interval

export function wilson(right: number, judged: number): Precision {
  if (judged === 0) return { judged, right, precision: 0, low: 0, high: 0 };
  const p = right / judged;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * judged)) / (1 + z2 / judged);
  const half = (Z * Math.sqrt((p * (1 - p)) / judged + z2 / (4 * judged * judged))) / (1 + z2 / judged);
  return { judged, right, precision: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function precisionOf(js: readonly AuditJudgment[]): Precision {
  return wilson(js.filter((j) => j.decision === 'right').length, js.length);
}

function groupBy(js: readonly AuditJudgment[], key: (j: AuditJudgment) => string): Map<string, AuditJudgment[]> {
  const out = new Map<string, AuditJudgment[]>();
  for (const j of js) (out.get(key(j)) ?? out.set(key(j), []).get(key(j))!).push(j);
  return out;
}

function groupByEach(js: readonly AuditJudgment[], keys: (j: AuditJudgment) => string[]): Map<string, AuditJudgment[]> {
  const out = new Map<string, AuditJudgment[]>();
  for (const j of js) for (const k of new Set(keys(j))) (out.get(k) ?? out.set(k, []).get(k)!).push(j);
  return out;
}

const precisions = (groups: Map<string, AuditJudgment[]>) =>
  Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, precisionOf(v)]));

/** The error kind a note starts with: a word (letters and hyphens) before a colon. */
export function errorKind(note: string): string | undefined {
  return /^\s*([a-z][a-z-]*)\s*:/i.exec(note)?.[1]?.toLowerCase();
}

export function auditReport(judgments: readonly AuditJudgment[], minJudged = 2): AuditReport {
  const sampleKey = (j: AuditJudgment) => [j.corpus, j.part, j.seed].join('\t');
  const samples = groupBy(judgments, sampleKey);
  // A term's share of matches: in each sample, its count over the corpus's matches (from any of
  // its rows there), averaged over the samples in proportion to their judged matches.
  const terms = groupBy(judgments, (j) => j.term);
  const termLines: TermLine[] = [];
  for (const [term, rows] of terms) {
    if (rows.length < minJudged) continue;
    let share = 0;
    for (const sample of samples.values()) {
      const row = sample.find((j) => j.term === term);
      if (row && row.corpusMatches > 0) share += (sample.length / judgments.length) * (row.termMatches / row.corpusMatches);
    }
    const p = precisionOf(rows);
    termLines.push({ term, ...p, share, wrongShare: share * (1 - p.precision) });
  }
  termLines.sort((a, b) => b.wrongShare - a.wrongShare || b.share - a.share || a.term.localeCompare(b.term));
  const errorKinds: Record<string, number> = {};
  for (const j of judgments)
    if (j.decision === 'wrong') errorKinds[errorKind(j.note) ?? 'unnoted'] = (errorKinds[errorKind(j.note) ?? 'unnoted'] ?? 0) + 1;
  return {
    overall: precisionOf(judgments),
    samples: [...samples.values()].map((rows) => ({
      corpus: rows[0]!.corpus,
      part: rows[0]!.part,
      seed: rows[0]!.seed,
      matches: rows[0]!.corpusMatches,
      ...precisionOf(rows),
    })),
    byKind: precisions(groupBy(judgments, (j) => j.kind)),
    byVia: precisions(groupBy(judgments, (j) => j.via)),
    byRules: precisions(groupByEach(judgments, (j) => j.rules.split(/,\s*/).map((r) => r.split(' ')[0]!))),
    errorKinds: Object.fromEntries(Object.entries(errorKinds).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))),
    terms: termLines,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (p: Precision) =>
  `${String(p.right).padStart(4)} / ${String(p.judged).padEnd(4)} ${pct(p.precision).padStart(6)}  [${pct(p.low)}, ${pct(p.high)}]`;

export function formatReport(r: AuditReport, file: string, top: number, minJudged: number): string {
  const out = [`precision in context (${file}): right / judged, precision, 95% Wilson interval`, `overall      ${line(r.overall)}`, ''];
  out.push('by sample (corpus, part, seed; counted matches in the corpus)');
  for (const s of r.samples) out.push(`  ${line(s)}  ${s.corpus}${s.part ? ` part ${s.part}` : ''} seed ${s.seed} (${s.matches} matches)`);
  for (const [title, groups] of [
    ['by kind', r.byKind],
    ['by how it matched', r.byVia],
    ['by rules', r.byRules],
  ] as const) {
    out.push('', title);
    for (const [k, p] of Object.entries(groups)) out.push(`  ${k.padEnd(22)} ${line(p)}`);
  }
  if (Object.keys(r.errorKinds).length) {
    out.push('', 'wrong matches by the error kind noted');
    for (const [k, n] of Object.entries(r.errorKinds)) out.push(`  ${k.padEnd(22)} ${n}`);
  }
  out.push(
    '',
    `terms judged at least ${minJudged === 1 ? 'once' : minJudged === 2 ? 'twice' : `${minJudged} times`}, by share of all matches that are their errors (share of matches x (1 - precision)); top ${top}`,
  );
  out.push(`  ${'term'.padEnd(22)} ${'share'.padStart(6)} ${'errors'.padStart(7)}   right / judged`);
  for (const t of r.terms.slice(0, top))
    out.push(`  ${t.term.padEnd(22)} ${pct(t.share).padStart(6)} ${pct(t.wrongShare).padStart(7)}  ${line(t)}`);
  return `${out.join('\n')}\n`;
}
