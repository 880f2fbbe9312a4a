/**
 * The graph store: one interface (./types), two implementations with identical answers.
 * Neo4j is the system of record; the in-memory store is the embedded default when
 * NEO4J_URI is unset.
 */
import { MemoryStore } from './memory';
import { Neo4jStore, neo4jConfigFromEnv } from './neo4j/store';
import type { GraphStore } from './types';

export function createStore(env: NodeJS.ProcessEnv = process.env): GraphStore {
  const config = neo4jConfigFromEnv(env);
  return config ? new Neo4jStore(config) : new MemoryStore();
}

/** Open the store the environment names, make sure its schema exists, run `work`, always close. */
export async function withStore<T>(work: (store: GraphStore) => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const store = createStore(env);
  try {
    await store.init();
    return await work(store);
  } finally {
    await store.close();
  }
}

export { MemoryStore } from './memory';
export { Neo4jStore, neo4jConfigFromEnv, type Neo4jConfig } from './neo4j/store';
export { NODE_LABELS, RELATIONSHIP_TYPES, RESPONSIBILITY_TYPES } from './vocabulary';
export * from './types';
export { isPendingDataVersion } from './results';
export * from './explorerState';
