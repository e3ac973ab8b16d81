#!/usr/bin/env node
// Entry point of the `emokb` command. `natural` (used by the tagger) loads dotenv, which would
// print a banner on standard output; keep standard output for data.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
