/**
 * The two stores the reliability suites run against, each seeded: the embedded MemoryStore, and the run's real
 * Neo4j (wiped first). Suites call `forEachStore` and get the same tests on both.
 */
import { loadSeeds } from '../../graph/ingest';
import { MemoryStore, Neo4jStore, neo4jConfigFromEnv, type GraphStore } from '../../graph/store';
import { registry } from '../api/harness';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';

async function seeded(store: GraphStore): Promise<GraphStore> {
  await store.init();
  await loadSeeds(store, registry());
  return store;
}

async function openNeo4j(): Promise<GraphStore> {
  const config = neo4jConfigFromEnv();
  if (!config) throw new Error('NEO4J_URI is not set: the jest global set-up starts Neo4j');
  const driver = openTestDriver();
  try {
    await wipeNeo4j(driver);
  } finally {
    await driver.close();
  }
  return seeded(new Neo4jStore(config));
}

/** Runs `suite` once on each store; `store()` gives the seeded store inside the tests. */
export function forEachStore(name: string, suite: (store: () => GraphStore) => void): void {
  const variants: [string, (title: string, fn: () => void) => void, () => Promise<GraphStore>][] = [
    ['the embedded store', describe, () => seeded(new MemoryStore())],
    ['Neo4j', describeNeo4j, openNeo4j],
  ];
  for (const [label, describeOn, open] of variants) {
    describeOn(`${name} (${label})`, () => {
      let store: GraphStore | undefined;
      beforeAll(async () => {
        store = await open();
      }, 300_000);
      afterAll(async () => {
        await store?.close();
      });
      suite(() => {
        if (!store) throw new Error('the store did not open');
        return store;
      });
    });
  }
}
