import { MemoryStore } from '../../src/store/MemoryStore.js';
import { runStoreContract } from './contract.js';

runStoreContract('MemoryStore', { make: async () => new MemoryStore() });
