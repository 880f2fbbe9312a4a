import { MemoryStore } from '../../graph/store';
import { runStoreContract } from './contract';

describe('MemoryStore', () => {
  runStoreContract(async () => new MemoryStore());
});
