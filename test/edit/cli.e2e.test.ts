// The editing CLI end to end on a stopped store: the real `emokb` binary over dist/.
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { seedDataDir } from './helpers.js';

/** A seeded data directory of its own, and the CLI on it. */
async function store() {
  const dir = await tempDir('emokb-edit-cli-');
  await seedDataDir(dir);
  return (...args: string[]) => runCli(['--data', dir, ...args], { env: { EMOKB_AUTHOR: 'e2e curator' } });
}

// Each test has its own store, so they run side by side (each CLI call is a process of its own).
// Generous: on a loaded 2-core machine a CLI call can take several seconds.
describe.concurrent('emokb emotion / term / undo on the store', { timeout: 180_000 }, () => {
  it('adds an emotion and a term, shows them, undoes both, and they are gone', async () => {
    const cli = await store();
    const added = await cli(
      'emotion',
      'add',
      'wistfulness',
      '--parent',
      'sadness-secondary',
      '--definition',
      'A soft, reflective sadness tinged with longing for something past.',
      '-m',
      'missing nuance',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      change: 2,
      dryRun: false,
      via: 'store',
      subject: 'https://w3id.org/emokb/emotion/wistfulness',
    });

    const term = await cli('term', 'add', 'wistful', '--emotion', 'wistfulness', '--pos', 'adjective', '--weight', '0.8');
    expect(term.code, term.stderr).toBe(0);
    expect(term.stdout).toMatch(/^change 3: add term "wistful" \(adjective\) naming "wistfulness" \(wistfulness\), weight 0\.8\n/);

    const shown = await cli('show', 'wistfulness', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      tier: 'tertiary',
      valence: 'negative',
      path: [{ id: 'sadness-primary' }, { id: 'sadness-secondary' }, { id: 'wistfulness' }],
    });

    for (const expected of ['change 4: undo change 3', 'change 5: undo change 2']) {
      const undone = await cli('undo');
      expect(undone.code, undone.stderr).toBe(0);
      expect(undone.stdout).toContain(expected);
    }
    const gone = await cli('show', 'wistfulness');
    expect(gone.code, gone.stderr).toBe(5);
    expect(gone.stderr).toContain('error NOT_FOUND: no emotion "wistfulness"');
  });

  it('a refused edit, and a dry run, leave the export byte-identical', async () => {
    const cli = await store();
    const before = await cli('export', '--format', 'ntriples');
    expect(before.code, before.stderr).toBe(0);

    const unknown = await cli('term', 'add', 'seething', '--emotion', 'furry');
    expect(unknown.code, unknown.stderr).toBe(5);
    expect(unknown.stderr).toMatch(/^emokb: error NOT_FOUND: --emotion: no emotion "furry"; did you mean "fury"/);

    // Passes the planner, breaks a SHACL rule (an opposite that is the emotion's own ancestor).
    const invalid = await cli('link', 'add', 'opposite', 'fury', 'anger-primary');
    expect(invalid.code, invalid.stderr).toBe(4);
    expect(invalid.stderr).toContain(
      "error VALIDATION_FAILED: link add opposite fury anger-primary breaks the knowledge base's rules: nothing was written.",
    );

    const dry = await cli('term', 'add', 'seething', '--emotion', 'fury', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run, nothing written: add term "seething"');
    expect(dry.stdout).toContain('  + <https://w3id.org/emokb/lexicon/en/seething#sense-fury> emo:weight "1.0"^^xsd:decimal');

    const after = await cli('export', '--format', 'ntriples');
    expect(after.stdout).toBe(before.stdout);
  });
  it('refuses a composition cycle, naming the emotions on it, and writes nothing', async () => {
    const cli = await store();
    const blend = await cli('link', 'add', 'composition', 'loathing', 'hate', 'disgust-tertiary');
    expect(blend.code, blend.stderr).toBe(0);
    const before = await cli('export', '--format', 'ntriples');
    expect(before.code, before.stderr).toBe(0);

    // hate = loathing + disgust, while loathing = hate + disgust: hate -> loathing -> hate.
    const cycle = await cli('link', 'add', 'composition', 'hate', 'loathing', 'disgust-tertiary');
    expect(cycle.code, cycle.stderr).toBe(4);
    expect(cycle.stderr).toContain('error VALIDATION_FAILED');
    expect(cycle.stderr).toMatch(
      /hate \("hate"\).*: <https:\/\/w3id\.org\/emokb\/emotion\/hate> is composed of <https:\/\/w3id\.org\/emokb\/emotion\/loathing>.*forms a cycle/,
    );
    expect(cycle.stderr).toMatch(
      /loathing \("loathing"\).*: <https:\/\/w3id\.org\/emokb\/emotion\/loathing> is composed of <https:\/\/w3id\.org\/emokb\/emotion\/hate>.*forms a cycle/,
    );

    const after = await cli('export', '--format', 'ntriples');
    expect(after.stdout).toBe(before.stdout);
    expect((await cli('validate')).code).toBe(0);
  });

  it('undo of a change past the end says which is the newest', async () => {
    const cli = await store();
    expect((await cli('emotion', 'define', 'fury', 'Intense, barely contained anger that wants to lash out.')).code).toBe(0);
    const undone = await cli('undo', '999');
    expect(undone.code, undone.stderr).toBe(5);
    expect(undone.stderr).toContain('error NOT_FOUND: <change>: there is no change 999 (the newest is 2)');
  });
});
