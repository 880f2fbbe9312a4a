/**
 * The answers planners, auditors and researchers come for, computed in the analytics worker before anyone
 * asks (server/precomputed.ts). While a newer answer is computed the last one is served with `stale: true`
 * and Retry-After.
 */
import type { z } from 'zod';
import { gapPage, type NetworkReport, type PackedGapReport, type WorkloadReport } from '../../graph/analytics';
import { defaultJurisdiction } from '../../graph/jurisdiction/defaultScope';
import type { CytoscapeGraph } from '../../graph/export';
import {
  CommunitiesResponseSchema,
  DueQuerySchema,
  GapsQuerySchema,
  GapsResponseSchema,
  MetricsQuerySchema,
  MetricsResponseSchema,
  NetworkQuerySchema,
  NetworkResponseSchema,
  PlacesQuerySchema,
  TimelineQuerySchema,
  WorkloadQuerySchema,
  WorkloadResponseSchema,
} from '../../graph/api';
import { answer, type AnalysisRequest, type PrecomputedAnalytics, type Served } from '../precomputed';
import { dueRequest, placesRequest, timelineRequest, unmeasuredRequest } from './places';
import { toGraphFilter } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';

const workloadRequest = (query: z.output<typeof WorkloadQuerySchema>): AnalysisRequest => ({
  name: 'workload',
  filter: toGraphFilter(query),
  options: { weights: query.weights, overloadFactor: query.overloadFactor, includeGeneric: query.includeGeneric },
});

const gapsRequest = (query: z.output<typeof GapsQuerySchema>): AnalysisRequest => ({
  name: 'gaps',
  filter: toGraphFilter(query),
  options: { diffusionThreshold: query.diffusionThreshold },
});

/** The coordination network's report; metrics, communities and unit details ask in the same shape, so they share it. */
const metricsRequest = (query: z.output<typeof MetricsQuerySchema>): AnalysisRequest => ({
  name: 'network',
  filter: toGraphFilter(query),
  options: { resolution: query.resolution, seed: query.seed, weighting: query.weighting, includeGeneric: query.includeGeneric },
});

const networkRequest = (query: z.output<typeof NetworkQuerySchema>): AnalysisRequest => ({
  name: 'cytoscape',
  filter: toGraphFilter(query),
  options: { mode: query.mode, limit: query.limit, maxTies: query.maxTies, includeGeneric: query.includeGeneric },
});

/** The whole corpus's network as the explorer opens it: its partition is the one remembered (server/precomputed.ts). */
export const COMMUNITY_REQUEST: AnalysisRequest = metricsRequest(MetricsQuerySchema.parse({}));

/**
 * The views opened first, as they are asked for, given the plans loaded: computed before anyone asks. The whole
 * corpus's (the API's default) and, when plans of several jurisdictions are loaded, the default scope's, on which
 * the explorer opens (that jurisdiction's own plans: graph/jurisdiction/defaultScope.ts, client/src/views).
 */
export function defaultAnalysisRequests(plans: ReadonlyArray<{ jurisdiction?: { code: string } | null }>): AnalysisRequest[] {
  const code = defaultJurisdiction(plans)?.jurisdiction.code;
  const explorers: Record<string, string> = code === undefined ? {} : { jurisdiction: code, includeWithin: 'false' };
  const scopes = code === undefined ? [explorers] : [{}, explorers];
  return [
    ...scopes.flatMap((scope) => [
      metricsRequest(MetricsQuerySchema.parse(scope)),
      workloadRequest(WorkloadQuerySchema.parse(scope)),
      gapsRequest(GapsQuerySchema.parse(scope)),
      networkRequest(NetworkQuerySchema.parse(scope)),
    ]),
    // The where-and-by-when reports only of the scope the explorer opens on: the whole corpus's list every item
    // (a place report of the full corpus is a hundred megabytes), and no view opens on them. Judged against the
    // server's day; a reader a time zone ahead asks for another day, computed from the parts the worker holds.
    placesRequest(PlacesQuerySchema.parse(explorers)),
    timelineRequest(TimelineQuerySchema.parse(explorers)),
    dueRequest(DueQuerySchema.parse(explorers)),
    unmeasuredRequest(PlacesQuerySchema.parse(explorers)),
  ];
}

export const networkReport = (analytics: PrecomputedAnalytics, query: z.output<typeof MetricsQuerySchema>): Promise<Served<NetworkReport>> =>
  analytics.get<NetworkReport>(metricsRequest(query));


const FRESHNESS_NOTE =
  ' Computed in the background after every write: while a newer answer is on its way, the last complete one is ' +
  'served with `stale: true`, the `dataVersion` it reflects, and a Retry-After header.';

/** Cut bodies kept per whole body: the explorer asks one limit, a few more are for other clients. */
const CUTS_KEPT = 4;

export function analyticsEndpoints({ analytics }: ServerContext): Endpoint[] {
  /**
   * The first rows of a served workload, per served body and limit, made once: the endpoint serialises a body it saw
   * before only once (server/endpoint.ts), as it does the whole ranking. They go with the body they were cut from.
   */
  const cuts = new WeakMap<object, Map<number, object>>();
  const firstRows = <T extends { rows: unknown[] }>(body: T, limit: number | undefined): T => {
    if (limit === undefined || limit >= body.rows.length) return body;
    let ofBody = cuts.get(body);
    if (!ofBody) cuts.set(body, (ofBody = new Map()));
    let cut = ofBody.get(limit);
    if (!cut) {
      cut = { ...body, rows: body.rows.slice(0, limit) };
      ofBody.set(limit, cut);
      for (const oldest of ofBody.keys()) {
        if (ofBody.size <= CUTS_KEPT) break;
        ofBody.delete(oldest);
      }
    }
    return cut as T;
  };
  return [
    defineEndpoint({
      method: 'get',
      path: '/api/workload',
      operationId: 'getWorkload',
      tag: 'analytics',
      summary: 'Workload per unit, ranked, with the overload rule, its thresholds and the concentration of the load.',
      description: FRESHNESS_NOTE.trim(),
      query: WorkloadQuerySchema,
      responses: [{ status: 200, description: 'The workload report.', schema: WorkloadResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => firstRows(answer(res, await analytics.get<WorkloadReport>(workloadRequest(query))), query.limit),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/gaps',
      operationId: 'getGaps',
      tag: 'analytics',
      summary: 'The items with an accountability gap (no lead, generic owners only, inferred lead, diffusion, unknown units), a page at a time.',
      description:
        'The gaps in document order, of one `reason` when asked, `limit` of them from `offset`; `total` counts them all and ' +
        '`counts` counts every reason over the whole report. The CSV export lists every gap.' + FRESHNESS_NOTE,
      query: GapsQuerySchema,
      responses: [{ status: 200, description: 'The gap report; each gap quotes its clause.', schema: GapsResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => {
        const { dataVersion, stale, ...report } = answer(res, await analytics.get<PackedGapReport>(gapsRequest(query)));
        return { ...gapPage(report, query, query.reason), dataVersion, stale };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/network',
      operationId: 'getNetwork',
      tag: 'analytics',
      summary: 'Cytoscape elements of the bipartite (units and items) or coordination (units tied by shared items) graph.',
      description:
        'When `limit` truncates, `truncated` says how many nodes and edges were left out, and which units: the coordination ' +
        'network keeps the units of highest weighted degree, the bipartite graph those of highest load.' +
        FRESHNESS_NOTE,
      query: NetworkQuerySchema,
      responses: [{ status: 200, description: 'Cytoscape elements.', schema: NetworkResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => answer(res, await analytics.get<CytoscapeGraph>(networkRequest(query))),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/metrics',
      operationId: 'getMetrics',
      tag: 'analytics',
      summary: 'Centralities, k-cores, Louvain communities and whole-graph figures of the coordination network.',
      description: FRESHNESS_NOTE.trim(),
      query: MetricsQuerySchema,
      responses: [{ status: 200, description: 'The network report.', schema: MetricsResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => answer(res, await networkReport(analytics, query)),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/communities',
      operationId: 'getCommunities',
      tag: 'analytics',
      summary: 'The Louvain communities of the coordination network, with their members and the modularity.',
      description: FRESHNESS_NOTE.trim(),
      query: MetricsQuerySchema,
      responses: [{ status: 200, description: 'The partition.', schema: CommunitiesResponseSchema }],
      errors: [],
      handle: async ({ query, res }) => {
        const served = await networkReport(analytics, query);
        const report = served.body;
        const units = new Map(report.nodes.map((node) => [node.unit.id, node.unit]));
        answer(res, served);
        return {
          dataVersion: report.dataVersion,
          stale: report.stale,
          parameters: report.parameters,
          count: report.partition.count,
          modularity: report.partition.modularity,
          communities: report.partition.communities.map((community) => ({
            id: community.id,
            size: community.size,
            members: community.members.flatMap((id) => units.get(id) ?? []),
          })),
        };
      },
    }),
  ];
}
