#!/usr/bin/env node
// Entry point of the `emokb` command. `natural` (used by the tagger) loads dotenv, which would
// print a banner on standard output; keep standard output for data.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
// A reader that stops early (`emokb export | head`) closes the pipe: the output ends there, which
// is not an error and must not print a stack trace. Anything already committed stays committed.
// Any other failure to write standard output (a full disk) is OUTPUT_FAILED, said on standard error.
const { EXIT_CODES } = await import('../dist/errors.js');
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`emokb: error OUTPUT_FAILED: standard output: cannot write (${error.code ?? error.message})\n`);
  process.exit(EXIT_CODES.OUTPUT_FAILED);
});
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
