/**
 * Plans over time: two plans compared, tasks followed across several. Matching is O(n·m) in the items
 * of the two plans, so the work is bounded by a cap rather than moved off the event loop: the API
 * compares plans of up to MAX_COMPARE_ITEMS items each (docs/compare.md gives the time at the cap; real
 * plans have a few dozen items) and a lineage
 * of at most MAX_LINEAGE_PLANS plans; the CLI has no cap. Answers are not cached: an answer carries both
 * plans' texts, and a cache keyed by any pair of plans and any threshold could grow without bound; the
 * export rate limit guards every route instead.
 */
import type { z } from 'zod';
import {
  buildLineages,
  comparePairsCsv,
  comparePlans,
  compareProvenance,
  compareUnitsCsv,
  CompareOptionsSchema,
  planFromStore,
  unitNames,
  type ComparablePlan,
} from '../../graph/compare';
import { InvalidInputError, NotFoundError } from '../../graph/errors';
import { CSV_MEDIA_TYPE } from '../../graph/export';
import {
  CompareExportParamsSchema,
  CompareExportQuerySchema,
  CompareQuerySchema,
  CompareResponseSchema,
  LineageQuerySchema,
  LineageResponseSchema,
  type CompareResponse,
} from '../../graph/api';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { sendExportFile } from './exports';

export const MAX_COMPARE_ITEMS = 300;
export const MAX_LINEAGE_PLANS = 10;

export function compareEndpoints({ store, registry }: ServerContext): Endpoint[] {
  /** The plans named by `fields` (parameter name → document id), after checking they exist and are within the cap. */
  const plans = async (fields: [string, string][]): Promise<ComparablePlan[]> => {
    const ids = [...new Set(fields.map(([, id]) => id))];
    const summaries = new Map((await store.listDocuments({ document: ids })).map((d) => [d.id, d]));
    for (const [field, id] of fields) {
      const summary = summaries.get(id);
      if (!summary) throw new NotFoundError('document', id);
      if (summary.items > MAX_COMPARE_ITEMS) {
        throw new InvalidInputError(field, `'${id}' has ${summary.items} items; the API compares plans of up to ${MAX_COMPARE_ITEMS} (the CLI has no limit)`);
      }
    }
    const loaded = new Map(await Promise.all(ids.map(async (id) => [id, await planFromStore(store, id, registry)] as const)));
    return fields.map(([, id]) => loaded.get(id)!);
  };

  const comparison = async (query: z.output<typeof CompareQuerySchema>): Promise<CompareResponse> => {
    const [a, b] = (await plans([['old', query.old], ['new', query.new]])) as [ComparablePlan, ComparablePlan];
    return { ...comparePlans(a, b, { threshold: query.threshold }), plans: { old: a, new: b }, unitNames: unitNames(a, b) };
  };

  return [
    defineEndpoint({
      method: 'get',
      path: '/api/compare',
      operationId: 'comparePlans',
      tag: 'compare',
      summary: 'Compare two plans: matched items (continued or revised, with owner changes), added and dropped items, and each unit’s load before and after.',
      description:
        'Items are matched one-to-one by the character n-gram TF-IDF cosine of their titles and bodies (the responsibility ' +
        'clause is left out: owner changes are reported apart), section titles breaking near-ties, by an optimal assignment; ' +
        `pairs below the threshold are not matched. Units are compared by canonical id (registry successor links followed), so a renamed body is no change. Plans of up to ${MAX_COMPARE_ITEMS} items each.`,
      query: CompareQuerySchema,
      rateLimit: 'export',
      responses: [{ status: 200, description: 'The comparison, with both plans’ items and the units’ names.', schema: CompareResponseSchema }],
      errors: [404],
      handle: ({ query }) => comparison(query),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/compare/lineage',
      operationId: 'planLineages',
      tag: 'compare',
      summary: 'Follow tasks across several plans: the plans ordered by year, one row per task with its item in each plan.',
      description:
        'Each plan is compared with the one before it and the matches are chained; a task absent one year and back the next ' +
        `starts a new row. Two to ${MAX_LINEAGE_PLANS} plans of up to ${MAX_COMPARE_ITEMS} items each.`,
      query: LineageQuerySchema,
      rateLimit: 'export',
      responses: [{ status: 200, description: 'The lineages.', schema: LineageResponseSchema }],
      errors: [404],
      handle: async ({ query }) => {
        const ids = [...new Set(query.document)];
        if (ids.length < 2 || ids.length > MAX_LINEAGE_PLANS) throw new InvalidInputError('document', `expected 2 to ${MAX_LINEAGE_PLANS} different document ids, got ${ids.length}`);
        const loaded = await plans(ids.map((id) => ['document', id]));
        const items = Object.fromEntries(loaded.flatMap((plan) => plan.items.map((item) => [item.id, { label: item.label, title: item.title }])));
        return { ...buildLineages(loaded, { threshold: query.threshold }), items };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/compare/export/{table}',
      operationId: 'exportComparison',
      tag: 'compare',
      summary: 'Download a comparison as CSV: the pairs (with added and dropped items) or the unit load deltas.',
      description:
        'UTF-8 CSV, the header row first (`excel=true` adds a UTF-8 byte order mark); the `X-Provenance` header (JSON, non-ASCII ' +
        'as \\u escapes) records both documents with their sha256, the parameters, the software version and the time.',
      params: CompareExportParamsSchema,
      query: CompareExportQuerySchema,
      rateLimit: 'export',
      responses: [{ status: 200, description: 'The CSV file, as an attachment.', content: { 'text/csv': null } }],
      errors: [404],
      handle: async ({ params, query, res }) => {
        const result = await comparison(query);
        const provenance = compareProvenance(result, CompareOptionsSchema.parse({ threshold: query.threshold }));
        const layout = { excel: query.excel };
        const content = params.table === 'pairs' ? comparePairsCsv(result, layout) : compareUnitsCsv(result, result.unitNames, layout);
        sendExportFile(res, { fileName: `compare-${result.old.id}-${result.new.id}-${params.table}.csv`, mediaType: CSV_MEDIA_TYPE, content, provenance });
      },
    }),
  ];
}
