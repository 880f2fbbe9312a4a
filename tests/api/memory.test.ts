import { MemoryStore } from '../../graph/store';
import { runApiSuite } from './suite';

describe('HTTP API on the embedded (memory) store', () => {
  runApiSuite(async () => {
    const store = new MemoryStore();
    await store.init();
    // A fresh store per suite is already empty.
    return { store, reset: async () => undefined, close: () => store.close() };
  });
});
