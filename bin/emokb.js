#!/usr/bin/env node
// Entry point of the `emokb` command. `natural` (used by the tagger) loads dotenv, which would
// print a banner on standard output; keep standard output for data.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
// A reader that stops early (`emokb export | head`) closes the pipe: the output ends there, which
// is not an error and must not print a stack trace. Anything already committed stays committed.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
