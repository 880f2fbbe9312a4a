/**
 * The data version on a real Neo4j names only data that every reader can see. Neo4j reads are read-committed and
 * a commit becomes visible piece by piece (its records first, its index entries last), so a version written in
 * the same transaction as the data showed readers the new version while a new document was not yet found: a
 * cache keyed by that version kept the old answer until the next write. Writes now stage a pending version and
 * settle it once the commit is whole (graph/store/neo4j/queries/version.ts).
 */
import { type Driver } from 'neo4j-driver';
import { isPendingDataVersion, MemoryStore, Neo4jStore, neo4jConfigFromEnv } from '../../graph/store';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { loadFixtures, syntheticDocument } from './fixtures';

const openStore = async (settlePendingAfterMs?: number): Promise<Neo4jStore> => {
  const config = neo4jConfigFromEnv();
  if (!config) throw new Error('NEO4J_URI is not set: the jest global set-up starts Neo4j');
  const store = new Neo4jStore({ ...config, ...(settlePendingAfterMs === undefined ? {} : { settlePendingAfterMs }) });
  await store.init();
  return store;
};

/** What a writer that died between its two transactions leaves: the settled digest, marked pending. */
const leavePending = (driver: Driver, digest: string) =>
  driver.executeQuery("MATCH (v:GraphVersion {id: 'graph'}) SET v.digest = $pending", { pending: `${digest}~died-before-settling` });

describeNeo4j('the data version on Neo4j', () => {
  const { seed, second } = loadFixtures();
  let driver: Driver;
  let store: Neo4jStore;
  beforeAll(() => {
    driver = openTestDriver();
  });
  beforeEach(async () => {
    await wipeNeo4j(driver);
    store = await openStore();
    await store.loadDocument(seed.parsed, seed.units);
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(async () => {
    await driver.close();
  });

  test('When a large document is written, then every reader that sees its version also finds the document and its items', async () => {
    const before = await store.dataVersion();
    const big = syntheticDocument('visible-plan', 30_000);
    const lastItem = big.parsed.items.at(-1)!.id;
    let done = false;
    const writing = store.loadDocument(big.parsed, big.units).finally(() => {
      done = true;
    });
    // Read as a cache would, the version first and the data after it, as fast as the store answers.
    const samples: Array<{ version: string; listed: boolean; found: boolean }> = [];
    while (!done) {
      const version = await store.dataVersion();
      const [documents, item] = await Promise.all([store.listDocuments(), store.getItem(lastItem)]);
      samples.push({ version, listed: documents.some(({ id }) => id === 'visible-plan'), found: item !== null });
    }
    await writing;
    const after = await store.dataVersion();

    expect(isPendingDataVersion(after)).toBe(false);
    const reference = new MemoryStore();
    for (const { parsed, units } of [seed, big]) await reference.loadDocument(parsed, units);
    expect(after).toBe(await reference.dataVersion());
    // Read while the write was under way; every version seen is the old one, a pending one, or the new one seen whole.
    expect(samples.length).toBeGreaterThan(10);
    for (const sample of samples) {
      if (sample.version === after) expect(sample).toEqual({ version: after, listed: true, found: true });
      else if (!isPendingDataVersion(sample.version)) expect(sample.version).toBe(before);
    }
  }, 300_000);

  test('When a writer died before settling its version, then the next store to open settles it', async () => {
    const settled = await store.dataVersion();
    await leavePending(driver, settled);
    expect(isPendingDataVersion(await store.dataVersion())).toBe(true);
    const next = await openStore();
    try {
      expect(await next.dataVersion()).toBe(settled);
    } finally {
      await next.close();
    }
  });

  test('When another instance holds the version lock for a long write, then opening a store does not wait for it', async () => {
    const settled = await store.dataVersion();
    const session = driver.session();
    const longWrite = await session.beginTransaction();
    await longWrite.run("MATCH (v:GraphVersion {id: 'graph'}) SET v.writtenAt = datetime()");
    const opened = openStore();
    try {
      const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 10_000).unref());
      expect(await Promise.race([opened, waited])).toBeInstanceOf(Neo4jStore);
      expect(await (await opened).dataVersion()).toBe(settled);
    } finally {
      await longWrite.rollback();
      await session.close();
      await (await opened).close();
    }
  });

  test('When a pending version outlives the grace period, then a reader settles it', async () => {
    const settled = await store.dataVersion();
    const reader = await openStore(0);
    try {
      await leavePending(driver, settled);
      expect(isPendingDataVersion(await reader.dataVersion())).toBe(true);
      // The reader settles in the background: a later read sees the settled version.
      const deadline = Date.now() + 10_000;
      let seen = await reader.dataVersion();
      while (seen !== settled && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen = await reader.dataVersion();
      }
      expect(seen).toBe(settled);
    } finally {
      await reader.close();
    }
  });

  test('When the next write finds a pending version, then it builds on the settled digest', async () => {
    await leavePending(driver, await store.dataVersion());
    await store.loadDocument(second.parsed, second.units);
    const reference = new MemoryStore();
    for (const { parsed, units } of [seed, second]) await reference.loadDocument(parsed, units);
    expect(await store.dataVersion()).toBe(await reference.dataVersion());
  });
});
