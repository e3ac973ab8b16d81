// The editing commands: `emokb emotion add|rename|move|define|remove`, `emokb term
// add|remove|reweight|move|block|unblock`, `emokb link add|remove`. Each builds an edit request from its
// arguments (parsed by the same code the GraphQL mutation uses) and runs it on the store, or on the
// running server that holds it. Every edit is validated, atomic, logged and undoable; every one
// takes -m/--message, --author, --dry-run and --json.
import type { Command } from 'commander';
import { applyEdit } from '../edit/apply.js';
import { parseEditRequest } from '../edit/EditRequest.js';
import { defaultAuthor, type GlobalOptions } from './context.js';
import { inArgumentTerms, printEditResult } from './editOutput.js';
import { onStoreOrServer } from './storeOrServer.js';

interface EditOptions {
  message?: string;
  author?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerEdit(program: Command): void {
  const emotion = program.command('emotion').description('edit the hierarchy: add, rename, move, define or remove an emotion');
  editCommand(emotion, 'add <label>', 'add an emotion one tier below --parent (IRI minted from the label, never changed)')
    .requiredOption('--parent <emotion>', 'the parent: a label, an id (sadness-secondary) or an IRI')
    .requiredOption('--definition <text>', 'one sentence in your own words')
    .option('--valence <valence>', "positive, negative or ambiguous (default: the parent's)")
    .action(run((label: string, o) => ({ kind: 'emotion-add', label, parent: o.parent, definition: o.definition, valence: o.valence })));
  editCommand(emotion, 'rename <emotion> <label>', 'change the label of an emotion (its IRI stays)').action(
    run((e: string, label: string) => ({ kind: 'emotion-rename', emotion: e, label })),
  );
  editCommand(emotion, 'move <emotion>', 'move an emotion (with its subtree) under another parent at the same tier as its old one')
    .requiredOption('--parent <emotion>', 'the new parent')
    .action(run((e: string, o) => ({ kind: 'emotion-move', emotion: e, parent: o.parent })));
  editCommand(emotion, 'define <emotion> <definition>', 'replace the definition of an emotion').action(
    run((e: string, definition: string) => ({ kind: 'emotion-define', emotion: e, definition })),
  );
  editCommand(emotion, 'remove <emotion>', 'remove an emotion; refused, listing what would go, when it has children, terms or relations')
    .option('--cascade', 'also remove its descendants and every term sense and relation of what goes')
    .option('--reparent <emotion>', 'move its children to this emotion (same tier) instead of removing them')
    .action(run((e: string, o) => ({ kind: 'emotion-remove', emotion: e, cascade: o.cascade, reparent: o.reparent })));

  const term = program
    .command('term')
    .description('edit the vocabulary: add, remove, reweight or move a term; block or unblock a non-emotional expression');
  editCommand(
    term,
    'add <text>',
    'add a term (an OntoLex lexical entry) with a sense for --emotion, or a further sense to an existing term',
  )
    .requiredOption('--emotion <emotion>', 'the emotion the term names (or evokes)')
    .option('--weight <w>', 'how strongly it points at the emotion, 0 to 1 (default 1.0)')
    .option('--pos <pos>', 'part of speech: noun, verb, adjective or adverb')
    .option('--evokes', 'the term evokes the emotion rather than naming it (weak, context-dependent evidence)')
    .action(run((text: string, o) => ({ kind: 'term-add', text, emotion: o.emotion, weight: o.weight, pos: o.pos, evokes: o.evokes })));
  editCommand(term, 'remove <text>', 'remove a term, or with --emotion only its sense for that emotion')
    .option('--emotion <emotion>', 'remove only the sense for this emotion (the term goes when it was its last)')
    .option('--pos <pos>', 'part of speech, when the text has entries for several')
    .action(run((text: string, o) => ({ kind: 'term-remove', text, emotion: o.emotion, pos: o.pos })));
  editCommand(term, 'reweight <text>', "change the weight of a term's sense")
    .requiredOption('--weight <w>', 'the new weight, 0 to 1')
    .option('--emotion <emotion>', 'which sense, when the term has several')
    .option('--pos <pos>', 'part of speech, when the text has entries for several')
    .action(run((text: string, o) => ({ kind: 'term-reweight', text, weight: o.weight, emotion: o.emotion, pos: o.pos })));
  editCommand(term, 'move <text>', "move a term's sense to another emotion")
    .requiredOption('--to <emotion>', 'the emotion the sense moves to')
    .option('--emotion <emotion>', 'which sense, when the term has several')
    .option('--pos <pos>', 'part of speech, when the text has entries for several')
    .action(run((text: string, o) => ({ kind: 'term-move', text, to: o.to, emotion: o.emotion, pos: o.pos })));
  editCommand(
    term,
    'block <text>',
    'record a non-emotional expression ("best friend", "make sure"): the emotion words inside it no longer match',
  )
    .requiredOption('--reason <text>', 'why it expresses no emotion in ordinary text (stored as its evidence)')
    .action(run((text: string, o) => ({ kind: 'term-block', text, reason: o.reason })));
  editCommand(term, 'unblock <text>', 'remove a non-emotional expression: the emotion words inside it match again').action(
    run((text: string) => ({ kind: 'term-unblock', text })),
  );

  const link = program.command('link').description('edit the relations between emotions: opposite, composition, transition');
  for (const verb of ['add', 'remove'] as const) {
    editCommand(
      link,
      `${verb} <type> <from> <to...>`,
      `${verb} a relation: opposite (both ways), composition (FROM is a blend of the TOs, two or more in all) or transition (FROM leads to TO when --trigger arises)`,
    )
      .option('--trigger <emotion>', `transition: the trigger emotion${verb === 'remove' ? ' (default: every transition FROM -> TO)' : ''}`)
      .action(run((type: string, from: string, to: string[], o) => ({ kind: `link-${verb}`, type, from, to, trigger: o.trigger })));
  }
}

function editCommand(parent: Command, spec: string, description: string): Command {
  return parent
    .command(spec)
    .description(description)
    .option('-m, --message <text>', 'why (recorded in the change log; default: a summary of the edit)')
    .option('--author <name>', 'who (default: EMOKB_AUTHOR, git user.name, login name)')
    .option('--dry-run', 'validate and show what would change; write nothing')
    .option('--json', 'print the result as JSON');
}

type Builder = (...args: any[]) => Record<string, unknown>;

/**
 * Commander calls an action with the positional arguments, then the options, then the command.
 * The request is parsed before anything is opened, so malformed input never touches the store.
 */
function run(build: Builder) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = args.at(-2) as EditOptions & Record<string, unknown>;
    try {
      const request = parseEditRequest(build(...args.slice(0, -2), options));
      const meta = { author: defaultAuthor(options.author), ...(options.message ? { message: options.message } : {}) };
      const dryRun = Boolean(options.dryRun);
      const { value, via } = await onStoreOrServer(command.optsWithGlobals<GlobalOptions>(), {
        local: (service) => applyEdit(service, request, meta, { dryRun }),
        remote: (server) => server.applyEdit(request, meta, dryRun),
      });
      printEditResult(value, via, options.json);
    } catch (error) {
      throw inArgumentTerms(error, command);
    }
  };
}
