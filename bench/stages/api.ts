/**
 * API and memory: the real server (server/main.ts) as its own process on the bench's Neo4j with
 * the corpus loaded; autocannon at 50 connections on /api/items/:id, /api/workload (the explorer's top 30
 * rows, and the whole ranking),
 * /api/network?mode=coordination and a scoped network; the server's resident memory sampled
 * throughout (VmHWM). Every figure twice: cold, the first request after an ingest (a small plan
 * posted through the API just before it), and warm, under load once the recomputation it started is over.
 * Item lookups are also timed uncached: right after the ingest, during that recomputation, and after it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { join, relative } from 'node:path';
import autocannon from 'autocannon';
import { createRandom } from '../synth';
import { analyticsHeapProfile } from '../lib/heapProfile';
import { RESULTS_DIR, timed, type Figure, type StageResult } from '../lib/results';
import { apiPath, defaultScope, explorerViews, type ViewContext, type ViewRequests } from '../lib/views';

const ROOT = join(__dirname, '..', '..');
const CONNECTIONS = 50;
/** The server's V8 heap limit: Node's default, as `npm start` runs it, unless BENCH_SERVER_HEAP_MB says otherwise. */
const SERVER_HEAP_MB = process.env.BENCH_SERVER_HEAP_MB ? Number(process.env.BENCH_SERVER_HEAP_MB) : undefined;
const HEAP_FLAGS = SERVER_HEAP_MB ? [`--max-old-space-size=${SERVER_HEAP_MB}`] : [];
/** More Node flags for the server, to profile it: BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'. */
const EXTRA_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const ADMIN_TOKEN = 'bench-admin-token-4f8a2c9e71d3b605';

/** A small plan, different per call: what a researcher adds to a loaded corpus. */
function smallPlan(n: number): string {
  return [`补充工作要点（第${n}批）`, '', '一、补充任务', '', `（一）推进补充任务${n}。完善工作机制。（省发展改革委牵头，省科技厅按职责分工负责）`, ''].join('\n');
}

/** Posts the `n`th small plan through the API, as a researcher adds one to the loaded corpus. */
async function ingestPlan(url: string, n: number, before: string): Promise<void> {
  const posted = await fetch(`${url}/api/documents?id=bench-ingest-${n}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'text/plain; charset=utf-8' },
    body: smallPlan(n),
  });
  if (!posted.ok) throw new Error(`ingest before ${before}: ${posted.status} ${await posted.text()}`);
}

/** Posts a plan, then times the first request of `path` after it, and how long until its answer is no longer stale. */
async function afterIngest(url: string, path: string, n: number): Promise<{ firstMs: number; firstStatus: number; firstStale: boolean; freshAfterMs: number | null }> {
  await ingestPlan(url, n, path);
  const started = performance.now();
  const ask = async () => {
    const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(1_800_000) });
    const body = (await response.json()) as { stale?: boolean };
    return { status: response.status, stale: body.stale === true };
  };
  const first = await ask();
  const firstMs = performance.now() - started;
  let latest = first;
  while (latest.stale && performance.now() - started < 600_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    latest = await ask();
  }
  return { firstMs, firstStatus: first.status, firstStale: first.stale, freshAfterMs: latest.stale ? null : performance.now() - started };
}

/** The figures of a run of one request per path. */
const onceFigures = (run: autocannon.Result) => ({
  requests: run.requests.total,
  p50: run.latency.p50,
  p90: run.latency.p90,
  p99: run.latency.p99,
  max: run.latency.max,
  non2xx: run.non2xx,
  requestsPerSecond: run.requests.total / (run.duration || 1),
});

/** Until the server's analytics threads compute nothing. */
async function analyticsIdle(url: string): Promise<void> {
  while ((await getJson<{ analyticsComputing: number }>(url, '/readyz')).analyticsComputing > 0) await new Promise((resolve) => setTimeout(resolve, 250));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, from /proc: current and peak (high-water mark), in MB. */
function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become ready within 5 minutes');
}

async function getJson<T>(url: string, path: string): Promise<T> {
  const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(1_800_000) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** What the explorer's views ask of this corpus with the default scope (bench/lib/views.ts). */
async function viewContext(url: string): Promise<ViewContext> {
  const { documents } = await getJson<{ documents: Array<{ id: string; jurisdiction?: { code: string } | null }> }>(url, apiPath('/documents'));
  const { scope, inScope } = defaultScope(documents);
  const { rows } = await getJson<{ rows: Array<{ unit: { id: string } }> }>(url, apiPath('/workload'));
  const { items } = await getJson<{ items: Array<{ id: string }> }>(url, apiPath('/items', { ...scope, pageSize: '1' }));
  const [old, next] = inScope;
  if (!rows[0] || !items[0] || !old || !next) throw new Error('the corpus has no unit, item or pair of plans in the default scope');
  return { scope, unitId: rows[0].unit.id, itemId: items[0].id, comparePair: [old.id, next.id], today: new Date().toISOString().slice(0, 10) };
}

/** A view still loading after this long has failed its reader, whatever its figure would be. */
const VIEW_TIMEOUT_MS = 120_000;

interface ViewTiming {
  view: string;
  /** Until the last of its requests answered, as the browser sends them: at once. */
  ms: number;
  statuses: number[];
  /** Its requests answered stale (an analysis served while a newer one is computed). */
  stale: string[];
}

/** Opens each view in turn, its requests at once; a view is ready when its last request answers. */
async function timeViews(url: string, views: ViewRequests[]): Promise<ViewTiming[]> {
  const timings: ViewTiming[] = [];
  for (const { view, paths } of views) {
    const started = performance.now();
    const answers = await Promise.all(
      paths.map(async (path) => {
        try {
          const response = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'gzip' }, signal: AbortSignal.timeout(VIEW_TIMEOUT_MS) });
          const body = (await response.json()) as { stale?: boolean };
          return { path, status: response.status, stale: body.stale === true };
        } catch {
          // Timed out (or the connection broke): the view failed; status 0 says so in the results.
          return { path, status: 0, stale: false };
        }
      }),
    );
    const ms = performance.now() - started;
    process.stderr.write(`[bench]   view ${view}: ${Math.round(ms)} ms\n`);
    timings.push({
      view,
      ms,
      statuses: answers.map((answer) => answer.status),
      stale: answers.filter((answer) => answer.stale).map((answer) => answer.path),
    });
  }
  return timings;
}

/** One figure per view against the reader's bar: ready within 1 s, every request answered 200. */
const viewFigures = (timings: ViewTiming[], when: string): Figure[] =>
  timings.map(({ view, ms, statuses, stale }) => ({
    name: `view ${view}, ${when}${stale.length > 0 ? ` (${stale.length} served stale)` : ''}`,
    value: ms,
    unit: 'ms',
    target: '< 1 s',
    met: ms < 1000 && statuses.every((status) => status === 200),
  }));

/**
 * The load generator's own heap, the most seen as a run began: autocannon measures from this process, so its
 * garbage collection pauses would count as server latency were the heap large (bench/run.ts frees the corpus).
 */
let generatorHeapMB = 0;

/** `seconds` of load over `paths` in turn, or with `once`, exactly one request per path. */
function cannon(url: string, paths: string[], seconds: number, once = false): Promise<autocannon.Result> {
  // The load generator shares this process: its garbage is collected before a run, not during it (npm run bench passes --expose-gc).
  global.gc?.();
  generatorHeapMB = Math.max(generatorHeapMB, process.memoryUsage().heapUsed / 1e6);
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    ...(once ? { amount: paths.length } : { duration: seconds }),
    timeout: 120,
    // As every browser does: large answers (the 1 MB workload table) then travel gzipped, compressed once per answer.
    headers: { 'accept-encoding': 'gzip' },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
}

export async function apiStage(mode: 'quick' | 'full', uri: string, itemIds: string[]): Promise<{ api: StageResult; memory: StageResult }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...HEAP_FLAGS, ...EXTRA_NODE_ARGS, '--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri, PORT: String(port), LOAD_SEEDS: 'false', ADMIN_TOKEN, WRITE_RATE_PER_MINUTE: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(memoryOf(child.pid!).rssMB), 250);
  try {
    await waitReady(url, child);
    const atStart = memoryOf(child.pid!);
    // The views are computed at start, before anyone asks: how long until the workload is there, and until every
    // default view is (/readyz counts the analyses still being computed), without asking any of them.
    const precomputed = await timed(async () => {
      for (;;) {
        const response = await fetch(`${url}/api/workload`, { signal: AbortSignal.timeout(1_800_000) });
        if (response.ok && ((await response.json()) as { stale: boolean }).stale === false) return response.status;
      }
    });
    const precomputedAll = await timed(async () => {
      await analyticsIdle(url);
      return 200;
    });
    const random = createRandom(99);
    const itemPaths = Array.from({ length: 2000 }, () => `/api/items/${encodeURIComponent(random.pick(itemIds))}`);
    // Another 2,000 for the uncached run once the analytics are idle again, none asked before.
    const asked = new Set(itemPaths);
    const quietItemPaths = Array.from({ length: 2000 }, () => `/api/items/${encodeURIComponent(random.pick(itemIds))}`).filter((path) => !asked.has(path));
    const scopeDocuments = [...new Set(itemIds.map((id) => id.slice(0, id.lastIndexOf('/item-'))))].slice(0, 3);
    const scopedNetwork = `/api/network?mode=coordination&document=${scopeDocuments.map(encodeURIComponent).join(',')}`;
    const endpoints = [
      { name: '/api/items/:id', paths: itemPaths, quietPaths: quietItemPaths, target: '< 50 ms' },
      // What the explorer asks (its top rows, client/src/views/workload), and the whole ranking (exports, tools).
      { name: '/api/workload?limit=30', paths: ['/api/workload?limit=30'], target: '< 50 ms' },
      { name: '/api/workload, the whole ranking', paths: ['/api/workload'], target: undefined },
      { name: '/api/network?mode=coordination', paths: ['/api/network?mode=coordination'], target: undefined },
      { name: `/api/network?mode=coordination, scoped to ${scopeDocuments.length} documents`, paths: [scopedNetwork], target: '< 200 ms' },
    ];
    const targetMs = (target: string | undefined) => (target === '< 200 ms' ? 200 : 50);
    let ingests = 0;
    const seconds = mode === 'quick' ? 3 : 20;
    const figures: Figure[] = [];
    const details: Record<string, unknown> = {};
    // Every view of the explorer as a reader opens it: first on the loaded corpus (nothing asked yet but
    // what the server computes at start), then again right after an ingest, while the analytics recompute.
    const views = explorerViews(await viewContext(url));
    const viewsFirstOpen = await timeViews(url, views);
    await ingestPlan(url, ++ingests, 'the views');
    const viewsAfterIngest = await timeViews(url, views);
    figures.push(...viewFigures(viewsFirstOpen, 'first opened'), ...viewFigures(viewsAfterIngest, 'opened right after an ingest'));
    details.views = { firstOpen: viewsFirstOpen, afterIngest: viewsAfterIngest, requests: views };
    for (const endpoint of endpoints) {
      // Cold: the first request after an ingest, timed on its own (analytics answer at once, stale, while the
      // new answer is computed; how long that takes is freshAfterMs). Then the same again: the first request ever.
      const cold = await afterIngest(url, endpoint.paths[0]!, ++ingests);
      figures.push({
        name: `${endpoint.name} first request after an ingest (cold)${cold.firstStale ? ', served stale while recomputed' : ''}`,
        value: cold.firstMs,
        unit: 'ms',
        target: '< 1 s',
        met: cold.firstMs < 1000 && cold.firstStatus === 200,
      });
      if (cold.freshAfterMs !== null) figures.push({ name: `${endpoint.name} fresh answer after an ingest`, value: cold.freshAfterMs, unit: 'ms' });
      const first = await timed(async () => (await fetch(`${url}${endpoint.paths[0]}`, { signal: AbortSignal.timeout(1_800_000) })).status);
      // Item details are cached per id: one request per distinct id first, every one a read from Neo4j, is the
      // uncached figure; the timed run after it finds them cached, as repeated lookups of one corpus do.
      // Run twice: right after the ingest, while the analytics thread recomputes the whole corpus beside it, and
      // again on other ids once nothing recomputes.
      const uncached = endpoint.paths.length > 1 ? await cannon(url, endpoint.paths, seconds, true) : undefined;
      let uncachedQuiet: autocannon.Result | undefined;
      if (uncached) {
        figures.push(
          { name: `${endpoint.name} p99 at ${CONNECTIONS} connections, uncached, right after an ingest while the analytics recompute (first request for each of ${endpoint.paths.length} ids)`, value: uncached.latency.p99, unit: 'ms', target: endpoint.target, met: uncached.latency.p99 < targetMs(endpoint.target) && uncached.non2xx === 0 },
          { name: `${endpoint.name} p50, uncached, right after an ingest`, value: uncached.latency.p50, unit: 'ms' },
        );
      }
      if (endpoint.quietPaths) {
        await analyticsIdle(url);
        uncachedQuiet = await cannon(url, endpoint.quietPaths, seconds, true);
        figures.push(
          { name: `${endpoint.name} p99 at ${CONNECTIONS} connections, uncached, nothing recomputing (first request for each of ${endpoint.quietPaths.length} other ids)`, value: uncachedQuiet.latency.p99, unit: 'ms', target: endpoint.target, met: uncachedQuiet.latency.p99 < targetMs(endpoint.target) && uncachedQuiet.non2xx === 0 },
          { name: `${endpoint.name} p50, uncached, nothing recomputing`, value: uncachedQuiet.latency.p50, unit: 'ms' },
        );
      }
      // Warm: once the recomputation the ingest started is over (served stale meanwhile, as the cold figures show).
      await analyticsIdle(url);
      const result = await cannon(url, endpoint.paths, seconds);
      // When no request completes inside the window, the latency is at least the window.
      const completed = result.requests.total > 0;
      const { p50, p99 } = completed ? result.latency : { p50: seconds * 1000, p99: seconds * 1000 };
      figures.push(
        {
          name: `${endpoint.name} p99 at ${CONNECTIONS} connections, warm${uncached ? ', cached' : ''}${completed ? '' : ` (no request completed in ${seconds} s: lower bound)`}`,
          value: p99,
          unit: 'ms',
          ...(endpoint.target ? { target: endpoint.target, met: completed && p99 < targetMs(endpoint.target) && result.non2xx === 0 } : {}),
        },
        { name: `${endpoint.name} p50`, value: p50, unit: 'ms' },
        { name: `${endpoint.name} throughput`, value: result.requests.average, unit: 'req/s' },
      );
      details[endpoint.name] = {
        cold,
        firstRequestMs: first.ms,
        ...(uncached ? { uncached: onceFigures(uncached) } : {}),
        ...(uncachedQuiet ? { uncachedNothingRecomputing: onceFigures(uncachedQuiet) } : {}),
        firstStatus: first.value,
        p50,
        p90: result.latency.p90,
        p99,
        max: result.latency.max,
        requestsPerSecond: result.requests.average,
        requests: result.requests.total,
        non2xx: result.non2xx,
        statusCodes: result.statusCodeStats,
        errors: result.errors,
        timeouts: result.timeouts,
        memoryAfterMB: memoryOf(child.pid!).rssMB,
      };
    }
    const end = memoryOf(child.pid!);
    const peakMB = Math.max(end.peakMB, ...samples);
    // What the whole-corpus analytics thread holds, profiled in a process of its own once the server is gone.
    clearInterval(sampler);
    child.kill('SIGTERM');
    await once(child, 'exit');
    const heapProfileFile = join(RESULTS_DIR, `${mode === 'quick' ? 'quick-' : ''}analytics-thread.heapprofile`);
    const heap = analyticsHeapProfile(uri, heapProfileFile);
    const afterAll = heap.analyses[heap.analyses.length - 1];
    return {
      api: {
        stage: 'api',
        mode,
        figures,
        details: { connections: CONNECTIONS, secondsPerEndpoint: seconds, precomputedAtStartMs: precomputed.ms, everyDefaultViewAtStartMs: precomputed.ms + precomputedAll.ms, server: `server/main.ts on Neo4j (NEO4J_URI), LOG_LEVEL default, ${HEAP_FLAGS[0] ?? 'Node’s default heap limit (as npm start)'}`,
        client: `autocannon in the bench process (its heap at most ${Math.round(generatorHeapMB)} MB used as a run began, after a full collection), Accept-Encoding: gzip (as browsers send it)`, endpoints: details },
      },
      memory: {
        stage: 'memory',
        mode,
        figures: [
          { name: 'server peak RSS serving the corpus', value: peakMB, unit: 'MB' },
          { name: 'the whole corpus’s analyses alone (the analytics thread’s work, in a process of its own): peak RSS', value: heap.peakRssMB, unit: 'MB' },
          { name: 'the same: V8 heap used after them', value: afterAll?.heapUsedMB ?? 0, unit: 'MB' },
          { name: 'the same: typed arrays after them (outside the heap)', value: afterAll?.arrayBuffersMB ?? 0, unit: 'MB' },
        ],
        details: {
          analyticsThreadHeapProfile: {
            ...heap,
            file: relative(ROOT, heapProfileFile),
            method:
              'bench/lib/heapProfile.ts: the AnalyticsEngine the worker runs, on the whole-corpus analyses the server computes at start, under V8’s sampling heap profiler (32 KiB); memory after each analysis and a full GC; live bytes by allocation site',
          },
          afterStartMB: atStart.rssMB,
          afterEachEndpointMB: Object.fromEntries(Object.entries(details).map(([k, v]) => [k, (v as { memoryAfterMB: number }).memoryAfterMB])),
          peakMB,
          method: 'VmHWM and VmRSS of the server process from /proc, sampled every 250 ms during the API stage',
        },
      },
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
  }
}
