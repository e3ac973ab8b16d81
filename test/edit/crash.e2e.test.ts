// Concurrency and crashes: two CLIs editing one store at once, and kill -9 in the middle of a batch
// of edits. Afterwards the store must pass `emokb validate`, and its content must be exactly the
// replay of its change log: every edit complete or absent, none half-written.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { faultEnv, NON_ATOMIC } from '../helpers/faults.js';
import { seedDataDir } from './helpers.js';

/** A seeded data directory of its own, and the CLI on it. */
async function store() {
  const dir = await tempDir('emokb-edit-crash-');
  await seedDataDir(dir);
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(['--data', dir, ...args], { env: { EMOKB_AUTHOR: 'batch', ...env } });
  return { dir, cli };
}

// Generous: on a loaded 2-core machine a CLI call can take several seconds.
describe.concurrent('concurrent and interrupted edits', { timeout: 180_000 }, () => {
  it('two CLIs editing at once both succeed (the second waits for the lock), or with no waiting one gets STORE_LOCKED', async () => {
    const { cli } = await store();
    const patient = { EMOKB_LOCK_WAIT: '90' };
    const waiting = await Promise.all([
      cli(['term', 'add', 'alpha', '--emotion', 'fury'], patient),
      cli(['term', 'add', 'beta', '--emotion', 'wrath'], patient),
    ]);
    for (const r of waiting) expect(r.code, r.stderr).toBe(0);

    const impatient = await Promise.all(
      ['gamma', 'delta'].map((word) => cli(['term', 'add', word, '--emotion', 'fury'], { EMOKB_LOCK_WAIT: '0' })),
    );
    expect(impatient.some((r) => r.code === 0)).toBe(true);
    for (const r of impatient.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(7);
      expect(r.stderr).toMatch(/^emokb: error STORE_LOCKED: data directory .* is locked by another process \(LevelDB lock .*LOCK\)/);
    }
  });

  it('kill -9 during a batch of edits leaves a valid store in which each edit is complete or absent', async () => {
    const { dir, cli } = await store();
    const words = Array.from({ length: 30 }, (_, i) => `batchword${i}`);
    const loop = `for w in ${words.join(' ')}; do "${process.execPath}" "${BIN}" --data "${dir}" term add "$w" --emotion rage-tertiary --weight 0.5 -m batch || exit 1; done`;
    // Every edit pauses 300 ms inside its commit (the store's test-only fault point, once the
    // batch is built) and says so on standard error; the loop is killed at one of those moments,
    // chosen at random among the 2nd to 6th edit, so the kill provably lands inside a write. With
    // EMOKB_TEST_BREAK_ATOMICITY=1 (quads written in parts, then the log) this test fails.
    const env = { ...process.env, EMOKB_AUTHOR: 'batch', ...faultEnv('commit', { EMOKB_TEST_FAULT_WAIT_MS: '300', ...NON_ATOMIC }) };
    const batch = spawn('sh', ['-c', loop], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    const target = 2 + Math.floor(Math.random() * 5);
    let inside = 0;
    const killed = await new Promise<boolean>((resolve) => {
      batch.stderr!.setEncoding('utf8').on('data', (d: string) => {
        inside += (d.match(/^emokb-test: inside commit$/gm) ?? []).length;
        if (inside === target) {
          process.kill(-batch.pid!, 'SIGKILL');
          resolve(true);
        }
      });
      batch.once('exit', () => resolve(false));
    });
    expect(killed).toBe(true);
    await new Promise((r) => (batch.exitCode !== null || batch.signalCode !== null ? r(null) : batch.once('exit', r)));

    const validate = await cli(['validate']);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);

    const exported = await cli(['export', '--format', 'ntriples']);
    const history = await cli(['history', '--limit', '100000', '--json']);
    const log = (JSON.parse(history.stdout) as Array<{ id: number; added: string[]; removed: string[]; message: string }>).reverse();
    const replayed = new Set<string>();
    for (const change of log) {
      for (const line of change.removed) replayed.delete(line);
      for (const line of change.added) replayed.add(line);
    }
    const stored = exported.stdout.split('\n').filter(Boolean);
    expect(stored.length).toBe(replayed.size);
    expect(stored.filter((line) => !replayed.has(line))).toEqual([]);

    // Each word of the batch is in the store with all the triples its change added exactly when its edit is logged.
    // The entry's IRI and its fragments (#form, #sense-...), not batchword10's when the word is batchword1.
    const about = (word: string) => (line: string) => /^<https:\/\/w3id\.org\/emokb\/lexicon\/en\/([^>#]+)/.exec(line)?.[1] === word;
    const logged = new Map(
      log
        .filter((c) => c.message === 'batch')
        .map((c) => {
          // any of its lines: the edit activity's (/activity/edit/...) sort first
          const word = c.added.map((line) => /lexicon\/en\/(batchword\d+)[#>]/.exec(line)?.[1]).find(Boolean) ?? '';
          return [word, c.added.filter(about(word)).length] as const;
        }),
    );
    expect(logged.size).toBeGreaterThanOrEqual(1);
    for (const count of logged.values()) expect(count).toBeGreaterThan(0);
    for (const word of words) {
      const triples = stored.filter(about(word));
      expect(triples.length, word).toBe(logged.get(word) ?? 0);
      // 16 = entry (LexicalEntry, Word, canonicalForm, partOfSpeech, status), form (type, writtenRep), sense (ontolex:sense, type, reference, weight, kind, method, time, agent, wasGeneratedBy)
      if (logged.has(word)) expect(triples.length, word).toBe(16);
      // and its edit activity is described whenever the sense refers to it
      const run = /prov#wasGeneratedBy> <([^>]+)>/.exec(triples.join('\n'))?.[1];
      if (logged.has(word))
        expect(stored, word).toContain(`<${run}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/prov#Activity> .`);
    }
    // The loop runs the words in order: the committed ones are a prefix.
    expect([...logged.keys()].sort()).toEqual(words.slice(0, logged.size).sort());
  });
});
