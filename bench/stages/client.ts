/**
 * Client: time from navigation to a settled fCoSE layout in headless Chromium, with the client's
 * own layout settings and stylesheet (bench/client/), served from 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { coordinationElements } from '../client/elements';
import type { Settled } from '../client/main';
import type { StageResult } from '../lib/results';

const CHROMIUM = '/usr/bin/chromium';
const BUILD_DIR = join(__dirname, '..', 'tmp', 'client');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function buildPage(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(__dirname, '..', 'client'),
    build: { outDir: BUILD_DIR, emptyOutDir: true, chunkSizeWarningLimit: 5000, modulePreload: { polyfill: false } },
  });
}

function serve(elementsJson: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/elements.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(elementsJson());
      return;
    }
    const file = normalize(join(BUILD_DIR, path === '/' ? 'index.html' : path));
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The client's own settings (the figure the target is about), and a candidate measured beside
 * them so the client can see what a change would buy.
 */
export const LAYOUT_VARIANTS: { name: string; overrides: Record<string, unknown> }[] = [
  { name: 'client settings (client/src/graphView/layouts.ts)', overrides: {} },
  { name: 'candidate: quality draft (spectral placement only, no force-directed polish)', overrides: { quality: 'draft' } },
];

export async function clientStage(mode: 'quick' | 'full'): Promise<StageResult> {
  const sizes = mode === 'quick' ? [500, 2000] : [500, 2000, 5000];
  // Three page loads per size for a median, one at 5,000 elements where a single load takes minutes here.
  const runsFor = (size: number) => (mode === 'quick' || size > 2000 ? 1 : 3);
  await buildPage();
  let current = '[]';
  const server = await serve(() => current);
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const measurements: { variant: string; elements: number; nodes: number; edges: number; msRuns: number[]; ms: number; layoutMs: number }[] = [];
  try {
    for (const variant of LAYOUT_VARIANTS) {
      for (const size of sizes) {
        current = JSON.stringify(coordinationElements(size));
        const runsOf: Settled[] = [];
        for (let r = 0; r < runsFor(size); r++) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          await page.goto(`http://127.0.0.1:${port}/?layout=${encodeURIComponent(JSON.stringify(variant.overrides))}`);
          const settledIn = () => (globalThis as { __settled?: Settled }).__settled;
          await page.waitForFunction(settledIn, undefined, { timeout: 300_000 });
          runsOf.push((await page.evaluate(settledIn))!);
          await page.close();
        }
        const msRuns = runsOf.map((s) => s.ms);
        measurements.push({
          variant: variant.name,
          elements: size,
          nodes: runsOf[0]!.nodes,
          edges: runsOf[0]!.edges,
          msRuns,
          ms: median(msRuns),
          layoutMs: median(runsOf.map((s) => s.layoutMs)),
        });
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    stage: 'client',
    mode,
    figures: measurements.map((m) => ({
      name: `navigation → settled fCoSE layout, ${m.elements} elements (${m.nodes} nodes, ${m.edges} edges), ${m.variant}; layout alone ${Math.round(m.layoutMs)} ms`,
      value: m.ms,
      unit: 'ms',
      ...(m.elements === 2000 && m.variant === LAYOUT_VARIANTS[0]!.name ? { target: '< 2000 ms at 2,000 elements', met: m.ms < 2000 } : {}),
    })),
    details: {
      method:
        'bench/client: the client\'s fCoSE options (client/src/graphView/layouts.ts) and stylesheet, bundled by Vite; ' +
        'headless /usr/bin/chromium via playwright-core, 1280×800; time = performance.now() at layoutstop (from navigation start); ' +
        'median of 3 page loads per size up to 2,000 elements, 1 above (quick: 1)',
      measurements,
    },
  };
}
