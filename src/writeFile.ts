// Writing a whole file that a reader must never see half-written (an export, a cache, the server
// file): the text goes to a temporary file beside the target, which is then renamed over it. That
// is right for a regular file (or none yet) and wrong for anything else: renaming over /dev/stdout,
// /dev/full or a FIFO replaces the device node or pipe by a regular file, and the reader at the
// other end gets nothing while the writer reports success. Those targets are written directly, and
// their write errors (ENOSPC on /dev/full, EPIPE) are reported, never swallowed.
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { EmokbError } from './errors.js';

export interface WriteOptions {
  /** Permission bits of a newly made file (the server file: 0600, never readable by others in between). */
  mode?: number;
  /** Where the path came from, for the message (e.g. `--output`). */
  what?: string;
}

/**
 * Writes `data` to `path`: atomically (temporary file, then rename) when `path` is a regular file
 * or absent; directly when it is a device, a FIFO or a socket. A symbolic link is followed (the
 * file it names is replaced, the link stays). Fails with OUTPUT_FAILED naming the path and the
 * system's code; a temporary file is removed on failure.
 */
export async function writeFileSafely(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new EmokbError(
      'OUTPUT_FAILED',
      `${options.what ? `${options.what} ` : ''}${path}: cannot write (${code}${code === 'ENOSPC' ? ': no space left on the device' : ''})`,
      { file: path, errno: code },
      { cause: error },
    );
  };
  const target = await realpath(path).catch(() => path);
  const kind = await stat(target).catch(() => undefined);
  if (kind && !kind.isFile()) {
    if (kind.isDirectory()) fail(Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    try {
      await writeAll(target, data, 'w');
    } catch (error) {
      fail(error);
    }
    return;
  }
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeAll(temporary, data, 'w', options.mode);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    fail(error);
  }
}

async function writeAll(path: string, data: string | Uint8Array, flags: string, mode?: number): Promise<void> {
  const handle = await open(path, flags, mode);
  try {
    await handle.writeFile(data);
    // open()'s mode is masked by the umask; chmod is not.
    if (mode !== undefined) await handle.chmod(mode);
  } finally {
    await handle.close();
  }
}
