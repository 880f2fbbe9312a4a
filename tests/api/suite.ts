/**
 * The HTTP API suite, run unchanged on each store (memory.test.ts, neo4j.test.ts): every
 * endpoint, every error path, concurrent ingests, and a sweep proving nothing writes without
 * the token. Wiring checks compare with graph/ itself (the parser, the store, the analytics); the
 * workload's figures are worked out by hand from the seed text, so a wrong formula cannot pass.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import iconv from 'iconv-lite';
import request, { type Response } from 'supertest';
import { computeNetworkMetrics, computeWorkload, findGaps, type GapReport } from '../../graph/analytics';
import { toCytoscape } from '../../graph/export';
import { loadSeeds } from '../../graph/ingest';
import { parseDocument } from '../../graph/parse';
import type { GraphStore } from '../../graph/store';
import type { DocumentScope } from '../../graph/model';
import { SCOPE_PLANS, SCOPE_PLANS_DIR } from '../store/fixtures';
import { describeCompare } from './compareSuite';
import {
  ADMIN_TOKEN,
  caller,
  createTestApp,
  itemId,
  OpenApiConformance,
  openApiSpecificationErrors,
  registry,
  SEED_ID,
  smallPlan,
} from './harness';

const SECOND_PATH = join(__dirname, '..', 'fixtures', 'documents', 'guangdong-data-elements-2024.txt');
const SECOND_ID = 'guangdong-data-elements-2024';

/** Documents and every count the store keeps: equal before and after means nothing was written. */
async function footprint(store: GraphStore) {
  return { documents: await store.listDocuments(), stats: await store.stats() };
}

/** The seed as the parser reads it: the reference for counts and gaps. */
const parseSeed = () =>
  parseDocument(readFileSync(join(__dirname, '..', '..', 'seeds', 'documents', `${SEED_ID}.txt`)), {
    source: `${SEED_ID}.txt`,
    registry: registry(),
  });

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** The field a 400 names: zod's first issue, or the domain's InvalidInputError. */
const fieldOf = (body: { error: { details?: { field?: string; issues?: Array<{ field: string }> } } }) =>
  body.error.details?.issues?.[0]?.field ?? body.error.details?.field;

export interface StoreHandle {
  store: GraphStore;
  /** Empties the store (between suites sharing one database). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function runApiSuite(open: () => Promise<StoreHandle>): void {
  // Analytics and Neo4j round trips on a shared two-core machine: seconds per request under load.
  jest.setTimeout(60_000);
  let handle: StoreHandle;
  let store: GraphStore;
  let app: Express;
  let logs: string[];
  let conformance: OpenApiConformance;
  let call: ReturnType<typeof caller>;

  /**
   * An analysis once the background computation for the current data is complete: reads never wait for it,
   * so right after a write the answer may still be the last one, stale. Anything but a 200 comes back at once.
   */
  const settled = async (url: string): Promise<Response> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await call('get', url);
      if (response.status !== 200 || response.body.stale === false || Date.now() > deadline) return response;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** A report as the analytics endpoints send it: with the data version it reflects, and not stale. */
  const served = async (report: unknown) => ({ ...(asJson(report) as object), dataVersion: await store.dataVersion(), stale: false });
  /** The most rows a page may hold: every gap of the seeds fits in one, so a page of it is the whole report. */
  const WHOLE = 1_000;
  /** The gap report as /api/gaps?limit=WHOLE answers it: every gap, with their total. */
  const servedGaps = async (report: GapReport) => ({ ...(await served(report)), total: report.gaps.length, offset: 0, limit: WHOLE });

  beforeAll(async () => {
    handle = await open();
    store = handle.store;
    await handle.reset();
    await loadSeeds(store, registry());
    ({ app, logs } = createTestApp(store));
    conformance = await OpenApiConformance.of(app);
    call = caller(app, conformance);
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  describe('documents', () => {
    test('When listing documents, then the seed is there with the counts the store keeps', async () => {
      const response = await call('get', '/api/documents');
      expect(response.status).toBe(200);
      expect(response.body.documents).toEqual(asJson(await store.listDocuments()));
      expect(response.body.documents.map((document: { id: string }) => document.id)).toContain(SEED_ID);
    });

    test('When asking for the seed, then its sections come with their item counts', async () => {
      const response = await call('get', `/api/documents/${SEED_ID}`);
      expect(response.status).toBe(200);
      const parsed = parseSeed();
      expect(response.body.sections).toHaveLength(parsed.sections.length);
      const items = response.body.sections.reduce((sum: number, section: { items: number }) => sum + section.items, 0);
      expect(items).toBe(parsed.items.length);
    });

    test('When asking for an unknown document, then 404 names it', async () => {
      const response = await call('get', '/api/documents/no-such-document');
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
      expect(response.body.error.message).toContain('no-such-document');
    });
  });

  describe('items', () => {
    test('When searching 数据要素, then items (十二) and (十三) are found, with a total count', async () => {
      const response = await call('get', `/api/items?q=${encodeURIComponent('数据要素')}`);
      expect(response.status).toBe(200);
      const ids = response.body.items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining([itemId(12), itemId(13)]));
      expect(response.body.total).toBe(ids.length);
    });

    test('When paging, then pages partition the results and the total stays the same', async () => {
      const all = await call('get', `/api/items?document=${SEED_ID}&pageSize=500`);
      const first = await call('get', `/api/items?document=${SEED_ID}&pageSize=10&page=1`);
      const second = await call('get', `/api/items?document=${SEED_ID}&pageSize=10&page=2`);
      expect(first.body.total).toBe(all.body.items.length);
      expect(second.body.total).toBe(all.body.items.length);
      expect([...first.body.items, ...second.body.items]).toEqual(all.body.items.slice(0, 20));
    });

    test('When filtering by unit and role, then every item is led by that unit', async () => {
      const unit = 'gd.dept.industry-it';
      const response = await call('get', `/api/items?unit=${unit}&role=lead&pageSize=500`);
      expect(response.body.total).toBeGreaterThan(0);
      for (const item of response.body.items) {
        expect(item.leads.map((lead: { id: string }) => lead.id)).toContain(unit);
      }
    });

    test('When asking for item (十二), then 省政务服务数据管理局 leads it and the clause is quoted from the text', async () => {
      for (const url of [`/api/items/${encodeURIComponent(itemId(12))}`, `/api/items/${itemId(12)}`]) {
        const response = await call('get', url);
        expect(response.status).toBe(200);
        const { item, owners } = response.body;
        expect(item.id).toBe(itemId(12));
        expect(item.text.slice(item.clause.textStart, item.clause.textEnd)).toBe(item.clause.text);
        const leads = owners.filter((owner: { role: string }) => owner.role === 'lead');
        expect(leads).toHaveLength(1);
        expect(leads[0].unit.shortName).toBe('省政务服务数据管理局');
        expect(leads[0]).toMatchObject({ inferred: false, unit: { kind: 'department' } });
        expect(leads[0].unit.nameEn).toBeTruthy();
        expect(item.clause.text).toContain(leads[0].nameAsWritten);
      }
    });

    test('When an item id is unknown, then 404', async () => {
      const response = await call('get', `/api/items/${encodeURIComponent(itemId(999))}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    });

    test.each([
      ['pageSize=501', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['page=0', 'page'],
      ['role=boss', 'role'],
      ['colour=red', 'colour'],
      ['document=Not%20an%20id', 'document'],
      ['page=', 'page'],
      ['page=0x10', 'page'],
    ])('When the query is %s, then 400 names %s', async (query, field) => {
      const response = await call('get', `/api/items?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_parameter');
      expect(response.body.error.message).toMatch(new RegExp(`^${field}:`));
      expect(response.body.error.details.issues[0].field).toBe(field);
    });
  });

  describe('units', () => {
    test('When listing departments, then only departments come back, 省工业和信息化厅 among them', async () => {
      const response = await call('get', '/api/units?kind=department');
      expect(response.status).toBe(200);
      expect(response.body.units.length).toBeGreaterThan(0);
      expect(response.body.units.every((unit: { kind: string }) => unit.kind === 'department')).toBe(true);
      expect(response.body.units.map((unit: { shortName: string }) => unit.shortName)).toContain('省工业和信息化厅');
    });

    test('When searching units by name, then the store answers', async () => {
      const response = await call('get', `/api/units?q=${encodeURIComponent('工业和信息化')}`);
      expect(response.body.units).toEqual(asJson(await store.searchUnits({ q: '工业和信息化' })));
      expect(response.body.units.length).toBeGreaterThan(0);
    });

    test('When asking for a unit, then its items, partners and its metrics in the coordination network come back', async () => {
      const id = 'gd.dept.industry-it';
      const response = await call('get', `/api/units/${id}?seed=7&limit=${WHOLE}`);
      expect(response.status).toBe(200);
      const { metrics, parameters, ...detail } = response.body;
      // The page is the store's (tests/store/contract.ts holds both stores' pages to the text).
      const stored = (await store.getUnit(id, { limit: WHOLE, offset: 0 }))!;
      expect(detail).toEqual(asJson(stored));
      // One page holds them all, by role; the counts are its items'.
      const roleOrder = ['lead', 'co', 'support', 'implement', 'guide'];
      expect(stored.items.map((entry) => roleOrder.indexOf(entry.role))).toEqual(stored.items.map((entry) => roleOrder.indexOf(entry.role)).sort((a, b) => a - b));
      expect(stored.itemPage).toEqual({ total: stored.items.length, offset: 0, limit: WHOLE });
      expect(stored.itemCounts.total).toBe(stored.items.length);
      expect(stored.itemCounts.byRole.lead).toBe(stored.items.filter((entry) => entry.role === 'lead').length);
      for (const { documentId, items: count } of stored.itemCounts.byDocument) {
        expect(count).toBe(stored.items.filter((entry) => entry.item.documentId === documentId).length);
      }
      const report = computeNetworkMetrics(await store.snapshot({}), { seed: 7 });
      const { unit: _unit, ...expected } = report.nodes.find((node) => node.unit.id === id)!;
      expect(metrics).toEqual(asJson(expected));
      expect(parameters.seed).toBe(7);
    });

    test('When the unit is unknown, then 404; when the kind is unknown, then 400 names kind', async () => {
      expect((await call('get', '/api/units/gd.dept.nothing')).status).toBe(404);
      const response = await call('get', '/api/units?kind=ministry');
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe('kind');
    });
  });

  describe('analytics', () => {
    test('When asking for the workload, then 省工业和信息化厅 ranks first with the load the seed text gives it', async () => {
      const response = await settled('/api/workload');
      expect(response.status).toBe(200);
      // 牵头 7 times and 按职责分工负责 10 times in the seed: 7 × 3 + 10 × 1 = 31, of a total load of 137
      // over the non-generic units (tests/analytics/workload.test.ts lists the departments' loads).
      expect(response.body.rows[0]).toMatchObject({
        rank: 1,
        unit: { shortName: '省工业和信息化厅' },
        counts: { lead: 7, co: 10, support: 0, implement: 0, guide: 0 },
        weightedLoad: 31,
        overloaded: true,
      });
      expect(response.body.concentration.totalLoad).toBe(137);
      expect(response.body.rows[0].share).toBeCloseTo(31 / 137, 12);
      const departments = response.body.overloadRule.peerGroups.find((group: { peerGroup: string }) => group.peerGroup === '440000/province/department');
      // Loads 1 ×13, 2, 3 ×4, 4 ×4, 5, 11, 14, 31: Q1 1, Q3 4, threshold 4 + 1.5 × 3 = 8.5.
      expect(departments).toMatchObject({ units: 26, q1: 1, q3: 4, iqr: 3, threshold: 8.5, overloaded: 3 });
    });

    test('When weights are given, then they are used and echoed', async () => {
      const response = await settled('/api/workload?weights=lead:10,co:0.5&kind=department');
      expect(response.status).toBe(200);
      expect(response.body.parameters.weights).toEqual({ lead: 10, co: 0.5, support: 0.5, implement: 1, guide: 0.5 });
      // Re-weighted by hand from the seed's counts (lead, co): (7, 10) → 7 × 10 + 10 × 0.5 = 75,
      // (3, 5) → 32.5, (2, 5) → 22.5; the other 23 departments hold 0 to 1 leads each.
      expect(response.body.rows.slice(0, 3).map((row: { unit: { shortName: string }; weightedLoad: number }) => [row.unit.shortName, row.weightedLoad])).toEqual([
        ['省工业和信息化厅', 75],
        ['省政务服务数据管理局', 32.5],
        ['省科技厅', 22.5],
      ]);
      // Ascending: 0.5 ×13, 1, 2.5, 10 ×4, 10.5 ×4, 22.5, 32.5, 75. Q1 at h = 7.25 is 0.5; Q3 at h = 19.75 is
      // 10 + 0.75 × (10.5 − 10) = 10.375; IQR 9.875; threshold 10.375 + 1.5 × 9.875 = 25.1875: 75 and 32.5 are above it.
      expect(response.body.overloadRule.peerGroups).toEqual([
        expect.objectContaining({ units: 26, q1: 0.5, q3: 10.375, iqr: 9.875, threshold: 25.1875, overloaded: 2 }),
      ]);
    });

    test('When lists are given with spaces, repeated or with empty parts, then they are read as one list', async () => {
      const response = await settled(`/api/workload?role=lead,%20co&role=&kind=department,,city&document=${SEED_ID}`);
      expect(response.status).toBe(200);
      const filtered = computeWorkload(await store.snapshot({ document: [SEED_ID], role: ['lead', 'co'], kind: ['department', 'city'] }));
      expect(response.body).toEqual(await served(filtered));
      expect(response.body).not.toEqual(await served(computeWorkload(await store.snapshot({}))));
    });

    test.each(['boss:1', 'lead:-1', 'lead', 'lead:x', 'lead:', 'lead:1e3', 'lead:1:2'])('When weights=%s, then 400 names weights', async (weights) => {
      const response = await settled(`/api/workload?weights=${weights}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe('weights');
    });

    test('When a limit is given, then the first rows of the ranking come back and concentration.units counts them all', async () => {
      const whole = (await settled('/api/workload')).body as { rows: unknown[]; concentration: { units: number } };
      expect(whole.rows.length).toBeGreaterThan(3);
      expect(whole.concentration.units).toBe(whole.rows.length);
      const response = await settled('/api/workload?limit=3');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...whole, rows: whole.rows.slice(0, 3) });
      // Asked again, the same cut (made once, then served as it was serialised).
      expect((await settled('/api/workload?limit=3')).text).toBe(response.text);
      expect((await settled(`/api/workload?limit=${whole.rows.length}`)).body).toEqual(whole);
      expect((await settled('/api/workload?limit=100000')).body).toEqual(whole);
    });

    test.each(['limit=0', 'limit=100001', 'limit=x', 'limit=1.5', 'limit='])('When the workload query is %s, then 400 names limit', async (query) => {
      const response = await settled(`/api/workload?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe('limit');
    });

    test('When asking for gaps, then every seed item without 牵头 is listed with its clause quoted', async () => {
      const response = await settled(`/api/gaps?document=${SEED_ID}&limit=${WHOLE}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(await servedGaps(findGaps(await store.snapshot({ document: [SEED_ID] }))));
      const parsed = parseSeed();
      const withoutLead = parsed.items.filter((item) => !item.assignments.some((a) => a.role === 'lead')).map((item) => item.id);
      const noLead = response.body.gaps
        .filter((gap: { reasons: { code: string }[] }) => gap.reasons.some((reason) => reason.code === 'no-lead'))
        .map((gap: { item: { id: string } }) => gap.item.id);
      expect(noLead).toEqual(withoutLead);
      for (const gap of response.body.gaps) expect(gap.clause.text.length).toBeGreaterThan(0);
    });

    test('When asking for the coordination network, then units and their ties come back untruncated', async () => {
      const response = await settled('/api/network');
      expect(response.status).toBe(200);
      expect(response.body.mode).toBe('coordination');
      expect(response.body.truncated).toBeNull();
      const report = computeNetworkMetrics(await store.snapshot({}));
      expect(response.body.elements.nodes).toHaveLength(report.graph.nodes);
      expect(response.body.elements.edges).toHaveLength(report.graph.edges);
    });

    test('When the limit is smaller than the graph, then the response says what was left out', async () => {
      const response = await settled('/api/network?mode=bipartite&limit=5');
      expect(response.status).toBe(200);
      expect(response.body.mode).toBe('bipartite');
      expect(response.body.elements.nodes.length).toBeLessThanOrEqual(5);
      expect(response.body.truncated).toMatchObject({ limit: 5 });
      expect(response.body.truncated.nodes.total).toBeGreaterThan(response.body.truncated.nodes.shown);
    });

    test('When maxTies is smaller than the ties among the units shown, then the strongest come back and the rest are counted', async () => {
      const whole = (await settled('/api/network')).body as { elements: { edges: Array<{ data: { weight: number } }> } };
      const response = await settled('/api/network?maxTies=3');
      expect(response.status).toBe(200);
      const weights = (edges: Array<{ data: { weight: number } }>) => edges.map((edge) => edge.data.weight).sort((a, b) => b - a);
      expect(weights(response.body.elements.edges)).toEqual(weights(whole.elements.edges).slice(0, 3));
      expect(response.body.truncated).toMatchObject({ omittedTies: whole.elements.edges.length - 3, omittedUnits: [], edges: { shown: 3 } });
    });

    test.each([
      ['mode=tree', 'mode'],
      ['limit=0', 'limit'],
      ['maxTies=0', 'maxTies'],
      ['maxTies=100001', 'maxTies'],
      ['includeGeneric=perhaps', 'includeGeneric'],
      ['includeGeneric=', 'includeGeneric'],
      ['role=0', 'role'],
      ['kind=0', 'kind'],
    ])('When the network query is %s, then 400 names %s', async (query, field) => {
      const response = await settled(`/api/network?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe(field);
    });

    test('When asking for metrics with a seed and resolution, then they are the analytics’ own', async () => {
      const response = await settled('/api/metrics?seed=3&resolution=0.8');
      expect(response.status).toBe(200);
      expect(response.body).toEqual(await served(computeNetworkMetrics(await store.snapshot({}), { seed: 3, resolution: 0.8 })));
    });

    test('When asking for communities, then every unit of the network is in exactly one', async () => {
      const response = await settled('/api/communities');
      const metrics = await settled('/api/metrics');
      expect(response.status).toBe(200);
      expect(response.body.modularity).toBe(metrics.body.partition.modularity);
      const members = response.body.communities.flatMap((community: { members: { id: string }[] }) =>
        community.members.map((unit) => unit.id),
      );
      expect(members.sort()).toEqual(metrics.body.nodes.map((node: { unit: { id: string } }) => node.unit.id).sort());
    });

    test.each([
      ['resolution=-1', 'resolution'],
      ['resolution=', 'resolution'],
      ['seed=', 'seed'],
      ['seed=%201', 'seed'],
    ])('When the metrics query is %s, then 400 names %s', async (query, field) => {
      const response = await settled(`/api/metrics?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe(field);
    });
  });

  describe('bounded answers: a page at a time, with the totals stated', () => {
    /** Analyses are settled (they may be computing); other answers have no `stale` to wait for. */
    const ask = (url: string) => (url.startsWith('/api/gaps') ? settled(url) : call('get', url));
    /** Every page of `rows(body)` at `limit` rows, walked by `offset`, and the total the first page states. */
    const walk = async (url: string, rows: (body: Record<string, unknown>) => { total: number; rows: unknown[] }, limit: number) => {
      const collected: unknown[] = [];
      let total = -1;
      for (let offset = 0; total < 0 || offset < total; offset += limit) {
        const response = await ask(`${url}&limit=${limit}&offset=${offset}`);
        expect(response.status).toBe(200);
        const page = rows(response.body);
        total = total < 0 ? page.total : total;
        expect(page.total).toBe(total);
        expect(page.rows.length).toBe(Math.min(limit, total - offset));
        collected.push(...page.rows);
      }
      return { total, collected };
    };
    const whole = async (url: string, rows: (body: Record<string, unknown>) => { total: number; rows: unknown[] }) =>
      rows((await ask(`${url}&limit=${WHOLE}`)).body).rows;

    const lists: Array<[string, string, (body: Record<string, unknown>) => { total: number; rows: unknown[] }]> = [
      ['gaps', `/api/gaps?document=${SEED_ID}`, (body) => ({ total: body.total as number, rows: body.gaps as unknown[] })],
      ['gaps of one reason', '/api/gaps?reason=no-lead', (body) => ({ total: body.total as number, rows: body.gaps as unknown[] })],
      ['unmeasured items', '/api/commitments/unmeasured?jurisdiction=440000', (body) => ({ total: body.total as number, rows: body.items as unknown[] })],
      ['a unit’s items', '/api/units/gd.dept.industry-it?seed=7', (body) => ({ total: (body.itemPage as { total: number }).total, rows: body.items as unknown[] })],
      ['a unit’s items of one role', '/api/units/gd.dept.industry-it?role=co', (body) => ({ total: (body.itemPage as { total: number }).total, rows: body.items as unknown[] })],
    ];
    test.each(lists)('When %s are asked a page at a time, then the pages make up the whole list and state its total', async (_name, url, rows) => {
      const all = await whole(url, rows);
      expect(all.length).toBeGreaterThan(1);
      // About four pages, however long the list: each is a request.
      const { total, collected } = await walk(url, rows, Math.max(1, Math.ceil(all.length / 4)));
      expect(total).toBe(all.length);
      expect(collected).toEqual(all);
    });

    test('When gaps are asked by reason, then the total is the count the report states for that reason', async () => {
      const report = (await settled(`/api/gaps?limit=1`)).body;
      for (const [reason, count] of Object.entries(report.counts as Record<string, number>)) {
        expect((await settled(`/api/gaps?reason=${reason}&limit=1`)).body.total).toBe(count);
      }
    });

    const refused: Array<[string, string]> = [
      ['/api/gaps?limit=0', 'limit'],
      ['/api/gaps?limit=1001', 'limit'],
      ['/api/gaps?offset=-1', 'offset'],
      ['/api/gaps?reason=nobody', 'reason'],
      ['/api/commitments/unmeasured?offset=1.5', 'offset'],
      ['/api/units/gd.dept.industry-it?limit=many', 'limit'],
      ['/api/units/gd.dept.industry-it?role=boss', 'role'],
      ['/api/timeline?month=2024-13', 'month'],
      ['/api/timeline?limit=100000', 'limit'],
      ['/api/places/440100?offset=x', 'offset'],
      ['/api/places/nowhere', 'code'],
      ['/api/places/440100?jurisdiction=440000&limit=0', 'limit'],
    ];
    test.each(refused)('When %s is asked, then 400 names %s', async (url, field) => {
      const response = await call('get', url);
      expect(response.status).toBe(400);
      expect(fieldOf(response.body)).toBe(field);
    });
  });

  describe('exports', () => {
    test.each([
      ['csv-nodes', 'text/csv', /\.csv$/],
      ['csv-edges', 'text/csv', /\.csv$/],
      ['csv-responsibilities', 'text/csv', /\.csv$/],
      ['csv-workload', 'text/csv', /\.csv$/],
      ['graphml', 'application/graphml+xml', /\.graphml$/],
      ['gexf', 'application/gexf+xml', /\.gexf$/],
      ['json', 'application/json', /\.json$/],
      ['report', 'application/json', /\.json$/],
    ])('When exporting %s, then a %s attachment with a file name arrives', async (format, type, fileName) => {
      const response = await request(app).get(`/api/export/${format}?seed=5`).buffer(true).parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
      conformance.check('get', `/api/export/${format}`, response);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain(type);
      const disposition = /^attachment; filename="?([^";]+)"?$/.exec(response.headers['content-disposition'] ?? '');
      expect(disposition?.[1]).toMatch(fileName);
      const body = response.body as string;
      // Every download names its documents and parameters in the X-Provenance header, ASCII-only JSON.
      const provenance = response.headers['x-provenance']!;
      expect(provenance).toMatch(/^[\x20-\x7e]+$/);
      expect(JSON.parse(provenance)).toMatchObject({ parameters: { seed: 5 }, documents: [{ id: SEED_ID, title: expect.stringContaining('广东省') }] });
      if (type === 'text/csv') {
        expect(body.charCodeAt(0)).not.toBe(0xfeff);
        const rows = parseCsv(body, { columns: true });
        expect(rows.length).toBeGreaterThan(0);
      } else if (type === 'application/json') {
        expect(() => JSON.parse(body)).not.toThrow();
      } else {
        expect(body).toMatch(/^<\?xml/);
      }
    });

    test('When excel=1 is asked, then the CSV starts with a UTF-8 byte order mark and is otherwise the same', async () => {
      const plain = await request(app).get('/api/export/csv-edges?seed=5').buffer(true);
      const excel = await request(app).get('/api/export/csv-edges?seed=5&excel=1').buffer(true);
      expect(excel.status).toBe(200);
      const bytes = (response: request.Response) => Buffer.from(response.text, 'utf8');
      expect(bytes(excel).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(bytes(excel).subarray(3)).toEqual(bytes(plain));
    });

    test('When the provenance alone is asked, then provenance.json holds what the header says', async () => {
      const response = await call('get', '/api/export/provenance?seed=5');
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toMatchObject({ parameters: { seed: 5 }, documents: [{ id: SEED_ID }] });
    });

    test('When the format is unknown, then 400 names format', async () => {
      const response = await call('get', '/api/export/pdf');
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe('format');
    });
  });

  describe('scope: jurisdictions, years, several documents; metadata corrections', () => {
    const plans = Object.entries(SCOPE_PLANS).map(([name, plan]) => ({
      name,
      id: plan.file.replace(/\.txt$/, ''),
      text: readFileSync(join(SCOPE_PLANS_DIR, plan.file), 'utf8'),
      ...plan,
    }));
    const [foshan, shenzhen, stateCouncil] = plans as [(typeof plans)[0], (typeof plans)[0], (typeof plans)[0]];
    const ids = (response: { body: { documents: Array<{ id: string }> } }) => response.body.documents.map((document) => document.id);

    beforeAll(async () => {
      for (const plan of plans) {
        // The jurisdiction by name and the year as an ingest form sends them.
        const name = { '440600': '佛山市', '440300': '深圳', '100000': '100000' }[plan.jurisdiction];
        const query = `id=${plan.id}&jurisdiction=${encodeURIComponent(name)}&year=${plan.year}`;
        const response = await call('post', `/api/documents?${query}`, { json: { text: plan.text }, token: ADMIN_TOKEN });
        expect([plan.id, response.status]).toEqual([plan.id, 201]);
      }
    });
    afterAll(async () => {
      for (const plan of plans) await store.removeDocument(plan.id);
    });

    test('When plans are ingested with a jurisdiction and a year, then the documents carry them', async () => {
      const listed = (await call('get', '/api/documents')).body.documents as Array<{ id: string; jurisdiction?: { code: string }; year?: number }>;
      for (const plan of plans) {
        expect(listed.find((document) => document.id === plan.id)).toMatchObject({ jurisdiction: { code: plan.jurisdiction }, year: plan.year });
      }
    });

    test('When documents are scoped by jurisdiction, with or without the places within, then the store’s scope answers', async () => {
      expect(ids(await call('get', '/api/documents?jurisdiction=440000'))).toEqual([SEED_ID, foshan.id, shenzhen.id].sort());
      expect(ids(await call('get', '/api/documents?jurisdiction=440000&includeWithin=false'))).toEqual([SEED_ID]);
      expect(ids(await call('get', '/api/documents?jurisdiction=100000&includeWithin=false'))).toEqual([stateCouncil.id]);
      expect(ids(await call('get', '/api/documents?year=2023'))).toEqual([SEED_ID]);
      expect(ids(await call('get', `/api/documents?yearFrom=2024&document=${SEED_ID},${foshan.id}`))).toEqual([foshan.id]);
    });

    const scopes: Array<[string, DocumentScope]> = [
      ['jurisdiction=440600', { jurisdiction: '440600' }],
      ['jurisdiction=440000&includeWithin=false&yearTo=2023', { jurisdiction: '440000', includeWithin: false, yearTo: 2023 }],
      ['year=2024', { yearFrom: 2024, yearTo: 2024 }],
      [`document=${'shenzhen-digital-government-2024'},${'state-council-digital-government-2024'}`, { document: ['shenzhen-digital-government-2024', 'state-council-digital-government-2024'] }],
    ];
    test.each(scopes)('When every endpoint is asked with %s, then each answers for the plans in that scope', async (query, scope) => {
      const snapshot = await store.snapshot(scope);
      expect((await settled(`/api/workload?${query}`)).body).toEqual(await served(computeWorkload(snapshot)));
      expect((await settled(`/api/gaps?${query}&limit=${WHOLE}`)).body).toEqual(await servedGaps(findGaps(snapshot)));
      // Community numbers follow the partition remembered from the whole corpus (stable across ingests).
      const metrics = await settled(`/api/metrics?${query}`);
      const remembered = await store.communityMemory();
      expect(remembered).not.toBeNull();
      expect(metrics.body).toEqual(await served(computeNetworkMetrics(snapshot, {}, remembered)));
      const communities = await settled(`/api/communities?${query}`);
      expect(communities.body.count).toBe(computeNetworkMetrics(snapshot).partition.count);
      // Cytoscape graphs carry the time they were made: compare what they draw.
      const drawn = (graph: { elements: unknown; truncated: unknown }) => ({ elements: graph.elements, truncated: graph.truncated });
      expect(drawn((await settled(`/api/network?${query}`)).body)).toEqual(
        asJson(drawn(toCytoscape(snapshot, { mode: 'coordination', limit: 2_000 }, remembered))),
      );
      const items = await call('get', `/api/items?${query}&pageSize=500`);
      expect(items.body.items.map((item: { id: string }) => item.id)).toEqual(snapshot.items.map((item) => item.id));
      expect((await call('get', `/api/units?${query}`)).body.units).toEqual(asJson(await store.searchUnits(scope)));
      const exported = await request(app).get(`/api/export/json?${query}`);
      conformance.check('get', '/api/export/json', exported);
      expect(drawn(JSON.parse(exported.text))).toEqual(asJson(drawn(toCytoscape(snapshot, { mode: 'bipartite' }, remembered))));
    });

    test('When units are searched by their own jurisdiction, kind, function and level, then the store’s search answers', async () => {
      for (const query of ['unitJurisdiction=440000', 'function=finance', 'level=national&kind=department', 'q=财政', 'function=finance&jurisdiction=440300']) {
        const response = await call('get', `/api/units?${query}`);
        expect(response.status).toBe(200);
        const params = Object.fromEntries(new URLSearchParams(query));
        const { jurisdiction, ...rest } = params;
        const expected = await store.searchUnits({ ...rest, ...(jurisdiction ? { jurisdiction } : {}) } as Parameters<GraphStore['searchUnits']>[0]);
        expect(response.body.units).toEqual(asJson(expected));
        const codes = new Set(expected.map((unit) => unit.jurisdiction));
        expect(response.body.jurisdictions.map((jurisdiction: { code: string }) => jurisdiction.code).every((code: string) => codes.has(code))).toBe(true);
      }
      expect((await call('get', '/api/units?function=finance')).body.units.length).toBeGreaterThan(1);
    });

    test.each([
      ['/api/workload?jurisdiction=44', 'jurisdiction'],
      ['/api/workload?jurisdiction=佛山', 'jurisdiction'],
      ['/api/items?year=20x4', 'year'],
      ['/api/gaps?year=99999', 'year'],
      ['/api/network?year=2024&yearFrom=2023', 'year'],
      ['/api/metrics?yearFrom=2025&yearTo=2024', 'yearFrom'],
      ['/api/communities?includeWithin=maybe&jurisdiction=440000', 'includeWithin'],
      ['/api/documents?includeWithin=false', 'includeWithin'],
      ['/api/export/json?yearTo=1.5', 'yearTo'],
      ['/api/workload?document=seed,Not%20An%20Id', 'document'],
      ['/api/units?function=treasury', 'function'],
      ['/api/units?level=city', 'level'],
      ['/api/units?unitJurisdiction=4406', 'unitJurisdiction'],
    ])('When %s, then 400 names %s', async (url, field) => {
      const response = await call('get', url);
      expect(response.status).toBe(400);
      expect(fieldOf(response.body)).toBe(field);
    });

    test('When the ingest form gives title, issuer, publication date, year and jurisdiction, then the preview carries them', async () => {
      const query = new URLSearchParams({
        dryRun: 'true',
        title: '佛山市元数据测试工作要点',
        issuer: '佛山市人民政府办公室',
        publishedAt: '2024-03-15',
        year: '2024',
        jurisdiction: '佛山',
      });
      const response = await call('post', `/api/documents?${query}`, { json: { text: smallPlan('元数据') }, token: ADMIN_TOKEN });
      expect(response.status).toBe(200);
      expect(response.body.document).toMatchObject({
        title: '佛山市元数据测试工作要点',
        issuer: '佛山市人民政府办公室',
        publishedAt: '2024-03-15',
        year: 2024,
        jurisdiction: { code: '440600', name: '佛山市', level: 'prefecture' },
      });
    });

    test('When ingesting with an unknown jurisdiction or a malformed date, then 400 names the field and nothing is written', async () => {
      const before = await footprint(store);
      const cases: Array<[string, string]> = [
        ['jurisdiction=火星', 'jurisdiction'],
        ['publishedAt=2024-3-1', 'publishedAt'],
        ['year=24', 'year'],
      ];
      for (const [query, field] of cases) {
        const response = await call('post', `/api/documents?id=bad-metadata&${encodeURI(query)}`, { json: { text: smallPlan('元数据') }, token: ADMIN_TOKEN });
        expect([query, response.status, fieldOf(response.body)]).toEqual([query, 400, field]);
      }
      expect(await footprint(store)).toEqual(before);
    });

    test('When metadata is corrected with the token, then the documents and every scoped answer follow at once', async () => {
      const workloadBefore = (await settled('/api/workload?year=2019')).body;
      expect(workloadBefore.rows).toEqual([]);
      const response = await call('patch', `/api/documents/${shenzhen.id}`, {
        json: { year: 2019, issuer: '深圳市人民政府办公厅', jurisdiction: '深圳市', title: '深圳市数字政府工作要点（更正）' },
        token: ADMIN_TOKEN,
      });
      expect(response.status).toBe(200);
      expect(response.body.document).toMatchObject({ id: shenzhen.id, year: 2019, issuer: '深圳市人民政府办公厅', jurisdiction: { code: '440300', name: '深圳市' } });
      expect(ids(await call('get', '/api/documents?year=2019'))).toEqual([shenzhen.id]);
      expect((await settled('/api/workload?year=2019')).body).toEqual(await served(computeWorkload(await store.snapshot({ document: [shenzhen.id] }))));
      const cleared = await call('patch', `/api/documents/${shenzhen.id}`, { json: { issuer: null, year: shenzhen.year }, token: ADMIN_TOKEN });
      expect(cleared.body.document.issuer).toBeUndefined();
      expect(cleared.body.document.year).toBe(shenzhen.year);
    });

    test('When a correction is refused, then it says why, naming the field, and nothing changes', async () => {
      const before = await footprint(store);
      const url = `/api/documents/${foshan.id}`;
      const cases: Array<[string, Parameters<typeof call>[2], number, string | undefined]> = [
        ['no token', { json: { year: 2020 } }, 401, undefined],
        ['wrong token', { json: { year: 2020 }, token: 'wrong-token' }, 403, undefined],
        ['year as text', { json: { year: '2020' }, token: ADMIN_TOKEN }, 400, 'year'],
        ['unknown jurisdiction', { json: { jurisdiction: '火星' }, token: ADMIN_TOKEN }, 400, 'jurisdiction'],
        ['unknown field', { json: { sha256: 'x' }, token: ADMIN_TOKEN }, 400, undefined],
        ['nothing to change', { json: {}, token: ADMIN_TOKEN }, 400, 'body'],
        ['not JSON', { text: 'year=2020', token: ADMIN_TOKEN }, 415, undefined],
      ];
      for (const [name, options, status, field] of cases) {
        const response = await call('patch', url, options);
        expect([name, response.status]).toEqual([name, status]);
        if (field) expect([name, fieldOf(response.body)]).toEqual([name, field]);
      }
      const missing = await call('patch', '/api/documents/no-such-document', { json: { year: 2020 }, token: ADMIN_TOKEN });
      expect(missing.status).toBe(404);
      expect(await footprint(store)).toEqual(before);
    });
  });

  describe('ingest and delete', () => {
    const second = readFileSync(SECOND_PATH);

    test('When previewing an upload (dry run), then items, assignments and warnings come back and nothing is written', async () => {
      const before = await footprint(store);
      const expected = parseDocument(second, { source: 'guangdong-data-elements-2024.txt', registry: registry() });
      for (const options of [
        { file: { bytes: second, name: 'guangdong-data-elements-2024.txt' } },
        { text: second.toString('utf8') },
        { json: { text: second.toString('utf8'), source: 'guangdong-data-elements-2024.txt' } },
      ]) {
        const response = await call('post', '/api/documents?dryRun=true', { ...options, token: ADMIN_TOKEN });
        expect(response.status).toBe(200);
        expect(response.body.dryRun).toBe(true);
        expect(response.body.counts.items).toBe(expected.items.length);
        expect(response.body.counts.assignments).toBe(expected.items.flatMap((item) => item.assignments).length);
        expect(response.body.warnings).toHaveLength(expected.warnings.length);
      }
      expect(await footprint(store)).toEqual(before);
    });

    test('When previewing a document naming an unknown unit, then it is listed with where it occurs', async () => {
      const text = smallPlan('预览', '省数字孪生推进办公室牵头');
      const response = await call('post', '/api/documents?dryRun=true&id=preview-plan', { text, token: ADMIN_TOKEN });
      expect(response.status).toBe(200);
      expect(response.body.unknownUnits).toEqual([
        expect.objectContaining({ name: '省数字孪生推进办公室', occurrences: [expect.objectContaining({ itemId: 'preview-plan/item-1' })] }),
      ]);
    });

    test('When committing without a token, then 401 and nothing is written', async () => {
      const before = await footprint(store);
      for (const options of [{ text: smallPlan('无令牌') }, { json: { text: smallPlan('无令牌') } }, { file: { bytes: second, name: 'x.txt' } }]) {
        const response = await call('post', '/api/documents', options);
        expect(response.status).toBe(401);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      expect(await footprint(store)).toEqual(before);
    });

    test('When committing with a wrong token, then 403 and nothing is written', async () => {
      const before = await footprint(store);
      const response = await call('post', '/api/documents', { text: smallPlan('错令牌'), token: `${ADMIN_TOKEN}x` });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
      expect(await footprint(store)).toEqual(before);
    });

    test('When committing with the token, then the document lands once; again, nothing changes; then it can be deleted', async () => {
      const created = await call('post', '/api/documents', {
        file: { bytes: second, name: 'guangdong-data-elements-2024.txt' },
        token: ADMIN_TOKEN,
      });
      expect(created.status).toBe(201);
      expect(created.body.result).toMatchObject({ documentId: SECOND_ID, outcome: 'created' });
      const detail = await call('get', `/api/documents/${SECOND_ID}`);
      expect(detail.status).toBe(200);
      const listedIds = async () => ((await call('get', '/api/documents')).body.documents as Array<{ id: string }>).map(({ id }) => id);
      // The list is kept per data version: right after the write it names the new document.
      expect(await listedIds()).toContain(SECOND_ID);
      // Cached analytics follow the data: the workload now counts the new document too.
      expect((await settled('/api/workload')).body).toEqual(await served(computeWorkload(await store.snapshot({}))));

      const again = await call('post', '/api/documents?source=guangdong-data-elements-2024.txt', { text: second.toString('utf8'), token: ADMIN_TOKEN });
      expect(again.status).toBe(200);
      expect(again.body.result.outcome).toBe('unchanged');

      expect((await call('delete', `/api/documents/${SECOND_ID}`)).status).toBe(401);
      expect((await call('get', `/api/documents/${SECOND_ID}`)).status).toBe(200);
      const removed = await call('delete', `/api/documents/${SECOND_ID}`, { token: ADMIN_TOKEN });
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ id: SECOND_ID, removed: true });
      expect((await call('get', `/api/documents/${SECOND_ID}`)).status).toBe(404);
      expect(await listedIds()).not.toContain(SECOND_ID);
      expect((await settled('/api/workload')).body).toEqual(await served(computeWorkload(await store.snapshot({}))));
      expect((await call('delete', `/api/documents/${SECOND_ID}`, { token: ADMIN_TOKEN })).status).toBe(404);
    });

    test('When a GB18030 file is uploaded, then it is hashed as sent, so the same bytes again change nothing', async () => {
      const gb18030 = iconv.encode(second.toString('utf8'), 'gb18030');
      const file = { bytes: gb18030, name: 'guangdong-data-elements-2024.txt' };
      const created = await call('post', '/api/documents', { file, token: ADMIN_TOKEN });
      expect(created.status).toBe(201);
      const detail = await call('get', `/api/documents/${SECOND_ID}`);
      expect(detail.body.document.sha256).toBe(createHash('sha256').update(gb18030).digest('hex'));
      const again = await call('post', '/api/documents', { file, token: ADMIN_TOKEN });
      expect(again.body.result.outcome).toBe('unchanged');
      expect((await call('delete', `/api/documents/${SECOND_ID}`, { token: ADMIN_TOKEN })).status).toBe(200);
    });

    test('When the document cannot be parsed, then 422 gives the line and column', async () => {
      const response = await call('post', '/api/documents?dryRun=true&source=notes.txt', { text: '会议纪要\n\n没有任何编号的条目。\n', token: ADMIN_TOKEN });
      expect(response.status).toBe(422);
      expect(response.body.error.details).toMatchObject({ line: expect.any(Number), column: expect.any(Number), file: 'notes.txt' });
      expect(response.body.error.message).toMatch(/^notes\.txt:\d+:\d+: /);
    });

    test.each([
      ['application/xml', '<plan/>'],
      ['application/octet-stream', 'bytes'],
    ])('When the body is %s, then 415', async (type, body) => {
      const url = '/api/documents?dryRun=true';
      const response = await request(app).post(url).set('Authorization', `Bearer ${ADMIN_TOKEN}`).set('Content-Type', type).send(body);
      conformance.check('post', url, response);
      expect(response.status).toBe(415);
      expect(response.body.error.details.accepted).toContain('text/plain');
    });

    test('When the JSON body is malformed or misses text, then 400', async () => {
      const malformed = await request(app)
        .post('/api/documents?dryRun=true')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .set('Content-Type', 'application/json')
        .send('{"text":');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_json');
      const missing = await call('post', '/api/documents?dryRun=true', { json: { body: 'x' }, token: ADMIN_TOKEN });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.issues.map((issue: { field: string }) => issue.field)).toEqual(
        expect.arrayContaining(['text', 'body']),
      );
    });

    test('When a multipart body has no file part, then 400 names file', async () => {
      const response = await request(app).post('/api/documents?dryRun=true').set('Authorization', `Bearer ${ADMIN_TOKEN}`).field('note', 'x');
      expect(response.status).toBe(400);
    });

    test('When two different documents are ingested at once, then both land', async () => {
      const [a, b] = await Promise.all(
        ['concurrent-a', 'concurrent-b'].map((id) =>
          call('post', `/api/documents?id=${id}`, { text: smallPlan(id === 'concurrent-a' ? '甲' : '乙'), token: ADMIN_TOKEN }),
        ),
      );
      expect([a!.status, b!.status]).toEqual([201, 201]);
      const ids = (await store.listDocuments()).map((document) => document.id);
      expect(ids).toEqual(expect.arrayContaining(['concurrent-a', 'concurrent-b']));
      for (const id of ['concurrent-a', 'concurrent-b']) await call('delete', `/api/documents/${id}`, { token: ADMIN_TOKEN });
    });

    test('When two versions of one document are ingested at once, then exactly one whole version stands', async () => {
      const id = 'concurrent-same';
      const versions = [smallPlan('甲版'), `${smallPlan('乙版')}（三）新增任务。推进试点。（省科技厅牵头）\n`];
      const responses = await Promise.all(versions.map((text) => call('post', `/api/documents?id=${id}`, { text, token: ADMIN_TOKEN })));
      for (const response of responses) expect([200, 201]).toContain(response.status);
      const stored = (await store.listDocuments()).filter((document) => document.id === id);
      expect(stored).toHaveLength(1);
      const winner = versions
        .map((text) => parseDocument(text, { source: 'upload', id, registry: registry() }))
        .find((parsed) => parsed.document.sha256 === stored[0]!.sha256);
      expect(winner).toBeDefined();
      const items = await call('get', `/api/items?document=${id}&pageSize=500`);
      expect(items.body.items.map((item: { id: string }) => item.id)).toEqual(winner!.items.map((item) => item.id));
      expect(items.body.items.map((item: { title: string }) => item.title)).toEqual(winner!.items.map((item) => item.title));
      expect(stored[0]!.responsibilities).toBe(winner!.items.flatMap((item) => item.assignments).length);
      await call('delete', `/api/documents/${id}`, { token: ADMIN_TOKEN });
    });
  });

  describe('saved views and stable communities', () => {
    const view = {
      name: '协同核心',
      description: '度 ≥ 2，按 PageRank 着色',
      page: 'network',
      parameters: { colour: 'pagerank', degree: '2-', names: '0:数据组' },
      positions: { 'gd.dept.finance': { x: 10, y: -20.5 } },
    };

    test('When a view is saved with the token, then it is listed, opened whole and deleted; without it nothing is written', async () => {
      expect((await call('post', '/api/views', { json: view })).status).toBe(401);
      expect((await call('post', '/api/views', { json: view, token: 'wrong-token-0123456789' })).status).toBe(403);
      expect((await call('get', '/api/views')).body.views).toEqual([]);
      const saved = await call('post', '/api/views', { json: view, token: ADMIN_TOKEN });
      expect(saved.status).toBe(201);
      const { id } = saved.body.view as { id: string };
      expect(saved.body.view).toEqual({ ...view, id, createdAt: expect.any(String) });
      expect((await call('get', '/api/views')).body.views).toEqual([{ ...view, positions: undefined, id, createdAt: saved.body.view.createdAt }].map(({ positions: _p, ...summary }) => summary));
      expect((await call('get', `/api/views/${id}`)).body.view).toEqual(saved.body.view);
      expect((await call('delete', `/api/views/${id}`)).status).toBe(401);
      expect((await call('delete', `/api/views/${id}`, { token: ADMIN_TOKEN })).body).toEqual({ id, removed: true });
      const gone = await call('get', `/api/views/${id}`);
      expect([gone.status, gone.body.error.code, gone.body.error.details]).toEqual([404, 'not_found', { view: id }]);
      expect((await call('delete', `/api/views/${id}`, { token: ADMIN_TOKEN })).status).toBe(404);
    });

    test.each([
      ['name', { ...view, name: '' }],
      ['page', { ...view, page: 'workload' }],
      ['positions.a.x', { ...view, positions: { a: { x: Number.MAX_VALUE, y: 0 } } }],
      ['positions', { ...view, positions: Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => [`n${i}`, { x: 0, y: 0 }])) }],
      ['parameters', { ...view, parameters: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, 'x'])) }],
      ['extra', { ...view, extra: true }],
    ])('When a view has a bad %s, then 400 names it and nothing is stored', async (field, body) => {
      const response = await call('post', '/api/views', { json: body, token: ADMIN_TOKEN });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error.details)).toContain(field.split('.')[0]);
      expect((await call('get', '/api/views')).body.views).toEqual([]);
    });

    test('When a plan is ingested, then every community it leaves whole keeps its number, and merged ones keep one of theirs', async () => {
      const numbersNow = async () =>
        new Map(((await settled('/api/metrics')).body.nodes as Array<{ unit: { id: string }; community: number }>).map((node) => [node.unit.id, node.community]));
      const groupsOf = (numbers: Map<string, number>) => {
        const groups = new Map<number, string[]>();
        for (const [unit, community] of numbers) groups.set(community, [...(groups.get(community) ?? []), unit].sort());
        return groups;
      };
      const before = groupsOf(await numbersNow());
      const plan = smallPlan('稳定社区', '省财政厅牵头，省教育厅、省公安厅、省卫生健康委、省交通运输厅按职责分工负责');
      expect((await call('post', '/api/documents?id=stable-communities', { json: { text: plan }, token: ADMIN_TOKEN })).status).toBe(201);
      try {
        const after = groupsOf(await numbersNow());
        let whole = 0;
        for (const [number, members] of after) {
          const former = members.filter((unit) => [...before.values()].some((group) => group.includes(unit)));
          const same = [...before.entries()].find(([, group]) => JSON.stringify(group) === JSON.stringify(former));
          if (same) {
            whole += 1;
            expect([members, number]).toEqual([members, same[0]]);
          } else if (former.length > 0) {
            // A merger or split takes the number of one of the communities its members came from.
            const origins = [...before.entries()].filter(([, group]) => group.some((unit) => former.includes(unit))).map(([origin]) => origin);
            if (!origins.includes(number)) expect(Math.max(...before.keys())).toBeLessThan(number);
          }
        }
        expect(whole).toBeGreaterThan(0);
      } finally {
        await call('delete', '/api/documents/stable-communities', { token: ADMIN_TOKEN });
      }
    });
  });

  describe('meta', () => {
    test('When probed, then /healthz is alive and /readyz names the store', async () => {
      expect((await call('get', '/healthz')).body).toEqual({ status: 'ok' });
      expect((await call('get', '/readyz')).body).toEqual({ status: 'ready', store: store.kind, analyticsComputing: expect.any(Number) });
    });

    test('When reading the API description, then OpenAPI 3.1 and the HTML page list every endpoint', async () => {
      expect((await call('get', '/api/openapi.json')).body).toEqual(conformance.document);
      // Checked against the OpenAPI 3.1 specification's own schema, as Schemathesis and client generators read it.
      expect(openApiSpecificationErrors(conformance.document)).toEqual([]);
      const paths = Object.keys(conformance.document.paths);
      expect(conformance.document.openapi).toBe('3.1.0');
      expect(paths).toEqual(
        expect.arrayContaining(['/api/items', '/api/items/{id}', '/api/export/{format}', '/api/documents/{id}', '/readyz']),
      );
      const page = await call('get', '/api/docs');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      for (const path of paths) expect(page.text).toContain(path);
      expect(page.text).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
    });

    test('When reading the API description, then each parameter carries the rule the server enforces', () => {
      const parameter = (path: string, name: string) =>
        (conformance.document.paths[path]!.get!.parameters as { name: string; schema: Record<string, unknown> }[]).find(
          (candidate) => candidate.name === name,
        )!.schema;
      const textPattern = (schema: Record<string, unknown>) => new RegExp((schema.anyOf as { pattern: string }[])[0]!.pattern);
      expect(textPattern(parameter('/api/workload', 'role')).test('lead, co,')).toBe(true);
      expect(textPattern(parameter('/api/workload', 'role')).test('0')).toBe(false);
      expect(textPattern(parameter('/api/workload', 'kind')).test('department')).toBe(true);
      expect(textPattern(parameter('/api/workload', 'document')).test(SEED_ID)).toBe(true);
      expect(textPattern(parameter('/api/workload', 'document')).test('Not an id')).toBe(false);
      expect(new RegExp(parameter('/api/workload', 'weights').pattern as string).test('lead:3, co:0.5')).toBe(true);
      expect(parameter('/api/metrics', 'includeGeneric').enum).toEqual(expect.arrayContaining(['true', 'false']));
      expect(parameter('/api/metrics', 'resolution')).toMatchObject({ type: 'number', exclusiveMinimum: 0, maximum: 100 });
      // Downloads in JSON are documented as the JSON they are, not as a string.
      const download = conformance.document.paths['/api/export/{format}']!.get!.responses as Record<string, { content: Record<string, { schema: unknown }> }>;
      expect(download['200']!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/JsonExportResponse' });
      expect(download['200']!.content['text/csv']!.schema).toEqual({ type: 'string' });
    });

    test('When the example upload of the API description is previewed, then it parses into items with owners', async () => {
      const { content } = conformance.document.paths['/api/documents']!.post!.requestBody as {
        content: Record<string, { schema: { examples?: string[] } }>;
      };
      const example = content['text/plain']!.schema.examples![0]!;
      const response = await call('post', '/api/documents?dryRun=true', { text: example, token: ADMIN_TOKEN });
      expect(response.status).toBe(200);
      expect(response.body.counts.items).toBeGreaterThan(0);
      expect(response.body.counts.assignments).toBeGreaterThan(0);
    });

    test('When an API route does not exist, then JSON 404; when the method does not, then 405 with Allow', async () => {
      const response = await call('get', '/api/nothing-here');
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('route_not_found');
      const wrongMethod = await request(app).put(`/api/items/${encodeURIComponent(itemId(1))}`);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.allow).toBe('GET, HEAD');
      expect(wrongMethod.body.error.code).toBe('method_not_allowed');
    });
  });

  describe('security', () => {
    test('When every route is called with every method, without a token or with a wrong one, then nothing is written', async () => {
      const before = await footprint(store);
      const paths = Object.keys(conformance.document.paths).map((path) =>
        path.replace('{id}', encodeURIComponent(path.startsWith('/api/items') ? itemId(1) : SEED_ID)).replace('{format}', 'json'),
      );
      const statuses = new Map<string, number>();
      for (const path of paths) {
        for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
          // A GET is tried once; a would-be write both without a token and with a wrong one.
          for (const token of method === 'get' ? [undefined] : [undefined, 'wrong-token']) {
            let pending = request(app)[method](path).set('Content-Type', 'text/plain').send(smallPlan('扫描'));
            if (token) pending = pending.set('Authorization', `Bearer ${token}`);
            const response = await pending;
            statuses.set(`${method} ${path} ${token ?? 'none'}`, response.status);
            expect(response.status).toBeLessThan(500);
          }
        }
      }
      expect(await footprint(store)).toEqual(before);
      expect(statuses.get(`post /api/documents none`)).toBe(401);
      expect(statuses.get(`delete /api/documents/${SEED_ID} wrong-token`)).toBe(403);
      expect(statuses.get(`put /api/documents none`)).toBe(405);
      expect(statuses.get(`post /api/workload none`)).toBe(405);
    }, 120_000);

    test('When a write comes without a token, then 401 before its query, path or body is read', async () => {
      const before = await footprint(store);
      // Control characters in a part name: a malformed upload that the multipart reader itself refuses (400) when it runs.
      const malformed = '--XX\r\nContent-Disposition: form-data; name="\x11\x15-"\r\n\r\nabc\r\n--XX--\r\n';
      const upload = (url: string) => request(app).post(url).set('Content-Type', 'multipart/form-data; boundary=XX').send(malformed);
      const anonymous = [
        ['post', '/api/documents', await upload('/api/documents')],
        ['post', '/api/documents?dryRun=maybe&id=Not%20an%20id', await upload('/api/documents?dryRun=maybe&id=Not%20an%20id')],
        // A dry run too: it writes nothing, but it makes the server parse.
        ['post', '/api/documents?dryRun=true', await upload('/api/documents?dryRun=true')],
        ['post', '/api/documents', await request(app).post('/api/documents').set('Content-Type', 'application/json').send('{"text":')],
        ['delete', `/api/documents/${'x'.repeat(400)}`, await request(app).delete(`/api/documents/${'x'.repeat(400)}`)],
      ] as const;
      for (const [method, url, response] of anonymous) {
        conformance.check(method, url, response);
        expect([url, response.status, response.body.error.code]).toEqual([url, 401, 'unauthorized']);
      }
      expect(await footprint(store)).toEqual(before);
    });

    test('When answering, then helmet headers and a request id are set, and CORS stays closed', async () => {
      const response = await request(app).get('/api/documents').set('Origin', 'https://evil.example');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const traced = await request(app).get('/healthz').set('X-Request-Id', 'trace-42');
      expect(traced.headers['x-request-id']).toBe('trace-42');
    });

    test('When asking where and by when, then places, deadlines and targets come as the parser read them, from this store', async () => {
      const parsed = parseSeed();
      const commitments = await call('get', `/api/commitments?document=${SEED_ID}`);
      expect(commitments.status).toBe(200);
      expect(commitments.body.items.map((item: { itemId: string; places: unknown[] }) => [item.itemId, item.places])).toEqual(
        asJson(parsed.items.map((item) => [item.id, item.places])),
      );
      const places = await call('get', `/api/places?document=${SEED_ID}`);
      expect(places.status).toBe(200);
      const guangzhou = places.body.tiles.find((tile: { code: string }) => tile.code === '440100');
      expect(guangzhou.mentioned).toBe(parsed.items.filter((item) => item.places.some((p) => p.code === '440100' || p.code.startsWith('4401'))).length);
      const unmeasured = await call('get', `/api/commitments/unmeasured?document=${SEED_ID}`);
      expect(unmeasured.body.items).toHaveLength(parsed.items.filter((item) => item.targets.length === 0 && item.deadlines.every((d) => d.date === null)).length);
      const timeline = await call('get', `/api/timeline?document=${SEED_ID}&today=2023-07-01`);
      expect(timeline.body.counts.ongoing).toBe(parsed.items.flatMap((item) => item.deadlines.filter((d) => d.precision === 'ongoing')).length);
      const due = await call('get', `/api/deadlines/due?document=${SEED_ID}&today=2023-07-01`);
      expect(due.body.quarter.label).toBe('2023Q3');
      const csv = await call('get', `/api/export/places/csv-places?document=${SEED_ID}`);
      expect(parseCsv(csv.text, { columns: true })).toHaveLength(parsed.items.flatMap((item) => item.places).length);
    });

    test('When writes happen, then the log never holds the token or the document text', async () => {
      const text = smallPlan('日志检查');
      await call('post', '/api/documents?id=log-check', { text, token: ADMIN_TOKEN });
      await call('post', '/api/documents?id=log-check-wrong', { text, token: 'wrong-token-in-log' });
      await call('delete', '/api/documents/log-check', { token: ADMIN_TOKEN });
      const log = logs.join('');
      expect(log).toContain('/api/documents');
      expect(log).not.toContain(ADMIN_TOKEN);
      expect(log).not.toContain('wrong-token-in-log');
      expect(log).not.toContain('日志检查');
    });
  });

  describeCompare(() => ({ store, call }));

  test('Then every endpoint answered at least once, and every answer matched the OpenAPI document', () => {
    const operations = Object.entries(conformance.document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = [...conformance.checked].map((entry) => entry.split(' ').slice(0, 2).join(' '));
    expect(operations.filter((operation) => !covered.includes(operation))).toEqual([]);
  });
}
