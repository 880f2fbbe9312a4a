/**
 * The analytics are pure functions of a Snapshot, so both stores must lead to the same answers:
 * the seed loaded into a real Neo4j and into memory gives identical reports and export bytes,
 * unfiltered and filtered.
 */
import type { Driver } from 'neo4j-driver';
import { computeNetworkMetrics, computeWorkload, findGaps } from '../../graph/analytics';
import { exportFiles } from '../../graph/export';
import { readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { MemoryStore, Neo4jStore, neo4jConfigFromEnv, type GraphStore } from '../../graph/store';
import { type GraphFilter } from '../../graph/model';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { SEED_PATH } from './seed';

const NOW = () => new Date('2026-01-01T00:00:00Z');

async function loadSeed(store: GraphStore): Promise<GraphStore> {
  const registry = loadRegistry();
  const parsed = readDocumentFile(SEED_PATH, registry);
  await store.init();
  await store.loadDocument(parsed, registry.unitsFor(parsed));
  return store;
}

describeNeo4j('analytics on Neo4j and in memory', () => {
  let driver: Driver;
  let neo4jStore: GraphStore;
  let memoryStore: GraphStore;
  beforeAll(async () => {
    driver = openTestDriver();
    await wipeNeo4j(driver);
    neo4jStore = await loadSeed(new Neo4jStore(neo4jConfigFromEnv()!));
    memoryStore = await loadSeed(new MemoryStore());
  });
  afterAll(async () => {
    await neo4jStore.close();
    await memoryStore.close();
    await driver.close();
  });

  it.each<[string, GraphFilter]>([
    ['the whole seed', {}],
    ['departments of sections 1–4', { kind: ['department'], section: [1, 2, 3, 4].map((n) => `guangdong-digital-economy-2023/section-${n}`) }],
  ])('gives identical workload, gaps, metrics and export bytes for %s', async (_name, filter) => {
    const [fromNeo4j, fromMemory] = await Promise.all([neo4jStore.snapshot(filter), memoryStore.snapshot(filter)]);
    expect(fromNeo4j.items.length).toBeGreaterThan(0);
    expect(computeWorkload(fromNeo4j)).toEqual(computeWorkload(fromMemory));
    expect(findGaps(fromNeo4j)).toEqual(findGaps(fromMemory));
    expect(computeNetworkMetrics(fromNeo4j)).toEqual(computeNetworkMetrics(fromMemory));
    for (const format of ['csv', 'graphml'] as const) {
      expect(exportFiles(fromNeo4j, format, { now: NOW })).toEqual(exportFiles(fromMemory, format, { now: NOW }));
    }
  });
});
