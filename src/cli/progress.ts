// A progress bar on standard error when it is a terminal, and a silent stand-in otherwise, so that
// piped and scripted runs (and tests) see no control characters.
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, value: number, payload?: Record<string, unknown>): void;
  update(value: number | Record<string, unknown>, payload?: Record<string, unknown>): void;
  setTotal(total: number): void;
  increment(delta?: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

const SILENT: Progress = { start() {}, update() {}, setTotal() {}, increment() {}, stop() {} };

export function progressBar(name: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    { stream, format: `${name} [{bar}] {value}/{total} {step}`, hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, value, payload) => bar.start(total, value, payload),
    update: (value, payload) => (typeof value === 'number' ? bar.update(value, payload) : bar.update(value)),
    setTotal: (total) => bar.setTotal(total),
    increment: (delta, payload) => bar.increment(delta, payload),
    stop: () => bar.stop(),
  };
}
