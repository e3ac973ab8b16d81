// Kills a spawned emokb at a point proven to be inside a write: the store's test-only fault point
// (src/store/faultInjection.ts) says on standard error that it is there, then waits for the kill.
import type { ChildProcess } from 'node:child_process';

/** Environment that makes the child stop at `point` and wait to be killed. */
export function faultEnv(point: 'commit' | 'backup' | 'staged', extra: Record<string, string> = {}): Record<string, string> {
  return { EMOKB_TEST_FAULT_POINT: point, EMOKB_TEST_FAULT_WAIT_MS: '60000', ...extra };
}

/**
 * Resolves true once the child reported being inside `point` and was killed with SIGKILL there;
 * false if it exited before reaching the point (then nothing was killed).
 */
export function killInside(
  child: ChildProcess,
  point: 'commit' | 'backup' | 'staged',
  signalTarget: number = child.pid!,
): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    let killed = false;
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      seen += d;
      if (!killed && seen.includes(`emokb-test: inside ${point}`)) {
        killed = true;
        process.kill(signalTarget, 'SIGKILL');
      }
    });
    child.once('close', () => resolve(killed));
  });
}

/**
 * EMOKB_TEST_BREAK_ATOMICITY=1 on the test run makes the spawned stores write non-atomically
 * (src/store/faultInjection.ts): the crash tests must then fail. Empty otherwise.
 */
export const NON_ATOMIC: Record<string, string> = process.env.EMOKB_TEST_BREAK_ATOMICITY === '1' ? { EMOKB_TEST_NON_ATOMIC: '1' } : {};
