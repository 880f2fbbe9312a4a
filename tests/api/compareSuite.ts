/**
 * The compare endpoints, run inside the API suite on each store: the seed against itself, the
 * seed against its hand-written 2024 edit (the same answer as the CLI's golden file), lineages, the
 * CSV downloads with both hashes, and the refusals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ingestDocument } from '../../graph/ingest';
import type { GraphStore } from '../../graph/store';
import type { CompareResponse } from '../../graph/api';
import { MAX_LINEAGE_PLANS } from '../../server/routes/compare';
import { registry, SEED_ID, type caller } from './harness';

const FIXTURES = join(__dirname, '..', 'fixtures', 'compare');
const EDITED_ID = 'guangdong-digital-economy-2024';

export function describeCompare(context: () => { store: GraphStore; call: ReturnType<typeof caller> }): void {
  describe('compare: plans over time', () => {
    beforeAll(async () => {
      const file = join(FIXTURES, `${EDITED_ID}.txt`);
      const sidecar = JSON.parse(readFileSync(join(FIXTURES, `${EDITED_ID}.meta.json`), 'utf8'));
      await ingestDocument(context().store, registry(), readFileSync(file), { source: `${EDITED_ID}.txt`, sidecar });
    });
    afterAll(async () => {
      await context().store.removeDocument(EDITED_ID);
    });

    it('compares the seed with itself: 34 continued and nothing else', async () => {
      const response = await context().call('get', `/api/compare?old=${SEED_ID}&new=${SEED_ID}`);
      expect(response.status).toBe(200);
      const body = response.body as CompareResponse;
      expect(body.pairs.map((p) => p.status)).toEqual(Array.from({ length: 34 }, () => 'continued'));
      expect([body.added, body.dropped]).toEqual([[], []]);
      expect(body.plans.old.items).toHaveLength(34);
    });

    it('compares the seed with its 2024 edit exactly as the CLI does on the files', async () => {
      const response = await context().call('get', `/api/compare?old=${SEED_ID}&new=${EDITED_ID}`);
      expect(response.status).toBe(200);
      const { plans, unitNames, ...comparison } = response.body as CompareResponse;
      const golden = JSON.parse(readFileSync(join(FIXTURES, 'guangdong-digital-economy-2023-to-2024.expected.json'), 'utf8'));
      expect(comparison).toEqual(golden);
      // The view's context: texts without the clause, and the renamed regulator under its new name.
      expect(plans.new.items.find((i) => i.id === `${EDITED_ID}/item-5`)!.title).toBe('发展人工智能产业');
      expect(unitNames['gd.central.nfra-guangdong']).toBe('国家金融监督管理总局广东监管局');
    });

    it('follows tasks across the two years as lineages', async () => {
      const response = await context().call('get', `/api/compare/lineage?document=${EDITED_ID},${SEED_ID}`);
      expect(response.status).toBe(200);
      expect(response.body.documents.map((d: { id: string }) => d.id)).toEqual([SEED_ID, EDITED_ID]);
      expect(response.body.lineages).toHaveLength(36);
      expect(response.body.items[`${EDITED_ID}/item-5`]).toEqual({ label: '（五）', title: '发展人工智能产业' });
    });

    it('downloads the pairs and the unit deltas as CSV with both documents’ hashes', async () => {
      const hashes = (await context().store.listDocuments({ document: [SEED_ID, EDITED_ID] })).map((d) => d.sha256);
      for (const table of ['pairs', 'units']) {
        const response = await context().call('get', `/api/compare/export/${table}?old=${SEED_ID}&new=${EDITED_ID}`);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/csv/);
        const provenance = JSON.parse(response.headers['x-provenance']!);
        expect(provenance.documents.map((d: { sha256: string }) => d.sha256).sort()).toEqual([...hashes].sort());
        expect(response.text.startsWith(table === 'pairs' ? 'status,oldItem,' : 'unitId,name,')).toBe(true);
        expect(parseCsv(response.text, { columns: true }).length).toBeGreaterThan(0);
      }
    });

    it('refuses unknown plans, bad thresholds and too many plans, naming the parameter', async () => {
      const unknown = await context().call('get', `/api/compare?old=${SEED_ID}&new=no-such-plan`);
      expect(unknown.status).toBe(404);
      const threshold = await context().call('get', `/api/compare?old=${SEED_ID}&new=${SEED_ID}&threshold=1.5`);
      expect(threshold.status).toBe(400);
      expect(threshold.body.error.message).toMatch(/threshold/);
      const one = await context().call('get', `/api/compare/lineage?document=${SEED_ID}`);
      expect(one.status).toBe(400);
      expect(one.body.error.message).toMatch(/document/);
      const many = Array.from({ length: MAX_LINEAGE_PLANS + 1 }, (_x, i) => `plan-${i}`).join(',');
      expect((await context().call('get', `/api/compare/lineage?document=${many}`)).status).toBe(400);
    });
  });
}
