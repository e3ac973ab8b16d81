// A line-by-line question session on standard input for the interactive reviews. Ctrl-C ends the
// session instead of the process, so a review can commit what was decided and report it.
import { createInterface } from 'node:readline';

export interface PromptSession {
  /** Writes the prompt and waits for one line (trimmed); undefined at the end of input or on Ctrl-C. */
  ask(prompt: string): Promise<string | undefined>;
  /** Whether Ctrl-C ended the session. */
  readonly interrupted: boolean;
  close(): void;
}

export function openPrompt(out: NodeJS.WritableStream = process.stdout): PromptSession {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    rl.close();
  };
  process.once('SIGINT', onSigint);
  return {
    async ask(prompt) {
      out.write(prompt);
      const next = await lines.next();
      return next.done ? undefined : next.value.trim();
    },
    get interrupted() {
      return interrupted;
    },
    close() {
      process.removeListener('SIGINT', onSigint);
      rl.close();
    },
  };
}
