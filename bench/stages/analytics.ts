/**
 * Analytics: projection, Louvain, betweenness and PageRank on coordination networks of growing
 * size, against NetworkX and igraph (a C core) on the same graphs (exported with the project's
 * GraphML writer) in the same run. Each JavaScript step calls what graph/analytics calls, with the
 * same options. The bars: faster than NetworkX, and within 3× of igraph.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import louvain from 'graphology-communities-louvain';
import { betweennessCentrality, buildCoordinationNetwork, NetworkOptionsSchema, pagerank, POWER_ITERATION, weightedAdjacency } from '../../graph/analytics';
import { toGraphML } from '../../graph/export';
import { createRandom } from '../synth';
import { ensureBaselines, PYTHON } from '../lib/python';
import { timed, timedMedian, type Figure, type StageResult } from '../lib/results';
import { snapshotFromCorpus } from '../lib/snapshot';

/** Items per unit in each network's corpus: each unit answers for ~13 items, as a department does in a year's plans. */
const ITEMS_PER_UNIT = 3;
/** A step NetworkX has not finished by then is reported as a lower bound (betweenness at 10,000 units: over 15 min). */
const NETWORKX_TIMEOUT_S = 300;
const STEPS = ['projection', 'louvain', 'betweenness', 'pagerank'] as const;
type Step = (typeof STEPS)[number];

export async function analyticsStage(mode: 'quick' | 'full'): Promise<StageResult> {
  const sizes = mode === 'quick' ? [100, 300, 600] : [500, 3000, 10_000];
  const { networkx, igraph } = ensureBaselines();
  const dir = join(__dirname, '..', 'tmp', 'analytics');
  mkdirSync(dir, { recursive: true });
  const parameters = NetworkOptionsSchema.parse({});
  const figures: Figure[] = [];
  const networks: Record<string, unknown>[] = [];

  for (const units of sizes) {
    const snapshot = snapshotFromCorpus({ seed: 20230401, units, items: units * ITEMS_PER_UNIT });
    const ours = {} as Record<Step, number>;
    const runs = {} as Record<Step, number>;
    const measure = async <T>(step: Step, fn: () => T): Promise<T> => {
      const result = await timedMedian(fn);
      ours[step] = result.ms;
      runs[step] = result.runs;
      return result.value;
    };
    const graph = await measure('projection', () => buildCoordinationNetwork(snapshot, parameters));
    await measure('louvain', () => louvain(graph, { getEdgeWeight: 'weight', resolution: parameters.resolution, rng: createRandom(parameters.seed).next }));
    await measure('betweenness', () => betweennessCentrality(weightedAdjacency(graph)));
    await measure('pagerank', () => pagerank(weightedAdjacency(graph), parameters.pagerankAlpha, POWER_ITERATION));
    // The whole export as users run it: workload, every metric (closeness, eigenvector, k-core too), GraphML.
    const full = await timed(() => toGraphML(snapshot));
    const graphml = join(dir, `coordination-${units}.graphml`);
    writeFileSync(graphml, full.value.content);
    const generic = new Set(snapshot.units.filter((u) => u.kind === 'generic').map((u) => u.id));
    const pairs = join(dir, `pairs-${units}.json`);
    writeFileSync(pairs, JSON.stringify(snapshot.responsibilities.filter((r) => !generic.has(r.unitId)).map((r) => [r.unitId, r.itemId])));
    const baseline = (script: string) =>
      JSON.parse(
        execFileSync(
          PYTHON,
          [join(__dirname, '..', script), '--graphml', graphml, '--pairs', pairs, '--seed', String(parameters.seed), '--resolution', String(parameters.resolution), '--alpha', String(parameters.pagerankAlpha), '--timeout', String(NETWORKX_TIMEOUT_S)],
          { encoding: 'utf8', maxBuffer: 1 << 24 },
        ),
      ) as Record<Step, number | null> & { nodes: number; edges: number; projectedEdges?: number; timedOut?: Step[]; runs?: Record<Step, number> };
    const theirs = baseline('networkx_bench.py');
    const igraphs = baseline('igraph_bench.py');

    for (const step of STEPS) {
      const theirMs = theirs[step] === null ? NETWORKX_TIMEOUT_S * 1000 : theirs[step] * 1000;
      const timedOut = theirs[step] === null;
      figures.push({
        name: `${step}, ${graph.order} units / ${graph.size} ties${timedOut ? ' (NetworkX timed out: ratio is a lower bound)' : ''}`,
        value: ours[step],
        unit: 'ms',
        baseline: { name: 'NetworkX', value: theirMs },
        ratio: theirMs / ours[step],
        target: 'faster than NetworkX',
        met: ours[step] < theirMs,
      });
      const igraphMs = igraphs[step] === null ? NETWORKX_TIMEOUT_S * 1000 : igraphs[step] * 1000;
      figures.push({
        name: `${step}, ${graph.order} units / ${graph.size} ties, against igraph`,
        value: ours[step],
        unit: 'ms',
        baseline: { name: 'igraph', value: igraphMs },
        ratio: igraphMs / ours[step],
        target: 'within 3× of igraph',
        met: ours[step] <= 3 * igraphMs,
      });
    }
    networks.push({
      requestedUnits: units,
      items: snapshot.items.length,
      responsibilities: snapshot.responsibilities.length,
      nodes: graph.order,
      edges: graph.size,
      networkxNodes: theirs.nodes,
      networkxEdges: theirs.edges,
      networkxProjectedEdges: theirs.projectedEdges,
      oursMs: ours,
      oursRuns: runs,
      networkxRuns: theirs.runs ?? {},
      networkxMs: Object.fromEntries(STEPS.map((s) => [s, theirs[s] === null ? null : theirs[s] * 1000])),
      igraphMs: Object.fromEntries(STEPS.map((s) => [s, igraphs[s] === null ? null : igraphs[s] * 1000])),
      igraphEdges: igraphs.edges,
      igraphProjectedEdges: igraphs.projectedEdges,
      graphmlExportMs: full.ms,
    });
  }
  return {
    stage: 'analytics',
    mode,
    figures,
    details: {
      networkx,
      igraph,
      method:
        `Coordination networks from synthetic corpora of ${ITEMS_PER_UNIT} items per unit (ground truth, generic placeholders excluded as by default). ` +
        'Ours: buildCoordinationNetwork, then the calls graph/analytics/network.ts makes, with its options (graphology; PageRank from powerIteration.ts and betweenness from betweenness.ts, each with its typed-array copy included). ' +
        'NetworkX: read_graphml of toGraphML output; projection = bipartite.weighted_projected_graph of the same unit–item pairs; ' +
        'louvain_communities, betweenness_centrality(normalized), pagerank(tol=1e-10). igraph: Read_GraphML of the same file; ' +
        'projection = bipartite_projection(multiplicity) of the same pairs; community_multilevel, betweenness (normalised as NetworkX), ' +
        'pagerank (PRPACK). Wall-clock median of repeated runs on both sides ' +
        '(again until 1 s has passed or 21 runs are done, so fast steps are not judged on a cold first run; slow ones run once).',
      networks,
    },
  };
}
