// Vitest globalSetup: the database servers some tests need (Virtuoso for the SPARQL store, Redis
// for the job queue), started with scripts/services.sh unless the environment already names them
// (EMOKB_STORE, EMOKB_QUEUE: a developer who ran `eval "$(scripts/services.sh start)"`), and stopped
// again at the end if this run started them. The printed NAME=value lines reach the test files
// through `provide('services', ...)` (test/helpers/services.ts), never through process.env: the CLI
// tests spawn `emokb` with this process's environment, and an EMOKB_STORE there would move every
// one of them off the embedded store.
//
// EMOKB_SERVICES=none starts nothing (the tests that need a service then skip, or fail under
// EMOKB_REQUIRE_SERVICES=1, as in CI).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const SCRIPT = fileURLToPath(new URL('../scripts/services.sh', import.meta.url));

/** What each service prints, and the variable that says it is there already. */
const SERVICES = [
  {
    name: 'virtuoso',
    present: 'EMOKB_STORE',
    names: ['EMOKB_STORE', 'EMOKB_SPARQL_UPDATE', 'EMOKB_SPARQL_GRAPH_STORE', 'EMOKB_SPARQL_USER', 'EMOKB_SPARQL_PASSWORD'],
  },
  { name: 'redis', present: 'EMOKB_QUEUE', names: ['EMOKB_QUEUE'] },
];

declare module 'vitest' {
  export interface ProvidedContext {
    services: Record<string, string>;
    servicesError: string;
  }
}

function parse(output: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]!] = m[2]!;
  }
  return vars;
}

export default function setup(project: TestProject): () => void {
  const vars: Record<string, string> = {};
  const started: string[] = [];
  const errors: string[] = [];
  for (const service of SERVICES) {
    if (process.env[service.present]) {
      for (const name of service.names) if (process.env[name] !== undefined) vars[name] = process.env[name]!;
      continue;
    }
    if (process.env.EMOKB_SERVICES === 'none') continue;
    try {
      // Running already (another run's, or a developer's)? Then it is used and left running.
      let running = false;
      try {
        Object.assign(
          vars,
          parse(execFileSync('bash', [SCRIPT, 'status', service.name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
        );
        running = true;
      } catch {
        running = false;
      }
      if (!running) {
        const out = execFileSync('bash', [SCRIPT, 'start', service.name], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          timeout: 15 * 60_000, // a first install from Debian included
        });
        Object.assign(vars, parse(out));
        started.push(service.name);
      }
    } catch (error) {
      errors.push(`scripts/services.sh start ${service.name} failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  project.provide('services', vars);
  project.provide('servicesError', errors.join('; '));
  return () => {
    if (started.length) execFileSync('bash', [SCRIPT, 'stop', ...started], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
}
