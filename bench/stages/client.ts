/**
 * Client: time from navigation to a settled network view in headless Chromium. The real explorer
 * (the production Vite build of client/) opens /network; a small server on 127.0.0.1 serves the
 * build and answers GET /api/network with a generated coordination network of the wanted size
 * (checked against the API's schema). The page says when its layout has settled
 * (`data-layout="settled"` on the graph container) and records each layout run as a
 * performance measure, which gives both figures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { LAYOUT_MEASURE } from '../../client/src/graphView/layouts';
import { NetworkResponseSchema } from '../../graph/api';
import { coordinationNetwork } from '../client/elements';
import type { StageResult } from '../lib/results';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
const BUILD_DIR = join(__dirname, '..', 'tmp', 'client');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const TARGET = { elements: 2000, ms: 2000 };

/**
 * The production build, as `npm run build:client` makes it (the Vite CLI: in-process under tsx,
 * Vite cannot resolve its own preload polyfill), written beside the bench so dist/client is left alone.
 */
function buildClient(): void {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--outDir', BUILD_DIR, '--emptyOutDir', '--logLevel', 'warn'];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build exited with ${result.status ?? result.signal}`);
}

/** What an empty store answers to the other calls the network view makes: the filter bar's documents, the saved views. */
const EMPTY_ANSWERS: Record<string, string> = { '/api/documents': '{"documents":[]}', '/api/views': '{"views":[]}' };

/** The build, with index.html for every route; the API calls the network view makes; 404 and a note for anything else. */
function serve(networkJson: () => string, unexpected: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/api/network') return void res.writeHead(200, { 'content-type': 'application/json' }).end(networkJson());
    const empty = EMPTY_ANSWERS[path];
    if (empty) return void res.writeHead(200, { 'content-type': 'application/json' }).end(empty);
    if (path.startsWith('/api/')) {
      unexpected.push(req.url ?? path);
      return void res.writeHead(404).end();
    }
    const file = normalize(join(BUILD_DIR, extname(path) ? path : 'index.html'));
    if (!file.startsWith(BUILD_DIR)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Run {
  /** performance.now() at layoutstop: from navigation start to a settled view. */
  ms: number;
  layoutMs: number;
  /** When the /api/network response had arrived, from navigation start: what the page spent before it can draw. */
  apiMs: number;
  /**
   * CPU time of the page's main thread by then (DevTools ThreadTime, read just after): on a shared
   * machine it varies far less with the load than the wall-clock figures.
   */
  cpuMs: number;
  /** Layout runs before the view settled (1 unless something re-ran it). */
  layoutRuns: number;
  nodes: number;
  edges: number;
  settings: Record<string, unknown>;
}

/** One navigation to /network, timed by the page's own layout measure. */
async function measure(browser: Browser, url: string, nodes: number): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Performance.enable');
    await page.goto(url);
    const container = page.locator(`.cy-container[data-nodes="${nodes}"][data-layout="settled"]`);
    await container.waitFor({ timeout: 300_000 });
    // Typed by hand: the bench typechecks without the DOM library.
    type Entry = { name: string; startTime: number; duration: number; detail?: unknown; responseEnd?: number };
    const { entries, apiMs } = await page.evaluate((name) => {
      const { performance } = globalThis as unknown as { performance: { getEntriesByName(n: string): Entry[]; getEntriesByType(t: string): Entry[] } };
      const network = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/network'));
      return {
        entries: performance.getEntriesByName(name).map(({ startTime, duration, detail }) => ({ startTime, duration, detail })),
        apiMs: network?.responseEnd ?? Number.NaN,
      };
    }, LAYOUT_MEASURE);
    const last = entries.at(-1);
    if (!last) throw new Error(`the view settled without a "${LAYOUT_MEASURE}" performance measure`);
    const { options } = last.detail as { options: Record<string, unknown> };
    const { metrics } = await devtools.send('Performance.getMetrics');
    const threadSeconds = metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN;
    return {
      apiMs,
      cpuMs: threadSeconds * 1000,
      ms: last.startTime + last.duration,
      layoutMs: last.duration,
      layoutRuns: entries.length,
      nodes: Number(await container.getAttribute('data-nodes')),
      edges: Number(await container.getAttribute('data-edges')),
      settings: options,
    };
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The layout settings that matter for speed, in a figure's name. */
function describeSettings(settings: Record<string, unknown>): string {
  const keys = ['name', 'quality', 'initialEnergyOnIncremental', 'nodeSeparation', 'nodeRepulsion', 'idealEdgeLength', 'animate'];
  return keys.filter((key) => key in settings).map((key) => `${key} ${String(settings[key])}`).join(', ');
}

export async function clientStage(mode: 'quick' | 'full'): Promise<StageResult> {
  const sizes = [500, 2000, 5000];
  // Three page loads per size for a median up to the target size, one above it (quick: one).
  const runsFor = (size: number) => (mode === 'quick' || size > TARGET.elements ? 1 : 3);
  buildClient();
  let current = '';
  const unexpected: string[] = [];
  const server = await serve(() => current, unexpected);
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  // Per size: the first run's counts and settings, the medians of the timings.
  const measurements: (Run & { elements: number; msRuns: number[] })[] = [];
  try {
    for (const size of sizes) {
      const network = NetworkResponseSchema.parse(coordinationNetwork(size));
      current = JSON.stringify(network);
      const runs: Run[] = [];
      for (let r = 0; r < runsFor(size); r++) {
        runs.push(await measure(browser, `http://127.0.0.1:${port}/network`, network.elements.nodes.length));
      }
      const { nodes, edges, settings, layoutRuns } = runs[0]!;
      const msRuns = runs.map((run) => run.ms);
      const [ms, layoutMs, apiMs, cpuMs] = [msRuns, ...(['layoutMs', 'apiMs', 'cpuMs'] as const).map((key) => runs.map((run) => run[key]))].map(
        median,
      ) as [number, number, number, number];
      measurements.push({ elements: size, nodes, edges, settings, layoutRuns, msRuns, ms, layoutMs, apiMs, cpuMs });
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (unexpected.length > 0) throw new Error(`the network view made API calls the bench does not answer: ${unexpected.join(', ')}`);
  return {
    stage: 'client',
    mode,
    figures: measurements.map((m) => ({
      name:
        `navigation → settled network view, ${m.elements} elements (${m.nodes} nodes, ${m.edges} edges); ` +
        `layout alone ${Math.round(m.layoutMs)} ms, page main-thread CPU ${Math.round(m.cpuMs)} ms; ${describeSettings(m.settings)}`,
      value: m.ms,
      unit: 'ms',
      ...(m.elements === TARGET.elements ? { target: `< ${TARGET.ms} ms at 2,000 elements`, met: m.ms < TARGET.ms } : {}),
    })),
    details: {
      method:
        'the production client build (vite.config.ts) opened at /network in headless /usr/bin/chromium via playwright-core, 1280×860; ' +
        'GET /api/network answered with a generated coordination network (bench/client/elements.ts, a third of the elements units), ' +
        `checked against NetworkResponseSchema; time = end of the page's "${LAYOUT_MEASURE}" performance measure (from navigation start), ` +
        'taken once the graph container says data-layout="settled"; layout alone = that measure\'s duration; cpuMs = the page\'s ' +
        'main-thread CPU time (DevTools Performance.getMetrics ThreadTime), steadier than wall time on a loaded machine; apiMs = when the ' +
        '/api/network response had arrived (resource timing); settings = the options the ' +
        'view ran (client/src/graphView/layouts.ts layoutOptions); median of 3 page loads per size up to 2,000 elements, 1 above (quick: 1)',
      measurements,
    },
  };
}
