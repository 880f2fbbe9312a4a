/**
 * The explorer end to end: real server, embedded store, built client, headless Chromium.
 * Expectations come from the API's own answers, so the test checks that the page shows what the
 * server says (plus the seed facts the issue names).
 */
import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Page } from 'playwright-core';
import { toChineseNumeral } from '../../client/src/core/items/numberQuery';
import { layoutOptions } from '../../client/src/graphView/layouts';
import { parseDocument } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import type { DocumentListResponse, NetworkResponse, WorkloadResponse } from '../../graph/api';
import { explorerPerSuite, freshJson, getJson, layoutRuns, screenshot, settledNetwork, sidewaysOverflow } from './harness';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'e2e-admin-token-0123456789';

let page: Page;
const suite = explorerPerSuite(ADMIN_TOKEN, (fresh) => (page = fresh));

const open = (path: string) => page.goto(new URL(path, suite.explorer.baseUrl).toString());

describe('Workload', () => {
  it('When opened, then 省工业和信息化厅 is ranked first, as the API ranks it', async () => {
    const report = await getJson<WorkloadResponse>(suite.explorer.baseUrl, '/api/workload');
    const asked = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/workload');
    await open('/workload');
    // The top rows only: the whole ranking of a large corpus is megabytes.
    expect(new URL((await asked).url()).searchParams.get('limit')).toBe('30');
    const firstRow = page.locator('.workload-rows > li').first();
    await firstRow.waitFor();
    expect(await firstRow.getAttribute('data-unit-id')).toBe(report.rows[0]!.unit.id);
    await expect(firstRow.locator('.unit-name').textContent()).resolves.toContain('省工业和信息化厅');
    expect(report.rows.length).toBeGreaterThan(30);
    expect(await page.locator('.workload-rows > li').count()).toBe(30);
    await expect(page.getByText(`显示前 30 个，共 ${report.rows.length} 个单位`).textContent()).resolves.toBeTruthy();
    await screenshot(page, 'workload-zh');
    await page.getByRole('button', { name: '显示全部' }).click();
    await page.locator(`.workload-rows > li >> nth=${report.rows.length - 1}`).waitFor();
    expect(await page.locator('.workload-rows > li').count()).toBe(report.rows.length);
  });

  it('When the language is switched, then units show their registry English names', async () => {
    const report = await getJson<WorkloadResponse>(suite.explorer.baseUrl, '/api/workload');
    await open('/workload');
    await page.locator('.workload-rows > li').first().waitFor();
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { name: 'Workload' }).waitFor();
    const first = page.locator('.workload-rows > li').first().locator('.unit-name');
    await expect(first.textContent()).resolves.toContain(report.rows[0]!.unit.nameEn);
    await expect(page.locator('.workload-rows').textContent()).resolves.not.toContain('省工业和信息化厅');
    await screenshot(page, 'workload-en');
  });

  it('When a unit is chosen with the keyboard, then its profile opens with items by role and partners', async () => {
    await open('/workload');
    await page.locator('.workload-rows > li').first().locator('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/units\//);
    await page.getByRole('heading', { name: /省工业和信息化厅/ }).waitFor();
    await page.getByRole('heading', { name: '协同单位' }).waitFor();
    await screenshot(page, 'unit-profile');
  });
});

describe('Item trace', () => {
  it('When 数据要素 is searched and (十二) opened, then 省政务服务数据管理局 leads and its clause is highlighted', async () => {
    await open('/items');
    await page.getByLabel('搜索事项', { exact: true }).fill('数据要素');
    await page.getByRole('button', { name: '搜索事项' }).click();
    const twelve = page.getByRole('link', { name: /（十二）/ });
    await twelve.waitFor();
    await screenshot(page, 'items-search');
    await twelve.click();
    await page.waitForURL(/\/items\/.+item-12/);
    const lead = page.locator('dd[data-role="lead"]');
    await lead.first().waitFor();
    await expect(lead.allTextContents()).resolves.toEqual([expect.stringContaining('省政务服务数据管理局')]);
    const clause = page.locator('mark.clause');
    await expect(clause.textContent()).resolves.toContain('省政务服务数据管理局牵头');
    await expect(page.locator('.breadcrumb').textContent()).resolves.toContain('（十二）');
    await screenshot(page, 'item-12');
  });

  it('When item 20 is searched by number, then its page says nobody leads it and the citation can be copied', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open('/items');
    await page.getByLabel('搜索事项', { exact: true }).fill('20');
    await page.getByRole('button', { name: '搜索事项' }).click();
    await page.getByRole('status').filter({ hasText: '共 1 项' }).waitFor();
    await page.getByRole('link', { name: /（二十）/ }).click();
    await page.locator('.owners .no-lead').waitFor();
    await expect(page.locator('.owners .no-lead').textContent()).resolves.toBe('无牵头单位');
    await page.getByRole('button', { name: '复制引用' }).click();
    await page.getByText('已复制').waitFor();
    const citation = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
    );
    expect(citation).toContain('2023年广东省数字经济工作要点');
    expect(citation).toContain('（二十）');
    expect(citation).toContain('按职责分工负责');
    expect(citation).toMatch(/guangdong-digital-economy-2023, chars \d+–\d+, sha256 [0-9a-f]{12}/);
  });
});

describe('Network', () => {
  it('When opened, then it draws exactly the nodes the API returns, and a click focuses a neighbourhood', async () => {
    const network = await getJson<NetworkResponse>(suite.explorer.baseUrl, '/api/network?mode=coordination');
    const expected = network.elements.nodes.length;
    expect(expected).toBeGreaterThan(0);
    await open('/network');
    await settledNetwork(page, expected).waitFor();
    await expect(page.getByTestId('network-counts').textContent()).resolves.toContain(`${expected} 个节点`);
    expect(await layoutRuns(page)).toEqual([{ elements: expected + network.elements.edges.length, options: expect.objectContaining({ name: 'fcose' }) }]);
    await screenshot(page, 'network-coordination');

    // Focus from the legend (keyboard-reachable buttons), then the URL carries the focus to share.
    await page.locator('.legend-members button').first().click();
    await page.waitForURL(/focus=/);
    const focused = Number(await page.locator('.cy-container').getAttribute('data-nodes'));
    expect(focused).toBe(expected); // focusing fades, it does not remove
    // …nor lays the graph out again.
    await expect(page.locator('.cy-container').getAttribute('data-layout')).resolves.toBe('settled');
    expect(await layoutRuns(page)).toHaveLength(1);
    await page.locator('.focus-panel').waitFor();
    await screenshot(page, 'network-focus');
  });

  it('When switched to bipartite, then units and items are drawn with role edges', async () => {
    const network = await getJson<NetworkResponse>(suite.explorer.baseUrl, '/api/network?mode=bipartite');
    await open('/network?mode=bipartite&layout=concentric');
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    expect(await page.locator('.cy-container').getAttribute('data-edges')).toBe(String(network.elements.edges.length));
    await screenshot(page, 'network-bipartite');
  });

  it('When the view is exported, then PNG and SVG files of the drawing are downloaded', async () => {
    await open('/network');
    await settledNetwork(page).waitFor();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PNG' }).click()]);
    const pngBytes = await readFile((await png.path())!);
    expect(png.suggestedFilename()).toBe('accountability-network-coordination.png');
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 SVG' }).click()]);
    const svgText = await readFile((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('省工业和信息化厅');
  });

  it('When the WebGL renderer is chosen, then the same nodes are drawn', async () => {
    const network = await getJson<NetworkResponse>(suite.explorer.baseUrl, '/api/network');
    await open('/network?webgl=1');
    await settledNetwork(page, network.elements.nodes.length).waitFor();
    await screenshot(page, 'network-webgl');
  });

  it("When a parameter is out of range, then the API's message is shown", async () => {
    await open('/network?limit=0');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('limit');
    await screenshot(page, 'network-error');
  });
});

describe('Research', () => {
  it('When GraphML is downloaded, then a GraphML parser reads the coordination network back', async () => {
    await open('/research');
    await page.locator('table.data-table tbody tr').first().waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await screenshot(page, 'research');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="graphml"]').click()]);
    const xml = await readFile((await download.path())!, 'utf8');
    // Well-formed XML whose keys declare their types (what Gephi, igraph and NetworkX need)…
    const xmlDocument = new DOMParser().parseFromString(xml, 'application/xml');
    const keys = Array.from(xmlDocument.getElementsByTagName('key'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.getAttribute('attr.type'))).toBe(true);
    // …that graphology's GraphML parser reads back into the same network the API describes.
    const graph = parseGraphml(Graph, xml);
    const metrics = await getJson<{ graph: { nodes: number; edges: number } }>(suite.explorer.baseUrl, '/api/metrics');
    expect(graph.order).toBe(metrics.graph.nodes);
    expect(graph.size).toBe(metrics.graph.edges);
  });
});

describe('Documents', () => {
  const smallPlan = [
    '2099年测试工作要点',
    '',
    '一、夯实数据基础',
    '',
    '(一)建设测试数据平台。完善平台功能。(省科技厅牵头,省财政厅按职责分工负责,相关市政府落实)',
    '',
    '(二)推进测试应用。开展试点示范。(省发展改革委、省工业和信息化厅按职责分工负责)',
    '',
  ].join('\n');

  it('When a small document is uploaded, then the preview shows its items and the token commits it', async () => {
    await open('/documents');
    await page.getByRole('table').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'e2e-small-plan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(smallPlan, 'utf8'),
    });
    await page.getByLabel(/文件标识/).fill('e2e-small-plan');
    // Without the token, not even a preview is made (the server asks for it), and the page says why.
    await page.getByRole('button', { name: '解析预览' }).click();
    await page.getByRole('alert').filter({ hasText: '管理员令牌' }).waitFor();

    await page.getByLabel('管理员令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '解析预览' }).click();
    const preview = page.getByTestId('ingest-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('建设测试数据平台');
    await expect(preview.locator('tbody tr').count()).resolves.toBe(2);
    await screenshot(page, 'documents-preview');

    await page.getByRole('button', { name: '提交入库' }).click();
    await page.getByRole('status').filter({ hasText: 'e2e-small-plan' }).waitFor();
    await page.locator('tr[data-document-id="e2e-small-plan"]').waitFor();
    const list = await getJson<DocumentListResponse>(suite.explorer.baseUrl, '/api/documents');
    expect(list.documents.map((document) => document.id)).toContain('e2e-small-plan');
    await screenshot(page, 'documents-committed');
  });

  it('When a wrong token is used, then the API message is shown and nothing is written', async () => {
    await open('/documents');
    await page.getByLabel(/或粘贴文本/).fill(smallPlan.replace('2099', '2098'));
    await page.getByLabel(/文件标识/).fill('e2e-wrong-token');
    await page.getByLabel('管理员令牌').fill('not-the-token');
    // The preview already needs the token, so the wrong one is refused there, with the API's message.
    await page.getByRole('button', { name: '解析预览' }).click();
    await page.locator('.ingest [role="alert"]').filter({ hasText: /令牌|token/i }).waitFor();
    const list = await getJson<DocumentListResponse>(suite.explorer.baseUrl, '/api/documents');
    expect(list.documents.map((document) => document.id)).not.toContain('e2e-wrong-token');
  });

  it('When a document contains <script> and <img onerror>, then it renders as inert text', async () => {
    const hostile = [
      '2099年安全测试工作要点',
      '',
      '一、安全',
      '',
      '(一)防范脚本注入<script>window.__pwned=1</script>。正文包含<img src=x onerror="window.__pwned=2">标签。(省科技厅牵头)',
      '',
    ].join('\n');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await open('/documents');
    await page.getByLabel('管理员令牌').fill(ADMIN_TOKEN);
    await page.getByLabel(/或粘贴文本/).fill(hostile);
    await page.getByLabel(/文件标识/).fill('e2e-hostile');
    await page.getByRole('button', { name: '解析预览' }).click();
    await page.getByTestId('ingest-preview').waitFor();
    await page.getByRole('button', { name: '提交入库' }).click();
    await page.getByRole('status').filter({ hasText: 'e2e-hostile' }).waitFor();

    await open(`/items/${encodeURIComponent('e2e-hostile/item-1')}`);
    const text = page.locator('p.source-text').first();
    await text.waitFor();
    await expect(text.textContent()).resolves.toContain('<script>');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'item-inert-markup');
  });

  it('When a document is deleted with the token, then it leaves the list and the API', async () => {
    page.on('dialog', (dialog) => void dialog.accept());
    await open('/documents');
    await page.getByLabel('管理员令牌').fill(ADMIN_TOKEN);
    const row = page.locator('tr[data-document-id="e2e-small-plan"]');
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('status').filter({ hasText: '已删除 e2e-small-plan' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const list = await getJson<DocumentListResponse>(suite.explorer.baseUrl, '/api/documents');
    expect(list.documents.map((document) => document.id)).not.toContain('e2e-small-plan');
  });
});

describe('Gaps', () => {
  it('When opened, then items without a lead are listed with reasons and links', async () => {
    const gaps = await getJson<{ gaps: unknown[] }>(suite.explorer.baseUrl, '/api/gaps');
    await open('/gaps');
    await page.locator('.gap-list > li').first().waitFor();
    expect(await page.locator('.gap-list > li').count()).toBe(gaps.gaps.length);
    await screenshot(page, 'gaps');
  });
});

describe('Laptop width', () => {
  it.each([
    ['workload', '/workload', '.workload-rows > li'],
    ['network', '/network', '.cy-container[data-layout="settled"]'],
    ['research', '/research', 'table.data-table tbody tr'],
    ['item', `/items/${encodeURIComponent('guangdong-digital-economy-2023/item-20')}`, 'mark.clause'],
  ])('When the window is 1024 px wide, then the %s page fits without sideways scrolling', async (name, path, ready) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await open(path);
    await page.locator(ready).first().waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await screenshot(page, `${name}-1024`);
  });
});

describe('Large graph', () => {
  const UNITS = ['省发展改革委', '省科技厅', '省工业和信息化厅', '省财政厅', '省商务厅', '省教育厅', '省公安厅', '省民政厅', '省自然资源厅', '省住房城乡建设厅', '省交通运输厅', '省农业农村厅', '省卫生健康委', '省市场监管局', '省政务服务数据管理局', '省通信管理局'];
  const CITIES = ['广州', '深圳', '珠海', '佛山', '东莞', '中山', '惠州', '江门', '肇庆', '韶关'];

  /** A plan of 80 items, each with a lead, three co-responsible units and a city: five edges an item. */
  const plan = (batch: number) =>
    [
      `2099年压力测试工作要点第${toChineseNumeral(batch)}批`,
      '',
      '一、压力测试',
      '',
      ...Array.from({ length: 80 }, (_, i) => {
        const pick = (offset: number) => UNITS[(batch * 7 + i * 3 + offset) % UNITS.length];
        const city = CITIES[(batch + i) % CITIES.length];
        return `(${toChineseNumeral(i + 1)})压力测试事项${batch}-${i + 1}。开展测试。(${pick(0)}牵头,${pick(1)}、${pick(5)}、${pick(11)}按职责分工负责,${city}市政府落实)\n`;
      }),
    ].join('\n');

  it('When 2,000+ elements are drawn, then every node is there and focusing still answers', async () => {
    for (let batch = 1; batch <= 5; batch++) {
      const response = await fetch(new URL('/api/documents', suite.explorer.baseUrl), {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: plan(batch), id: `e2e-load-${batch}` }),
      });
      expect(response.status).toBeLessThan(300);
    }
    const network = await freshJson<NetworkResponse>(suite.explorer.baseUrl, '/api/network?mode=bipartite');
    const elements = network.elements.nodes.length + network.elements.edges.length;
    expect(elements).toBeGreaterThan(2000);

    await open('/network?mode=bipartite');
    await settledNetwork(page, network.elements.nodes.length).waitFor({ timeout: 90_000 });
    expect(await page.locator('.cy-container').getAttribute('data-edges')).toBe(String(network.elements.edges.length));
    // The view ran the settings chosen for a graph this size (the bounded polish above LARGE_GRAPH_ELEMENTS).
    const [run] = await layoutRuns(page);
    expect(run).toEqual({ elements, options: JSON.parse(JSON.stringify(layoutOptions('fcose', elements))) as unknown });
    await page.locator('.legend-members button').first().click();
    await page.locator('.focus-panel').waitFor();
    await screenshot(page, 'network-large');
  });
});

describe('Analytics updating after an ingest', () => {
  // Last in the file: the plan it loads changes the ranking the tests above expect.
  const busyPlan = [
    '科技创新工作要点',
    '',
    '一、加强创新',
    '',
    ...Array.from({ length: 12 }, (_, i) => `（${toChineseNumeral(i + 1)}）推进第${i + 1}项科技任务。完善科技创新机制。（省科技厅牵头）\n`),
  ].join('\n');

  it('When a plan is ingested, then the workload shows "updating…" over the last answer, then refreshes to the new ranking', async () => {
    const before = await getJson<WorkloadResponse>(suite.explorer.baseUrl, '/api/workload');
    await open('/gaps');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Written into the store as another server instance on the same database would: this server notices at
    // its next data-version read (DATA_VERSION_MAX_AGE_MS, 1 s), with the page's next request.
    const registry = loadRegistry();
    // Guangdong's, of the seed's year: inside the explorer's default scope, so the page asks what it asked before.
    const parsed = parseDocument(busyPlan, { source: 'e2e-busy-plan.txt', id: 'e2e-busy-plan', registry, sidecar: { jurisdiction: '440000', year: 2023 } });
    await suite.explorer.store.loadDocument(parsed, registry.unitsFor(parsed));
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    // Within the app (a reload would also reload the scope, asking twice): the workload view asks once.
    await page.getByRole('link', { name: '工作负荷' }).first().click();
    const firstRow = page.locator('.workload-rows > li').first();
    const updating = page.getByTestId('updating');
    await updating.waitFor();
    await expect(updating.textContent()).resolves.toContain('正在更新');
    // The last complete answer stays on screen meanwhile.
    expect(await firstRow.getAttribute('data-unit-id')).toBe(before.rows[0]!.unit.id);
    await screenshot(page, 'workload-updating');

    await updating.waitFor({ state: 'detached' });
    const after = await getJson<WorkloadResponse>(suite.explorer.baseUrl, '/api/workload');
    expect(after).toMatchObject({ stale: false, dataVersion: await suite.explorer.store.dataVersion() });
    expect(after.rows[0]!.unit.id).toBe('gd.dept.science-technology');
    await page.locator('.workload-rows > li[data-unit-id="gd.dept.science-technology"]').first().waitFor();
    expect(await firstRow.getAttribute('data-unit-id')).toBe('gd.dept.science-technology');
  });
});
