/**
 * The server's read cache on a real (embedded) store: answers are memoised per data version, this
 * instance's own writes are seen at once, another instance's within versionMaxAgeMs, and a failed
 * version read is never reused; snapshots are shared between analyses and concurrent requests, every
 * cache is bounded in bytes, and analyses over the concurrency cap are refused before they read.
 */
import { StoreUnavailableError } from '../../graph/errors';
import { computeWorkload } from '../../graph/analytics';
import { MemoryStore } from '../../graph/store';
import { HttpError } from '../../server/errors';
import { DEFAULT_READ_CACHE, estimateBytes, ReadCache, type ReadCacheOptions } from '../../server/readCache';
import { loadFixtures } from '../store/fixtures';

/** A real memory store that counts the reads the cache lets through, and can be made to fail them. */
class CountingStore extends MemoryStore {
  versionReads = 0;
  itemReads = 0;
  snapshots = 0;
  down = false;
  override async dataVersion() {
    this.versionReads++;
    if (this.down) throw new StoreUnavailableError('memory', 'down for the test');
    return super.dataVersion();
  }
  override async getItem(id: string) {
    this.itemReads++;
    return super.getItem(id);
  }
  override async snapshot(...args: Parameters<MemoryStore['snapshot']>) {
    this.snapshots++;
    return super.snapshot(...args);
  }
}

describe('ReadCache', () => {
  const { seed, second } = loadFixtures();
  const item = seed.parsed.items[0]!.id;
  const secondItem = second.parsed.items[0]!.id;
  let store: CountingStore;
  beforeEach(async () => {
    store = new CountingStore();
    await store.loadDocument(seed.parsed, seed.units);
  });
  const options = (versionMaxAgeMs: number, more: Partial<ReadCacheOptions> = {}): ReadCacheOptions => ({
    ...DEFAULT_READ_CACHE,
    versionMaxAgeMs,
    ...more,
  });

  test('a lookup and an analysis are read once per data version; the version once per max age', async () => {
    const cache = new ReadCache(store, options(60_000));
    const first = await cache.lookup('item', item, () => store.getItem(item));
    expect(await cache.lookup('item', item, () => store.getItem(item))).toBe(first);
    const workload = await cache.analysis('workload', {}, {}, (snapshot) => computeWorkload(snapshot));
    expect(await cache.analysis('workload', {}, {}, (snapshot) => computeWorkload(snapshot))).toBe(workload);
    expect({ items: store.itemReads, snapshots: store.snapshots, versions: store.versionReads }).toEqual({ items: 1, snapshots: 1, versions: 1 });
  });

  test('after this instance writes (dataChanged), the next answer is of the new data', async () => {
    const cache = new ReadCache(store, options(60_000));
    expect(await cache.lookup('item', secondItem, () => store.getItem(secondItem))).toBeNull();
    await store.loadDocument(second.parsed, second.units);
    cache.dataChanged();
    expect((await cache.lookup('item', secondItem, () => store.getItem(secondItem)))?.item.id).toBe(secondItem);
  });

  test('a write made elsewhere is seen once the version read is older than versionMaxAgeMs, and not before', async () => {
    const lagging = new ReadCache(store, options(60_000));
    const strict = new ReadCache(store, options(0));
    for (const cache of [lagging, strict]) expect(await cache.lookup('item', secondItem, () => store.getItem(secondItem))).toBeNull();
    await store.loadDocument(second.parsed, second.units); // as another server instance would
    expect(await lagging.lookup('item', secondItem, () => store.getItem(secondItem))).toBeNull();
    expect((await strict.lookup('item', secondItem, () => store.getItem(secondItem)))?.item.id).toBe(secondItem);
  });

  test('a failed version read fails the request and is not reused', async () => {
    const cache = new ReadCache(store, options(60_000));
    store.down = true;
    await expect(cache.lookup('item', item, () => store.getItem(item))).rejects.toThrow(StoreUnavailableError);
    store.down = false;
    expect((await cache.lookup('item', item, () => store.getItem(item)))?.item.id).toBe(item);
  });

  test('entries beyond the byte capacity are dropped, least recently used first', async () => {
    const ids = seed.parsed.items.slice(0, 3).map((i) => i.id);
    const sizes = await Promise.all(ids.map(async (id) => estimateBytes(await store.getItem(id))));
    store.itemReads = 0;
    // Room for the two largest of the three, not for all three.
    const room = sizes.reduce((sum, size) => sum + size, 0) - Math.min(...sizes);
    const cache = new ReadCache(store, options(60_000, { lookupBytes: room }));
    for (const id of ids) await cache.lookup('item', id, () => store.getItem(id));
    expect(cache.heldBytes.lookups).toBeLessThanOrEqual(room);
    await cache.lookup('item', ids[2]!, () => store.getItem(ids[2]!));
    expect(store.itemReads).toBe(3);
    await cache.lookup('item', ids[0]!, () => store.getItem(ids[0]!));
    expect(store.itemReads).toBe(4);
  });

  test('concurrent analyses of one filter with different parameters share one snapshot read', async () => {
    const cache = new ReadCache(store, options(60_000, { maxConcurrentAnalyses: 100 }));
    const factors = Array.from({ length: 20 }, (_, i) => 1 + i / 10);
    const reports = await Promise.all(
      factors.map((overloadFactor) =>
        cache.analysis('workload', {}, { overloadFactor }, (snapshot) => computeWorkload(snapshot, { overloadFactor })),
      ),
    );
    expect(new Set(reports.map((report) => report.parameters.overloadFactor)).size).toBe(factors.length);
    expect(store.snapshots).toBe(1);
    // Another filter is another snapshot; the same filter later is a cache hit.
    await cache.analysis('workload', { roles: ['lead'] }, {}, (snapshot) => computeWorkload(snapshot));
    await cache.analysis('workload', {}, { overloadFactor: 9 }, (snapshot) => computeWorkload(snapshot, { overloadFactor: 9 }));
    expect(store.snapshots).toBe(2);
    expect(cache.heldBytes.snapshots).toBeGreaterThan(0);
  });

  test('a snapshot larger than the snapshot cache is shared while read, then not kept', async () => {
    const cache = new ReadCache(store, options(60_000, { snapshotBytes: 1_000 }));
    await Promise.all([1, 2].map((k) => cache.analysis('workload', {}, { k }, (snapshot) => computeWorkload(snapshot))));
    expect(store.snapshots).toBe(1);
    expect(cache.heldBytes.snapshots).toBe(0);
    await cache.analysis('workload', {}, { k: 3 }, (snapshot) => computeWorkload(snapshot));
    expect(store.snapshots).toBe(2);
  });

  test('analyses over the concurrency cap are refused with 503 and Retry-After before they read; cached answers need no slot', async () => {
    const cache = new ReadCache(store, options(60_000, { maxConcurrentAnalyses: 2 }));
    const cached = await cache.analysis('workload', {}, { k: 0 }, (snapshot) => computeWorkload(snapshot));
    store.snapshots = 0;
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map((k) => cache.analysis('workload', { roles: ['lead'] }, { k }, (snapshot) => computeWorkload(snapshot))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    const refusal = (outcomes[2] as PromiseRejectedResult).reason as HttpError;
    expect(refusal).toBeInstanceOf(HttpError);
    expect(refusal).toMatchObject({ status: 503, code: 'analytics_busy', headers: { 'Retry-After': '2' } });
    expect(store.snapshots).toBe(1);
    // Slots are given back, and a cached answer never needed one.
    expect(await cache.analysis('workload', {}, { k: 0 }, (snapshot) => computeWorkload(snapshot))).toBe(cached);
    await expect(cache.withSnapshot({}, (snapshot) => snapshot.items.length)).resolves.toBe(seed.parsed.items.length);
  });
});
