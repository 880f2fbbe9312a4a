/**
 * Hostile text through the HTTP API on both stores: Cypher fragments in search text, filters, ids and
 * document text change nothing and find nothing they should not; spreadsheet formulas in unit names are
 * neutralised in every CSV export. (Inert HTML in the client is checked end to end in tests/e2e/explorer.test.ts.)
 */
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { ADMIN_TOKEN, createTestApp, SEED_ID, smallPlan } from '../api/harness';
import { forEachStore } from './stores';

jest.setTimeout(120_000);

const PAYLOADS = [
  "' OR 1=1",
  "' OR '1'='1' --",
  '}) MATCH (n) DETACH DELETE n //',
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "x'}) WITH 1 AS x MATCH (n) SET n.pwned = true //",
  '*:*',
  'title:/.*/ OR text:*',
];

forEachStore('Cypher fragments through the API', (store) => {
  test('When search text, filters and ids carry Cypher, then nothing changes and nothing unexpected comes back', async () => {
    const { app } = createTestApp(store());
    const before = await store().stats();
    const unexpected: string[] = [];
    for (const payload of PAYLOADS) {
      const q = encodeURIComponent(payload);
      const reads = [
        `/api/items?q=${q}`,
        `/api/units?q=${q}`,
        `/api/items?document=${q}`,
        `/api/items?unit=${q}`,
        `/api/items/${q}`,
        `/api/units/${q}`,
        `/api/documents/${q}`,
        `/api/workload?document=${q}`,
        `/api/network?unit=${q}`,
        `/api/export/csv-nodes?document=${q}`,
      ];
      for (const path of reads) {
        const response = await request(app).get(path);
        // A refusal (400/404) or an empty answer; never a 5xx and never the whole graph.
        if (response.status >= 500) unexpected.push(`${path} → ${response.status}`);
        if (response.status === 200 && Array.isArray(response.body.items) && response.body.items.length > 0) unexpected.push(`${path} found items`);
        if (response.status === 200 && Array.isArray(response.body.units) && path.startsWith('/api/units?') && response.body.units.length > 0)
          unexpected.push(`${path} found units`);
        expect(response.text).not.toMatch(/Neo4jError|CypherSyntax|at \S+\.(ts|js):\d+/);
      }
      // Writes with the admin token: a hostile id is refused or unknown, never a deletion elsewhere.
      const remove = await request(app).delete(`/api/documents/${q}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
      if (![400, 404].includes(remove.status)) unexpected.push(`DELETE /api/documents/${payload} → ${remove.status}`);
      const ingest = await request(app).post(`/api/documents?id=${q}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(smallPlan('注入'));
      if (ingest.status !== 400) unexpected.push(`POST ?id=${payload} → ${ingest.status}`);
    }
    expect(unexpected).toEqual([]);
    expect(await store().stats()).toEqual(before);
    expect((await request(app).get('/api/items?q=%E6%95%B0%E6%8D%AE%E8%A6%81%E7%B4%A0')).body.total).toBeGreaterThanOrEqual(2);
  }, 600_000);

  test('When a document’s text carries Cypher, then it is stored and found verbatim, and only it is added', async () => {
    const { app } = createTestApp(store());
    const before = await store().stats();
    const hostile = PAYLOADS[2]!;
    const text = `注入检查工作要点\n\n一、任务\n\n（一）建设平台。${hostile}。（省科技厅牵头）\n`;
    const created = await request(app).post('/api/documents?id=injection-text').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(text);
    expect(created.status).toBe(201);
    const item = await request(app).get('/api/items/injection-text%2Fitem-1');
    // Stored as text, repaired like any text (spaces dropped, widths folded), never run.
    const fold = (value: string) => value.normalize('NFKC').replace(/\s+/g, '');
    expect(fold(item.body.item.text)).toContain(fold(hostile));
    const found = await request(app).get(`/api/items?q=${encodeURIComponent('DETACH DELETE')}`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual(['injection-text/item-1']);
    expect((await request(app).get(`/api/documents/${SEED_ID}`)).status).toBe(200);
    expect((await request(app).delete('/api/documents/injection-text').set('Authorization', `Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
    expect(await store().stats()).toEqual(before);
  }, 300_000);
});

/** A cell a spreadsheet would run as a formula: starts with = + - @ (or tab/CR) and is not just a number. */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i;

forEachStore('CSV exports of formula-like text', (store) => {
  test('When unit names and item labels start with = + - @, then every CSV export neutralises them', async () => {
    const { app } = createTestApp(store());
    const plan = smallPlan('公式', '=1+2局牵头，+SUM局按职责分工负责，-cmd局配合，@x局落实');
    expect((await request(app).post('/api/documents?id=formula-cells').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(plan)).status).toBe(201);
    try {
      const seen = new Set<string>();
      for (const format of ['csv-nodes', 'csv-edges', 'csv-responsibilities', 'csv-workload']) {
        const response = await request(app).get(`/api/export/${format}?document=formula-cells`).buffer(true);
        expect(response.status).toBe(200);
        const rows = parse(response.text, { relax_column_count: true }) as string[][];
        for (const cell of rows.flat()) {
          if (FORMULA.test(cell)) expect(cell).toMatch(NUMBER);
          for (const name of ['=1+2局', '+SUM局', '-cmd局', '@x局']) if (cell === `'${name}`) seen.add(name);
        }
      }
      // The names did reach the exports, neutralised with a leading apostrophe.
      expect([...seen].sort()).toEqual(['+SUM局', '-cmd局', '=1+2局', '@x局']);
    } finally {
      await request(app).delete('/api/documents/formula-cells').set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    }
  }, 300_000);
});
