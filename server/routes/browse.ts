/** Reading the graph as stored: documents, items and units. */
import { NotFoundError } from '../../graph/errors';
import { getJurisdiction } from '../../graph/jurisdiction';
import {
  DocumentDetailResponseSchema,
  DocumentListResponseSchema,
  DocumentsQuerySchema,
  IdParamsSchema,
  ItemDetailResponseSchema,
  ItemPageResponseSchema,
  ItemsQuerySchema,
  UnitDetailQuerySchema,
  UnitDetailResponseSchema,
  UnitListResponseSchema,
  UnitsQuerySchema,
} from '../../graph/api';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { toDocumentScope } from '../readCache';
import { networkReport } from './analytics';

const found = <T>(value: T | null, what: string, id: string): T => {
  if (value === null) throw new NotFoundError(what, id);
  return value;
};

export function browseEndpoints({ store, cache, analytics }: ServerContext): Endpoint[] {
  // Read at start-up and again as soon as this instance writes, so the first view opened finds the list ready (or on
  // its way). A failed read is not kept: the next request reads again and answers with the error.
  const readAhead = () => void cache.documents({}).catch(() => undefined);
  readAhead();
  cache.onDataChanged(readAhead);
  return [
    defineEndpoint({
      method: 'get',
      path: '/api/documents',
      operationId: 'listDocuments',
      tag: 'documents',
      summary: 'The loaded documents (or those in scope), with their metadata and section, item and responsibility counts.',
      query: DocumentsQuerySchema,
      responses: [{ status: 200, description: 'The documents in scope, by id.', schema: DocumentListResponseSchema }],
      errors: [],
      handle: ({ query }) => cache.documents(toDocumentScope(query)),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/documents/{id}',
      operationId: 'getDocument',
      tag: 'documents',
      summary: 'One document: its metadata and its sections with item counts.',
      params: IdParamsSchema,
      responses: [{ status: 200, description: 'The document.', schema: DocumentDetailResponseSchema }],
      errors: [404],
      handle: async ({ params }) => found(await store.getDocument(params.id), 'document', params.id),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/items',
      operationId: 'searchItems',
      tag: 'items',
      summary: 'Search and filter items, a page at a time, with the total count.',
      query: ItemsQuerySchema,
      responses: [{ status: 200, description: 'One page of matching items, in document order.', schema: ItemPageResponseSchema }],
      errors: [],
      handle: ({ query }) =>
        store.searchItems({
          ...toDocumentScope(query),
          q: query.q,
          section: query.section,
          role: query.role,
          unit: query.unit,
          page: query.page,
          pageSize: query.pageSize,
        }),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/items/{id}',
      operationId: 'getItem',
      tag: 'items',
      summary: 'One item: its text, its clause with offsets, and every owner by role.',
      description:
        'Item ids contain a slash (`<documentId>/item-12`); send it encoded as %2F or as is. Each owner carries ' +
        'the name as written, the registry name, the English name, the kind, and whether the role was inferred.',
      params: IdParamsSchema,
      slashParam: 'id',
      responses: [{ status: 200, description: 'The item.', schema: ItemDetailResponseSchema }],
      errors: [404],
      handle: async ({ params }) => found(await cache.lookup('item', params.id, () => store.getItem(params.id)), 'item', params.id),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/units',
      operationId: 'searchUnits',
      tag: 'units',
      summary: 'Units that answer for at least one item, by kind and name.',
      query: UnitsQuerySchema,
      responses: [{ status: 200, description: 'Matching units.', schema: UnitListResponseSchema }],
      errors: [],
      handle: async ({ query }) => {
        const { q, kind, function: unitFunction, level, unitJurisdiction } = query;
        const units = await store.searchUnits({ ...toDocumentScope(query), q, kind, function: unitFunction, level, unitJurisdiction });
        const jurisdictions = [...new Set(units.map((unit) => unit.jurisdiction))].sort().flatMap((code) => getJurisdiction(code) ?? []);
        return { units, jurisdictions };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/units/{id}',
      operationId: 'getUnit',
      tag: 'units',
      summary: 'One unit: a page of its items by role with their counts by role and by document, its partners with shared-item counts, its sections and its network metrics.',
      params: IdParamsSchema,
      query: UnitDetailQuerySchema,
      responses: [{ status: 200, description: 'The unit.', schema: UnitDetailResponseSchema }],
      errors: [404],
      handle: async ({ params, query }) => {
        const { role, limit, offset, ...networkQuery } = query;
        const page = { role, limit, offset };
        // The store reads the page alone; each page is kept per data version like an item.
        const detail = found(await cache.lookup('unit', JSON.stringify([params.id, page]), () => store.getUnit(params.id, page)), 'unit', params.id);
        const report = (await networkReport(analytics, networkQuery)).body;
        const node = report.nodes.find((candidate) => candidate.unit.id === params.id);
        const metrics = node ? (({ unit: _unit, ...figures }) => figures)(node) : null;
        return { ...detail, metrics, parameters: report.parameters };
      },
    }),
  ];
}
