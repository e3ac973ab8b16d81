import { describe, expect, it } from 'vitest';
import { LevelStore } from '../../src/store/LevelStore.js';
import { tempDir } from '../helpers/cli.js';
import { runStoreContract } from './contract.js';

runStoreContract('LevelStore', {
  make: async () => LevelStore.open(await tempDir()),
  reopen: async (store) => {
    await store.close();
    return LevelStore.open(store.location);
  },
});

describe('LevelStore', () => {
  it('refuses a directory another handle holds, naming the lock', async () => {
    const dir = await tempDir();
    const first = await LevelStore.open(dir);
    try {
      await expect(LevelStore.open(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED', message: expect.stringContaining(`${dir}/LOCK`) });
    } finally {
      await first.close();
    }
  });
});
