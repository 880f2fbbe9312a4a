/**
 * The server's read cache on a real (embedded) store: lookups are memoised per data version, this
 * instance's own writes are seen at once, another instance's within versionMaxAgeMs, and a failed
 * version read is never reused; nothing is kept under a pending version, and an entry never outlives a move of
 * the version; the cache is bounded in bytes. (Analyses: tests/api/precomputed.test.ts.)
 */
import { StoreUnavailableError } from '../../graph/errors';
import { MemoryStore } from '../../graph/store';
import { pendingDataVersion } from '../../graph/store/results';
import { ByteBoundedLru, DEFAULT_READ_CACHE, estimateBytes, ReadCache, type ReadCacheOptions } from '../../server/readCache';
import { loadFixtures } from '../store/fixtures';

/** A real memory store that counts the reads the cache lets through, and can be made to fail them. */
class CountingStore extends MemoryStore {
  versionReads = 0;
  itemReads = 0;
  down = false;
  /** The version read while set, as Neo4j shows a write being made visible (graph/store/results.ts pendingDataVersion). */
  pendingVersion: string | undefined;
  override async dataVersion() {
    this.versionReads++;
    if (this.down) throw new StoreUnavailableError('memory', 'down for the test');
    return this.pendingVersion ?? super.dataVersion();
  }
  override async getItem(id: string) {
    this.itemReads++;
    return super.getItem(id);
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

  test('a lookup is read once per data version; the version once per max age', async () => {
    const cache = new ReadCache(store, options(60_000));
    const first = await cache.lookup('item', item, () => store.getItem(item));
    expect(await cache.lookup('item', item, () => store.getItem(item))).toBe(first);
    const version = await cache.dataVersion();
    expect({ items: store.itemReads, versions: store.versionReads }).toEqual({ items: 1, versions: 1 });
    expect(version).toBe(await store.dataVersion());
  });

  test('a listing is read once per data version, kept apart from the lookups, and read again after a write', async () => {
    let listReads = 0;
    const listAll = async () => {
      listReads++;
      return { documents: await store.listDocuments() };
    };
    // Room for the listing: the seed's item details overflow that much (checked below), and would push it out of a shared cache.
    const room = estimateBytes(await listAll()) + 1;
    const cache = new ReadCache(store, options(60_000, { lookupBytes: room }));
    listReads = 0;
    const first = await cache.listing('documents', '{}', listAll);
    let detailBytes = 0;
    for (const { id } of seed.parsed.items) detailBytes += estimateBytes(await cache.lookup('item', id, () => store.getItem(id)));
    expect(detailBytes).toBeGreaterThan(room);
    expect(await cache.listing('documents', '{}', listAll)).toBe(first);
    expect(listReads).toBe(1);
    await store.loadDocument(second.parsed, second.units);
    cache.dataChanged();
    const after = await cache.listing('documents', '{}', listAll);
    expect(after.documents.map(({ id }) => id)).toContain(second.parsed.document.id);
    expect(listReads).toBe(2);
  });

  test("this instance's writes are announced to the listeners", async () => {
    const cache = new ReadCache(store, options(60_000));
    const heard: number[] = [];
    cache.onDataChanged(() => heard.push(heard.length));
    cache.dataChanged();
    cache.dataChanged();
    expect(heard).toEqual([0, 1]);
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

  test('while the version is pending nothing is kept: each lookup and listing reads, and the settled version reads afresh', async () => {
    const cache = new ReadCache(store, options(0));
    let listReads = 0;
    const listAll = async () => ({ read: ++listReads });
    store.pendingVersion = pendingDataVersion(await store.dataVersion());
    store.versionReads = 0;
    for (let round = 0; round < 2; round++) {
      await cache.lookup('item', item, () => store.getItem(item));
      await cache.listing('documents', '{}', listAll);
    }
    expect({ items: store.itemReads, lists: listReads, versions: store.versionReads }).toEqual({ items: 2, lists: 2, versions: 4 });
    store.pendingVersion = undefined;
    expect(await cache.listing('documents', '{}', listAll)).toEqual({ read: 3 });
    expect(await cache.listing('documents', '{}', listAll)).toEqual({ read: 3 });
  });

  test('an entry read before the version moved is not served when the data returns to that version', async () => {
    const cache = new ReadCache(store, options(0));
    // Read at the seed's version while another instance's write was becoming visible: it may hold part of that write.
    expect(await cache.listing('documents', '{}', async () => 'read before the write')).toBe('read before the write');
    await store.loadDocument(second.parsed, second.units);
    await cache.listing('documents', '{}', async () => 'read after the write');
    expect(await store.removeDocument(second.parsed.document.id)).toBe(true);
    // The seed's version again, so the same key as the first read: answered afresh.
    expect(await cache.listing('documents', '{}', async () => 'read after the removal')).toBe('read after the removal');
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
});

describe('ByteBoundedLru', () => {
  test('drops the least recently used entries beyond its capacity, and keeps nothing larger than the whole', () => {
    const lru = new ByteBoundedLru(100);
    expect(lru.set('a', 'A', 40)).toBe(true);
    expect(lru.set('b', 'B', 40)).toBe(true);
    expect(lru.get('a')).toEqual({ value: 'A' }); // a is now the most recent
    expect(lru.set('c', 'C', 40)).toBe(true);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([{ value: 'A' }, undefined, { value: 'C' }]);
    expect(lru.bytes).toBe(80);
    // Too large to keep: refused, and what was there stays.
    expect(lru.set('huge', 'H', 101)).toBe(false);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.bytes).toBe(80);
  });
});

describe('estimateBytes', () => {
  test('weighs a packed list (typed arrays) by its bytes, without visiting every element', () => {
    const packed = { bytes: new Uint8Array(50_000_000), starts: new Uint32Array(1_000_001), tags: new Uint8Array(1_000_000) };
    const estimate = estimateBytes(packed);
    expect(estimate).toBeGreaterThanOrEqual(50_000_000 + 4_000_004 + 1_000_000);
    expect(estimate).toBeLessThan(50_000_000 + 4_000_004 + 1_000_000 + 1_000);
  });
});
