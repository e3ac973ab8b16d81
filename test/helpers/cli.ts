// Spawns the real `emokb` CLI (bin/emokb.js over the built dist/) for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'emokb.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  /** A file descriptor for the child's standard output instead of a pipe (then `stdout` is ''). */
  stdoutFd?: number;
}

export function startCli(args: string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, EMOKB_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
  });
}

export function runCli(args: string[], options: CliOptions & { input?: string } = {}): Promise<CliResult> {
  const child = startCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin!.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function tempDir(prefix = 'emokb-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
