// The real server process on a loopback port: seeding on first start, queries, the lock it holds,
// graceful shutdown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { graphql, startServer } from '../helpers/server.js';

describe('emokb serve', () => {
  it('seeds an empty store on first start, answers queries, holds the lock, stops cleanly on SIGTERM', async () => {
    const dir = join(await tempDir(), 'data');
    const server = await startServer(dir);
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const { body } = await graphql(server.url, '{ stats { tiers { primary secondary tertiary } } emotion(label: "seething") { id } }');
      expect(body.data?.stats.tiers).toEqual({ primary: 6, secondary: 25, tertiary: 135 });
      expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');

      // Reads and edits go through the server; a command that needs the store itself is refused.
      const locked = await runCli(['--data', dir, 'check']);
      expect(locked.code).toBe(7);
      expect(locked.stderr).toContain('STORE_LOCKED');
      expect(locked.stderr).toContain(`${dir}/LOCK`);
      expect(locked.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    // the lock is released: the CLI can open the store the server seeded
    const after = await runCli(['--data', dir, 'stats', '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout).version).toBe(1);
  });

  it('refuses a port that is not a number', async () => {
    const { code, stderr } = await runCli(['--data', join(await tempDir(), 'd'), 'serve', '--port', 'http']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port: "http"');
  });

  it('refuses a bad setting from the environment naming the variable, before opening the store', async () => {
    const dir = join(await tempDir(), 'd');
    for (const [env, value] of [
      ['EMOKB_COMPILE_AFTER', 'soon'],
      ['EMOKB_CLASSIFY_MAX_TEXT', 'abc'],
      ['EMOKB_MAX_DEPTH', '-1'],
      ['EMOKB_ACCESS_LOG', 'loud'],
    ] as const) {
      const { code, stderr } = await runCli(['--data', dir, 'serve', '--port', '0'], { env: { [env]: value } });
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`${env}: "${value}"`);
    }
  });
});
