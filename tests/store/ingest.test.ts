import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, InvalidInputError, ParseError, StoreUnavailableError } from '../../graph/errors';
import { ingestFiles, ingestDocument, LoadBatcher, loadSeeds } from '../../graph/ingest';
import { readSidecar } from '../../graph/parse';
import { MemoryStore, Neo4jStore, type DocumentLoad } from '../../graph/store';
import { assignmentsOf, loadFixtures, SECOND_PATH, SEED_PATH } from './fixtures';

describe('ingest', () => {
  const { registry, seed, second } = loadFixtures();

  test('ingestFiles loads each file, reports progress, and reports a file it cannot read without stopping', async () => {
    const store = new MemoryStore();
    const progress: Array<[number, number, string]> = [];
    const results = await ingestFiles(store, registry, [SEED_PATH, 'missing.txt', SECOND_PATH], (done, total, result) =>
      progress.push([done, total, result.path]),
    );
    expect(progress).toEqual([
      [1, 3, SEED_PATH],
      [2, 3, 'missing.txt'],
      [3, 3, SECOND_PATH],
    ]);
    expect(results[0]).toMatchObject({ ok: true, load: { outcome: 'created', items: seed.parsed.items.length }, warnings: seed.parsed.warnings });
    expect(results[1]).toMatchObject({ ok: false, error: expect.stringMatching(/missing\.txt.*cannot read the document/) });
    expect(results[2]).toMatchObject({ ok: true, load: { documentId: second.parsed.document.id } });
    expect((await store.listDocuments()).map((doc) => doc.id).sort()).toEqual(
      [seed.parsed.document.id, second.parsed.document.id].sort(),
    );
  });

  /** A real store that records each batch it is given, and refuses any batch holding `refusedId`. */
  class RecordingStore extends MemoryStore {
    readonly batches: string[][] = [];
    constructor(private readonly refusedId?: string) {
      super();
    }
    override async loadDocuments(batch: DocumentLoad[]) {
      const ids = batch.map(({ document }) => document.document.id);
      this.batches.push(ids);
      if (this.refusedId && ids.includes(this.refusedId)) throw new InvalidInputError('document', `${this.refusedId} refused`);
      return super.loadDocuments(batch);
    }
  }

  test('ingestFiles writes many files in one batch', async () => {
    const store = new RecordingStore();
    await ingestFiles(store, registry, [SEED_PATH, SECOND_PATH]);
    expect(store.batches).toEqual([[seed.parsed.document.id, second.parsed.document.id]]);
  });

  test('a batch the store refuses is retried file by file: the refused file is reported, the others land', async () => {
    const store = new RecordingStore(second.parsed.document.id);
    const results = await ingestFiles(store, registry, [SEED_PATH, SECOND_PATH]);
    expect(results).toEqual([
      expect.objectContaining({ ok: true, path: SEED_PATH }),
      { ok: false, path: SECOND_PATH, error: `document: ${second.parsed.document.id} refused` },
    ]);
    expect(store.batches).toEqual([[seed.parsed.document.id, second.parsed.document.id], [seed.parsed.document.id], [second.parsed.document.id]]);
    expect((await store.listDocuments()).map((doc) => doc.id)).toEqual([seed.parsed.document.id]);
  });

  test('LoadBatcher cuts batches at the edge budget and before an id repeats', () => {
    const edges = assignmentsOf(seed.parsed).length;
    const batcher = new LoadBatcher<{ parsed: typeof seed.parsed; name: string }>(edges * 2);
    const cut = ['a', 'b', 'c'].map((name) => batcher.add({ parsed: seed.parsed, name }));
    // Same id each time: every add after the first closes the batch before it.
    expect(cut.map((batch) => batch?.map(({ name }) => name) ?? null)).toEqual([null, ['a'], ['b']]);
    const other = new LoadBatcher<{ parsed: typeof seed.parsed }>(edges + assignmentsOf(second.parsed).length - 1);
    expect(other.add({ parsed: seed.parsed })).toBeNull();
    expect(other.add({ parsed: second.parsed })?.map(({ parsed }) => parsed.document.id)).toEqual([seed.parsed.document.id]);
    expect(other.drain().map(({ parsed }) => parsed.document.id)).toEqual([second.parsed.document.id]);
    expect(other.drain()).toEqual([]);
  });

  test('ingestDocument parses an upload with its sidecar and loads it like the file', async () => {
    const store = new MemoryStore();
    const { load, warnings } = await ingestDocument(store, registry, readFileSync(SECOND_PATH, 'utf8'), {
      source: 'upload',
      sidecar: readSidecar(SECOND_PATH),
    });
    expect(load).toMatchObject({ documentId: second.parsed.document.id, outcome: 'created', responsibilities: assignmentsOf(second.parsed).length });
    expect(warnings.map((warning) => warning.code)).toEqual(second.parsed.warnings.map((warning) => warning.code));
    await expect(ingestDocument(store, registry, '', { source: 'upload', id: 'empty' })).rejects.toThrow(ParseError);
  });

  test('loadSeeds loads the shipped seeds, and refuses a seed folder with a broken document', async () => {
    const store = new MemoryStore();
    const loaded = await loadSeeds(store, registry);
    expect(loaded.map(({ load }) => load.documentId)).toEqual([seed.parsed.document.id]);
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'broken.txt'), '');
    await expect(loadSeeds(new MemoryStore(), registry, dir)).rejects.toThrow(DomainError);
    await expect(loadSeeds(new MemoryStore(), registry, dir)).rejects.toThrow(/seed .*broken\.txt did not load/);
  });

  test('a store outage stops the run with StoreUnavailableError', async () => {
    const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:9' });
    try {
      await expect(ingestFiles(store, registry, [SEED_PATH, SECOND_PATH])).rejects.toThrow(StoreUnavailableError);
    } finally {
      await store.close();
    }
  }, 30_000);
});
