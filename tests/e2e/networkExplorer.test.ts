/**
 * Issue 18 end to end: the network explorer as Gephi Lite, Bloom and Kumu users expect it, and
 * what every page owes its readers (search, history, language, 404s, phones, accessibility).
 * Expectations come from the API's own answers.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { Page } from 'playwright-core';
import type { NetworkResponse } from '../../graph/api';
import { explorerPerSuite, getJson, screenshot, SCREENSHOTS, settledNetwork, sidewaysOverflow } from './harness';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'e2e-admin-token-explorer-18';
/**
 * The README's screenshots: written to docs/screenshots with UPDATE_DOCS_SCREENSHOTS=1 (so that an
 * ordinary run leaves the committed images alone), else beside the suite's other screenshots.
 */
const README_SCREENSHOTS = process.env.UPDATE_DOCS_SCREENSHOTS
  ? path.join(__dirname, '..', '..', 'docs', 'screenshots')
  : SCREENSHOTS;

let page: Page;
const suite = explorerPerSuite(ADMIN_TOKEN, (fresh) => (page = fresh));

const url = (pathAndQuery: string) => new URL(pathAndQuery, suite.explorer.baseUrl).toString();
const open = (pathAndQuery: string) => page.goto(url(pathAndQuery));

type Drawn = { id: string; size: number; x: number; y: number; colour: string; classes: string[] };

/** What Cytoscape draws, read from the instance it registers on its container. */
function drawnNodes(target: Page = page): Promise<Drawn[]> {
  return target.evaluate(() => {
    type Node = {
      id(): string;
      width(): number;
      position(): { x: number; y: number };
      data(key: string): unknown;
      classes(): string[];
    };
    const container = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.cy-container') as {
      _cyreg: { cy: { nodes(): { map<T>(f: (n: Node) => T): T[] } } };
    };
    return container._cyreg.cy.nodes().map((node) => ({
      id: node.id(),
      size: node.width(),
      x: node.position().x,
      y: node.position().y,
      colour: String(node.data('colour')),
      classes: node.classes(),
    }));
  });
}

/** Rendered label boxes of the nodes whose labels are shown. */
function shownLabelBoxes(): Promise<{ id: string; x1: number; y1: number; x2: number; y2: number }[]> {
  return page.evaluate(() => {
    type Box = { x1: number; y1: number; x2: number; y2: number; w: number };
    type Node = { id(): string; hasClass(c: string): boolean; renderedBoundingBox(o: object): Box; data(k: string): unknown };
    const container = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.cy-container') as {
      _cyreg: { cy: { nodes(): { filter(f: (n: Node) => boolean): { map<T>(f: (n: Node) => T): T[] } } } };
    };
    return container._cyreg.cy
      .nodes()
      .filter((node) => !node.hasClass('label-hidden') && !node.hasClass('faded') && String(node.data('displayName') ?? '') !== '')
      .map((node) => {
        const box = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
      });
  });
}

const overlapping = (boxes: Awaited<ReturnType<typeof shownLabelBoxes>>) =>
  boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => [a.id, b.id]));

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const coordination = () => getJson<NetworkResponse>(suite.explorer.baseUrl, '/api/network?mode=coordination');
const unitsOf = (network: NetworkResponse) => network.elements.nodes.flatMap(({ data }) => (data.type === 'unit' ? [data] : []));

describe('Network: style by attribute', () => {
  it('When nodes are sized by betweenness, then sizes change and the most between unit is the largest', async () => {
    const units = unitsOf(await coordination());
    await open('/network');
    await settledNetwork(page, units.length).waitFor();
    const before = new Map((await drawnNodes()).map((node) => [node.id, node.size]));
    await page.getByTestId('size-by').selectOption('betweenness');
    await page.waitForURL(/size=betweenness/);
    const after = await until(drawnNodes, (nodes) => nodes.some((node) => node.size !== before.get(node.id)));
    expect(after.filter((node) => node.size !== before.get(node.id)).length).toBeGreaterThan(units.length / 2);
    const mostBetween = [...units].sort((a, b) => b.betweenness - a.betweenness)[0]!;
    const largest = [...after].sort((a, b) => b.size - a.size)[0]!;
    expect(after.find((node) => node.id === mostBetween.id)!.size).toBe(largest.size);
  });

  it('When nodes are coloured by PageRank, then the legend shows the scale and colours differ by value', async () => {
    const units = unitsOf(await coordination());
    await open('/network?colour=pagerank');
    await settledNetwork(page, units.length).waitFor();
    const scale = page.getByTestId('scale-legend');
    await scale.waitFor();
    const max = Math.max(...units.map((unit) => unit.pagerank));
    await expect(scale.textContent()).resolves.toContain(max.toFixed(3));
    const colours = new Set((await drawnNodes()).map((node) => node.colour));
    expect(colours.size).toBeGreaterThan(5);
  });
});

describe('Network: filters', () => {
  it('When the least degree is set, then the units below it are hidden, as the API counts them', async () => {
    const units = unitsOf(await coordination());
    const threshold = [...units.map((unit) => unit.degree)].sort((a, b) => a - b)[Math.floor(units.length / 2)]!;
    const kept = units.filter((unit) => unit.degree >= threshold);
    expect(kept.length).toBeLessThan(units.length);
    await open('/network');
    await settledNetwork(page, units.length).waitFor();
    await page.locator('.range-panel > summary').click();
    await page.locator('fieldset.range-filter').first().getByLabel('最小').fill(String(threshold));
    await settledNetwork(page, kept.length).waitFor();
    const drawn = new Set((await drawnNodes()).map((node) => node.id));
    expect([...drawn].sort()).toEqual(kept.map((unit) => unit.id).sort());
    // The histogram shows the distribution it cuts.
    expect(await page.locator('fieldset.range-filter').first().locator('rect').count()).toBeGreaterThan(1);
  });

  it('When a filter changes, then Back undoes it', async () => {
    const units = unitsOf(await coordination());
    await open('/network');
    await settledNetwork(page, units.length).waitFor();
    await page.locator('details.multi-select').first().locator('summary').click();
    await page.getByRole('checkbox', { name: '下级政府' }).check();
    await page.waitForURL(/kind=city/);
    const cities = await getJson<NetworkResponse>(suite.explorer.baseUrl, '/api/network?mode=coordination&kind=city');
    await settledNetwork(page, cities.elements.nodes.length).waitFor();
    await page.goBack();
    await page.waitForURL((current) => !current.search.includes('kind='));
    await settledNetwork(page, units.length).waitFor();
  });
});

describe('Network: exploring', () => {
  it('When a path is asked between two distant units, then it is highlighted with the items along it', async () => {
    const network = await coordination();
    const graph = new Graph({ type: 'undirected' });
    for (const { data } of network.elements.nodes) graph.addNode(data.id);
    for (const { data } of network.elements.edges) graph.mergeEdge(data.source, data.target);
    // The longest shortest path from the heaviest unit: a path of several steps.
    const [source] = unitsOf(network);
    const target = unitsOf(network)
      .map((unit) => ({ unit, route: bidirectional(graph, source!.id, unit.id) }))
      .filter((entry) => entry.route)
      .sort((a, b) => b.route!.length - a.route!.length)[0]!;
    expect(target.route!.length).toBeGreaterThan(2);

    await open('/network');
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    await page.getByTestId('path-from').selectOption(source!.id);
    await page.getByTestId('path-to').selectOption(target.unit.id);
    const result = page.getByTestId('path-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain(`${target.route!.length - 1} 步`);
    await expect(result.textContent()).resolves.toMatch(/沿途事项：.*（/);
    const onPath = await until(drawnNodes, (nodes) => nodes.some((node) => node.classes.includes('on-path')));
    expect(onPath.filter((node) => node.classes.includes('on-path'))).toHaveLength(target.route!.length);
    expect(onPath.find((node) => node.id === source!.id)!.classes).toContain('on-path');
    await screenshot(page, 'network-path');
  });

  it('When a node is expanded from its focus panel, then only it and its neighbours are drawn; hiding removes one', async () => {
    const network = await coordination();
    const [first] = unitsOf(network);
    const neighbours = new Set(
      network.elements.edges.flatMap(({ data }) => (data.source === first!.id ? [data.target] : data.target === first!.id ? [data.source] : [])),
    );
    await open(`/network?focus=${encodeURIComponent(first!.id)}`);
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    await page.locator('.focus-panel').getByRole('button', { name: '展开邻居' }).click();
    await settledNetwork(page, neighbours.size + 1).waitFor();
    await page.locator('.focus-panel').getByRole('button', { name: '隐藏' }).click();
    await settledNetwork(page, 0).waitFor();
    await page.getByRole('button', { name: /恢复隐藏的节点/ }).click();
    await settledNetwork(page, neighbours.size + 1).waitFor();
  });

  it('When a node is focused, then the view zooms to its neighbourhood', async () => {
    const network = await coordination();
    await open('/network');
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    const zoom = () => page.evaluate(() => {
      const container = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.cy-container') as { _cyreg: { cy: { zoom(): number } } };
      return container._cyreg.cy.zoom();
    });
    const before = await zoom();
    const last = unitsOf(network).at(-1)!;
    await page.locator('.legend-members button', { hasText: last.label }).first().click();
    const after = await until(zoom, (value) => value > before * 1.2);
    expect(after).toBeGreaterThan(before * 1.2);
  });
});

describe('Network: labels', () => {
  it.each(['zh', 'en'])('When the seed opens in %s, then no two shown labels overlap and short English names are used', async (lang) => {
    const network = await coordination();
    await open(`/network?lang=${lang}`);
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    const boxes = await until(shownLabelBoxes, (found) => found.length > 0);
    expect(boxes.length).toBeGreaterThan(10);
    expect(overlapping(boxes)).toEqual([]);
    if (lang === 'en') {
      const names = await page.evaluate(() => {
        const container = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.cy-container') as {
          _cyreg: { cy: { nodes(): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] } } };
        };
        return container._cyreg.cy.nodes().map((node) => String(node.data('displayName')));
      });
      expect(names.filter((name) => name.includes('Guangdong Province'))).toEqual([]);
      expect(names).toContain('Department of Finance');
    }
    await screenshot(page, `network-labels-${lang}`);
  });
});

describe('Network: communities', () => {
  it('When a community is named, then the name is in the URL, the legend lists every member, and the SVG carries legend and caption', async () => {
    const network = await coordination();
    const zeroMembers = unitsOf(network).filter((unit) => unit.community === 0);
    await open('/network');
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    const first = page.locator('.legend-communities > li').first();
    expect(await first.locator('.legend-members li').count()).toBe(zeroMembers.length);
    await first.getByRole('button', { name: '命名' }).click();
    await first.getByLabel('社区名称').fill('数字政府组');
    await first.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/names=0%3A|names=0:/);
    await expect(first.textContent()).resolves.toContain('数字政府组');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 SVG' }).click()]);
    const svgText = await readFile((await svg.path())!, 'utf8');
    expect(svgText).toContain(`数字政府组 (${zeroMembers.length})`);
    expect(svgText).toContain('范围：');
    expect(svgText).toMatch(/导出日期：\d{4}-\d{2}-\d{2}/);
    expect(svgText).toContain('参数：');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PNG' }).click()]);
    expect((await readFile((await png.path())!)).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('Network: saved views', () => {
  it('When a view is saved, then its link reopens it identically in a fresh browser', async () => {
    const network = await coordination();
    await open('/network?colour=pagerank&size=degree&degree=2-&names=1%3A%E8%B4%A2%E6%94%BF%E5%9C%88');
    await settledNetwork(page).waitFor();
    await page.getByLabel('名称', { exact: true }).fill('度≥2 的协同核心');
    await page.getByLabel('说明').fill('按 PageRank 着色');
    await page.locator('.saved-views').getByLabel('管理员令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '保存当前视图' }).click();
    const link = await page.getByTestId('saved-view-link').getAttribute('href');
    expect(link).toMatch(/\/network\?view=[0-9a-f-]+&lang=zh$/);
    const saved = (await drawnNodes()).sort((a, b) => a.id.localeCompare(b.id));
    expect(saved.length).toBeLessThan(network.elements.nodes.length);
    const savedSearch = new URL(page.url()).searchParams;

    const fresh = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    try {
      const other = await fresh.newPage();
      await other.goto(link!);
      await other.getByRole('status').filter({ hasText: '已打开视图“度≥2 的协同核心”' }).waitFor();
      await other.locator(`.cy-container[data-nodes="${saved.length}"][data-layout="settled"]`).waitFor();
      const reopened = await until(
        () => drawnNodes(other),
        (nodes) => nodes.every((node) => saved.some((s) => s.id === node.id && Math.abs(s.x - node.x) < 1e-6)),
      );
      expect(reopened.sort((a, b) => a.id.localeCompare(b.id)).map(({ id, x, y, size, colour }) => ({ id, x, y, size, colour }))).toEqual(
        saved.map(({ id, x, y, size, colour }) => ({ id, x, y, size, colour })),
      );
      const reopenedSearch = new URL(other.url()).searchParams;
      for (const key of ['colour', 'size', 'degree', 'names']) expect(reopenedSearch.get(key)).toBe(savedSearch.get(key));
      await expect(other.getByTestId('scale-legend').isVisible()).resolves.toBe(true);
      await other.locator('.saved-view-list li').filter({ hasText: '度≥2 的协同核心' }).waitFor();
    } finally {
      await fresh.close();
    }
  });

  it('When a view is saved without the token, then nothing is stored and the reason is given in Chinese', async () => {
    await open('/network');
    await settledNetwork(page).waitFor();
    await page.getByLabel('名称', { exact: true }).fill('无令牌');
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await page.locator('.saved-views [role="alert"]').filter({ hasText: '此操作需要管理员令牌。' }).waitFor();
    const list = await getJson<{ views: { name: string }[] }>(suite.explorer.baseUrl, '/api/views');
    expect(list.views.map((view) => view.name)).not.toContain('无令牌');
  });
});

describe('Global search', () => {
  it('When 财政 is typed in the header on any page, then units, items and documents match with the match highlighted, and the keyboard opens one', async () => {
    await open('/gaps');
    const search = page.getByRole('combobox', { name: '全局搜索' });
    await search.fill('财政');
    const list = page.getByRole('listbox', { name: '全局搜索' });
    await list.locator('[data-group="units"]').first().waitFor();
    await expect(list.locator('[data-group="units"] mark').first().textContent()).resolves.toBe('财政');
    await search.press('ArrowDown');
    await search.press('ArrowUp');
    await search.press('Enter');
    await page.waitForURL(/\/units\/.+/);
    await page.getByRole('heading', { name: /财政/ }).first().waitFor();

    // Results follow the text once typing pauses; the items found for 数据要素 show it marked.
    await search.fill('数据要素');
    await list.locator('[data-group="items"] mark', { hasText: '数据要素' }).first().waitFor();
    expect(await list.locator('[data-group="items"]').count()).toBeGreaterThanOrEqual(2);
    await search.fill('数字经济');
    await list.locator('[data-group="documents"]').first().waitFor();
    await screenshot(page, 'global-search');
  });

  it.each([
    ['places', '/places?role=named', '[data-testid="place-items"], p.notice:not([role])'],
    ['timeline', '/timeline', '[data-testid="timeline-counts"], p.notice:not([role])'],
  ])('When an item is opened from the header search on the %s page, then Back returns to the page as it was', async (_name, pathAndQuery, ready) => {
    await open(pathAndQuery);
    await page.locator(ready).first().waitFor();
    const search = page.getByRole('combobox', { name: '全局搜索' });
    await search.fill('数据要素');
    const list = page.getByRole('listbox', { name: '全局搜索' });
    await list.locator('[data-group="items"] mark', { hasText: '数据要素' }).first().waitFor();
    await list.locator('[data-group="items"]').first().click();
    await page.waitForURL(/\/items\/.+/);
    await page.goBack();
    await page.locator(ready).first().waitFor();
    // The view's own state comes back with it (the language is added after it).
    expect(page.url()).toContain(pathAndQuery);
  });

  it('When a unit search is typed, then Back does not step through keystrokes', async () => {
    await open('/units');
    await page.waitForURL(/\/units/);
    const entries = () => page.evaluate(() => (globalThis as unknown as { history: { length: number } }).history.length);
    const before = await entries();
    const box = page.locator('main input[type="search"]').first();
    await box.pressSequentially('财政厅', { delay: 30 });
    await page.waitForURL(/q=/);
    expect(await entries()).toBeLessThanOrEqual(before + 1);
  });
});

describe('Language', () => {
  it('When ?lang=en is opened, then the page is in English and links keep the language', async () => {
    await open('/workload?lang=en');
    await page.getByRole('heading', { name: 'Workload' }).waitFor();
    await expect(page.getByRole('link', { name: 'Network' }).getAttribute('href')).resolves.toContain('lang=en');
    // A shared link opens in the sender's language, whatever the reader used before.
    await open('/workload?lang=zh');
    await page.getByRole('heading', { name: '工作负荷' }).waitFor();
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.waitForURL(/lang=en/);
    await page.goBack();
    await page.getByRole('heading', { name: '工作负荷' }).waitFor();
  });

  it('When Back is pressed before a slow machine has drawn the language switch, then the page still returns to Chinese', async () => {
    // CI's failure, made certain: with the CPU slowed 30 times, Back lands before the switch's navigation
    // renders. A language kept in state beside the URL stayed English; the URL alone decides now.
    const cdp = await page.context().newCDPSession(page);
    for (let round = 0; round < 3; round++) {
      await open('/workload?lang=zh');
      await page.getByRole('heading', { name: '工作负荷' }).waitFor();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 30 });
      try {
        await page.getByRole('button', { name: '切换语言' }).click();
        await page.waitForURL(/lang=en/);
        await page.goBack();
        await page.getByRole('heading', { name: '工作负荷' }).waitFor();
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
    }
    await cdp.detach();
  });

  it('When the API refuses a parameter in the Chinese UI, then the message is Chinese and names the field', async () => {
    await open('/network?limit=0');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('参数有误：limit');
    expect(text).not.toMatch(/too small|expected|must/i);
    // A wrong request is not retried.
    expect(await alert.getByRole('button').count()).toBe(0);
  });

  it('When a parse warning is previewed in the Chinese UI, then it is worded in Chinese with its unit', async () => {
    await open('/documents');
    await page.getByLabel(/或粘贴文本/).fill('2099年测试工作要点\n\n一、测试\n\n(一)测试事项。开展测试。(省不存在测试局牵头)\n\n(二)另一事项。继续测试。(省财政厅负责)\n');
    // A preview needs the token, as a write does.
    await page.getByLabel('管理员令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '解析预览' }).click();
    const warnings = page.locator('.warnings');
    await warnings.waitFor();
    await expect(warnings.textContent()).resolves.toContain('“省不存在测试局”不在单位名录中');
    await expect(warnings.textContent()).resolves.toContain('没有牵头单位');
    await expect(warnings.textContent()).resolves.not.toMatch(/is not in the unit registry|names no lead/);
  });
});

describe('Not found', () => {
  it('When an unknown address is opened, then the page says so and links back', async () => {
    await open('/no-such-view');
    await page.getByRole('heading', { name: '找不到页面' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('/no-such-view');
    await page.getByRole('link', { name: '返回工作负荷' }).click();
    await page.waitForURL(/\/workload/);
  });

  it('When a unit does not exist, then the page names it, links to the units, and offers no retry', async () => {
    await open('/units/cn.000000.nobody');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('找不到单位“cn.000000.nobody”');
    expect(await alert.getByRole('button').count()).toBe(0);
    await alert.getByRole('link', { name: '返回单位' }).click();
    await page.waitForURL(/\/units(\?|$)/);
  });
});

const VIEWS: [string, string, string][] = [
  ['workload', '/workload', '.workload-rows > li'],
  ['network', '/network', '.cy-container[data-layout="settled"]'],
  ['items', '/items?q=数据', '.item-list > li'],
  ['item', `/items/${encodeURIComponent('guangdong-digital-economy-2023/item-12')}`, 'mark.clause'],
  ['units', '/units', 'main table, main li'],
  ['unit', '/units/gd.dept.finance', 'main h1'],
  ['gaps', '/gaps', '.gap-list > li'],
  ['research', '/research', 'table.data-table tbody tr'],
  ['documents', '/documents', 'main table'],
  // Where, by when and over time (issues 16 and 17): the tile map or its empty notice, the months or theirs.
  ['places', '/places', '[data-testid="place-items"], p.notice:not([role])'],
  ['timeline', '/timeline', '[data-testid="timeline-counts"], p.notice:not([role])'],
  // The seed against itself: every item side by side (the only plan the suite loads).
  ['compare', '/compare?old=guangdong-digital-economy-2023&new=guangdong-digital-economy-2023', '[data-testid="compare-table"]'],
  ['not-found', '/no-such-view', 'main h1'],
];

describe('Phones', () => {
  it.each(VIEWS)('When the %s page is 390 px wide, then nothing scrolls sideways', async (name, pathAndQuery, ready) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(pathAndQuery);
    await page.locator(ready).first().waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    if (name === 'workload' || name === 'network') await screenshot(page, `${name}-390`);
  });

  it('When the network opens on a phone, then the drawing fills the screen width and zooms by touch', async () => {
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    try {
      const touchPage = await phone.newPage();
      await touchPage.goto(url('/network'));
      await touchPage.locator('.cy-container[data-layout="settled"]').waitFor();
      const box = (await touchPage.locator('.cy-container').boundingBox())!;
      expect(box.width).toBeGreaterThan(360);
      expect(box.height).toBeGreaterThan(600);
      const settings = await touchPage.evaluate(() => {
        const container = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.cy-container') as {
          _cyreg: { cy: { userZoomingEnabled(): boolean; userPanningEnabled(): boolean } };
        };
        return [container._cyreg.cy.userZoomingEnabled(), container._cyreg.cy.userPanningEnabled()];
      });
      expect(settings).toEqual([true, true]);
    } finally {
      await phone.close();
    }
  });
});

describe('Accessibility', () => {
  it.each(VIEWS)('When the %s page is checked with axe, then it has no serious or critical violations', async (_name, pathAndQuery, ready) => {
    await open(pathAndQuery);
    await page.locator(ready).first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
    expect(severe).toEqual([]);
  });

  it('When a control has the keyboard focus, then its ring has at least 3:1 contrast on white', async () => {
    await open('/workload');
    await page.locator('.workload-rows > li').first().waitFor();
    await page.locator('.workload-rows > li button').first().focus();
    const colour = await page.evaluate(() => {
      const active = (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;
      return (globalThis as unknown as { getComputedStyle(e: unknown): { outlineColor: string; outlineWidth: string } }).getComputedStyle(active);
    });
    const [r, g, b] = colour.outlineColor.match(/\d+/g)!.map(Number) as [number, number, number];
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    expect(1.05 / (luminance + 0.05)).toBeGreaterThanOrEqual(3);
    expect(parseFloat(colour.outlineWidth)).toBeGreaterThanOrEqual(2);
  });
});

describe('Screenshots for the README', () => {
  it.each([
    ['network-desktop', 1280, 860],
    ['network-phone', 390, 844],
  ])('When the seed network is drawn, then %s is saved for the README', async (name, width, height) => {
    await page.setViewportSize({ width, height });
    const network = await coordination();
    await open('/network');
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    await until(shownLabelBoxes, (found) => found.length > 0);
    // The drawing and its legend, as a reader lands on them below the controls.
    await page.locator('.network-canvas .toolbar-tight').first().evaluate((element) => (element as unknown as { scrollIntoView(): void }).scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(README_SCREENSHOTS, `${name}.png`), fullPage: false });
  });
});
