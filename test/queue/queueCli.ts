// The real CLI's queue commands for the queue tests: workers as processes, submit, status,
// collect, and the inputs whose `emokb tag` output the collected output must equal byte for byte.
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, startCli, type CliResult } from '../helpers/cli.js';

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote on standard error so far. */
  stderr(): string;
  /** Resolves once standard error holds `text`. */
  waitFor(text: string | RegExp): Promise<string>;
  /** SIGTERM (finishes the chunks in hand), and waits for the exit. */
  stop(): Promise<number | null>;
  /** kill -9, and waits for the exit. */
  kill(): Promise<void>;
}

export async function startWorker(
  data: string,
  queue: string,
  { concurrency = 1, env = {} }: { concurrency?: number; env?: Record<string, string> } = {},
): Promise<WorkerProcess> {
  const child = startCli(['--data', data, 'tag', 'worker', '--queue', queue, '--concurrency', String(concurrency)], { env });
  child.stdin!.end();
  let err = '';
  const waiters: Array<() => void> = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const worker: WorkerProcess = {
    child,
    stderr: () => err,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const m = typeof text === 'string' ? (err.includes(text) ? text : null) : err.match(text)?.[0];
          if (m) return resolve(m);
          if (child.exitCode !== null || child.signalCode !== null)
            return reject(new Error(`worker exited before saying ${text}:\n${err}`));
          waiters.push(look);
        };
        child.once('close', () => waiters.length && look());
        look();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  await worker.waitFor('worker ready');
  return worker;
}

export async function submit(data: string, queue: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await runCli(['--data', data, 'tag', 'submit', '--queue', queue, '-q', ...args], { env });
  if (r.code !== 0 || !/^[0-9a-f]{12}\n$/.test(r.stdout)) throw new Error(`submit failed (${r.code}): ${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

export function collect(queue: string, id: string, args: string[] = []): Promise<CliResult> {
  return runCli(['tag', 'collect', id, '--queue', queue, '-q', ...args]);
}

export async function status(queue: string, id: string): Promise<Record<string, any>> {
  const r = await runCli(['tag', 'status', id, '--queue', queue, '--json']);
  if (r.code !== 0) throw new Error(`status failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, any>;
}

/** Polls status until `until` holds (no time limit of its own: the test's timeout is the limit). */
export async function statusUntil(queue: string, id: string, until: (s: Record<string, any>) => boolean): Promise<Record<string, any>> {
  for (;;) {
    const s = await status(queue, id);
    if (until(s)) return s;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function tag(data: string, args: string[]): Promise<CliResult> {
  return runCli(['--data', data, 'tag', '-q', ...args]);
}

const WORDS =
  'I am so happy today . not sad but furious ! what a great game , terrible news and I feel so stupid ? really you did what'.split(' ');

/** A seeded text of `n` words. */
function words(seed: number, n: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

/**
 * Inputs with every kind of line `emokb tag` treats specially: plain text with a line that is not
 * UTF-8, one with a NUL byte, a CRLF line, a blank line and no newline at the end; JSON Lines with
 * invalid JSON, an array, a record without the text field but with an id, a blank line, and ids.
 */
export async function writeInputs(dir: string, lines = 400): Promise<{ t1: string; t2: string; j1: string; j2: string }> {
  const text = (offset: number) => {
    const parts: Buffer[] = [];
    for (let i = 0; i < lines; i++) {
      let line = Buffer.from(words(i + offset, ((i * 7 + offset) % 19) + (i === lines - 1 ? 3 : 0)));
      if (i === 5) line = Buffer.from('bad \xff\xfe latin-1', 'latin1');
      if (i === 9) line = Buffer.from('nul \u0000 here');
      if (i === 12) line = Buffer.from(`${words(i, 5)}\r`);
      if (i === 20) line = Buffer.alloc(0);
      parts.push(line, Buffer.from(i === lines - 1 ? '' : '\n'));
    }
    return Buffer.concat(parts);
  };
  const jsonl = (offset: number) => {
    const out: string[] = [];
    for (let i = 0; i < lines; i++) {
      if (i === 3) out.push('{not json');
      else if (i === 7) out.push('');
      else if (i === 11) out.push('[1,2]');
      else if (i === 13) out.push(JSON.stringify({ id: `x${i}`, body: 5 }));
      else out.push(JSON.stringify({ id: `d${offset}-${i}`, text: words(i + offset, (i * 5 + offset) % 17) }));
    }
    return `${out.join('\n')}\n`;
  };
  const files = { t1: join(dir, 't1.txt'), t2: join(dir, 't2.txt'), j1: join(dir, 'j1.jsonl'), j2: join(dir, 'j2.jsonl') };
  await writeFile(files.t1, text(0));
  await writeFile(files.t2, text(1000));
  await writeFile(files.j1, jsonl(0));
  await writeFile(files.j2, jsonl(2000));
  return files;
}
