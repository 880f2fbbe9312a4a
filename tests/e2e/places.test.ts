/**
 * Where and by when, end to end: the seed and our three plans (a city, a ministry, a county)
 * uploaded through the API with their sidecars' metadata; the Places view's tile map and item
 * lists, the Timeline view's months and overdue marks, at desktop and phone (390 px) widths.
 * Expectations come from the API's own answers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PlaceItemsResponse, PlacesResponse, TimelineResponse } from '../../graph/api';
import { COMMITMENT_PLANS, COMMITMENT_PLANS_DIR } from '../store/fixtures';
import { ensureClientBuilt, getJson, launchBrowser, screenshot, sidewaysOverflow } from './harness';
import { startExplorer, type Explorer } from './server';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'e2e-places-token-0123456789';
const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } } as const;

let explorer: Explorer;
let browser: Browser;

beforeAll(async () => {
  ensureClientBuilt();
  explorer = await startExplorer(ADMIN_TOKEN);
  for (const id of COMMITMENT_PLANS) {
    const meta = JSON.parse(await readFile(join(COMMITMENT_PLANS_DIR, `${id}.meta.json`), 'utf8')) as { year: number; jurisdiction: string };
    const url = new URL(`/api/documents?id=${id}&year=${meta.year}&jurisdiction=${meta.jurisdiction}`, explorer.baseUrl);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ text: await readFile(join(COMMITMENT_PLANS_DIR, `${id}.txt`), 'utf8') }),
    });
    if (response.status !== 201) throw new Error(`ingest ${id}: ${response.status} ${await response.text()}`);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await explorer?.stop();
});

const api = <T>(path: string) => getJson<T>(explorer.baseUrl, path);

async function openPage(viewport: keyof typeof VIEWPORTS, locale: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale });
  const page = await context.newPage();
  await page.goto(new URL(path, explorer.baseUrl).toString());
  return page;
}

/** The page fits its width, and the element lies inside the window horizontally. */
async function expectFits(page: Page, selector: string, width: number) {
  expect(await sidewaysOverflow(page)).toBe(0);
  const box = await page.locator(selector).first().boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

describe('Places view', () => {
  it.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)(
    'at %s width: the tiles are coloured by items mentioning each place, and a click lists its items by role',
    async (viewport) => {
      const report = await api<PlacesResponse>('/api/places?jurisdiction=440000');
      const page = await openPage(viewport, 'zh-CN', '/places?jurisdiction=440000');
      const map = page.getByTestId('tile-map');
      await map.waitFor();
      for (const tile of report.tiles) {
        await expect(map.locator(`[data-code="${tile.code}"]`).getAttribute('data-count')).resolves.toBe(String(tile.mentioned));
      }
      await expectFits(page, '[data-testid="tile-map"]', VIEWPORTS[viewport].width);

      // The first page of the tile's items, as the page asks for it.
      const shenzhen = await api<PlaceItemsResponse>('/api/places/440300?jurisdiction=440000&limit=50');
      await map.locator('[data-code="440300"]').click();
      const items = page.getByTestId('place-items');
      const mentioned = shenzhen.mentioned.rows;
      const named = shenzhen.named.rows;
      await items.locator('[data-role="mentioned"] li').nth(mentioned.length - 1).waitFor();
      await expect(items.locator('[data-role="mentioned"] li').count()).resolves.toBe(mentioned.length);
      await expect(items.locator('[data-role="named"] li').count()).resolves.toBe(named.length);
      await expect(items.locator('[data-role="mentioned"]').textContent()).resolves.toContain('发展软件与信息技术服务业');

      await page.getByRole('button', { name: '条款点名' }).click();
      await page.getByRole('button', { name: '条款点名', pressed: true }).waitFor();
      await expect(map.locator('[data-code="440300"]').getAttribute('data-count')).resolves.toBe(
        String(report.tiles.find((tile) => tile.code === '440300')!.named),
      );
      await screenshot(page, `places-${viewport}`);
      await page.context().close();
    },
  );

  it('in English, regions beside the map are listed and open their items', async () => {
    const page = await openPage('desktop', 'zh-CN', '/places?jurisdiction=440000');
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { name: 'Regions and places outside the map' }).waitFor();
    await page.getByRole('button', { name: 'Named in a clause' }).waitFor();
    await page.getByRole('button', { name: /粤港澳大湾区/ }).click();
    await page.getByTestId('place-items').locator('[data-role="mentioned"] li').first().waitFor();
    await page.context().close();
  });
});

describe('Timeline view', () => {
  it.each(Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>)(
    'at %s width: a city plan’s deadlines by month with the overdue ones marked, and one unit’s alone',
    async (viewport) => {
      const today = '2024-07-01';
      const all = await api<TimelineResponse>(`/api/timeline?jurisdiction=440100&today=${today}`);
      const page = await openPage(viewport, 'zh-CN', `/timeline?jurisdiction=440100&today=${today}`);
      await page.locator('.timeline-month').first().waitFor();
      await expect(page.locator('.timeline-month').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-month')))).resolves.toEqual(
        all.months.map((month) => month.month),
      );
      const overdue = all.months.flatMap((month) => month.entries).filter((entry) => entry.overdue).length;
      expect(overdue).toBeGreaterThan(0);
      await expect(page.locator('.timeline-month [data-overdue="true"]').count()).resolves.toBe(overdue);
      await expectFits(page, '.timeline', VIEWPORTS[viewport].width);
      await screenshot(page, `timeline-${viewport}`);

      const unit = all.months[0]!.entries[0]!;
      const own = await api<TimelineResponse>(
        `/api/timeline?jurisdiction=440100&today=${today}&unit=${encodeURIComponent(
          (await api<{ owners: Array<{ unit: { id: string }; role: string }> }>(`/api/items/${encodeURIComponent(unit.item.id)}`)).owners[0]!.unit.id,
        )}`,
      );
      await page.getByTestId('timeline-unit').selectOption(own.unit!.id);
      await page.getByTestId('timeline-counts').filter({ hasText: `有日期的时限 ${own.counts.dated} 个` }).waitFor();
      await page.context().close();
    },
  );
});

describe('Workload and gaps', () => {
  it('the workload shows what is due this quarter, the gaps what commits to nothing measurable', async () => {
    const page = await openPage('desktop', 'zh-CN', '/workload?jurisdiction=100000&within=false');
    await page.getByTestId('due-this-quarter').waitFor();
    await page.goto(new URL('/gaps?jurisdiction=440000&within=false', explorer.baseUrl).toString());
    await page.getByTestId('unmeasured').locator('li').first().waitFor();
    await page.context().close();
  });
});
