/**
 * The where-and-by-when endpoints on the embedded store, each answer checked against the OpenAPI
 * document the app publishes; expectations come from the parser's output, never from the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { DOMParser } from '@xmldom/xmldom';
import { MemoryStore } from '../../graph/store';
import { loadCommitmentPlans, loadFixtures } from '../store/fixtures';
import { caller, createTestApp, OpenApiConformance } from './harness';

jest.setTimeout(60_000);

const fixtures = loadFixtures();
const { seed } = fixtures;
const [guangzhou, ministry, county] = loadCommitmentPlans(fixtures.registry);
let call: ReturnType<typeof caller>;
/** A page that holds every row of these small plans. */
const WHOLE = 1_000;

beforeAll(async () => {
  const store = new MemoryStore();
  await store.loadDocuments([seed, guangzhou!, ministry!, county!].map(({ parsed, units }) => ({ document: parsed, units })));
  const { app } = createTestApp(store);
  call = caller(app, await OpenApiConformance.of(app));
});

describe('GET /api/places', () => {
  test('lays out Guangdong’s prefectures and keeps clause-named governments apart from body mentions', async () => {
    const response = await call('get', `/api/places?document=${seed.parsed.document.id}`);
    expect(response.status).toBe(200);
    expect(response.body.jurisdiction.code).toBe('440000');
    expect(response.body.layout).toBe('geographic');
    expect(response.body.tiles).toHaveLength(21);
    const shenzhen = response.body.places.find((p: { code: string }) => p.code === '440300');
    const mentionedItems = seed.parsed.items.filter((item) => item.places.some((p) => p.code === '440300')).map((item) => item.id);
    const namedItems = seed.parsed.items.filter((item) => item.assignments.some((a) => a.nameAsWritten.startsWith('深圳市政府'))).map((item) => item.id);
    // The map counts; the items come by place.
    expect(shenzhen).toMatchObject({ named: namedItems.length, mentioned: mentionedItems.length });
    const items = await call('get', `/api/places/440300?document=${seed.parsed.document.id}&limit=${WHOLE}`);
    expect(items.status).toBe(200);
    // The tile's items: Shenzhen's own, then those of its districts.
    type Entry = { item: { id: string }; placeCode: string };
    const own = (entries: Entry[]) => entries.filter((entry) => entry.placeCode === '440300').map((entry) => entry.item.id);
    expect(own(items.body.mentioned.rows)).toEqual(mentionedItems);
    expect(own(items.body.named.rows)).toEqual(namedItems);
    const tile = response.body.places.filter((p: { tile: string | null }) => p.tile === '440300');
    expect(items.body.mentioned.total).toBe(tile.reduce((sum: number, p: { mentioned: number }) => sum + p.mentioned, 0));
    // 番禺区 counts towards the 广州 tile; 粤港澳大湾区 is a region beside the map.
    expect(response.body.places.find((p: { code: string }) => p.code === '440113').tile).toBe('440100');
    expect(response.body.places.find((p: { code: string }) => p.code === 'R-GBA')).toMatchObject({ level: 'region', tile: null });
  });

  test('a city scope lays out its districts as a grid (no hand-placed layout for them)', async () => {
    const response = await call('get', '/api/places?jurisdiction=440100');
    expect(response.status).toBe(200);
    expect(response.body.jurisdiction.code).toBe('440100');
    expect(response.body.layout).toBe('grid');
    expect(response.body.tiles.map((t: { code: string }) => t.code)).toContain('440115');
  });
});

describe('GET /api/timeline and /api/deadlines/due', () => {
  test('groups a plan’s deadlines by month and marks those before today overdue', async () => {
    const response = await call('get', `/api/timeline?document=${guangzhou!.parsed.document.id}&today=2024-07-01`);
    expect(response.status).toBe(200);
    const dated = guangzhou!.parsed.items.flatMap((item) => item.deadlines.filter((d) => d.date !== null));
    expect(response.body.counts).toEqual({ dated: dated.length, overdue: dated.filter((d) => d.date! < '2024-07-01').length, ongoing: 1 });
    expect(response.body.months.map((m: { month: string }) => m.month)).toEqual(['2024-06', '2024-09', '2024-12', '2025-12']);
  });

  test('counts every month, lists a page of each, and pages one month on demand', async () => {
    const url = `/api/timeline?document=${guangzhou!.parsed.document.id}&today=2024-07-01`;
    const full = (await call('get', `${url}&limit=${WHOLE}`)).body;
    const dated = guangzhou!.parsed.items.flatMap((item) => item.deadlines.filter((d) => d.date !== null));
    expect(full.months.reduce((sum: number, month: { total: number }) => sum + month.total, 0)).toBe(dated.length);
    const firstPage = (await call('get', `${url}&limit=1`)).body;
    expect(firstPage.months.map((month: { total: number }) => month.total)).toEqual(full.months.map((month: { total: number }) => month.total));
    for (const month of firstPage.months) expect(month.entries).toEqual(full.months.find((m: { month: string }) => m.month === month.month).entries.slice(0, 1));
    const busiest = [...full.months].sort((a: { total: number }, b: { total: number }) => b.total - a.total)[0];
    const collected: unknown[] = [];
    for (let offset = 0; offset < busiest.total; offset += 1) {
      const page = (await call('get', `${url}&month=${busiest.month}&limit=1&offset=${offset}`)).body;
      for (const other of page.months) if (other.month !== busiest.month) expect(other.entries).toEqual([]);
      expect(page.ongoing.entries).toEqual([]);
      collected.push(...page.months.find((m: { month: string }) => m.month === busiest.month).entries);
    }
    expect(collected).toEqual(busiest.entries);
  });

  test('filters by unit, and counts what is due this quarter per unit', async () => {
    const unit = guangzhou!.parsed.items[0]!.assignments[0]!.unitId;
    const timeline = await call('get', `/api/timeline?unit=${encodeURIComponent(unit)}&today=2024-07-01`);
    const own = guangzhou!.parsed.items.filter((item) => item.assignments.some((a) => a.unitId === unit));
    expect(timeline.body.counts.dated).toBe(own.flatMap((item) => item.deadlines.filter((d) => d.date !== null)).length);
    const due = await call('get', `/api/deadlines/due?document=${ministry!.parsed.document.id}&today=2024-08-15`);
    expect(due.status).toBe(200);
    expect(due.body.quarter).toEqual({ label: '2024Q3', start: '2024-07-01', end: '2024-09-30' });
    const dueItems = ministry!.parsed.items.filter((item) => item.deadlines.some((d) => d.date !== null && d.date >= '2024-07-01' && d.date <= '2024-09-30'));
    const lead = dueItems[0]!.assignments[0]!.unitId;
    expect(due.body.units.find((row: { unit: { id: string } }) => row.unit.id === lead).dueThisQuarter).toBe(
      dueItems.filter((item) => item.assignments.some((a) => a.unitId === lead)).length,
    );
  });

  test('refuses a malformed day, naming the field', async () => {
    const response = await call('get', '/api/timeline?today=2024-13-01');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('today');
  });
});

describe('GET /api/commitments/unmeasured', () => {
  test('lists exactly the items with no dated deadline and no target', async () => {
    const response = await call('get', `/api/commitments/unmeasured?document=${seed.parsed.document.id}&limit=${WHOLE}`);
    const expected = seed.parsed.items.filter((item) => item.targets.length === 0 && !item.deadlines.some((d) => d.date !== null));
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual(expected.map((item) => item.id));
    expect(response.body.total).toBe(expected.length);
    const second = await call('get', `/api/commitments/unmeasured?document=${seed.parsed.document.id}&limit=2&offset=2`);
    expect(second.body.items).toEqual(response.body.items.slice(2, 4));
    expect(second.body.total).toBe(expected.length);
    expect(response.body.items.find((item: { label: string }) => item.label === '（八）').ongoing).toBe(true);
  });
});

describe('GET /api/export/places/{format}', () => {
  test('CSV rows carry offsets that slice the source back', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'plans', 'commitments', 'guangzhou-business-environment-2024.txt'), 'utf8');
    for (const [format, column] of [['csv-deadlines', 'text'], ['csv-targets', 'text'], ['csv-places', 'mention']] as const) {
      const response = await call('get', `/api/export/places/${format}?document=${guangzhou!.parsed.document.id}`);
      expect(response.status).toBe(200);
      const rows = parseCsv(response.text, { columns: true }) as Array<Record<string, string>>;
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.parse(response.headers['x-provenance']!).documents.map((d: { id: string }) => d.id)).toEqual([guangzhou!.parsed.document.id]);
      for (const row of rows) expect(source.slice(Number(row.start), Number(row.end))).toBe(row[column]);
    }
  });

  test('GraphML and GEXF hold units, items and places, items CONCERN places', async () => {
    const places = seed.parsed.items.flatMap((item) => item.places);
    const graphml = await call('get', `/api/export/places/graphml?document=${seed.parsed.document.id}`);
    const doc = new DOMParser().parseFromString(graphml.text, 'text/xml');
    const nodeTypes = Array.from(doc.getElementsByTagName('node')).map((node) => node.getElementsByTagName('data')[0]?.textContent);
    expect(nodeTypes.filter((type) => type === 'place')).toHaveLength(new Set(places.map((p) => p.code)).size);
    expect(nodeTypes.filter((type) => type === 'item')).toHaveLength(seed.parsed.items.length);
    const concerns = Array.from(doc.getElementsByTagName('edge')).filter((edge) => edge.getElementsByTagName('data')[0]?.textContent === 'concerns');
    expect(concerns).toHaveLength(places.length);
    const gexf = await call('get', `/api/export/places/gexf?document=${seed.parsed.document.id}`);
    expect(gexf.status).toBe(200);
    expect(gexf.text).toContain('place:440300');
  });
});
