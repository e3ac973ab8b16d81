// The `emokb` command line: parses arguments, runs one command, maps failures to a message on
// standard error and a documented exit status. Standard output carries data only.
import { Command, CommanderError } from 'commander';
import { EXIT_CODES, isEmokbError } from '../errors.js';
import { optionFor } from '../settings.js';

type Register = (program: Command) => void;

// Each command group's module, loaded only when that group is run: the groups pull in very
// different dependencies (the server stack, WordNet and the morphology tools, the tagger's worker
// pool), and a command should pay only for its own. Order matters where a group extends another
// (link.ts adds to the `link` group of edit.ts).
const GROUPS: Array<{ commands: string[]; load: () => Promise<Register[]> }> = [
  { commands: ['serve'], load: async () => [(await import('./serve.js')).registerServe] },
  { commands: ['stats', 'show', 'path', 'validate'], load: async () => [(await import('./inspect.js')).registerInspect] },
  { commands: ['import', 'export'], load: async () => [(await import('./transfer.js')).registerTransfer] },
  { commands: ['sparql'], load: async () => [(await import('./sparql.js')).registerSparql] },
  {
    commands: ['emotion', 'term', 'link'],
    load: async () => [(await import('./edit.js')).registerEdit, (await import('./link.js')).registerLink],
  },
  { commands: ['history', 'undo', 'diff'], load: async () => [(await import('./history.js')).registerHistory] },
  { commands: ['expand'], load: async () => [(await import('./expand.js')).registerExpand] },
  { commands: ['review'], load: async () => [(await import('./review.js')).registerReview] },
  { commands: ['lexicon'], load: async () => [(await import('./lexicon.js')).registerLexicon] },
  { commands: ['check', 'backup', 'restore'], load: async () => [(await import('./recovery.js')).registerRecovery] },
  {
    commands: ['tag'],
    load: async () => {
      const [{ registerTag }, { registerTagQueue }] = await Promise.all([import('./tag.js'), import('./tagQueue.js')]);
      return [(program) => registerTagQueue(registerTag(program))];
    },
  },
  {
    commands: ['audit', 'concordance'],
    load: async () => [(await import('./audit.js')).registerAudit, (await import('./concordance.js')).registerConcordance],
  },
];

/** The command named on the line: the first word that is not an option or an option's value. */
function commandName(argv: string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data' || arg === '--store') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Whether the line runs `emokb tag submit|worker|status|collect`. */
function queueSubcommand(argv: string[]): boolean {
  const args = argv.slice(2);
  const at = args.indexOf('tag');
  return at >= 0 && ['submit', 'worker', 'status', 'collect'].includes(args[at + 1] ?? '');
}

export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('emokb')
    .description("emokb: an emotion knowledge base over Parrott's three-tier hierarchy")
    .version(process.env.npm_package_version ?? '0.1.0')
    .option(optionFor('data').flags, optionFor('data').description)
    .option(optionFor('store').flags, optionFor('store').description)
    .showHelpAfterError()
    .exitOverride();
  const name = commandName(argv);
  const group = GROUPS.find((g) => name !== undefined && g.commands.includes(name));
  // Help, a typo or no command at all: load every group so that help and suggestions are complete.
  for (const g of group ? [group] : GROUPS) for (const register of await g.load()) register(program);
  // `emokb tag submit --tiers primary ...`: the options after a queue subcommand are its own, not
  // `tag`'s (which has the same ones); `--data` is then also one of its own (cli/tagQueue.ts).
  if (name === 'tag' && queueSubcommand(argv)) program.enablePositionalOptions();
  return program;
}

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors (already printed by commander) are bad input.
      return error.exitCode === 0 ? 0 : EXIT_CODES.BAD_INPUT;
    }
    if (isEmokbError(error)) {
      if (!error.details?.reported) process.stderr.write(`emokb: error ${error.code}: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`emokb: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CODES.INTERNAL;
  }
}
