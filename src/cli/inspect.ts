// Read-only commands: `stats`, `show`, `path`, `validate`. Each reads the store, or while `emokb serve`
// holds it, the server's snapshot through it (storeOrServer.ts: the same output either way).
import type { Command } from 'commander';
import { TIERS, type Tier } from '../kb/Emotion.js';
import { EmokbError } from '../errors.js';
import { readTurtleFile } from '../rdf/turtle.js';
import { formatReport, validateGraph } from '../shacl/validate.js';
import { printJson, type GlobalOptions } from './context.js';
import { onSnapshot } from './storeOrServer.js';
import { relationsOf } from '../graphql/relations.js';
import { DEFAULT_PATH_DEPTH, MAX_PATH_DEPTH, PATH_TYPES, pathOptions, relationPath } from '../graphql/relationPath.js';

export function registerInspect(program: Command): void {
  registerPath(program);
  program
    .command('stats')
    .description('counts per tier, terms, relations and store size')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await onSnapshot(command.optsWithGlobals<GlobalOptions>(), async (source) => {
        const kb = await source.snapshot();
        const stats = {
          ...kb.counts,
          version: kb.version,
          contentHash: kb.contentHash,
          store: await source.store(),
        };
        if (options.json) return printJson(stats);
        const c = kb.counts;
        const lines = [
          `emotions     ${c.emotions} (primary ${c.tiers.primary}, secondary ${c.tiers.secondary}, tertiary ${c.tiers.tertiary})`,
          `terms        ${c.terms} lexical entries, ${c.senses} senses`,
          `relations    ${c.relations.opposites} opposite pairs, ${c.relations.compositions} composition edges, ${c.relations.transitions} transitions`,
          `mappings     ${c.mappings}`,
          `triples      ${c.triples}`,
          `version      ${kb.version} (${kb.contentHash.slice(0, 12)})`,
          `store        ${stats.store.location} (${formatBytes(stats.store.bytes)})`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  program
    .command('show')
    .description('an emotion: its definition, path, children and mappings')
    .argument('<label-or-iri>', 'a label ("irritation"), an id ("sadness-secondary") or an IRI')
    .option('--tier <tier>', 'pick among emotions sharing a label: primary, secondary or tertiary')
    .option('--json', 'print JSON')
    .action(async (reference: string, options: { tier?: string; json?: boolean }, command: Command) => {
      const tier = parseTier(options.tier);
      await onSnapshot(command.optsWithGlobals<GlobalOptions>(), async (source) => {
        const kb = await source.snapshot();
        const e = kb.resolve(reference, tier);
        const view = {
          ...e,
          path: kb.path(e.iri).map(({ id, label, tier }) => ({ id, label, tier })),
          children: kb.children(e.iri).map(({ id, label }) => ({ id, label })),
          siblings: kb.siblings(e.iri).map(({ id, label }) => ({ id, label })),
          mappings: kb
            .mappings()
            .filter((m) => m.emotion === e.iri)
            .map(({ scheme, notation, relation }) => ({ scheme, notation, relation })),
          relations: relationLines(kb, e.iri),
        };
        if (options.json) return printJson(view);
        const lines = [
          `${e.label} (${e.tier}, ${e.valence})`,
          `  id          ${e.id}`,
          `  iri         ${e.iri}`,
          `  definition  ${e.definition}`,
          `  path        ${view.path.map((p) => p.label).join(' > ')}`,
          `  children    ${view.children.map((c) => c.label).join(', ') || '(none)'}`,
          `  siblings    ${view.siblings.map((c) => c.label).join(', ') || '(none)'}`,
          ...(view.mappings.length
            ? [`  mappings    ${view.mappings.map((m) => `${m.relation} ${m.scheme.split('/').pop()}:${m.notation}`).join(', ')}`]
            : []),
          ...Object.entries(view.relations)
            .filter(([, list]) => list.length)
            .map(([name, list]) => `  ${name.padEnd(11)} ${list.join('; ')}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  program
    .command('validate')
    .description('check the store (or the given Turtle files) against the SHACL shapes')
    .argument('[files...]', 'Turtle files to check together instead of the store')
    .option('--json', 'print the report as JSON')
    .action(async (files: string[], options: { json?: boolean }, command: Command) => {
      const quads = files.length
        ? (await Promise.all(files.map(readTurtleFile))).flat()
        : (await onSnapshot(command.optsWithGlobals<GlobalOptions>(), async (source) => [...(await source.snapshot()).quads])).value;
      const report = await validateGraph(quads);
      if (options.json) printJson(report);
      else process.stdout.write(`${formatReport(report, Number.POSITIVE_INFINITY)}\n`);
      if (!report.conforms) throw new EmokbError('VALIDATION_FAILED', `${report.violations.length} SHACL violation(s)`, { reported: true });
    });
}

function registerPath(program: Command): void {
  program
    .command('path')
    .description('how one emotion leads to another: the shortest chain of relations, each step with its evidence')
    .argument('<from>', 'a label, id or IRI')
    .argument('<to>', 'a label, id or IRI')
    .option('--types <list>', `relations to follow, comma-separated: ${PATH_TYPES.join(', ')} (default: all)`)
    .option('--max-depth <n>', `at most this many steps, 1 to ${MAX_PATH_DEPTH}`, String(DEFAULT_PATH_DEPTH))
    .option('--json', 'print JSON')
    .action(async (fromRef: string, toRef: string, options: { types?: string; maxDepth: string; json?: boolean }, command: Command) => {
      if (!/^\d+$/.test(options.maxDepth.trim()))
        throw new EmokbError('BAD_INPUT', `--max-depth: "${options.maxDepth}" is not a whole number from 1 to ${MAX_PATH_DEPTH}`);
      const depth = Number(options.maxDepth);
      const { types, maxDepth } = pathOptions(
        options.types
          ?.split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        depth,
        { types: '--types', maxDepth: '--max-depth' },
      );
      await onSnapshot(command.optsWithGlobals<GlobalOptions>(), async (source) => {
        const kb = await source.snapshot();
        const from = kb.resolve(fromRef);
        const to = kb.resolve(toRef);
        const path = relationPath(kb, from, to, types, maxDepth);
        if (!path)
          throw new EmokbError(
            'NOT_FOUND',
            `no chain of at most ${maxDepth} ${types.join('/')} relation(s) leads from ${from.id} to ${to.id}; try a larger --max-depth or more --types`,
            { from: from.id, to: to.id, types, maxDepth },
          );
        const brief = (e: { id: string; label: string }) => ({ id: e.id, label: e.label });
        if (options.json)
          return printJson({
            from: brief(path.from),
            to: brief(path.to),
            length: path.length,
            steps: path.steps.map((s) => ({
              type: s.type,
              relation: s.relation,
              from: brief(s.from),
              to: brief(s.to),
              trigger: s.trigger ? brief(s.trigger) : null,
              method: s.method,
              evidence: s.evidence
                ? { id: s.evidence.id, methods: s.evidence.methods, evidence: s.evidence.evidence, score: s.evidence.score }
                : null,
            })),
          });
        const lines = [`${path.from.label} -> ${path.to.label}: ${path.length} step(s)`];
        path.steps.forEach((s, i) => {
          const what =
            s.relation === 'leadsTo'
              ? `leads to ${s.to.label} (${s.to.id}) when ${s.trigger!.label} arises`
              : s.relation === 'isOppositeOf'
                ? `is the opposite of ${s.to.label} (${s.to.id})`
                : s.relation === 'isComposedOf'
                  ? `is a blend with component ${s.to.label} (${s.to.id})`
                  : `is a component of the blend ${s.to.label} (${s.to.id})`;
          lines.push(`${i + 1}. ${s.from.label} ${what}  [${s.method}${s.evidence ? `, ${s.evidence.id}` : ''}]`);
          for (const ev of s.evidence?.evidence ?? []) lines.push(`     ${ev}`);
        });
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

/** Relations for `show`: each edge in a few words, with its method ("manual" for hand-made edges). */
function relationLines(kb: import('../kb/KnowledgeBase.js').KnowledgeBase, iri: string): Record<string, string[]> {
  const r = relationsOf(kb, iri);
  const how = (ev: { methods: string[]; score: number } | null, fallback = 'manual') =>
    ev ? `${ev.methods.join('+')}, ${ev.score}` : fallback;
  return {
    opposites: r.opposites.map((o) => `${o.emotion.label} (${o.emotion.id}; ${how(o.evidence)})`),
    components: r.components.length
      ? [`${r.components.map((c) => `${c.emotion.label} (${c.emotion.id})`).join(' + ')} (${how(r.components[0]!.evidence)})`]
      : [],
    blends: r.blends.map((b) => `${b.blend.label} = ${b.components.map((c) => c.label).join(' + ')}`),
    leadsTo: r.transitionsOut.map((t) => `${t.to.label} when ${t.trigger.label} arises (${how(t.evidence, t.method ?? 'manual')})`),
    reachedFrom: r.transitionsIn.map((t) => `${t.from.label} when ${t.trigger.label} arises (${how(t.evidence, t.method ?? 'manual')})`),
  };
}

export function parseTier(value: string | undefined): Tier | undefined {
  if (value === undefined) return undefined;
  const tier = value.toLowerCase() as Tier;
  if (!TIERS.includes(tier)) throw new EmokbError('BAD_INPUT', `--tier: "${value}" is not one of ${TIERS.join(', ')}`);
  return tier;
}

function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'in memory';
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}
