// `--output` to something that is not a regular file, through the real CLI: a device or a FIFO is
// written directly (never replaced by a renamed temporary file), and a failed write is
// OUTPUT_FAILED (exit 11), not a success.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

let data: string;
let exported: string;

beforeAll(async () => {
  data = join(await tempDir('emokb-output-'), 'data');
  const first = await runCli(['--data', data, 'export', '--format', 'ntriples']);
  expect(first.code, first.stderr).toBe(0);
  exported = first.stdout;
}, 120_000);

describe('export --output to a non-regular file', { timeout: 60_000 }, () => {
  it.skipIf(!existsSync('/dev/full'))('fails with OUTPUT_FAILED on a full device and leaves the device node alone', async () => {
    const result = await runCli(['--data', data, 'export', '--format', 'ntriples', '-o', '/dev/full']);
    expect(result.code, result.stderr).toBe(11);
    expect(result.stderr).toContain('emokb: error OUTPUT_FAILED: --output /dev/full: cannot write (ENOSPC: no space left on the device)');
    expect((await stat('/dev/full')).isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO for the reader at the other end, and the FIFO stays a FIFO', async () => {
    const dir = await tempDir('emokb-fifo-');
    const fifo = join(dir, 'export.fifo');
    execFileSync('mkfifo', [fifo]);
    const received = text(createReadStream(fifo));
    const result = await runCli(['--data', data, 'export', '--format', 'ntriples', '-o', fifo]);
    expect(result.code, result.stderr).toBe(0);
    expect(await received).toBe(exported);
    expect((await stat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['export.fifo']); // no temporary file left beside it
  });

  it('still replaces a regular file atomically, and fails on a directory without touching it', async () => {
    const dir = await tempDir('emokb-file-');
    const file = join(dir, 'out.nt');
    const result = await runCli(['--data', data, 'export', '--format', 'ntriples', '-o', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(await text(createReadStream(file))).toBe(exported);
    const onDir = await runCli(['--data', data, 'export', '-o', dir]);
    expect(onDir.code, onDir.stderr).toBe(11);
    expect(onDir.stderr).toContain(`--output ${dir}: cannot write (EISDIR)`);
    expect((await readdir(dir)).sort()).toEqual(['out.nt']);
  });
});
