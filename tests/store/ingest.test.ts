import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, ParseError, StoreUnavailableError } from '../../graph/errors';
import { ingestFiles, ingestDocument, loadSeeds } from '../../graph/ingest';
import { readSidecar } from '../../graph/parse';
import { MemoryStore, Neo4jStore } from '../../graph/store';
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
