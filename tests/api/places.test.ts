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
    expect(shenzhen.mentioned.map((m: { item: { id: string } }) => m.item.id)).toEqual(mentionedItems);
    const namedItems = seed.parsed.items.filter((item) => item.assignments.some((a) => a.nameAsWritten.startsWith('深圳市政府'))).map((item) => item.id);
    expect(shenzhen.named.map((n: { item: { id: string } }) => n.item.id)).toEqual(namedItems);
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
    const response = await call('get', `/api/commitments/unmeasured?document=${seed.parsed.document.id}`);
    const expected = seed.parsed.items.filter((item) => item.targets.length === 0 && !item.deadlines.some((d) => d.date !== null));
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual(expected.map((item) => item.id));
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
