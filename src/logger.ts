// Structured JSON logs on standard error, so standard output stays clean for data.
import { pino, type Logger } from 'pino';
import { resolve as setting } from './settings.js';

export type { Logger };

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino(
    { name: options.name ?? 'emokb', level: options.level ?? setting('logLevel', undefined).value, base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: false }),
  );
}
