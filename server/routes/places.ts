/** Where and by when: places and the items touching them, deadlines by month, what is due, what commits to nothing measurable, and their files. */
import { dueReport, placeItems, placeReport, placeTiles, timelinePage, timelineReport, unmeasuredItems, unmeasuredPage } from '../../graph/analytics';
import { NotFoundError } from '../../graph/errors';
import { commitmentFile } from '../../graph/export';
import type { DocumentScope, ItemCommitments, Snapshot } from '../../graph/model';
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
import { toDocumentScope } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { sendExportFile } from './exports';

const todayUtc = () => new Date().toISOString().slice(0, 10);

export function placeEndpoints({ store, cache }: ServerContext): Endpoint[] {
  /** `compute(snapshot, commitments)` for a scope, memoised per data version like every analysis. */
  const cached = <T>(name: string, scope: DocumentScope, parameters: unknown, compute: (snapshot: Snapshot, commitments: ItemCommitments[]) => T) =>
    cache.lookup(name, JSON.stringify([scope, parameters]), async () => compute(await store.snapshot(scope), await store.commitments(scope)));

  /** The scope's whole place report, cached; the map and each place's items are cut from it. */
  const places = (query: z.output<typeof PlacesQuerySchema>) => {
    const scope = toDocumentScope(query);
    return cached('places', scope, null, (snapshot, commitments) => placeReport(snapshot, commitments, { jurisdiction: scope.jurisdiction }));
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
      handle: async ({ query }) => placeTiles(await places(query)),
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
      handle: async ({ params, query }) => {
        const { limit, offset, ...scope } = query;
        const found = placeItems(await places(scope), params.code, { limit, offset });
        if (found === null) throw new NotFoundError('place', params.code);
        return found;
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
      handle: async ({ query }) => {
        const { limit, offset, month } = query;
        const options = { unit: query.unit, today: query.today ?? todayUtc() };
        const report = await cached('timeline', toDocumentScope(query), options, (snapshot, commitments) => timelineReport(snapshot, commitments, options));
        return timelinePage(report, { limit, offset }, month);
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
      handle: ({ query }) => {
        const options = { today: query.today ?? todayUtc() };
        return cached('due', toDocumentScope(query), options, (snapshot, commitments) => dueReport(snapshot, commitments, options));
      },
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
      handle: async ({ query }) => {
        const report = await cached('unmeasured', toDocumentScope(query), null, (snapshot, commitments) => unmeasuredItems(snapshot, commitments));
        return unmeasuredPage(report, query);
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
