// Structured JSON logs on standard error, so standard output stays clean for data.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino(
    { name: options.name ?? 'emokb', level: options.level ?? process.env.EMOKB_LOG_LEVEL ?? 'info', base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: false }),
  );
}
