/**
 * The compare view end to end: the seed and its hand-written 2024 edit, uploaded through the API as a
 * user would, compared in the browser. Expectations come from the API's own answer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CompareResponse } from '../../graph/api';
import { ensureClientBuilt, freshPageEachTest, getJson, launchBrowser, screenshot } from './harness';
import { startExplorer, type Explorer } from './server';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'e2e-compare-token-0123456789';
const SEED = 'guangdong-digital-economy-2023';
const EDITED = 'guangdong-digital-economy-2024';

let explorer: Explorer;
let browser: Browser;
let page: Page;
let comparison: CompareResponse;

beforeAll(async () => {
  ensureClientBuilt();
  explorer = await startExplorer(ADMIN_TOKEN);
  const upload = await fetch(new URL(`/api/documents?id=${EDITED}&year=2024&jurisdiction=440000`, explorer.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: await readFile(join(__dirname, '..', 'fixtures', 'compare', `${EDITED}.txt`)),
  });
  if (upload.status !== 201) throw new Error(`ingest the 2024 edit: ${upload.status} ${await upload.text()}`);
  comparison = await getJson<CompareResponse>(explorer.baseUrl, `/api/compare?old=${SEED}&new=${EDITED}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await explorer?.stop();
});

freshPageEachTest(() => browser, (fresh) => (page = fresh));

test('two plans side by side: aligned items, marked text changes, owner badges, the load chart and the status filter', async () => {
  await page.goto(`${explorer.baseUrl}/compare`);
  await page.getByLabel('旧版').selectOption(SEED);
  await page.getByLabel('新版').selectOption(EDITED);
  const table = page.getByTestId('compare-table');
  await table.waitFor();
  const rows = comparison.pairs.length + comparison.added.length + comparison.dropped.length;
  expect(await table.locator('tbody tr').count()).toBe(rows);
  await expect(page.getByTestId('compare-summary').textContent()).resolves.toContain(
    `延续 ${comparison.pairs.filter((p) => p.status === 'continued').length} · 修改 2 · 新增 2 · 删除 2`,
  );
  // The revised rows mark what changed, character by character, on each side.
  const revised = table.locator('tr[data-status="revised"]');
  expect(await revised.count()).toBe(2);
  expect(await revised.locator('ins').count()).toBeGreaterThan(0);
  expect(await revised.locator('del').count()).toBeGreaterThan(0);
  // (十四): the lead passed from 省工业和信息化厅 to 省发展改革委.
  await expect(table.locator('.badge-gained', { hasText: '+牵头 省发展改革委' }).count()).resolves.toBe(1);
  await expect(table.locator('.badge-lost', { hasText: '−牵头 省工业和信息化厅' }).count()).resolves.toBe(1);
  // The chart: 省科技厅 gained two items.
  await expect(page.locator('.load-change-chart li[data-unit-id="gd.dept.science-technology"]').textContent()).resolves.toContain('(+2)');
  await screenshot(page, 'compare-seed-2024');

  await page.getByLabel('状态').selectOption('dropped');
  await table.locator('tbody tr[data-status="continued"]').first().waitFor({ state: 'detached' });
  expect(await table.locator('tbody tr').count()).toBe(2);
  expect(page.url()).toContain('status=dropped');
  expect(await table.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual([
    expect.stringContaining('发展硅能源产业'),
    expect.stringContaining('发展数字应急'),
  ]);
});

test('lineages: years by tasks, in English', async () => {
  await page.goto(`${explorer.baseUrl}/compare?lineage=${EDITED},${SEED}`);
  await page.getByRole('button', { name: '切换语言' }).click();
  const lineage = page.getByTestId('lineage-table');
  await lineage.waitFor();
  expect(await lineage.locator('thead th').allTextContents()).toEqual(['2023', '2024']);
  expect(await lineage.locator('tbody tr').count()).toBe(36);
  await expect(lineage.locator('p').textContent()).resolves.toBe('36 lineages');
  await screenshot(page, 'compare-lineage');
});
