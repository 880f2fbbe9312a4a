/**
 * Analytics ready before anyone asks (server/precomputed.ts) through the HTTP API, on the embedded store
 * with the real analytics worker: after a write the views are recomputed in the background; until then a
 * read gets the last complete answer with `stale: true`, the data version it reflects and Retry-After
 * (the OpenAPI document describes both, and every answer here is checked against it); a request never
 * answered before waits for its first answer, within the cap; another instance's write is noticed by the
 * refresh; exports are made in the worker too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import type { Express } from 'express';
import type { z } from 'zod';
import { CommunitiesResponseSchema, GapsResponseSchema, MetricsResponseSchema, NetworkResponseSchema, WorkloadResponseSchema } from '../../graph/api';
import { computeNetworkMetrics } from '../../graph/analytics';
import { loadSeeds } from '../../graph/ingest';
import { AnalyticsPool, type AnalysisSource, type AnalysisTask } from '../../graph/precompute';
import { ANALYTICS_NICE } from '../../graph/precompute/priority';
import { MemoryStore } from '../../graph/store';
import { pendingDataVersion } from '../../graph/store/results';
import { DEFAULT_READ_CACHE } from '../../server/readCache';
import { ADMIN_TOKEN, caller, createTestApp, OpenApiConformance, registry, smallPlan } from './harness';

/** The real worker, with a gate that holds computations while closed, and a count of what it ran. */
class GatedPool extends AnalyticsPool {
  ran: string[] = [];
  /** The tasks done, in the order they were done. */
  done: AnalysisTask[] = [];
  private opened: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  private holds: (task: AnalysisTask) => boolean = () => true;

  /** Holds the tasks `holds` picks (all by default) until the gate opens. */
  closeGate(holds: (task: AnalysisTask) => boolean = () => true): void {
    this.holds = holds;
    this.opened = new Promise((resolve) => (this.release = resolve));
  }

  openGate(): void {
    this.release();
  }

  override async run(task: AnalysisTask, source: AnalysisSource) {
    if (this.holds(task)) await this.opened;
    const answer = await super.run(task, source);
    // Counted once done, so that a test waiting on `ran` waits for the answers, not for their start.
    this.ran.push(task.name);
    this.done.push(task);
    return answer;
  }
}

/** The analyses served stale after a write, with the schema each answer is checked against. */
const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  '/api/workload': WorkloadResponseSchema,
  '/api/gaps': GapsResponseSchema,
  '/api/metrics': MetricsResponseSchema,
  '/api/communities': CommunitiesResponseSchema,
  '/api/network': NetworkResponseSchema,
};

/** Polls until `check` holds (the background work has no event to wait on from outside). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('did not happen in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An app refreshing every `refreshMs` on its own store, asked once its default views are in. */
async function refreshingApp(store: MemoryStore, pool: GatedPool, refreshMs: number) {
  const { app } = createTestApp(store, { analyticsPool: pool, analyticsRefreshMs: refreshMs, readCache: { ...DEFAULT_READ_CACHE, versionMaxAgeMs: 0 } });
  const ask = caller(app, await OpenApiConformance.of(app));
  await eventually(async () => (await ask('get', '/api/gaps')).body.stale === false);
  return ask;
}

/** A plan written as another server instance on the same database would: straight into the store. */
async function writeAsAnotherInstance(store: MemoryStore, title: string, id: string): Promise<void> {
  const parsed = (await import('../../graph/parse')).parseDocument(smallPlan(title), { source: `${id}.txt`, id, registry: registry() });
  await store.loadDocument(parsed, registry().unitsFor(parsed));
}

describe('precomputed analytics over HTTP', () => {
  jest.setTimeout(60_000);
  let pool: GatedPool;
  let store: MemoryStore;
  let app: Express;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    pool = new GatedPool();
    store = new MemoryStore();
    await loadSeeds(store, registry());
    ({ app } = createTestApp(store, { analyticsPool: pool, readCache: { ...DEFAULT_READ_CACHE, maxConcurrentAnalyses: 2 } }));
    call = caller(app, await OpenApiConformance.of(app));
  });
  afterAll(async () => {
    await pool.close();
    await store.close();
  });

  test('the default views are computed at start, before anyone asks', async () => {
    const defaults = ['workload', 'gaps', 'network', 'cytoscape', 'places', 'timeline', 'due', 'unmeasured'];
    await eventually(async () => pool.ran.length >= defaults.length);
    expect(new Set(pool.ran)).toEqual(new Set(defaults));
    const ran = pool.ran.length;
    const workload = await call('get', '/api/workload');
    expect(workload.status).toBe(200);
    expect(workload.body).toMatchObject({ stale: false, dataVersion: await store.dataVersion() });
    expect(workload.headers['retry-after']).toBeUndefined();
    expect(pool.ran.length).toBe(ran);
  });

  test('the analytics thread alone runs at a lower priority: the server’s own thread keeps its own', () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (fields counted after the command's parentheses).
    const niceOf = (tid: string) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const own = getPriority(0);
    expect(niceOf(String(process.pid))).toBe(own);
    const reniced = readdirSync('/proc/self/task').filter((tid) => niceOf(tid) === Math.max(own, ANALYTICS_NICE));
    // The worker ran the default views in the first test, so its thread is there.
    expect(reniced.length).toBeGreaterThanOrEqual(1);
    expect(own < ANALYTICS_NICE ? reniced : []).not.toContain(String(process.pid));
  });

  test('after an ingest the last answer is served stale with Retry-After until the new one is complete, then refreshed', async () => {
    type Workload = { dataVersion: string; rows: Array<{ unit: { id: string }; counts: { lead: number } }> };
    const leadsOf = (workload: Workload, unitId: string) => workload.rows.find((row) => row.unit.id === unitId)?.counts.lead ?? 0;
    const before = (await call('get', '/api/workload')).body as Workload;
    const paths = Object.keys(RESPONSE_SCHEMAS);
    const freshBefore = new Map(await Promise.all(paths.map(async (path) => [path, (await call('get', path)).text] as const)));
    pool.closeGate();
    const ingested = await call('post', '/api/documents?id=precomputed-plan', { text: smallPlan('预计算'), token: ADMIN_TOKEN });
    expect(ingested.status).toBe(201);
    const after = await store.dataVersion();
    expect(after).not.toBe(before.dataVersion);

    for (const [path, schema] of Object.entries(RESPONSE_SCHEMAS)) {
      const stale = await call('get', path);
      expect(stale.status).toBe(200);
      expect(stale.body).toMatchObject({ stale: true, dataVersion: before.dataVersion });
      expect(Number(stale.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Made from the fresh answer's bytes with another tail (server/endpoint.ts): byte for byte what checking and
      // serialising the stale report in full gives.
      const fresh = JSON.parse(freshBefore.get(path)!) as object;
      expect(stale.text).toBe(JSON.stringify(schema.parse({ ...fresh, stale: true })));
    }

    pool.openGate();
    await eventually(async () => (await call('get', '/api/workload')).body.stale === false);
    const fresh = await call('get', '/api/workload');
    expect(fresh.body).toMatchObject({ stale: false, dataVersion: after });
    expect(fresh.headers['retry-after']).toBeUndefined();
    // The new plan's first item is led by 省发展改革委.
    expect(leadsOf(fresh.body as Workload, 'gd.dept.development-reform')).toBe(leadsOf(before, 'gd.dept.development-reform') + 1);
  });

  test('a large answer sent gzipped is the identity answer, compressed', async () => {
    const identity = await call('get', '/api/network?mode=bipartite', { headers: { 'Accept-Encoding': 'identity' } });
    // Large enough to be compressed (answers under 8 KiB go as they are).
    expect(identity.text.length).toBeGreaterThan(8 * 1024);
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (let round = 0; round < 2; round++) {
      // The second time the kept compression is sent; superagent inflates it, as a browser would.
      const gzipped = await call('get', '/api/network?mode=bipartite', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.etag).toBe(identity.headers.etag);
      expect(gzipped.text).toBe(identity.text);
    }
  });

  test('a request never answered before waits for its first answer; beyond the cap it is refused with 503 and Retry-After', async () => {
    pool.closeGate();
    const waiting = [2, 3].map((factor) => call('get', `/api/workload?overloadFactor=${factor}`));
    // Let both reach the worker's gate before the third arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await call('get', '/api/workload?overloadFactor=4');
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: 'analytics_busy' } });
    expect(refused.headers['retry-after']).toBe('2');
    pool.openGate();
    const answered = await Promise.all(waiting);
    expect(answered.map((response) => [response.status, response.body.stale, response.body.parameters.overloadFactor])).toEqual([
      [200, false, 2],
      [200, false, 3],
    ]);
  });

  test('a first scoped answer does not wait for the whole corpus’s partition: it comes stale, then numbered after that partition', async () => {
    const wholeCorpusPartition = (task: AnalysisTask) => task.name === 'network' && task.wholeCorpus;
    const [seed] = await store.listDocuments();
    pool.closeGate(wholeCorpusPartition);
    expect((await call('post', '/api/documents?id=partition-plan', { text: smallPlan('分区', '省科技厅牵头，省财政厅按职责分工负责'), token: ADMIN_TOKEN })).status).toBe(201);
    const version = await store.dataVersion();
    const path = `/api/metrics?document=${seed!.id}`;
    // Never asked before: answered while the whole corpus's partition at this version is held, numbered after the
    // partition remembered before, so stale with Retry-After.
    const first = await call('get', path);
    expect(first.body).toMatchObject({ stale: true, dataVersion: version });
    expect(Number(first.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const partitionsBefore = pool.done.filter(wholeCorpusPartition).length;
    pool.openGate();
    await eventually(async () => (await call('get', path)).body.stale === false);
    expect(pool.done.filter(wholeCorpusPartition).length).toBe(partitionsBefore + 1);
    const response = await call('get', path);
    expect(response.body).toMatchObject({ stale: false, dataVersion: version });
    const remembered = await store.communityMemory();
    const expected = computeNetworkMetrics(await store.snapshot({ document: [seed!.id] }), {}, remembered);
    expect(response.body.partition.communities.map((community: { id: number; members: string[] }) => [community.id, community.members])).toEqual(
      expected.partition.communities.map((community) => [community.id, community.members]),
    );
  });

  test('a write through another instance is noticed by the refresh, and the views are computed before anyone asks', async () => {
    const other = new MemoryStore();
    await loadSeeds(other, registry());
    const pooled = new GatedPool();
    try {
      const ask = await refreshingApp(other, pooled, 100);
      const ran = pooled.ran.length;
      await writeAsAnotherInstance(other, '另一实例', 'other-instance');
      await eventually(async () => pooled.ran.length >= ran + 4);
      // The refresh computed it unasked; an answer is stored a few ticks after its job ends, and a stale read
      // in between is answered from the last one without starting a job, so polling does not compute it.
      const version = await other.dataVersion();
      await eventually(async () => (await ask('get', '/api/gaps')).body.dataVersion === version);
      const gaps = await ask('get', '/api/gaps');
      expect(gaps.body).toMatchObject({ stale: false, dataVersion: version });
    } finally {
      await pooled.close();
      await other.close();
    }
  });

  test('a write another instance is still making visible (a pending version) is not computed: the last answers are served stale until it settles', async () => {
    /** As Neo4j shows a write between its commit and the settling of its version (graph/store/results.ts). */
    class SettlingStore extends MemoryStore {
      pendingVersion: string | undefined;
      override async dataVersion() {
        return this.pendingVersion ?? super.dataVersion();
      }
    }
    const other = new SettlingStore();
    await loadSeeds(other, registry());
    const pooled = new GatedPool();
    try {
      const ask = await refreshingApp(other, pooled, 50);
      await eventually(async () => (await ask('get', '/readyz')).body.analyticsComputing === 0);
      const before = await other.dataVersion();
      other.pendingVersion = pendingDataVersion(before);
      await writeAsAnotherInstance(other, '待定版本', 'pending-version');
      const ran = pooled.ran.length;
      // Many refresh ticks, and a read of every default view: none starts a computation at the pending version.
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const path of ['/api/workload', '/api/gaps', '/api/network']) {
        const answer = await ask('get', path);
        expect(answer.body).toMatchObject({ stale: true, dataVersion: before });
        expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      expect(await ask('get', '/readyz')).toMatchObject({ body: { analyticsComputing: 0 } });
      expect(pooled.ran.length).toBe(ran);
      // Settled: the refresh computes the views for it.
      other.pendingVersion = undefined;
      const settled = await other.dataVersion();
      await eventually(async () => (await ask('get', '/api/gaps')).body.dataVersion === settled);
      expect((await ask('get', '/api/gaps')).body).toMatchObject({ stale: false, dataVersion: settled });
    } finally {
      await pooled.close();
      await other.close();
    }
  });

  test('the default views are kept whatever the answer cache holds: after a write they are served stale at once', async () => {
    const other = new MemoryStore();
    await loadSeeds(other, registry());
    const pooled = new GatedPool();
    try {
      // A cache too small for any answer: only the default views' last answers are kept.
      const { app: small } = createTestApp(other, { analyticsPool: pooled, readCache: { ...DEFAULT_READ_CACHE, analysisBytes: 1 } });
      const ask = caller(small, await OpenApiConformance.of(small));
      // With plans of one jurisdiction the explorer opens on the whole corpus: its where-and-by-when reports are defaults too.
      const paths = ['/api/workload', '/api/gaps', '/api/metrics', '/api/network', '/api/places', '/api/timeline', '/api/deadlines/due', '/api/commitments/unmeasured'];
      // Every default view computed once (they are computed at start in no fixed order).
      await eventually(async () => (await Promise.all(paths.map((path) => ask('get', path)))).every((answer) => answer.body.stale === false));
      const before = await other.dataVersion();
      pooled.closeGate();
      const ingested = await ask('post', '/api/documents?id=small-cache-plan', { text: smallPlan('小缓存'), token: ADMIN_TOKEN });
      expect(ingested.status).toBe(201);
      // With the gate closed nothing new is computed: an answer not kept would wait here until the gate opens.
      const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000));
      for (const path of paths) {
        const answered = await Promise.race([ask('get', path), waited]);
        expect(answered === 'waited' ? answered : answered.body).toMatchObject({ stale: true, dataVersion: before });
      }
      pooled.openGate();
    } finally {
      await pooled.close();
      await other.close();
    }
  });

  test('with plans of several jurisdictions, the default jurisdiction’s views (the explorer opens on them) are computed before anyone asks', async () => {
    const pooled = new GatedPool();
    const other = new MemoryStore();
    try {
      await loadSeeds(other, registry());
      const { app: several } = createTestApp(other, { analyticsPool: pooled });
      const ask = caller(several, await OpenApiConformance.of(several));
      // Two Foshan plans beside the seed's one Guangdong plan: Foshan has the most, so the explorer opens on it.
      for (const id of ['foshan-a', 'foshan-b']) {
        expect((await ask('post', `/api/documents?id=${id}&jurisdiction=440600`, { text: smallPlan(id), token: ADMIN_TOKEN })).status).toBe(201);
      }
      const scoped = (name: string) => pooled.done.some((task) => task.name === name && task.documents.map((d) => d.id).join() === 'foshan-a,foshan-b');
      await eventually(async () => ['workload', 'gaps', 'network', 'cytoscape', 'places', 'timeline', 'due', 'unmeasured'].every(scoped));
      // And the rest of that refresh (the whole corpus's views) finished too.
      await eventually(async () => (await ask('get', '/readyz')).body.analyticsComputing === 0);
      const ran = pooled.done.length;
      const scope = 'jurisdiction=440600&includeWithin=false';
      const whereAndByWhen = [`/api/places?${scope}`, `/api/timeline?${scope}&limit=5&offset=0`, `/api/deadlines/due?${scope}`, `/api/commitments/unmeasured?${scope}&limit=50&offset=0`];
      for (const path of [`/api/workload?${scope}&limit=30`, `/api/gaps?${scope}`, `/api/metrics?${scope}`, `/api/communities?${scope}`, `/api/network?mode=coordination&${scope}&limit=2000`, ...whereAndByWhen]) {
        const answer = await ask('get', path);
        expect([path, answer.status, answer.body.stale]).toEqual([path, 200, false]);
      }
      // A place's items are cut from the same report (no item of these small plans touches a district: a 404).
      const tile = (await ask('get', `/api/places?${scope}`)).body.tiles[0].code as string;
      expect((await ask('get', `/api/places/${tile}?${scope}`)).status).toBe(404);
      // Answered from what was computed before: nothing new ran for them.
      expect(pooled.done.length).toBe(ran);
    } finally {
      await pooled.close();
      await other.close();
    }
  });

  test('a server started on plans of several jurisdictions computes the where-and-by-when reports of the explorer’s scope alone', async () => {
    const pooled = new GatedPool();
    const other = new MemoryStore();
    try {
      await loadSeeds(other, registry());
      const { parseDocument } = await import('../../graph/parse');
      for (const id of ['foshan-c', 'foshan-d']) {
        const parsed = parseDocument(smallPlan(id), { source: `${id}.txt`, id, registry: registry(), jurisdiction: '440600' });
        await other.loadDocument(parsed, registry().unitsFor(parsed));
      }
      const { app: several } = createTestApp(other, { analyticsPool: pooled });
      const ask = caller(several, await OpenApiConformance.of(several));
      await eventually(async () => pooled.done.some((task) => task.name === 'places') && (await ask('get', '/readyz')).body.analyticsComputing === 0);
      const reports = pooled.done.filter((task) => ['places', 'timeline', 'due', 'unmeasured'].includes(task.name));
      // Each once, of Foshan's two plans: the views of no plans, set before the first refresh, are not computed.
      expect(reports.map((task) => [task.name, task.documents.map((d) => d.id).join()]).sort()).toEqual(
        ['due', 'places', 'timeline', 'unmeasured'].map((name) => [name, 'foshan-c,foshan-d']),
      );
    } finally {
      await pooled.close();
      await other.close();
    }
  });

  test('exports are made in the worker', async () => {
    const ran = pool.ran.length;
    const response = await call('get', '/api/export/csv-workload');
    expect(response.status).toBe(200);
    expect(response.text).toContain('gd.dept.development-reform');
    // The provenance travels in the header, not in the CSV.
    expect(JSON.parse(response.headers['x-provenance']!).documents.map((d: { id: string }) => d.id)).toContain('precomputed-plan');
    expect(pool.ran.slice(ran)).toContain('export');
  });
});
