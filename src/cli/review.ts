// `emokb review`: the human in the loop. Interactive (one candidate at a time, from standard input:
// accept, reject, reassign, skip, undo, quit) or batch (`--decisions FILE`, TSV or JSON, checked as
// a whole before anything is applied). Each interactive decision is committed as soon as it is
// made, so a session stopped by quit, end of input or Ctrl-C keeps every decision so far and the
// next session resumes with the candidates still pending.
import type { Command } from 'commander';
import type { Quad } from '@rdfjs/types';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import { lexicalEntries, type StoredEntry } from '../kb/lexicalEntries.js';
import { definitionOf } from '../wordnet/emotional.js';
import type { MorphologyContext } from '../expansion/morphology.js';
import { loadResources, scopeOf } from '../expansion/pipeline.js';
import { vectorsPackageVersion } from '../expansion/vectors.js';
import { editActivity, reviewActivity, settleActivities } from '../kb/activities.js';
import { parseDecisionsJson, parseDecisionsTsv, planDecisions, resolveDecisions, type Decision } from '../expansion/review.js';
import { defaultAuthor, printJson, withService, type GlobalOptions } from './context.js';
import { readInputFile } from '../readInput.js';
import { openPrompt } from './prompt.js';
import { provenanceTime } from '../rdf/provenanceTime.js';

interface ReviewOptions {
  decisions?: string;
  reviewer?: string;
  emotion?: string;
  dryRun?: boolean;
  json?: boolean;
  forms?: boolean;
}

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('review candidate terms: interactively (from standard input) or from a decisions file')
    .option('--decisions <file>', 'apply a decisions file (.tsv: term, pos, decision, emotions, kind, note; or .json) as one change')
    .option('--reviewer <name>', 'who decides (default: EMOKB_AUTHOR, git user.name, login)')
    .option('--emotion <label-or-id>', 'interactive: only candidates of this emotion and its descendants')
    .option('--no-forms', 'do not generate inflected forms for accepted terms')
    .option('--dry-run', 'batch: check and report, write nothing')
    .option('--json', 'batch: machine-readable summary')
    .action(async (options: ReviewOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const reviewer = defaultAuthor(options.reviewer);
      provenanceTime(); // a bad SOURCE_DATE_EPOCH is refused before any work
      if (options.forms !== false) vectorsPackageVersion(); // the optional word vectors, before the store is opened
      await withService(globals, async (service) => {
        const morphology = options.forms === false ? undefined : await loadResources();
        if (options.decisions) return batch(service, options, reviewer, morphology);
        return interactive(service, options, reviewer, morphology);
      });
    });
}

async function batch(
  service: KnowledgeService,
  options: ReviewOptions,
  reviewer: string,
  morphology: MorphologyContext | undefined,
): Promise<void> {
  const file = options.decisions!;
  const text = await readInputFile(file, '--decisions');
  const decisions: Decision[] = file.endsWith('.json') ? parseDecisionsJson(text, file) : parseDecisionsTsv(text, file);
  const kb = service.snapshot;
  const entries = lexicalEntries(kb);
  const resolved = resolveDecisions(kb, entries, decisions);
  const plan = planDecisions(entries, resolved, { reviewer, time: provenanceTime(), morphology, activity: reviewActivity(file) });
  const outcome = await service.change(
    {
      ...settleActivities(kb, plan),
      author: reviewer,
      message: `review ${file}: ${summaryOf(plan.counts)}`,
      command: `review --decisions ${file}`,
    },
    { dryRun: options.dryRun },
  );
  const summary = {
    file,
    reviewer,
    decisions: decisions.length,
    ...plan.counts,
    flaggedForms: plan.flagged,
    change: outcome.record?.id ?? null,
    dryRun: !!options.dryRun,
  };
  if (options.json) return printJson(summary);
  process.stdout.write(
    `${file}: ${decisions.length} decisions (${summaryOf(plan.counts)})${options.dryRun ? ', dry run: nothing written' : ''}\n`,
  );
  for (const f of plan.flagged) process.stdout.write(`flagged form ${f.form} of "${f.term}": ${f.reason}\n`);
}

function summaryOf(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .filter(([, n]) => n)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'nothing'
  );
}

async function interactive(
  service: KnowledgeService,
  options: ReviewOptions,
  reviewer: string,
  morphology: Awaited<ReturnType<typeof loadResources>> | undefined,
): Promise<void> {
  const out = process.stdout;
  const kb0 = service.snapshot;
  const scope = options.emotion ? scopeOf(kb0, kb0.resolve(options.emotion)) : undefined;
  const queue = [...lexicalEntries(kb0).values()]
    .filter((e) => e.status === 'candidate' && (!scope || e.senses.some((s) => scope.has(s.emotion))))
    .sort((a, b) => (b.senses[0]?.score ?? 0) - (a.senses[0]?.score ?? 0) || a.iri.localeCompare(b.iri));
  const total = queue.length;
  const history: Array<{ entry: StoredEntry; add: Quad[]; remove: Quad[] }> = [];
  let index = 0,
    decided = 0;
  let commits: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const commit = (add: Quad[], remove: Quad[], message: string) => {
    commits = commits
      // Settled on the snapshot the change meets: an undone decision's activity goes unless another decision shares it.
      .then(() => service.change({ ...settleActivities(service.snapshot, { add, remove }), author: reviewer, message, command: 'review' }))
      .catch((e) => (failure ??= e));
  };

  const prompt = openPrompt(out);
  const ask = (text: string) => prompt.ask(text);

  out.write(`review: ${total} pending candidate(s)${scope ? ` under ${options.emotion}` : ''}; reviewer ${reviewer}\n`);
  out.write('keys: a accept, r reject, e reassign (then emotions, e.g. "fury" or "fury:0.6,scorn:0.3"), s skip, u undo, q quit\n');
  try {
    while (index < queue.length && !prompt.interrupted) {
      const entry = queue[index]!;
      out.write(`\n${describe(service, entry, morphology, index, total, decided)}\n`);
      const answer = await ask('[a/r/e/s/u/q]> ');
      if (answer === undefined || answer === 'q') break;
      const key = answer[0]?.toLowerCase();
      if (key === 's') {
        index++;
        continue;
      }
      if (key === 'u') {
        const last = history.pop();
        if (!last) {
          out.write('nothing to undo in this session\n');
          continue;
        }
        commit(last.remove, last.add, `review: undo the decision on "${last.entry.lemma}"`);
        decided--;
        index = queue.indexOf(last.entry);
        out.write(`undone: "${last.entry.lemma}" is pending again\n`);
        continue;
      }
      let decision: Decision;
      if (key === 'a') decision = { term: entry.lemma, pos: entry.pos, action: 'accept' };
      else if (key === 'r') decision = { term: entry.lemma, pos: entry.pos, action: 'reject' };
      else if (key === 'e') {
        const target = await ask('emotion(s)> ');
        if (!target) continue;
        const emotions = target.split(',').map((e) => {
          const [emotion, weight] = e.trim().split(':');
          return { emotion: emotion!, ...(weight ? { weight: Number(weight) } : {}) };
        });
        decision = { term: entry.lemma, pos: entry.pos, action: 'reassign', emotions };
      } else {
        out.write(`"${answer}": type a, r, e, s, u or q\n`);
        continue;
      }
      try {
        await commits;
        const kb = service.snapshot;
        const entries = lexicalEntries(kb);
        const resolved = resolveDecisions(kb, entries, [decision]);
        const time = provenanceTime();
        const plan = planDecisions(entries, resolved, { reviewer, time, morphology, activity: editActivity('review', time) });
        for (const f of plan.flagged) out.write(`flagged form ${f.form}: ${f.reason}\n`);
        commit(plan.add, plan.remove, `review: ${decision.action} "${entry.lemma}"`);
        history.push({ entry, add: plan.add, remove: plan.remove });
        decided++;
        index++;
      } catch (error) {
        out.write(`${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  } finally {
    prompt.close();
    await commits;
  }
  if (failure) throw failure;
  out.write(`\n${decided} decision(s) kept; ${total - decided} candidate(s) still pending${prompt.interrupted ? ' (interrupted)' : ''}\n`);
}

function describe(
  service: KnowledgeService,
  entry: StoredEntry,
  resources: Awaited<ReturnType<typeof loadResources>> | undefined,
  index: number,
  total: number,
  decided: number,
): string {
  const kb = service.snapshot;
  const sense = entry.senses[0];
  const synsetName = sense?.evidence.find((e) => e.startsWith('wordnet:sense:'))?.slice('wordnet:sense:'.length);
  const synset = synsetName ? resources?.wn.byName(synsetName) : undefined;
  const lines = [`[${index + 1}/${total}, ${decided} decided] ${entry.lemma} (${entry.pos ?? '?'})`];
  if (synset) lines.push(`  gloss     ${definitionOf(synset.gloss)} [${synset.name}: ${synset.words.join(', ')}]`);
  for (const s of entry.senses) {
    const path = kb
      .path(s.emotion)
      .map((e) => e.label)
      .join(' > ');
    lines.push(
      `  emotion   ${path} (${kb.emotion(s.emotion)?.id}) weight ${s.weight} ${s.kind}${s.score === null ? '' : ` score ${s.score}`}`,
    );
    const via = s.evidence.find((e) => (e.startsWith('wordnet:') && !e.startsWith('wordnet:sense:')) || e.startsWith('corpus:'));
    lines.push(`  path      ${via ?? s.method}`);
    // A corpus candidate's case is its counts ("34 of 41 documents carry anger (lift 4.71)").
    if (s.method === 'corpus') for (const e of s.evidence.filter((e) => !e.startsWith('corpus:'))) lines.push(`  evidence  ${e}`);
    for (const c of s.evidence.filter((e) => e.startsWith('competing:')).slice(0, 3))
      lines.push(`  competing ${c.slice('competing:'.length).split(':wordnet')[0]}`);
    const amb = s.evidence.find((e) => e.startsWith('ambiguity:'));
    if (amb) lines.push(`  ${amb.replace(':', '  ')}`);
  }
  return lines.join('\n');
}
