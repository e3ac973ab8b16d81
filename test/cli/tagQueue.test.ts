// The queue commands' store wait: a worker or a submit started while another process holds the
// store waits EMOKB_LOCK_WAIT for it, and its refusal says how long it waited, as every other
// command's does (storeOrServer.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { lexiconOf } from '../../src/cli/tagQueue.js';
import { LevelStore } from '../../src/store/LevelStore.js';
import { tempDir } from '../helpers/cli.js';

const saved = process.env.EMOKB_LOCK_WAIT;
afterEach(() => {
  if (saved === undefined) delete process.env.EMOKB_LOCK_WAIT;
  else process.env.EMOKB_LOCK_WAIT = saved;
});

describe('tag worker/submit: the store lock', () => {
  it('refuses after EMOKB_LOCK_WAIT, saying how long it waited and naming the lock', async () => {
    const dir = await tempDir();
    const holder = await LevelStore.open(dir);
    try {
      process.env.EMOKB_LOCK_WAIT = '1';
      const started = Date.now();
      const refusal = lexiconOf({ data: dir } as Parameters<typeof lexiconOf>[0]);
      await expect(refusal).rejects.toMatchObject({
        code: 'STORE_LOCKED',
        message: expect.stringMatching(new RegExp(`${dir}/LOCK.*; waited 1 s \\(EMOKB_LOCK_WAIT\\)$`)),
      });
      // it did wait, retrying, before refusing
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    } finally {
      await holder.close();
    }
  });
});
