/**
 * The analytics pool's two lanes (graph/precompute/pool.ts), with the real worker: a small scope is answered
 * while the whole corpus's task holds the other thread; a scope beyond the bound queues behind it; a thread
 * past its heap limit fails its task with AnalyticsOutOfMemoryError, and so do the next ones, without a hang.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { computeWorkload } from '../../graph/analytics';
import { loadSeeds } from '../../graph/ingest';
import { AnalyticsPool, type AnalysisSource, type AnalysisTask } from '../../graph/precompute';
import { loadRegistry } from '../../graph/registry';
import { MemoryStore } from '../../graph/store';
import { loadFixtures } from '../store/fixtures';
import { ANALYTICS_GATE } from '../support/analyticsGate';

jest.setTimeout(60_000);

const fixtures = loadFixtures();

async function workloadTask(store: MemoryStore, documentIds?: string[]): Promise<AnalysisTask> {
  const documents = (await store.listDocuments(documentIds ? { document: documentIds } : {})).map(({ id, sha256, title }) => ({ id, sha256, title }));
  return { name: 'workload', options: {}, documents, wholeCorpus: !documentIds, edgeFilter: {} };
}

const support = (file: string) => join(__dirname, '..', 'support', file);

describe('analytics lanes', () => {
  let store: MemoryStore;
  let source: AnalysisSource;
  let ids: string[];

  beforeAll(async () => {
    store = new MemoryStore();
    await loadSeeds(store, loadRegistry());
    for (const fixture of [fixtures.second, fixtures.plans.foshan]) await store.loadDocument(fixture.parsed, fixture.units);
    source = { snapshotOf: (filter) => store.snapshot(filter), commitmentsOf: (scope) => store.commitments(scope) };
    ids = (await store.listDocuments()).map((document) => document.id);
  });
  afterAll(() => store.close());

  test('a small scope is answered while the whole corpus holds its thread; a larger scope waits behind it', async () => {
    const pool = new AnalyticsPool({ smallScopeDocuments: 1, workerFile: support('gatedAnalyticsWorker.ts') });
    const gate = new BroadcastChannel(ANALYTICS_GATE);
    try {
      const held = new Promise<void>((resolve) => {
        gate.onmessage = (event) => {
          if ((event as MessageEvent).data === 'held') resolve();
        };
      });
      const whole = pool.run(await workloadTask(store), source);
      await held;
      const large = pool.run(await workloadTask(store, ids.slice(0, 2)), source);

      const small = await pool.run(await workloadTask(store, ids.slice(0, 1)), source);
      expect(small.report).toEqual(computeWorkload(await store.snapshot({ document: ids.slice(0, 1) })));
      // The two-document scope is in the whole-corpus lane's queue, behind the held task.
      expect(pool.laneOf(await workloadTask(store, ids.slice(0, 2)))).toBe('whole-corpus');
      expect(pool.queued).toBe(1);

      gate.postMessage('open');
      expect((await whole).report).toEqual(computeWorkload(await store.snapshot({})));
      expect((await large).report).toEqual(computeWorkload(await store.snapshot({ document: ids.slice(0, 2) })));
    } finally {
      gate.close();
      await pool.close();
    }
  });

  test('the whole corpus and large scopes run in the whole-corpus lane, small scopes in the small one', async () => {
    const pool = new AnalyticsPool({ smallScopeDocuments: 2, smallLaneDocuments: 2 });
    expect(pool.laneOf(await workloadTask(store))).toBe('whole-corpus');
    expect(pool.laneOf(await workloadTask(store, ids.slice(0, 2)))).toBe('small');
    expect(pool.laneOf(await workloadTask(store, ids.slice(0, 3)))).toBe('whole-corpus');
    expect(() => new AnalyticsPool({ smallScopeDocuments: 3, smallLaneDocuments: 2 })).toThrow(/keeps 2 documents, fewer than the 3 of a small scope/);
    await pool.close();
  });

  test.each([
    ['while running a task', 'memoryHogWorker.ts'],
    ['while starting', 'startupHogWorker.ts'],
  ])('a thread past its heap limit %s fails its task with a clear error, and the next tasks too, without a hang', async (_, file) => {
    // In a process of its own, without jest's --max-old-space-size (which V8 would apply to the threads too).
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', support('heapLimitScenario.ts'), file], {
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 50_000,
    });
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual(
      [
        ['whole-corpus', 'workload'],
        ['whole-corpus', 'gaps'],
        ['small', 'network'],
      ].map(([lane, analysis]) => ({
        ok: false,
        name: 'AnalyticsOutOfMemoryError',
        message: `the ${lane} analytics thread ran out of its 16 MiB heap computing ${analysis} over 1 document(s) and was stopped`,
      })),
    );
  });
});
