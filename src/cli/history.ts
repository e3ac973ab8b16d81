// The change log from the command line: `emokb history` (who, when, why, what), `emokb undo [N]`
// (apply the inverse of change N, itself logged; without N, step back through history) and `emokb diff` (the net change since a change,
// as a readable summary or a patch). Like the edits, these run on the store or on the running server.
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { applyUndo } from '../edit/apply.js';
import { changesBetween } from '../edit/changeLog.js';
import { formatPatch, netPatch, PATCH_FORMATS, type PatchFormat } from '../edit/diff.js';
import type { ChangeRecord } from '../store/KnowledgeStore.js';
import { defaultAuthor, printJson, type GlobalOptions } from './context.js';
import { inArgumentTerms, printEditResult } from './editOutput.js';
import { onLogOrServer, onStoreOrServer } from './storeOrServer.js';
import { numberFlag } from './numberFlag.js';

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description('the change log, newest first: id, time, author, what (the command) and why (the message)')
    .option('--limit <n>', 'show at most N changes', '20')
    .option('--json', 'print the changes as JSON, with the triples each added and removed')
    .action(async (options: { limit: string; json?: boolean }, command: Command) => {
      const limit = numberFlag(options.limit, '--limit', { min: 1 });
      const changes = await readLog(command, 0, limit);
      if (options.json) return printJson(changes);
      if (!changes.length) return void process.stdout.write('no changes\n');
      const lines = changes.map((c) => {
        const why = c.message && c.message !== c.command ? `\n        ${c.message}` : '';
        return `#${c.id}  ${c.time}  ${c.author}  ${c.command}  (+${c.added.length} -${c.removed.length})${why}`;
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('undo')
    .description(
      'undo a change (default: the newest one not yet undone) by applying its inverse; refused if later changes left its triples changed',
    )
    .argument('[change]', 'the change id, as `emokb history` shows it')
    .option('--force', 'undo even though later changes touched the same triples')
    .option('-m, --message <text>', 'why (default: "undo change N (...)")')
    .option('--author <name>', 'who (default: EMOKB_AUTHOR, git user.name, login name)')
    .option('--dry-run', 'validate and show what would change; write nothing')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        change: string | undefined,
        options: { force?: boolean; message?: string; author?: string; dryRun?: boolean; json?: boolean },
        command: Command,
      ) => {
        const request = {
          ...(change === undefined ? {} : { change: numberFlag(change, '<change>', { min: 1 }) }),
          force: Boolean(options.force),
        };
        const meta = { author: defaultAuthor(options.author), ...(options.message ? { message: options.message } : {}) };
        const dryRun = Boolean(options.dryRun);
        try {
          const { value, via } = await onStoreOrServer(command.optsWithGlobals<GlobalOptions>(), {
            local: (service) => applyUndo(service, request, meta, { dryRun }),
            remote: (server) => server.undo(request, meta, dryRun),
          });
          printEditResult(value, via, options.json);
        } catch (error) {
          throw inArgumentTerms(error, command);
        }
      },
    );

  program
    .command('diff')
    .description('what changed after a change: a readable summary, or a patch (turtle: SPARQL Update; ntriples: RDF Patch)')
    .option('--since <change>', 'changes after this id (default 1: everything after the initial seed or import)', '1')
    .option('--format <format>', `one of ${PATCH_FORMATS.join(', ')}`, 'summary')
    .action(async (options: { since: string; format: string }, command: Command) => {
      const since = numberFlag(options.since, '--since', { min: 0 });
      if (!PATCH_FORMATS.includes(options.format as PatchFormat)) {
        throw new EmokbError('BAD_INPUT', `--format: "${options.format}" is not one of ${PATCH_FORMATS.join(', ')}`);
      }
      const changes = await readLog(command, since, Number.POSITIVE_INFINITY);
      process.stdout.write(await formatPatch(netPatch(changes, since), options.format as PatchFormat));
    });
}

/** Newest first; the store's log, or the running server's. */
async function readLog(command: Command, since: number, limit: number): Promise<ChangeRecord[]> {
  const { value } = await onLogOrServer(command.optsWithGlobals<GlobalOptions>(), {
    local: (store) => changesBetween(store, { from: since + 1, ...(Number.isFinite(limit) ? { limit } : {}) }),
    remote: async (server) => {
      const out: ChangeRecord[] = [];
      // The server answers at most 1000 changes at a time, newest first; page downwards.
      let before: number | null = null;
      while (out.length < limit) {
        const page = await server.changes(since, before, Math.min(1000, limit - out.length));
        out.push(...page);
        if (page.length < 1000) break;
        before = page.at(-1)!.id;
      }
      return out;
    },
  });
  return value;
}
