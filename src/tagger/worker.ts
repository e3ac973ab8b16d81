// Entry of an `emokb tag` worker thread (run by piscina). `natural`, if anything imported it,
// would print a dotenv banner on standard output on import: quiet it before loading anything.
process.env.DOTENV_CONFIG_QUIET ??= 'true';

const { default: run } = await import('./workerTask.js');
export default run;
