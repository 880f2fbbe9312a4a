/**
 * Where and by when: places and the items touching them, deadlines by month, what is due, what commits to nothing
 * measurable, and their files. The reports are analyses of the worker (server/precomputed.ts), made from per-document
 * parts (graph/analytics/commitments.ts): computed before anyone asks for the explorer's scope, and served stale with
 * Retry-After while a newer one is on its way, like the workload.
 */
import { placeItems, placeTiles, timelinePage, unmeasuredPage, type DueReport, type PlaceReport, type PlaceTiles, type PackedUnmeasuredReport, type TimelineReport } from '../../graph/analytics';
import { NotFoundError } from '../../graph/errors';
import { commitmentFile } from '../../graph/export';
import {
  CommitmentExportParamsSchema,
  CommitmentExportQuerySchema,
  CommitmentListResponseSchema,
  DueQuerySchema,
  DueResponseSchema,
  PlaceItemsQuerySchema,
  PlaceItemsResponseSchema,
  PlaceParamsSchema,
  PlacesQuerySchema,
  PlacesResponseSchema,
  TimelineQuerySchema,
  TimelineResponseSchema,
  UnmeasuredQuerySchema,
  UnmeasuredResponseSchema,
} from '../../graph/api';
import type { z } from 'zod';
import { answer, type AnalysisRequest, type Freshness } from '../precomputed';
import { toDocumentScope } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { sendExportFile } from './exports';

/** The server's day, UTC: what deadlines are judged against when the request names no day. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The scope's whole place report: the map and each place's items are cut from it. */
export const placesRequest = (query: z.output<typeof PlacesQuerySchema>): AnalysisRequest => {
  const scope = toDocumentScope(query);
  return { name: 'places', filter: scope, options: { jurisdiction: scope.jurisdiction } };
};

/** The whole timeline of the scope (of one unit's items, when asked) against a day; pages are cut from it. */
export const timelineRequest = (query: z.output<typeof TimelineQuerySchema>): AnalysisRequest => ({
  name: 'timeline',
  filter: toDocumentScope(query),
  options: { unit: query.unit, today: query.today ?? todayUtc() },
});

export const dueRequest = (query: z.output<typeof DueQuerySchema>): AnalysisRequest => ({
  name: 'due',
  filter: toDocumentScope(query),
  options: { today: query.today ?? todayUtc() },
});

export const unmeasuredRequest = (query: z.output<typeof PlacesQuerySchema>): AnalysisRequest => ({ name: 'unmeasured', filter: toDocumentScope(query), options: {} });

export function placeEndpoints({ store, analytics }: ServerContext): Endpoint[] {
  /**
   * The map of a served place report, made once per served body: every reader of the explorer's scope opens the
   * same map, and the endpoint serialises a body it saw before only once (server/endpoint.ts).
   */
  const tiles = new WeakMap<object, PlaceTiles & Freshness>();
  const tilesOf = (body: PlaceReport & Freshness): PlaceTiles & Freshness => {
    let made = tiles.get(body);
    if (!made) tiles.set(body, (made = { ...placeTiles(body), dataVersion: body.dataVersion, stale: body.stale }));
    return made;
  };

  return [
    defineEndpoint({
      method: 'get',
      path: '/api/places',
      operationId: 'getPlaces',
      tag: 'analytics',
      summary: 'The places of a jurisdiction as map tiles, each with how many items touch it: its government named in a clause, or the place mentioned in a body.',
      description:
        'The map lays out the places one level below the scope’s jurisdiction (else the jurisdiction most plans in view belong to). ' +
        '`named` counts items whose clause names the place’s government (responsibility), `mentioned` items whose body names the place (where the work happens); they are kept apart. ' +
        'The items themselves: /api/places/{code}, a page at a time.',
      query: PlacesQuerySchema,
      responses: [{ status: 200, description: 'The map.', schema: PlacesResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => tilesOf(answer(res, await analytics.get<PlaceReport>(placesRequest(query)))),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/places/{code}',
      operationId: 'getPlaceItems',
      tag: 'analytics',
      summary: 'The items touching one place (and the places counting towards its tile), named and mentioned apart, a page of each with its total.',
      params: PlaceParamsSchema,
      query: PlaceItemsQuerySchema,
      responses: [{ status: 200, description: 'One page of each role.', schema: PlaceItemsResponseSchema }],
      errors: [404],
      handle: async ({ params, query, res }) => {
        const { limit, offset, ...scope } = query;
        const report = answer(res, await analytics.get<PlaceReport>(placesRequest(scope)));
        const found = placeItems(report, params.code, { limit, offset });
        if (found === null) throw new NotFoundError('place', params.code);
        return { ...found, dataVersion: report.dataVersion, stale: report.stale };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/timeline',
      operationId: 'getTimeline',
      tag: 'analytics',
      summary: 'Deadlines by month (of one unit’s items, or of all), with those before `today` marked overdue; ongoing work apart.',
      description: 'Every month is counted; each list sends `limit` entries from `offset`, and with `month` only that month’s are listed.',
      query: TimelineQuerySchema,
      responses: [{ status: 200, description: 'The timeline.', schema: TimelineResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => {
        const { limit, offset, month } = query;
        const report = answer(res, await analytics.get<TimelineReport>(timelineRequest(query)));
        return { ...timelinePage(report, { limit, offset }, month), dataVersion: report.dataVersion, stale: report.stale };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/deadlines/due',
      operationId: 'getDueThisQuarter',
      tag: 'analytics',
      summary: 'Per unit, the items with a deadline in the quarter `today` falls in, and those already overdue.',
      query: DueQuerySchema,
      responses: [{ status: 200, description: 'Due counts per unit.', schema: DueResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => answer(res, await analytics.get<DueReport>(dueRequest(query))),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/commitments/unmeasured',
      operationId: 'getUnmeasuredItems',
      tag: 'analytics',
      summary: 'Items with no measurable commitment: no dated deadline and no quantified target, a page at a time with the total.',
      query: UnmeasuredQuerySchema,
      responses: [{ status: 200, description: 'One page of the items, in document order.', schema: UnmeasuredResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => {
        const report = answer(res, await analytics.get<PackedUnmeasuredReport>(unmeasuredRequest(query)));
        return { ...unmeasuredPage(report, query), dataVersion: report.dataVersion, stale: report.stale };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/commitments',
      operationId: 'listCommitments',
      tag: 'browse',
      summary: 'Each item’s places, deadlines and targets, with source offsets, by document and reading order.',
      query: PlacesQuerySchema,
      responses: [{ status: 200, description: 'Per item.', schema: CommitmentListResponseSchema }],
      errors: [],
      handle: async ({ query }) => ({ items: await store.commitments(toDocumentScope(query)) }),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/export/places/{format}',
      operationId: 'exportPlaces',
      tag: 'exports',
      summary: 'Download places, deadlines or targets as CSV (with source offsets), or the unit–item graph with place nodes as GraphML or GEXF.',
      description:
        'Every file records the documents (ids and sha256), the software version and the time, in the `X-Provenance` header ' +
        '(JSON, non-ASCII as \\u escapes). CSV starts with its header row; `excel=true` adds a UTF-8 byte order mark.',
      params: CommitmentExportParamsSchema,
      query: CommitmentExportQuerySchema,
      rateLimit: 'export',
      responses: [
        {
          status: 200,
          description: 'The file, as an attachment named in Content-Disposition.',
          content: { 'text/csv': null, 'application/graphml+xml': null, 'application/gexf+xml': null },
        },
      ],
      errors: [],
      handle: async ({ params, query, res }) => {
        const scope = toDocumentScope(query);
        const file = commitmentFile(await store.snapshot(scope), await store.commitments(scope), params.format, { excel: query.excel });
        sendExportFile(res, file);
      },
    }),
  ];
}
