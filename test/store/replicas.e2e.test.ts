// Replicas over one SPARQL store (a real Virtuoso, real `emokb serve` processes, the real CLI):
// two replicas started together seed an empty store once; edits through both replicas and the CLI
// at once are each applied everywhere or refused with CONFLICT, none lost; every replica picks up
// every change (eventually, within a generous deadline: the real pickup time is measured by
// bench/replicas.mjs), and all of them agree with `emokb export`; a replica killed -9 in the middle
// of an edit leaves the store whole and the other replica in step with it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quadKey } from '../../src/rdf/turtle.js';
import { integrityOf } from '../../src/store/integrity.js';
import { SparqlStore } from '../../src/store/SparqlStore.js';
import { runCli, startCli, tempDir } from '../helpers/cli.js';
import { freshGraphs, haveSparql, sparqlConnection, sparqlEnv } from '../helpers/services.js';
import type { ChildProcess } from 'node:child_process';

const enabled = haveSparql();
const TOKEN = 'replica-test-token-0123456789abcdef';

interface Replica {
  url: string;
  child: ChildProcess;
  logs: string[];
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = startCli(['serve', '--port', '0'], { env: { ...env, EMOKB_LOG_LEVEL: 'info' } });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening' && entry.url) resolve(entry.url.replace(/\/graphql$/, ''));
        } catch {
          // not a log line
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`replica exited with ${code}:\n${logs.join('\n')}`)));
  });
  return { url, child, logs };
}

async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 180_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe().catch(() => undefined as T);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${deadlineMs} ms (last: ${JSON.stringify(value)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function version(url: string): Promise<number> {
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ version { version } }' }),
  });
  return ((await r.json()) as { data: { version: { version: number } } }).data.version.version;
}

async function mutate(url: string, text: string): Promise<{ ok: boolean; code?: string }> {
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($edit: EditInput!) { applyEdit(edit: $edit) { change version } }',
      variables: { edit: { kind: 'TERM_ADD', author: 'replica test', text, emotion: 'fury', weight: 0.7 } },
    }),
  });
  const body = (await r.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  return body.errors ? { ok: false, code: body.errors[0]!.extensions?.code } : { ok: true };
}

const sortedLines = (text: string) => text.split('\n').filter(Boolean).sort();

describe.skipIf(!enabled)('replicas over a SPARQL store', () => {
  const replicas: Replica[] = [];
  afterAll(() => {
    for (const r of replicas) r.child.kill('SIGKILL');
  });

  it('seeds once, applies concurrent edits from two replicas and the CLI everywhere or refuses them with CONFLICT, and all agree', async () => {
    const graphs = freshGraphs();
    const dir = await tempDir();
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, `${TOKEN}\n`);
    const env = { ...sparqlEnv(graphs), EMOKB_EDIT_TOKEN_FILE: tokenFile, EMOKB_POLL_MS: '100' };

    // Two replicas starting together against an empty store: one seeds it, the other's seed loses
    // the race, re-validates against the seeded version and finds nothing left to add.
    replicas.push(...(await Promise.all([startReplica(env), startReplica(env)])));
    const [a, b] = replicas as [Replica, Replica];
    for (const r of replicas)
      await eventually(
        `ready (${r.logs.slice(-3).join(' | ')})`,
        () => fetch(`${r.url}/ready`).then((x) => x.status),
        (s) => s === 200,
        240_000,
      );
    const store = await SparqlStore.open(sparqlConnection(graphs));
    const log = await store.changes();
    expect(log.map((c) => c.command)).toEqual(['seed']);
    expect(await version(a.url)).toBe(1);
    expect(await version(b.url)).toBe(1);

    // Edits at once: two through each replica, three through the CLI (on the store directly).
    const cli = (word: string) =>
      runCli(['term', 'add', word, '--emotion', 'fury', '--weight', '0.7', '--author', 'cli test'], { env }).then((r) =>
        r.code === 0
          ? { ok: true }
          : { ok: false, code: /"code":\s*"(\w+)"|\b(CONFLICT|STORE_ERROR)\b/.exec(r.stderr)?.[1] ?? `exit ${r.code}: ${r.stderr}` },
      );
    const outcomes = await Promise.all([
      mutate(a.url, 'fumingone'),
      mutate(a.url, 'fumingtwo'),
      mutate(b.url, 'fumingthree'),
      mutate(b.url, 'fumingfour'),
      cli('fumingfive'),
      cli('fumingsix'),
      cli('fumingseven'),
    ]);
    for (const o of outcomes) if (!o.ok) expect(o.code).toBe('CONFLICT');
    const applied = outcomes.filter((o) => o.ok).length;
    expect(applied).toBeGreaterThan(0);
    // No change lost: the log holds the seed and exactly the changes that were reported applied.
    const after = await store.changes();
    expect(after).toHaveLength(1 + applied);
    expect(after.map((c) => c.id)).toEqual(Array.from({ length: 1 + applied }, (_, i) => applied + 1 - i));

    // Every replica picks up every change, and all agree with the store's own export.
    const final = 1 + applied;
    for (const r of replicas)
      await eventually(
        `replica ${r.url} at version ${final}`,
        () => version(r.url),
        (v) => v === final,
        60_000,
      );
    const exported = await runCli(['export', '--format', 'ntriples'], { env });
    expect(exported.code).toBe(0);
    for (const r of replicas) {
      const download = await (await fetch(`${r.url}/download/emokb.nt`)).text();
      expect(sortedLines(download)).toEqual(sortedLines(exported.stdout));
    }

    // A replica killed -9 while an edit goes through it: the edit is in the store whole or not at
    // all, and the surviving replica comes to the store's version and content.
    const inFlight = mutate(a.url, 'fumingeight').catch(() => ({ ok: false, code: 'killed' }));
    await new Promise((r) => setTimeout(r, 150));
    a.child.kill('SIGKILL');
    await inFlight;
    const reader = await SparqlStore.open(sparqlConnection(graphs));
    const snapshot = await reader.snapshot();
    const now = await reader.lastChangeId();
    expect(now === final || now === final + 1).toBe(true);
    expect(await reader.integrity()).toEqual(integrityOf(snapshot.quads.map(quadKey), now));
    expect((await reader.changes()).map((c) => c.id)).toEqual(Array.from({ length: now }, (_, i) => now - i));
    await eventually(
      `replica ${b.url} at version ${now}`,
      () => version(b.url),
      (v) => v === now,
      60_000,
    );
    const exportedAfter = await runCli(['export', '--format', 'ntriples'], { env });
    expect(sortedLines(await (await fetch(`${b.url}/download/emokb.nt`)).text())).toEqual(sortedLines(exportedAfter.stdout));
    await Promise.all([store.close(), reader.close()]);
  }, 420_000);
});
