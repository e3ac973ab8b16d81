// Test-only hooks that let the crash tests kill a process at a point proven to be inside a write,
// instead of at a guessed time. Nothing here does anything unless its environment variable is set;
// no user-facing command sets them.
//
// EMOKB_TEST_FAULT_POINT=commit|backup: at that point, write `emokb-test: inside <point>` on
//   standard error and then wait EMOKB_TEST_FAULT_WAIT_MS (default 30,000 ms) for the kill.
//   `commit` is reached once the change's batch (quads, log entry, integrity record) is assembled
//   and about to be written; `backup` once part of the backup's temporary file is written;
//   `staged` once a SPARQL store's large change is staged and its one conditional update is next.
// EMOKB_TEST_NON_ATOMIC=1: the store writes a change non-atomically (quads in batches of 1,000,
//   the fault point after the first, then the log entry): the broken store the crash tests must
//   catch. Never set it outside a test of the tests.

export async function faultPoint(point: 'commit' | 'backup' | 'staged'): Promise<void> {
  if (process.env.EMOKB_TEST_FAULT_POINT !== point) return;
  process.stderr.write(`emokb-test: inside ${point}\n`);
  const wait = Number(process.env.EMOKB_TEST_FAULT_WAIT_MS ?? 30_000);
  await new Promise((resolve) => setTimeout(resolve, wait));
}

export function nonAtomicForTests(): boolean {
  return process.env.EMOKB_TEST_NON_ATOMIC === '1';
}
