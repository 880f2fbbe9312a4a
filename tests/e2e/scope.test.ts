/**
 * Many plans side by side, end to end: the seed and a second Guangdong plan, plus plans of two
 * cities (Foshan, Shenzhen) and the State Council, ingested through the API as a user's upload would be. The explorer must show
 * its scope at all times, pick and say a default instead of adding jurisdictions together, list
 * every unit in the Units tab, and name each item's document on a unit's page. Expectations come
 * from the API's own answers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DocumentListResponse, UnitDetailResponse, UnitListResponse, WorkloadResponse } from '../../graph/api';
import { SCOPE_PLANS, SCOPE_PLANS_DIR, SECOND_PATH } from '../store/fixtures';
import { ensureClientBuilt, freshPageEachTest, getJson, launchBrowser, screenshot } from './harness';
import { startExplorer, type Explorer } from './server';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'e2e-scope-token-0123456789';

let explorer: Explorer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureClientBuilt();
  explorer = await startExplorer(ADMIN_TOKEN);
  for (const plan of Object.values(SCOPE_PLANS)) {
    // As an upload with the ingest form's fields: the year given, the jurisdiction left to detection.
    const url = new URL(`/api/documents?id=${plan.file.replace(/\.txt$/, '')}&year=${plan.year}`, explorer.baseUrl);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ text: await readFile(join(SCOPE_PLANS_DIR, plan.file), 'utf8') }),
    });
    if (response.status !== 201) throw new Error(`ingest ${plan.file}: ${response.status} ${await response.text()}`);
  }
  // A second Guangdong plan, sharing units with the seed: Guangdong then has the most plans.
  const second = await fetch(new URL('/api/documents?id=guangdong-data-elements-2024', explorer.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: await readFile(SECOND_PATH),
  });
  if (second.status !== 201) throw new Error(`ingest the second Guangdong plan: ${second.status} ${await second.text()}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await explorer?.stop();
});

freshPageEachTest(() => browser, (fresh) => (page = fresh));

const open = (path: string) => page.goto(new URL(path, explorer.baseUrl).toString());
const api = <T>(path: string) => getJson<T>(explorer.baseUrl, path);

describe('Scope', () => {
  it('When plans of several jurisdictions are loaded, then every view shows the default scope and says why', async () => {
    const { documents } = await api<DocumentListResponse>('/api/documents');
    const codes = new Set(documents.map((document) => document.jurisdiction?.code));
    expect([...codes].sort()).toEqual(['100000', '440000', '440300', '440600']);

    await open('/workload');
    const summary = page.getByTestId('scope-summary');
    await page.getByTestId('scope-default').waitFor();
    // Guangdong has two plans, every other jurisdiction one: its own plans are the default.
    await expect(page.getByRole('combobox', { name: '地区', exact: true }).inputValue()).resolves.toBe('440000');
    await summary.filter({ hasText: '2 / 5 份文件' }).waitFor();
    await expect(summary.textContent()).resolves.toContain('广东省（仅本级文件）');

    const guangdong = await api<WorkloadResponse>('/api/workload?jurisdiction=440000&includeWithin=false');
    // Nothing of the cities' plans is added in: no city bureau (the city governments a provincial plan names are there).
    expect(guangdong.rows.some((row) => row.unit.kind === 'department' && ['440600', '440300'].includes(row.unit.jurisdiction))).toBe(false);
    const firstRow = page.locator('.workload-rows > li').first();
    await firstRow.waitFor();
    expect(await firstRow.getAttribute('data-unit-id')).toBe(guangdong.rows[0]!.unit.id);
    expect(await page.locator('.workload-rows > li').count()).toBe(Math.min(30, guangdong.rows.length));
    await screenshot(page, 'scope-default');

    // The scope stays in sight and in force on another view.
    await page.getByRole('link', { name: '责任缺口' }).click();
    await page.waitForURL(/\/gaps/);
    await expect(page.getByTestId('scope-summary').textContent()).resolves.toContain('广东省（仅本级文件）');
  });

  it('When a city is chosen, then the workload is that city’s, with its own 市财政局', async () => {
    await open('/workload');
    await page.getByTestId('scope-default').waitFor();
    await page.getByRole('combobox', { name: '地区', exact: true }).selectOption('440600');
    await page.waitForURL(/jurisdiction=440600/);
    await page.getByTestId('scope-default').waitFor({ state: 'detached' });
    const foshan = await api<WorkloadResponse>('/api/workload?jurisdiction=440600');
    await page.locator(`.workload-rows > li:first-child[data-unit-id="${foshan.rows[0]!.unit.id}"]`).waitFor();
    const shown = await page.locator('.workload-rows > li').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit-id')));
    expect(shown).toEqual(foshan.rows.slice(0, 30).map((row) => row.unit.id));
    expect(foshan.rows.some((row) => row.unit.jurisdiction === '440600' && row.unit.shortName.includes('财政局'))).toBe(true);
    await screenshot(page, 'scope-foshan');
  });

  it('When every jurisdiction is combined on purpose, then the summary says so', async () => {
    await open('/workload');
    await page.getByRole('button', { name: '合并查看全部地区' }).click();
    await page.getByTestId('scope-summary').filter({ hasText: '全部地区 · 全部年份 · 5 / 5 份文件' }).waitFor();
    await expect(page.getByTestId('scope-default').count()).resolves.toBe(0);
  });
});

describe('Units tab', () => {
  it('When searching 财政局, then the two cities’ finance bureaus are two units, each with its city', async () => {
    const { units, jurisdictions } = await api<UnitListResponse>(`/api/units?q=${encodeURIComponent('财政局')}`);
    const cityBureaus = units.filter((unit) => unit.jurisdiction === '440600' || unit.jurisdiction === '440300');
    expect(cityBureaus).toHaveLength(2);

    await open('/units?jurisdiction=all');
    await page.getByLabel('名称或别名').fill('财政局');
    const table = page.getByTestId('units-table');
    const row = (n: number) => table.locator(`tbody tr:nth-child(${n})`);
    await row(units.length).waitFor();
    await row(units.length + 1).waitFor({ state: 'detached' });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const names = new Map(jurisdictions.map((jurisdiction) => [jurisdiction.code, jurisdiction.name]));
    for (const unit of cityBureaus) expect(rows).toContainEqual(expect.arrayContaining([expect.stringContaining(unit.shortName), names.get(unit.jurisdiction)]));
    await screenshot(page, 'units-tab');

    await page.getByRole('combobox', { name: '所属地区' }).selectOption('440300');
    await row(2).waitFor({ state: 'detached' });
    expect(await table.locator('tbody tr').count()).toBe(1);
  });
});

describe('Document column', () => {
  it('When a unit named in several plans is opened, then each of its items shows its document’s title and year', async () => {
    const { documents } = await api<DocumentListResponse>('/api/documents');
    const { units } = await api<UnitListResponse>('/api/units');
    // The unit whose items come from the most plans.
    const details = await Promise.all(units.map((unit) => api<UnitDetailResponse>(`/api/units/${encodeURIComponent(unit.id)}`)));
    const detail = details.sort((a, b) => b.documents.length - a.documents.length)[0]!;
    expect(detail.documents.length).toBeGreaterThan(1);

    await open(`/units/${encodeURIComponent(detail.unit.id)}`);
    await page.locator('.item-document').first().waitFor();
    const shown = await page
      .locator('li[data-item-id]')
      .evaluateAll((items) => items.map((item) => [item.getAttribute('data-item-id'), item.querySelector('.item-document')?.textContent ?? '']));
    expect(shown).toHaveLength(detail.items.length);
    for (const [itemId, label] of shown) {
      const documentId = detail.items.find((entry) => entry.item.id === itemId)!.item.documentId;
      const document = documents.find((candidate) => candidate.id === documentId)!;
      expect(label).toBe(`${document.title}${document.year === undefined ? '' : `（${document.year}）`}`);
    }
    await screenshot(page, 'unit-document-column');
  });

  it('When the Documents view is sorted by year, then the plans follow their years, with jurisdiction and year shown', async () => {
    const { documents } = await api<DocumentListResponse>('/api/documents');
    await open('/documents');
    await page.getByTestId('documents-table').waitFor();
    await page.getByRole('button', { name: /^年份/ }).click();
    const order = await page.locator('[data-testid="documents-table"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-document-id')));
    const byYear = [...documents].sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
    expect(order.map((id) => documents.find((document) => document.id === id)?.year)).toEqual(byYear.map((document) => document.year));
    const foshan = page.locator('tr[data-document-id="foshan-digital-government-2024"]');
    await expect(foshan.textContent()).resolves.toContain('佛山市');
    await expect(foshan.textContent()).resolves.toContain('2024');
  });
});
