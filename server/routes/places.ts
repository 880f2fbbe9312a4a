/** Where and by when: places and the items touching them, deadlines by month, what is due, what commits to nothing measurable, and their files. */
import { dueReport, placeReport, timelineReport, unmeasuredItems } from '../../graph/analytics';
import { commitmentFile } from '../../graph/export';
import type { DocumentScope, ItemCommitments, Snapshot } from '../../graph/model';
import {
  CommitmentExportParamsSchema,
  CommitmentExportQuerySchema,
  CommitmentListResponseSchema,
  DueQuerySchema,
  DueResponseSchema,
  PlacesQuerySchema,
  PlacesResponseSchema,
  TimelineQuerySchema,
  TimelineResponseSchema,
  UnmeasuredResponseSchema,
} from '../../graph/api';
import { toDocumentScope } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { sendExportFile } from './exports';

const todayUtc = () => new Date().toISOString().slice(0, 10);

export function placeEndpoints({ store, cache }: ServerContext): Endpoint[] {
  /** `compute(snapshot, commitments)` for a scope, memoised per data version like every analysis. */
  const cached = <T>(name: string, scope: DocumentScope, parameters: unknown, compute: (snapshot: Snapshot, commitments: ItemCommitments[]) => T) =>
    cache.lookup(name, JSON.stringify([scope, parameters]), async () => compute(await store.snapshot(scope), await store.commitments(scope)));

  return [
    defineEndpoint({
      method: 'get',
      path: '/api/places',
      operationId: 'getPlaces',
      tag: 'analytics',
      summary: 'The places of a jurisdiction as map tiles, each with the items touching it: its government named in a clause, or the place mentioned in a body.',
      description:
        'The map lays out the places one level below the scope’s jurisdiction (else the jurisdiction most plans in view belong to). ' +
        '`named` counts items whose clause names the place’s government (responsibility), `mentioned` items whose body names the place (where the work happens); they are kept apart.',
      query: PlacesQuerySchema,
      responses: [{ status: 200, description: 'The place report.', schema: PlacesResponseSchema }],
      errors: [],
      handle: ({ query }) => {
        const scope = toDocumentScope(query);
        return cached('places', scope, null, (snapshot, commitments) => placeReport(snapshot, commitments, { jurisdiction: scope.jurisdiction }));
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/timeline',
      operationId: 'getTimeline',
      tag: 'analytics',
      summary: 'Deadlines by month (of one unit’s items, or of all), with those before `today` marked overdue; ongoing work apart.',
      query: TimelineQuerySchema,
      responses: [{ status: 200, description: 'The timeline.', schema: TimelineResponseSchema }],
      errors: [],
      handle: ({ query }) => {
        const options = { unit: query.unit, today: query.today ?? todayUtc() };
        return cached('timeline', toDocumentScope(query), options, (snapshot, commitments) => timelineReport(snapshot, commitments, options));
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
      summary: 'Items with no measurable commitment: no dated deadline and no quantified target.',
      query: PlacesQuerySchema,
      responses: [{ status: 200, description: 'The items, in document order.', schema: UnmeasuredResponseSchema }],
      errors: [],
      handle: ({ query }) => cached('unmeasured', toDocumentScope(query), null, (snapshot, commitments) => unmeasuredItems(snapshot, commitments)),
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
