// `--store` / EMOKB_STORE and the SPARQL store's connection settings through the real CLI: every
// fault a user can cause is refused with its code and exit status, naming the setting or the
// endpoint, before anything is written, and no message carries a password.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/errors.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { haveSparql, services } from '../helpers/services.js';

describe('--store and EMOKB_STORE', () => {
  it('refuses an unknown scheme, a non-http URL and credentials in the URL as BAD_INPUT naming the setting', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [
        ['--store', 'redis://127.0.0.1:6379', 'stats'],
        {},
        /--store: "redis:\/\/127\.0\.0\.1:6379" has the unknown scheme "redis:"; give level:DIR .* or sparql:http/,
      ],
      [['stats'], { EMOKB_STORE: 'sparql:ftp://host/sparql' }, /EMOKB_STORE: .* is not an http or https URL/],
      [['--store', 'sparql:not a url', 'stats'], {}, /--store: .* is not a URL/],
      [['--store', 'sparql:http://admin:hunter2@127.0.0.1:1/sparql', 'stats'], {}, /carries credentials; give them in EMOKB_SPARQL_USER/],
      [['stats'], { EMOKB_STORE: 'level:' }, /EMOKB_STORE: "level:" names no directory/],
    ];
    for (const [args, env, message] of cases) {
      const r = await runCli(args, { env });
      expect(r.code, r.stderr).toBe(ERRORS.BAD_INPUT.exit);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('refuses an absurd poll interval before serving', async () => {
    const r = await runCli(['--data', await tempDir(), 'serve', '--port', '0'], { env: { EMOKB_POLL_MS: '5' } });
    expect(r.code).toBe(ERRORS.BAD_INPUT.exit);
    expect(r.stderr).toMatch(/EMOKB_POLL_MS: "5" is not a whole number from 20 to 60000/);
  });

  it('takes level:DIR as --data DIR, and refuses the two naming different directories', async () => {
    const dir = await tempDir();
    const viaStore = await runCli(['--store', `level:${dir}/kb`, 'history']);
    expect(viaStore.code, viaStore.stderr).toBe(0);
    expect(existsSync(`${dir}/kb/CURRENT`)).toBe(true);
    const both = await runCli(['--store', `level:${dir}/a`, '--data', `${dir}/b`, 'stats']);
    expect(both.code).toBe(ERRORS.BAD_INPUT.exit);
    expect(both.stderr).toMatch(/name two directories/);
  });

  it('reports a SPARQL store that does not answer as STORE_ERROR naming the endpoint, and writes nothing anywhere', async () => {
    const cwd = await tempDir();
    // A port nothing listens on: one the system just gave out and took back.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const r = await runCli(['--store', `sparql:http://127.0.0.1:${port}/sparql`, 'stats'], { env: { EMOKB_DATA: `${cwd}/data` } });
    expect(r.code).toBe(ERRORS.STORE_ERROR.exit);
    expect(r.stderr).toContain(`SPARQL store http://127.0.0.1:${port}/sparql is unreachable: ECONNREFUSED`);
    expect(existsSync(`${cwd}/data`)).toBe(false);
  });

  describe.skipIf(!haveSparql())('against Virtuoso', () => {
    it('refuses wrong credentials as UNAUTHENTICATED naming the endpoint and the user, never printing the password', async () => {
      const s = services();
      const secret = 'not-the-password-5f3a9c';
      const r = await runCli(['term', 'add', 'fumingly', '--emotion', 'fury', '--author', 't'], {
        env: {
          EMOKB_STORE: s.EMOKB_STORE!,
          EMOKB_SPARQL_UPDATE: s.EMOKB_SPARQL_UPDATE!,
          EMOKB_SPARQL_USER: 'dba',
          EMOKB_SPARQL_PASSWORD: secret,
          EMOKB_SPARQL_GRAPHS: `urn:emokb:test:badcredentials${Date.now()}:`,
        },
      });
      expect(r.code).toBe(ERRORS.UNAUTHENTICATED.exit);
      expect(r.stderr).toMatch(
        /SPARQL store http:\/\/127\.0\.0\.1:\d+\/sparql-auth refused an update \(HTTP 401\): the credentials of user "dba" were refused/,
      );
      expect(r.stderr + r.stdout).not.toContain(secret);
    });

    it('reads a password from EMOKB_SPARQL_PASSWORD_FILE, and names the file when it cannot be read', async () => {
      const s = services();
      const r = await runCli(['stats'], {
        env: { EMOKB_STORE: s.EMOKB_STORE!, EMOKB_SPARQL_USER: 'dba', EMOKB_SPARQL_PASSWORD_FILE: '/nonexistent/password' },
      });
      expect(r.code).toBe(ERRORS.BAD_INPUT.exit);
      expect(r.stderr).toMatch(/EMOKB_SPARQL_PASSWORD_FILE: cannot read \/nonexistent\/password \(ENOENT\)/);
    });
  });
});
