/** The answers planners, auditors and researchers come for, computed from a snapshot per request. */
import type { z } from 'zod';
import {
  computeNetworkMetrics,
  computeWorkload,
  findGaps,
  type NetworkOptions,
  type NetworkReport,
} from '../../graph/analytics';
import { toCytoscape } from '../../graph/export';
import {
  CommunitiesResponseSchema,
  GapsQuerySchema,
  GapsResponseSchema,
  MetricsQuerySchema,
  MetricsResponseSchema,
  NetworkQuerySchema,
  NetworkResponseSchema,
  WorkloadQuerySchema,
  WorkloadResponseSchema,
} from '../contract';
import { communityMemory } from '../communities';
import { toGraphFilter } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';

/** The coordination network's report; every route asks in the same shape, so they share cache entries. */
export async function networkReport(
  { cache, store }: Pick<ServerContext, 'cache' | 'store'>,
  query: z.output<typeof MetricsQuerySchema>,
): Promise<NetworkReport> {
  const options: NetworkOptions = {
    resolution: query.resolution,
    seed: query.seed,
    weighting: query.weighting,
    includeGeneric: query.includeGeneric,
  };
  const remembered = await communityMemory(store);
  return cache.analysis('network', toGraphFilter(query), { ...options, communities: remembered.digest }, (snapshot) =>
    computeNetworkMetrics(snapshot, options, remembered.assignment),
  );
}

export function analyticsEndpoints(context: ServerContext): Endpoint[] {
  const { cache, store } = context;

  return [
    defineEndpoint({
      method: 'get',
      path: '/api/workload',
      operationId: 'getWorkload',
      tag: 'analytics',
      summary: 'Workload per unit, ranked, with the overload rule, its thresholds and the concentration of the load.',
      query: WorkloadQuerySchema,
      responses: [{ status: 200, description: 'The workload report.', schema: WorkloadResponseSchema }],
      errors: [],
      handle: ({ query }) => {
        const options = { weights: query.weights, overloadFactor: query.overloadFactor, includeGeneric: query.includeGeneric };
        return cache.analysis('workload', toGraphFilter(query), options, (snapshot) => computeWorkload(snapshot, options));
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/gaps',
      operationId: 'getGaps',
      tag: 'analytics',
      summary: 'Every item with an accountability gap (no lead, generic owners only, inferred lead, diffusion, unknown units).',
      query: GapsQuerySchema,
      responses: [{ status: 200, description: 'The gap report; each gap quotes its clause.', schema: GapsResponseSchema }],
      errors: [],
      handle: ({ query }) => {
        const options = { diffusionThreshold: query.diffusionThreshold };
        return cache.analysis('gaps', toGraphFilter(query), options, (snapshot) => findGaps(snapshot, options));
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/network',
      operationId: 'getNetwork',
      tag: 'analytics',
      summary: 'Cytoscape elements of the bipartite (units and items) or coordination (units tied by shared items) graph.',
      description: 'When `limit` truncates, `truncated` says how many nodes and edges were left out, and which units.',
      query: NetworkQuerySchema,
      responses: [{ status: 200, description: 'Cytoscape elements.', schema: NetworkResponseSchema }],
      errors: [],
      handle: async ({ query }) => {
        const options = { mode: query.mode, limit: query.limit, includeGeneric: query.includeGeneric };
        const remembered = await communityMemory(store);
        return cache.analysis('cytoscape', toGraphFilter(query), { ...options, communities: remembered.digest }, (snapshot) =>
          toCytoscape(snapshot, options, remembered.assignment),
        );
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/metrics',
      operationId: 'getMetrics',
      tag: 'analytics',
      summary: 'Centralities, k-cores, Louvain communities and whole-graph figures of the coordination network.',
      query: MetricsQuerySchema,
      responses: [{ status: 200, description: 'The network report.', schema: MetricsResponseSchema }],
      errors: [],
      handle: ({ query }) => networkReport(context, query),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/communities',
      operationId: 'getCommunities',
      tag: 'analytics',
      summary: 'The Louvain communities of the coordination network, with their members and the modularity.',
      query: MetricsQuerySchema,
      responses: [{ status: 200, description: 'The partition.', schema: CommunitiesResponseSchema }],
      errors: [],
      handle: async ({ query }) => {
        const report = await networkReport(context, query);
        const units = new Map(report.nodes.map((node) => [node.unit.id, node.unit]));
        return {
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
