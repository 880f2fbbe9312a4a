/**
 * End-to-end harness: the real server in-process on the embedded store (port 0), the built
 * client it serves, and Debian's Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LAYOUT_MEASURE } from '../../client/src/graphView/layouts';
import { DEFAULT_CLIENT_DIR } from '../../server/app';
import { ensureClientBuilt as buildClientIfStale } from '../../server/clientBuild';
import { startExplorer, type Explorer } from './server';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/**
 * The suite needs dist/client built from the current sources: the test runner rebuilds it when
 * stale, and this covers a direct `npx jest tests/e2e` (the server's own staleness check).
 */
export function ensureClientBuilt(): void {
  buildClientIfStale(DEFAULT_CLIENT_DIR, pino({ level: 'warn' }));
  if (!existsSync(path.join(DEFAULT_CLIENT_DIR, 'index.html'))) {
    throw new Error('e2e: the client build failed (see the vite output above); nothing to open');
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The API as the test sees it, to compute expectations from responses rather than guess them. */
export async function getJson<T>(baseUrl: string, pathAndQuery: string): Promise<T> {
  const response = await fetch(new URL(pathAndQuery, baseUrl));
  if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * An analytics answer once it reflects the data as it now is: right after a write the server answers with the
 * last complete one (`stale: true`) while it computes the new one, and reads never wait for it.
 */
export async function freshJson<T extends { stale?: boolean }>(baseUrl: string, pathAndQuery: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await getJson<T>(baseUrl, pathAndQuery);
    if (answer.stale !== true) return answer;
    if (Date.now() > deadline) throw new Error(`GET ${pathAndQuery}: still stale after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pixels the page is wider than the window (0 when nothing scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  // Typed by hand: the node project typechecks without the DOM library.
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } })
      .document.documentElement;
    return Math.max(0, root.scrollWidth - root.clientWidth);
  });
}

/** The graph container once its layout has settled (`data-layout="settled"`), drawing `nodes` nodes when given. */
export function settledNetwork(page: Page, nodes?: number) {
  return page.locator(`.cy-container${nodes === undefined ? '[data-nodes]' : `[data-nodes="${nodes}"]`}[data-layout="settled"]`);
}

/** The page's layout runs so far (client/src/graphView: one performance measure each), with the options they ran. */
export async function layoutRuns(page: Page): Promise<{ elements: number; options: Record<string, unknown> }[]> {
  return page.evaluate(
    (name) =>
      (globalThis as unknown as { performance: { getEntriesByName(n: string): { detail: unknown }[] } }).performance
        .getEntriesByName(name)
        .map((entry) => entry.detail as { elements: number; options: Record<string, unknown> }),
    LAYOUT_MEASURE,
  );
}

/**
 * A fresh desktop browser context and page for every test (Chinese locale, downloads accepted), closed after
 * it, so no test sees another's storage or history; `use` receives each new page.
 */
export function freshPageEachTest(browser: () => Browser, use: (page: Page) => void): void {
  let page: Page | undefined;
  beforeEach(async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true, locale: 'zh-CN' });
    page = await context.newPage();
    use(page);
  });
  afterEach(async () => {
    await page?.context().close();
  });
}

/**
 * The suite's server (the seeds loaded, writes allowed with `adminToken`) and browser, started before its
 * tests and stopped after them, with a fresh page per test handed to `use`.
 */
export function explorerPerSuite(adminToken: string, use: (page: Page) => void): { explorer: Explorer; browser: Browser } {
  const suite = {} as { explorer: Explorer; browser: Browser };
  beforeAll(async () => {
    ensureClientBuilt();
    suite.explorer = await startExplorer(adminToken);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.explorer?.stop();
  });
  freshPageEachTest(() => suite.browser, use);
  return suite;
}
