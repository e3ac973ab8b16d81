// Reading a file a user named: a failure is their bad input (a wrong path, no permission), said
// with the path and the system's code, and never a stack trace.
import { readFile } from 'node:fs/promises';
import { EmokbError } from './errors.js';

/** Reads a file's bytes; failures as readInputFile says them. */
export async function readInputFileBytes(path: string, what?: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new EmokbError('BAD_INPUT', `${what ? `${what}: ` : ''}cannot read ${path}: ${code}`, { file: path });
  }
}

/** Reads a UTF-8 file; `what` says where the path came from, e.g. `--decisions`. */
export async function readInputFile(path: string, what?: string): Promise<string> {
  return (await readInputFileBytes(path, what)).toString('utf8');
}
