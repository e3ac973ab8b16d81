// The `emokb` command line: parses arguments, runs one command, maps failures to a message on
// standard error and a documented exit status. Standard output carries data only.
import { Command, CommanderError } from 'commander';
import { isEmokbError } from '../errors.js';
import { registerEdit } from './edit.js';
import { registerExpand } from './expand.js';
import { registerLexicon } from './lexicon.js';
import { registerLink } from './link.js';
import { registerReview } from './review.js';
import { registerHistory } from './history.js';
import { registerInspect } from './inspect.js';
import { registerServe } from './serve.js';
import { registerTag } from './tag.js';
import { registerTransfer } from './transfer.js';

export function buildProgram(): Command {
  const program = new Command('emokb')
    .description("emokb: an emotion knowledge base over Parrott's three-tier hierarchy")
    .version(process.env.npm_package_version ?? '0.1.0')
    .option('--data <dir>', 'data directory of the embedded store (env EMOKB_DATA, default ./data)')
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerInspect(program);
  registerTransfer(program);
  registerEdit(program);
  registerLink(program);
  registerHistory(program);
  registerExpand(program);
  registerReview(program);
  registerLexicon(program);
  registerTag(program);
  return program;
}

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors (already printed by commander) are bad input.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isEmokbError(error)) {
      if (!error.details?.reported) process.stderr.write(`emokb: error ${error.code}: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`emokb: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
