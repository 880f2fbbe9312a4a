/**
 * Metrics of the coordination network (researchers). Centralities come from graphology-metrics,
 * but eigenvector and PageRank from powerIteration.ts and betweenness from betweenness.ts (the same
 * algorithms over typed arrays: faster, same values);
 * communities from graphology-communities-louvain with a seeded PRNG; every measure is set up
 * to agree with NetworkX (tests/analytics/networkx.test.ts checks it). Definitions: docs/metrics.md.
 */
import louvain from 'graphology-communities-louvain';
import { countConnectedComponents } from 'graphology-components';
import closeness from 'graphology-metrics/centrality/closeness';
import { density } from 'graphology-metrics/graph/density';
import modularity from 'graphology-metrics/graph/modularity';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import type { Snapshot } from '../model';
import { averageClustering, coreNumbers } from './cohesion';
import { stabilisePartition, type CommunityAssignment } from './communityMatching';
import { betweennessCentrality } from './betweenness';
import { buildCoordinationNetwork, type CoordinationGraph } from './coordination';
import { eigenvectorCentrality, pagerank, weightedAdjacency } from './powerIteration';
import { seededRandom } from './seededRandom';
import { compareText } from '../store/order';
import { appendTo } from './snapshotIndex';
import {
  NetworkOptionsSchema,
  type Community,
  type NetworkOptions,
  type NetworkParameters,
  type NetworkReport,
  type NodeMetrics,
  type Partition,
} from './types';

/**
 * Power-iteration settings for eigenvector and PageRank: stop when Σ|Δx| < n × tolerance. Far
 * tighter than the libraries' 1e-6 so that results are converged values, not artefacts of
 * where iteration stopped; scripts/networkx_reference.py uses the same settings.
 */
export const POWER_ITERATION = { tolerance: 1e-10, maxIterations: 10_000 } as const;

/**
 * `previousCommunities`, when given, is the partition remembered from before (the store keeps it):
 * communities then keep its numbers wherever they overlap it (communityMatching.ts).
 */
export function computeNetworkMetrics(
  snapshot: Snapshot,
  options: NetworkOptions = {},
  previousCommunities?: CommunityAssignment | null,
): NetworkReport {
  const parameters = NetworkOptionsSchema.parse(options);
  const graph = buildCoordinationNetwork(snapshot, parameters);
  return networkReport(graph, parameters, previousCommunities);
}

/** The report for a graph already built (exports reuse the graph they write). */
export function networkReport(
  graph: CoordinationGraph,
  parameters: NetworkParameters,
  previousCommunities?: CommunityAssignment | null,
): NetworkReport {
  if (graph.order === 0) {
    // The libraries' index structures refuse an empty graph; its figures are all zero.
    const graphStats = { nodes: 0, edges: 0, totalWeight: 0, density: 0, components: 0, averageClustering: 0 };
    return { parameters, graph: graphStats, nodes: [], partition: { count: 0, modularity: 0, communities: [] } };
  }
  const hasEdges = graph.size > 0;
  const adjacency = weightedAdjacency(graph);
  const between = betweennessCentrality(adjacency);
  const close = closeness(graph, { wassermanFaust: true });
  const eigen = hasEdges ? zeroBelowTolerance(eigenvectorCentrality(adjacency, POWER_ITERATION)) : uniformEigenvector(graph);
  const rank = pagerank(adjacency, parameters.pagerankAlpha, POWER_ITERATION);
  const cores = coreNumbers(graph);
  const partition = stabilisePartition(previousCommunities, communities(graph, parameters));
  const communityOf = new Map(partition.communities.flatMap((c) => c.members.map((m) => [m, c.id] as const)));

  const nodes: NodeMetrics[] = graph
    .mapNodes((node, attributes) => ({
      unit: { id: node, ...attributes },
      degree: graph.degree(node),
      weightedDegree: weightedDegree(graph, node, 'weight'),
      betweenness: between[node] ?? 0,
      closeness: close[node] ?? 0,
      eigenvector: eigen[node] ?? 0,
      pagerank: rank[node] ?? 0,
      coreNumber: cores.get(node) ?? 0,
      community: communityOf.get(node) ?? 0,
    }))
    .sort((a, b) => b.weightedDegree - a.weightedDegree || compareText(a.unit.id, b.unit.id));

  return {
    parameters,
    graph: {
      nodes: graph.order,
      edges: graph.size,
      totalWeight: graph.reduceEdges((sum, _edge, tie) => sum + tie.weight, 0),
      density: graph.order > 1 ? density(graph) : 0,
      components: countConnectedComponents(graph),
      averageClustering: averageClustering(graph),
    },
    nodes,
    partition,
  };
}

/**
 * Outside the dominant component eigenvector values shrink at every iteration and keep wherever iteration
 * stopped (1e-100, down to subnormal 1e-322, which igraph's GraphML reader refuses): below the convergence
 * tolerance they are 0.
 */
function zeroBelowTolerance(values: Record<string, number>): Record<string, number> {
  for (const node in values) if (values[node]! < POWER_ITERATION.tolerance) values[node] = 0;
  return values;
}

/** Without edges every node is equally central; the power iteration would divide 0 by 0. */
function uniformEigenvector(graph: CoordinationGraph): Record<string, number> {
  return Object.fromEntries(graph.mapNodes((node) => [node, 1 / Math.sqrt(graph.order)]));
}

/**
 * Louvain communities, renumbered so ids mean something and do not depend on the library's
 * internal numbering: 0 is the largest community, ties broken by smallest member id.
 */
function communities(graph: CoordinationGraph, parameters: NetworkParameters): Partition {
  // Modularity is undefined without weight to share out (no ties, or every role weighted 0).
  const weighted = graph.someEdge((_key, tie) => tie.weight > 0);
  const assignment = weighted
    ? louvain(graph, { getEdgeWeight: 'weight', resolution: parameters.resolution, rng: seededRandom(parameters.seed) })
    : Object.fromEntries(graph.nodes().map((node, i) => [node, i]));

  const groups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(assignment)) appendTo(groups, community, node);
  const strength = (node: string) => weightedDegree(graph, node, 'weight');
  const smallestId = (members: string[]) => members.reduce((min, id) => (id < min ? id : min));
  const ordered = [...groups.values()]
    .sort((a, b) => b.length - a.length || compareText(smallestId(a), smallestId(b)))
    .map((members) => members.sort((a, b) => strength(b) - strength(a) || compareText(a, b)));
  const list: Community[] = ordered.map((members, id) => ({ id, size: members.length, members }));

  const renumbered = new Map(list.flatMap((c) => c.members.map((m) => [m, c.id] as const)));
  return {
    count: list.length,
    // Recomputed with graphology-metrics (NetworkX's definition) rather than taken from Louvain's running total.
    modularity: weighted
      ? modularity(graph, {
          getNodeCommunity: (node: string) => renumbered.get(node) as number,
          getEdgeWeight: 'weight',
          resolution: parameters.resolution,
        })
      : 0,
    communities: list,
  };
}
