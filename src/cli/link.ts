// The linker commands, added to the `emokb link` group beside the hand edits `link add|remove`:
//   emokb link propose --type opposite|composition|transition [--emotion X]   run a linker, store candidates
//   emokb link candidates [--type T] [--status S] [--json]                     list proposed edges
//   emokb link review [--decisions FILE] [--type T]                            accept or reject them
//   emokb link release [--out ontology/relations.ttl]                          write the accepted relations
// The proposing command is a subcommand (not options on `link` itself) so that `link add --dry-run`
// keeps its own options: commander would otherwise let the group swallow them.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { parseLinkType } from '../edit/EditRequest.js';
import { planLink } from '../edit/linkEdits.js';
import { LINK_TYPES, type LinkType } from '../kb/edges.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { KnowledgeService } from '../kb/KnowledgeService.js';
import { EMO, RDF } from '../rdf/namespaces.js';
import { serialize } from '../rdf/turtle.js';
import { provenanceTime } from '../rdf/provenanceTime.js';
import { edgeId, EDGE_BASE, LINKER_AGENT, storedEdges, type StoredEdge } from '../kb/edges.js';
import { isAsserted, loadLinkerResources, planProposals, propose } from '../linkers/index.js';
import {
  parseEdgeDecisionsJson,
  parseEdgeDecisionsTsv,
  planEdgeDecisions,
  resolveEdgeDecisions,
  type EdgeDecision,
} from '../linkers/review.js';
import { defaultAuthor, printJson, withService, type GlobalOptions } from './context.js';
import { readInputFile } from '../readInput.js';
import { openPrompt } from './prompt.js';
import { activityQuads, editActivity, reviewActivity, settleActivities } from '../kb/activities.js';

const STATUSES = ['candidate', 'accepted', 'rejected'] as const;

export function registerLink(program: Command): void {
  const link = program.commands.find((c) => c.name() === 'link') ?? program.command('link').description('relations between emotions');

  link
    .command('propose')
    .description(
      'run a linker over the whole knowledge base (or one emotion) and store the edges it finds as candidates with their evidence',
    )
    .requiredOption('--type <type>', `which relation: ${LINK_TYPES.join(', ')}`)
    .option('--emotion <label-or-id>', 'only edges with this emotion on one side')
    .option('--refresh', 'replace pending candidates from earlier runs (accepted and rejected edges are never touched)')
    .option('--time <iso>', 'timestamp for new candidates (default: SOURCE_DATE_EPOCH or now)')
    .option('--dry-run', 'compute and report, write nothing')
    .option('--json', 'machine-readable summary')
    .action(
      async (
        options: { type: string; emotion?: string; refresh?: boolean; time?: string; dryRun?: boolean; json?: boolean },
        command: Command,
      ) => {
        const type = parseType(options.type);
        const time = provenanceTime(options.time);
        await withService(command.optsWithGlobals<GlobalOptions>(), async (service) => {
          const began = performance.now();
          const kb = service.snapshot;
          const emotion = options.emotion ? kb.resolve(options.emotion) : undefined;
          const resources = await loadLinkerResources();
          const loaded = performance.now() - began;
          const proposals = propose(kb, resources, type, emotion ? { emotion } : {});
          const plan = planProposals(kb, proposals, { time, refresh: options.refresh, isAsserted: (p) => isAsserted(kb, p) });
          const outcome = await service.change(
            {
              add: plan.add,
              remove: plan.remove,
              author: LINKER_AGENT,
              message: `link propose --type ${type}${emotion ? ` --emotion ${emotion.id}` : ''}: ${plan.added} candidate edge(s)`,
              command: `link propose --type ${type}${emotion ? ` --emotion ${emotion.id}` : ''}`,
            },
            { dryRun: options.dryRun },
          );
          const summary = {
            type,
            scope: emotion?.id ?? 'all',
            proposed: proposals.length,
            added: plan.added,
            kept: plan.kept,
            alreadyAsserted: plan.asserted,
            change: outcome.record?.id ?? null,
            dryRun: Boolean(options.dryRun),
            ms: { loadWordNet: Math.round(loaded), total: Math.round(performance.now() - began) },
            edges: proposals.map((p) => ({ edge: edgeId(edgeIriOf(p)), score: p.score, methods: p.methods })),
          };
          if (options.json) return printJson(summary);
          process.stdout.write(
            [
              `type         ${type} (scope: ${summary.scope})`,
              `proposed     ${proposals.length} edge(s)`,
              `added        ${plan.added} candidate(s)${options.dryRun ? ' (dry run: nothing written)' : ''}`,
              `kept         ${plan.kept.accepted} accepted, ${plan.kept.rejected} rejected, ${plan.kept.candidate} pending from earlier runs; ${plan.asserted} already asserted`,
              `time         ${summary.ms.total} ms (${summary.ms.loadWordNet} ms loading WordNet)`,
              `review with  emokb link review${type ? ` --type ${type}` : ''}`,
            ].join('\n') + '\n',
          );
        });
      },
    );

  link
    .command('candidates')
    .description('list proposed edges with their evidence')
    .option('--type <type>', `only this relation: ${LINK_TYPES.join(', ')}`)
    .option('--status <status>', `only this status: ${STATUSES.join(', ')}`, 'candidate')
    .option('--json', 'print JSON')
    .action(async (options: { type?: string; status: string; json?: boolean }, command: Command) => {
      const type = options.type ? parseType(options.type) : undefined;
      const status = options.status === 'all' ? undefined : parseStatus(options.status);
      await withService(command.optsWithGlobals<GlobalOptions>(), async (service) => {
        const kb = service.snapshot;
        const list = [...storedEdges(kb).values()].filter((e) => (!type || e.type === type) && (!status || e.status === status));
        if (options.json) return printJson(list.map((e) => view(kb, e)));
        for (const e of list) process.stdout.write(`${describe(kb, e)}\n`);
        process.stdout.write(`${list.length} edge(s)\n`);
      });
    });

  link
    .command('review')
    .description('review proposed edges: interactively (from standard input) or from a decisions file')
    .option('--decisions <file>', 'apply a decisions file (.tsv: edge, decision, note; or .json) as one change')
    .option('--type <type>', 'interactive: only this relation')
    .option('--reviewer <name>', 'who decides (default: EMOKB_AUTHOR, git user.name, login)')
    .option('--dry-run', 'batch: check and report, write nothing')
    .option('--json', 'batch: machine-readable summary')
    .action(
      async (options: { decisions?: string; type?: string; reviewer?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
        const reviewer = defaultAuthor(options.reviewer);
        const type = options.type ? parseType(options.type) : undefined;
        provenanceTime(); // a bad SOURCE_DATE_EPOCH is refused before any work
        await withService(command.optsWithGlobals<GlobalOptions>(), async (service) => {
          if (options.decisions) return batch(service, options.decisions, reviewer, options);
          return interactive(service, reviewer, type);
        });
      },
    );

  link
    .command('release')
    .description('write every asserted relation with its evidence as deterministic Turtle (the shipped ontology/relations.ttl)')
    .option('--out <file>', 'where to write (default: standard output)')
    .action(async (options: { out?: string }, command: Command) => {
      await withService(command.optsWithGlobals<GlobalOptions>(), async (service) => {
        const text = await serialize(releaseQuads(service.snapshot), 'turtle');
        const header =
          '# Relations between emotions (isOppositeOf, isComposedOf, leadsTo transitions), each with the\n# evidence node it was accepted from, and the rejected proposals (which assert nothing and are not\n# proposed again). Generated by `emokb link release`; edit with `emokb link`.\n';
        if (options.out) await writeFile(options.out, header + text);
        else process.stdout.write(header + text);
      });
    });
}

/**
 * The relation triples, transition nodes and reviewed evidence nodes of a snapshot, and the review
 * runs that generated them. Rejected nodes ship too: they assert nothing, and they keep a fresh
 * store from proposing the edge again.
 */
export function releaseQuads(kb: KnowledgeBase): Quad[] {
  const transitions = new Set(
    kb.quads.filter((q) => q.predicate.equals(RDF.type) && q.object.equals(EMO.Transition)).map((q) => q.subject.value),
  );
  const reviewed = new Set([...storedEdges(kb).values()].filter((e) => e.status !== 'candidate').map((e) => e.iri));
  const relations = kb.quads.filter(
    (q) =>
      q.predicate.equals(EMO.isOppositeOf) ||
      q.predicate.equals(EMO.isComposedOf) ||
      q.predicate.equals(EMO.leadsTo) ||
      transitions.has(q.subject.value) ||
      reviewed.has(q.subject.value),
  );
  // The review runs the edges were generated by, described from the edges (kb/activities.ts).
  return [...relations, ...activityQuads(relations.filter((q) => reviewed.has(q.subject.value)))];
}

function edgeIriOf(p: { type: LinkType; from: string; to: string[]; trigger?: string }): string {
  const local = (iri: string) => iri.slice(iri.lastIndexOf('/') + 1);
  const ids = p.type === 'transition' ? [p.from, p.trigger ?? '', p.to[0] ?? ''] : [p.from, ...p.to];
  return `${EDGE_BASE}${p.type}/${ids.map(local).join('--')}`;
}

function parseType(value: string): LinkType {
  return parseLinkType(value, '--type');
}

function parseStatus(value: string): (typeof STATUSES)[number] {
  const s = value.toLowerCase() as (typeof STATUSES)[number];
  if (!STATUSES.includes(s)) throw new EmokbError('BAD_INPUT', `--status: "${value}" is not one of ${STATUSES.join(', ')}, all`);
  return s;
}

function view(kb: KnowledgeBase, e: StoredEdge) {
  const id = (iri: string) => kb.emotion(iri)?.id ?? iri;
  return {
    edge: edgeId(e.iri),
    type: e.type,
    status: e.status,
    from: id(e.from),
    to: e.to.map(id),
    ...(e.trigger ? { trigger: id(e.trigger) } : {}),
    score: e.score,
    methods: e.methods,
    evidence: e.evidence,
    generatedAt: e.generatedAt,
    reviewedBy: e.reviewedBy,
  };
}

export function edgeSummary(kb: KnowledgeBase, e: Pick<StoredEdge, 'type' | 'from' | 'to' | 'trigger'>): string {
  const label = (iri: string) => kb.emotion(iri)?.label ?? iri;
  if (e.type === 'opposite') return `${label(e.from)} <-> ${label(e.to[0]!)}`;
  if (e.type === 'composition') return `${label(e.from)} = ${e.to.map(label).join(' + ')}`;
  return `${label(e.from)} -> ${label(e.to[0]!)} (trigger: ${label(e.trigger ?? '')})`;
}

function describe(kb: KnowledgeBase, e: StoredEdge): string {
  const lines = [`${edgeId(e.iri)}  [${e.status}, score ${e.score}, ${e.methods.join(' + ')}]`, `  ${edgeSummary(kb, e)}`];
  for (const line of e.evidence) lines.push(`  - ${line}`);
  return lines.join('\n');
}

async function batch(
  service: KnowledgeService,
  file: string,
  reviewer: string,
  options: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  const text = await readInputFile(file, '--decisions');
  const decisions: EdgeDecision[] = file.endsWith('.json') ? parseEdgeDecisionsJson(text, file) : parseEdgeDecisionsTsv(text, file);
  const kb = service.snapshot;
  const resolved = resolveEdgeDecisions(kb, decisions);
  const plan = planEdgeDecisions(kb, resolved, {
    reviewer,
    time: provenanceTime(),
    planLink,
    activity: reviewActivity(file, 'link-review'),
  });
  const counts =
    Object.entries(plan.counts)
      .filter(([, n]) => n)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'nothing';
  const outcome = await service.change(
    {
      ...settleActivities(kb, plan),
      author: reviewer,
      message: `link review ${file}: ${counts}`,
      command: `link review --decisions ${file}`,
    },
    { dryRun: options.dryRun },
  );
  if (options.json)
    return printJson({
      file,
      reviewer,
      decisions: decisions.length,
      ...plan.counts,
      notes: plan.notes,
      change: outcome.record?.id ?? null,
      dryRun: Boolean(options.dryRun),
    });
  process.stdout.write(`${file}: ${decisions.length} decision(s) (${counts})${options.dryRun ? ', dry run: nothing written' : ''}\n`);
}

async function interactive(service: KnowledgeService, reviewer: string, type: LinkType | undefined): Promise<void> {
  const out = process.stdout;
  const queue = [...storedEdges(service.snapshot).values()]
    .filter((e) => e.status === 'candidate' && (!type || e.type === type))
    .sort((a, b) => b.score - a.score || a.iri.localeCompare(b.iri));
  const prompt = openPrompt(out);
  let decided = 0;
  out.write(`link review: ${queue.length} pending edge(s); reviewer ${reviewer}\nkeys: a accept, r reject, s skip, q quit\n`);
  try {
    for (let i = 0; i < queue.length && !prompt.interrupted; i++) {
      const edge = queue[i]!;
      const answer = await prompt.ask(`\n[${i + 1}/${queue.length}, ${decided} decided] ${describe(service.snapshot, edge)}\n[a/r/s/q]> `);
      const key = answer === undefined ? 'q' : answer.toLowerCase()[0];
      if (key === 'q') break;
      if (key === 's') continue;
      if (key !== 'a' && key !== 'r') {
        out.write('type a, r, s or q\n');
        i--;
        continue;
      }
      // Each decision is committed at once: a session stopped any time keeps what was decided.
      try {
        const kb = service.snapshot;
        const action = key === 'a' ? 'accept' : 'reject';
        const time = provenanceTime();
        const plan = planEdgeDecisions(kb, resolveEdgeDecisions(kb, [{ edge: edge.iri, action }]), {
          reviewer,
          time,
          planLink,
          activity: editActivity('link-review', time),
        });
        await service.change({
          ...settleActivities(kb, plan),
          author: reviewer,
          message: `link review: ${action} ${edgeId(edge.iri)}`,
          command: 'link review',
        });
        decided++;
      } catch (error) {
        out.write(`${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  } finally {
    prompt.close();
  }
  out.write(`\n${decided} decision(s) kept; ${queue.length - decided} edge(s) not decided${prompt.interrupted ? ' (interrupted)' : ''}\n`);
}
