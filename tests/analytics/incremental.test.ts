/**
 * The analytics worker's incremental computation (graph/precompute/engine.ts, graph/analytics/partials.ts):
 * after every step of a series of ingests, replacements, metadata corrections and removals, the answers
 * merged from per-document parts equal a whole computation over a fresh snapshot, on a real Neo4j and in
 * memory, for the whole corpus and for scopes; a document whose content did not change is not read again; and
 * a cache bounded by documents (the small-task lane's) stays within its bound.
 */
import { commitmentPart, computeNetworkMetrics, computeWorkload, dueReport, findGaps, packGapReport, packUnmeasured, placeReport, timelineReport, unmeasuredItems } from '../../graph/analytics';
import { toCytoscape } from '../../graph/export';
import { AnalyticsEngine, type AnalysisTask } from '../../graph/precompute';
import { MemoryStore, Neo4jStore, neo4jConfigFromEnv, type GraphStore } from '../../graph/store';
import { type DocumentScope, type GraphFilter } from '../../graph/model';
import { loadFixtures, newVersion, type Fixture } from '../store/fixtures';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';

const NOW = () => new Date('2026-01-01T00:00:00Z');
const fixtures = loadFixtures();
const { seed, second, plans } = fixtures;

/** A store whose snapshot reads are counted, with the documents each one asked for, and its commitment reads apart. */
function countingReader(store: GraphStore) {
  const reads: string[][] = [];
  const commitmentReads: string[][] = [];
  return {
    reads,
    commitmentReads,
    read: {
      snapshot: (filter: GraphFilter) => {
        reads.push(filter.document ?? []);
        return store.snapshot(filter);
      },
      commitments: (scope: DocumentScope) => {
        commitmentReads.push(scope.document ?? []);
        return store.commitments(scope);
      },
    },
  };
}

async function task(store: GraphStore, name: AnalysisTask['name'], scope: DocumentScope, options: Record<string, unknown> = {}): Promise<AnalysisTask> {
  const documents = (await store.listDocuments(scope)).map(({ id, sha256, title }) => ({ id, sha256, title }));
  return { name, options, documents, wholeCorpus: Object.keys(scope).length === 0, edgeFilter: {} };
}

/** Every analysis, merged from parts, against the whole computation over one snapshot of the same scope. */
async function expectEqualToWhole(engine: AnalyticsEngine, store: GraphStore, scope: DocumentScope): Promise<void> {
  const snapshot = await store.snapshot(scope);
  expect(await engine.run(await task(store, 'workload', scope))).toEqual(computeWorkload(snapshot));
  expect(await engine.run(await task(store, 'workload', scope, { includeGeneric: true, overloadFactor: 0.5 }))).toEqual(
    computeWorkload(snapshot, { includeGeneric: true, overloadFactor: 0.5 }),
  );
  expect(await engine.run(await task(store, 'gaps', scope))).toEqual(packGapReport(findGaps(snapshot)));
  expect(await engine.run(await task(store, 'gaps', scope, { diffusionThreshold: 2 }))).toEqual(packGapReport(findGaps(snapshot, { diffusionThreshold: 2 })));
  expect(await engine.run(await task(store, 'network', scope))).toEqual(computeNetworkMetrics(snapshot));
  const roleWeighted = { weighting: 'role-weighted', includeGeneric: true } as const;
  expect(await engine.run(await task(store, 'network', scope, roleWeighted))).toEqual(computeNetworkMetrics(snapshot, roleWeighted));
  const drawing = { mode: 'coordination', limit: 15, now: NOW } as const;
  const { provenance: merged, ...mergedDrawing } = (await engine.run(await task(store, 'cytoscape', scope, drawing))) as ReturnType<typeof toCytoscape>;
  const { provenance: whole, ...wholeDrawing } = toCytoscape(snapshot, drawing);
  expect(mergedDrawing).toEqual(wholeDrawing);
  // The worker's clock, not the test's, stamps the drawing: the rest of the provenance is the same.
  expect({ ...merged, generatedAt: '' }).toEqual({ ...whole, generatedAt: '' });

  // The where-and-by-when reports: joined from per-document parts, against the part of the whole snapshot.
  const part = commitmentPart(snapshot, await store.commitments(scope));
  expect(await engine.run(await task(store, 'places', scope))).toEqual(placeReport(part));
  expect(await engine.run(await task(store, 'places', scope, { jurisdiction: '440000' }))).toEqual(placeReport(part, { jurisdiction: '440000' }));
  for (const today of ['2023-06-30', '2026-01-01']) {
    expect(await engine.run(await task(store, 'timeline', scope, { today }))).toEqual(timelineReport(part, { today }));
    expect(await engine.run(await task(store, 'due', scope, { today }))).toEqual(dueReport(part, { today }));
  }
  const unit = snapshot.units[0]?.id;
  expect(await engine.run(await task(store, 'timeline', scope, { unit, today: '2023-06-30' }))).toEqual(timelineReport(part, { unit, today: '2023-06-30' }));
  expect(await engine.run(await task(store, 'unmeasured', scope))).toEqual(packUnmeasured(unmeasuredItems(part)));
}

const load = (store: GraphStore, { parsed, units }: Fixture) => store.loadDocument(parsed, units);

function describeIncremental(name: string, open: () => Promise<GraphStore>, close: (store: GraphStore) => Promise<void>) {
  describe(name, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => close(store));

    it('equals a whole computation after each ingest, replacement, correction and removal, for the corpus and for scopes', async () => {
      const reader = countingReader(store);
      const engine = new AnalyticsEngine(reader.read);
      const scopes: DocumentScope[] = [{}, { jurisdiction: '440000' }, { document: [seed.parsed.document.id, plans.foshan.parsed.document.id] }, { yearFrom: 2024, yearTo: 2024 }];
      const check = async () => {
        for (const scope of scopes) await expectEqualToWhole(engine, store, scope);
      };

      await load(store, seed);
      await check();
      await load(store, second);
      await load(store, plans.foshan);
      await load(store, plans.stateCouncil);
      await check();
      // The where-and-by-when reports compared above are not empty: places, deadlines and unmeasured items all occur.
      const part = commitmentPart(await store.snapshot({}), await store.commitments({}));
      expect(part.places.size).toBeGreaterThan(0);
      expect(part.deadlines.length).toBeGreaterThan(0);
      expect(part.dated.length).toBeGreaterThan(0);
      expect(part.unmeasured.items.length).toBeGreaterThan(0);
      expect([...part.places.values()].some((row) => row.named.length > 0)).toBe(true);

      // Read once, then only what changed: a new document is read alone.
      reader.reads.length = 0;
      reader.commitmentReads.length = 0;
      await load(store, plans.shenzhen);
      await engine.run(await task(store, 'workload', {}));
      expect(reader.reads).toEqual([[plans.shenzhen.parsed.document.id]]);
      // Commitments are read only for a where-and-by-when report, and only those of the documents lacking them.
      expect(reader.commitmentReads).toEqual([]);
      await engine.run(await task(store, 'unmeasured', {}));
      expect(reader.commitmentReads).toEqual([[plans.shenzhen.parsed.document.id]]);
      await check();

      // New bytes for a known id: the old parts are replaced, and dropped when the whole corpus is next computed.
      const replaced = newVersion(second.parsed, (copy) => {
        copy.items = copy.items.slice(0, Math.ceil(copy.items.length / 2));
      });
      await store.loadDocument(replaced, second.units);
      await check();
      expect(engine.documentsHeld).toBe((await store.listDocuments()).length);

      // A corrected title is quoted by the gaps: the document is read again.
      await store.updateDocumentMetadata(seed.parsed.document.id, { title: '广东省数字经济工作要点（修订）' });
      await check();

      await store.removeDocument(plans.foshan.parsed.document.id);
      await store.removeDocument(seed.parsed.document.id);
      await check();
      expect(engine.documentsHeld).toBe((await store.listDocuments()).length);
    });

    it('with a bound on documents (the small-task lane) keeps no more than it, and answers scopes larger than it', async () => {
      const reader = countingReader(store);
      const engine = new AnalyticsEngine(reader.read, 2);
      const ids = (await store.listDocuments()).map((document) => document.id);
      expect(ids.length).toBeGreaterThan(2);
      for (const id of ids) {
        await expectEqualToWhole(engine, store, { document: [id] });
        expect(engine.documentsHeld).toBeLessThanOrEqual(2);
      }
      await expectEqualToWhole(engine, store, { document: ids });
      expect(engine.documentsHeld).toBe(2);
      // The documents used last are the ones kept: asked again, they are not read again.
      const last = ids.at(-1) as string;
      await engine.run(await task(store, 'workload', { document: [last] }));
      reader.reads.length = 0;
      await engine.run(await task(store, 'workload', { document: [last] }));
      expect(reader.reads).toEqual([]);
    });

    it('answers from one snapshot, not from parts, when edges are filtered', async () => {
      const reader = countingReader(store);
      const engine = new AnalyticsEngine(reader.read);
      const edgeFilter: GraphFilter = { role: ['lead'], kind: ['department'] };
      const documents = (await store.listDocuments()).map(({ id, sha256, title }) => ({ id, sha256, title }));
      const report = await engine.run({ name: 'workload', options: {}, documents, wholeCorpus: true, edgeFilter });
      expect(report).toEqual(computeWorkload(await store.snapshot(edgeFilter)));
      expect(reader.reads).toHaveLength(1);
      expect(engine.documentsHeld).toBe(0);
    });
  });
}

describeIncremental(
  'incremental analytics in memory',
  async () => new MemoryStore(),
  (store) => store.close(),
);

describeNeo4j('incremental analytics on Neo4j', () => {
  describeIncremental(
    'on a real Neo4j',
    async () => {
      const driver = openTestDriver();
      await wipeNeo4j(driver);
      await driver.close();
      const store = new Neo4jStore(neo4jConfigFromEnv()!);
      await store.init();
      return store;
    },
    (store) => store.close(),
  );
});
