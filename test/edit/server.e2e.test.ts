// Editing while `emokb serve` holds the store: the CLI finds the server through server.json and
// sends the same edits as authenticated GraphQL mutations; queries see the result at once.
import type { ChildProcess } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from '../helpers/cli.js';
import { seedDataDir } from './helpers.js';

const running: ChildProcess[] = [];

/** A seeded data directory of its own, and the CLI on it. */
async function store() {
  const dir = await tempDir('emokb-edit-server-');
  await seedDataDir(dir);
  return { dir, cli: (...args: string[]) => runCli(['--data', dir, ...args], { env: { EMOKB_AUTHOR: 'remote curator' } }) };
}

/** Starts `emokb serve` on a random port and returns the URL it wrote to server.json once ready. */
async function startServer(dir: string): Promise<{ url: string; token: string; child: ChildProcess }> {
  const child = startCli(['--data', dir, 'serve', '--port', '0']);
  running.push(child);
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const info = await readFile(join(dir, 'server.json'), 'utf8').then(
      (t) => JSON.parse(t) as { url: string; token: string; pid: number },
      () => null,
    );
    if (info && info.pid === child.pid) return { url: info.url, token: info.token, child };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function graphql(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

afterAll(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  }
});

// Generous: on a loaded 2-core machine a CLI call can take several seconds.
describe.concurrent('edits against a running server', { timeout: 180_000 }, () => {
  it('adds an emotion and a term through the server, the API sees them, undo removes them; without the token mutations are refused', async () => {
    const { dir, cli } = await store();
    const { url, child } = await startServer(dir);
    expect((await stat(join(dir, 'server.json'))).mode & 0o777).toBe(0o600);

    const added = await cli(
      'emotion',
      'add',
      'wistfulness',
      '--parent',
      'sadness-secondary',
      '--definition',
      'A soft, reflective sadness tinged with longing for something past.',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`applied by the running server at ${url}`);
    const term = await cli('term', 'add', 'wistful', '--emotion', 'wistfulness', '--weight', '0.8');
    expect(term.code, term.stderr).toBe(0);

    const seen = await graphql(
      url,
      '{ emotion(id: "wistfulness") { label tier parent { id } } stats { terms senses } changes(limit: 1) { author command } }',
    );
    expect(seen.body.data).toEqual({
      emotion: { label: 'wistfulness', tier: 'TERTIARY', parent: { id: 'sadness-secondary' } },
      stats: { terms: 1, senses: 1 },
      changes: [{ author: 'remote curator', command: 'term add wistful --emotion wistfulness --weight 0.8' }],
    });

    const refused = await graphql(url, 'mutation { undo(author: "intruder") { change } }');
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await graphql(url, 'mutation { undo(author: "intruder") { change } }', 'f'.repeat(64));
    expect(wrong.status).toBe(401);

    const conflict = await cli('term', 'add', 'wistful', '--emotion', 'wistfulness', '--json');
    expect(conflict.code).toBe(10);
    expect(conflict.stderr).toContain(
      'error CONFLICT: <text>: the term "wistful" already has a sense for "wistfulness" (wistfulness) (weight 0.8)',
    );

    for (let i = 0; i < 2; i++) expect((await cli('undo')).code).toBe(0);
    const gone = await graphql(url, '{ emotion(id: "wistfulness") { id } }');
    expect(gone.body.errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await graphql(url, '{ stats { terms } }')).body.data).toEqual({ stats: { terms: 0 } });

    const history = await cli('history', '--limit', '1');
    expect(history.stdout).toMatch(/^#5 .* remote curator {2}undo 2 /);

    child.kill('SIGTERM');
    await exited(child);
    await expect(stat(join(dir, 'server.json'))).rejects.toThrow();
  });

  it('with a stale server.json (the server was killed), the CLI opens the store itself', async () => {
    const { dir, cli } = await store();
    const { child } = await startServer(dir);
    child.kill('SIGKILL');
    await exited(child);
    expect((await stat(join(dir, 'server.json'))).isFile()).toBe(true);
    const local = await cli('term', 'add', 'wistful', '--emotion', 'sadness-tertiary');
    expect(local.code, local.stderr).toBe(0);
    expect(local.stdout).not.toContain('running server');
    await expect(stat(join(dir, 'server.json'))).rejects.toThrow();
  });
});
