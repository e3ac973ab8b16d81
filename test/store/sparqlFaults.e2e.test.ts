// Crashes around a large change on a SPARQL store, against a Virtuoso of this file's own (started
// with scripts/services.sh on free ports, so that killing it disturbs no other test): the emokb
// writer killed -9 with its 28,000-triple import staged, and killed -9 while the server runs the
// one conditional update; Virtuoso itself killed -9 while it runs that update, and started again
// on the same files (its transaction log replays what was committed). After each, the store is at
// the version before or after the import, never between: its triples are exactly what its
// integrity record says, and a replica that lost the database kept serving reads, said why it is
// not ready, and caught up when the database came back.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quadKey } from '../../src/rdf/turtle.js';
import { integrityOf } from '../../src/store/integrity.js';
import { SparqlStore, type SparqlStoreOptions } from '../../src/store/SparqlStore.js';
import { ROOT, runCli, startCli, tempDir } from '../helpers/cli.js';
import { faultEnv, killInside } from '../helpers/faults.js';
import { haveSparql } from '../helpers/services.js';

const enabled = haveSparql();
const SCRIPT = join(ROOT, 'scripts', 'services.sh');
const BULK = 14_000; // two triples each: 28,000

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 120_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe().catch(() => undefined as T);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${deadlineMs} ms (last: ${JSON.stringify(value)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!enabled)('crashes around a large change on a SPARQL store', () => {
  let dir: string;
  let servicesEnv: Record<string, string>;
  let env: Record<string, string>;
  let bulk: string;
  let connection: SparqlStoreOptions;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = await tempDir('emokb-sparql-faults-');
    servicesEnv = {
      EMOKB_SERVICES_DIR: join(dir, 'services'),
      EMOKB_VIRTUOSO_HTTP_PORT: String(await freePort()),
      EMOKB_VIRTUOSO_SQL_PORT: String(await freePort()),
    };
    const out = execFileSync('bash', [SCRIPT, 'start', 'virtuoso'], {
      encoding: 'utf8',
      env: { ...process.env, ...servicesEnv },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    env = { EMOKB_SPARQL_GRAPHS: 'urn:emokb:faults:', EMOKB_POLL_MS: '100' };
    for (const line of out.split('\n')) {
      const m = /^(EMOKB_[A-Z_]+)=(.*)$/.exec(line);
      if (m) env[m[1]!] = m[2]!;
    }
    connection = {
      queryUrl: env.EMOKB_STORE!.slice('sparql:'.length),
      updateUrl: env.EMOKB_SPARQL_UPDATE,
      graphStoreUrl: env.EMOKB_SPARQL_GRAPH_STORE,
      user: env.EMOKB_SPARQL_USER,
      password: env.EMOKB_SPARQL_PASSWORD,
      timeoutMs: 60_000,
      graphBase: 'urn:emokb:faults:',
    };
    const lines = ['@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .'];
    for (let i = 0; i < BULK; i++)
      lines.push(`<https://example.org/bulk/item${i}> rdfs:label "bulk item ${i}"@en ; rdfs:comment "a test triple, number ${i}" .`);
    bulk = join(dir, 'bulk.ttl');
    await writeFile(bulk, `${lines.join('\n')}\n`);
    // A first small change, so that "before" is a version with content.
    const small = join(dir, 'small.ttl');
    await writeFile(small, '<https://example.org/first> <http://www.w3.org/2000/01/rdf-schema#label> "first"@en .\n');
    expect((await runCli(['import', small, '--author', 'faults'], { env })).code).toBe(0);
  }, 240_000);

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    if (servicesEnv) execFileSync('bash', [SCRIPT, 'stop', 'virtuoso'], { env: { ...process.env, ...servicesEnv }, stdio: 'ignore' });
  });

  /** The store's version, and its content checked against its integrity record (read by a new process's worth of store). */
  async function consistentState(): Promise<{ version: number; count: number }> {
    const store = await SparqlStore.open(connection);
    try {
      const snapshot = await store.snapshot();
      const version = await store.lastChangeId();
      expect(await store.integrity()).toEqual(integrityOf(snapshot.quads.map(quadKey), version));
      expect((await store.changes()).map((c) => c.id)).toEqual(Array.from({ length: version }, (_, i) => version - i));
      return { version, count: snapshot.quads.length };
    } finally {
      await store.close();
    }
  }

  it('a writer killed -9 with its 28,000-triple change staged leaves the store at the version before; the import then goes through', async () => {
    const before = await consistentState();
    const child = startCli(['import', bulk, '--author', 'faults'], { env: { ...env, ...faultEnv('staged') } });
    expect(await killInside(child, 'staged')).toBe(true);
    expect(await consistentState()).toEqual(before);
    const again = await runCli(['import', bulk, '--author', 'faults'], { env });
    expect(again.code).toBe(0);
    expect(await consistentState()).toEqual({ version: before.version + 1, count: before.count + 2 * BULK });
    // Back to the start for the next test: the import undone, as one more change.
    expect((await runCli(['undo', '--author', 'faults'], { env })).code).toBe(0);
  }, 300_000);

  it('a writer killed -9 while the server runs its one conditional update leaves the store before or after, never between', async () => {
    for (const delayMs of [0, 300, 1500]) {
      const before = await consistentState();
      const child = startCli(['import', bulk, '--author', 'faults'], {
        env: { ...env, EMOKB_TEST_FAULT_POINT: 'staged', EMOKB_TEST_FAULT_WAIT_MS: '1' },
      });
      children.push(child);
      await new Promise<void>((resolve) => {
        let seen = '';
        child.stderr!.setEncoding('utf8').on('data', (d: string) => {
          seen += d;
          if (seen.includes('emokb-test: inside staged')) {
            seen = '';
            setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, delayMs);
          }
        });
        child.once('close', () => resolve());
      });
      // The server finishes or drops the update on its own; wait for it to settle.
      await new Promise((r) => setTimeout(r, 3000));
      const after = await consistentState();
      const applied = after.version === before.version + 1;
      expect(after).toEqual(applied ? { version: before.version + 1, count: before.count + 2 * BULK } : before);
      process.stderr.write(`writer killed ${delayMs} ms after staging: the store is at the version ${applied ? 'after' : 'before'}\n`);
      if (applied) expect((await runCli(['undo', '--author', 'faults'], { env })).code).toBe(0);
    }
  }, 400_000);

  it('Virtuoso killed -9 during the update: before or after on restart; a replica keeps serving, says why it is not ready, and catches up', async () => {
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, 'faults-test-token-0123456789abcdef\n');
    const replica = startCli(['serve', '--port', '0'], { env: { ...env, EMOKB_EDIT_TOKEN_FILE: tokenFile, EMOKB_LOG_LEVEL: 'info' } });
    children.push(replica);
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      replica.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(buffer);
        if (m) resolve(m[1]!);
      });
      replica.once('exit', (code) => reject(new Error(`replica exited with ${code}: ${buffer}`)));
    });
    await eventually(
      'replica ready',
      () => fetch(`${url}/ready`).then((r) => r.status),
      (s) => s === 200,
    );
    const before = await consistentState();
    const pidFile = join(servicesEnv.EMOKB_SERVICES_DIR!, 'virtuoso', 'virtuoso.pid');
    const pid = Number(execFileSync('cat', [pidFile], { encoding: 'utf8' }).trim());
    const writer = startCli(['import', bulk, '--author', 'faults'], {
      env: { ...env, EMOKB_TEST_FAULT_POINT: 'staged', EMOKB_TEST_FAULT_WAIT_MS: '1' },
    });
    children.push(writer);
    const writerDone = new Promise<{ code: number | null; stderr: string }>((resolve) => {
      let stderr = '';
      writer.stderr!.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        if (d.includes('emokb-test: inside staged')) setTimeout(() => process.kill(pid, 'SIGKILL'), 200);
      });
      writer.once('close', (code) => resolve({ code, stderr }));
    });
    const written = await writerDone;
    // The writer could not know whether its change was applied: it says the store failed, never success.
    if (written.code !== 0) expect(written.stderr).toMatch(/STORE_ERROR/);

    // The replica: reads go on from its snapshot; /ready says why it takes no writes.
    const ready = await eventually(
      'replica not ready',
      () => fetch(`${url}/ready`),
      (r) => r.status === 503,
    );
    expect(((await ready.json()) as { reason: string }).reason).toMatch(/unreachable/);
    const read = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ version { version } }' }),
    });
    expect(read.status).toBe(200);

    // Virtuoso again, on the same files (not services.sh start, which begins with an empty database).
    const vdir = join(servicesEnv.EMOKB_SERVICES_DIR!, 'virtuoso');
    const restarted = spawn('virtuoso-t', ['+configfile', join(vdir, 'virtuoso.ini'), '+foreground'], { cwd: vdir, stdio: 'ignore' });
    children.push(restarted);
    await writeFile(pidFile, String(restarted.pid));
    await eventually(
      'Virtuoso answers again',
      () => fetch(`${connection.queryUrl}?query=ASK%7B%7D`).then((r) => r.status),
      (s) => s === 200,
    );
    const after = await consistentState();
    const applied = after.version === before.version + 1;
    expect(after).toEqual(applied ? { version: before.version + 1, count: before.count + 2 * BULK } : before);
    if (written.code === 0) expect(applied).toBe(true);
    process.stderr.write(
      `Virtuoso killed 200 ms after staging (writer exit ${written.code}): the store is at the version ${applied ? 'after' : 'before'}\n`,
    );
    await eventually(
      'replica ready again',
      () => fetch(`${url}/ready`).then((r) => r.status),
      (s) => s === 200,
    );
    const caughtUp = await eventually(
      'replica caught up',
      async () => {
        const r = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ version { version } }' }),
        });
        return ((await r.json()) as { data: { version: { version: number } } }).data.version.version;
      },
      (v) => v === after.version,
    );
    expect(caughtUp).toBe(after.version);
  }, 400_000);
});
