/**
 * Cross-check against NetworkX: tests/fixtures/networkx/seed-reference.json was computed by
 * scripts/networkx_reference.py from the GraphML our exporter writes for the seed (regenerate
 * with `npm run -s networkx:reference`). Tolerance 1e-6 on every real-valued measure; the
 * differences observed are at rounding level (≤ 2e-16), the power iterations (eigenvector,
 * PageRank) stopping at the same rule, Σ|Δx| < n·1e-10, on both sides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { buildCoordinationNetwork, compareText, computeNetworkMetrics, POWER_ITERATION, type NetworkReport } from '../../graph/analytics';
import { SEED_ID, seedSnapshot } from './seed';

const TOLERANCE = 1e-6;

const ReferenceSchema = z.object({
  networkx: z.string(),
  source: z.object({ documents: z.array(z.object({ id: z.string(), sha256: z.string() })) }),
  parameters: z.object({ pagerankAlpha: z.number(), resolution: z.number(), tolerance: z.number(), maxIterations: z.number() }),
  edges: z.array(z.tuple([z.string(), z.string(), z.number()])),
  graph: z.object({ nodes: z.number(), edges: z.number(), density: z.number(), components: z.number(), averageClustering: z.number() }),
  partition: z.object({ count: z.number(), modularity: z.number() }),
  nodes: z.record(
    z.string(),
    z.object({
      degree: z.number(),
      weightedDegree: z.number(),
      betweenness: z.number(),
      closeness: z.number(),
      eigenvector: z.number(),
      pagerank: z.number(),
      coreNumber: z.number(),
    }),
  ),
});
const reference = ReferenceSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'networkx', 'seed-reference.json'), 'utf8')),
);

describe(`NetworkX ${reference.networkx} agrees with our coordination metrics on the seed`, () => {
  let report: NetworkReport;
  let edges: [string, string, number][];
  let sha256: string;
  beforeAll(async () => {
    const seed = await seedSnapshot();
    sha256 = seed.documents[0]!.sha256;
    report = computeNetworkMetrics(seed);
    const graph = buildCoordinationNetwork(seed);
    edges = graph
      .mapEdges((_key, tie, source, target) => [...[source, target].sort(), tie.weight] as [string, string, number])
      .sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1]));
  });

  it('was computed from the same seed, the same network and the same parameters', () => {
    expect(reference.source.documents).toEqual([expect.objectContaining({ id: SEED_ID, sha256 })]);
    expect(edges).toEqual(reference.edges);
    expect(report.nodes.map((n) => n.unit.id).sort()).toEqual(Object.keys(reference.nodes).sort());
    expect(reference.parameters).toEqual({
      pagerankAlpha: report.parameters.pagerankAlpha,
      resolution: report.parameters.resolution,
      tolerance: POWER_ITERATION.tolerance,
      maxIterations: POWER_ITERATION.maxIterations,
    });
  });

  it.each(['betweenness', 'closeness', 'eigenvector', 'pagerank'] as const)('agrees on %s within 1e-6', (measure) => {
    for (const node of report.nodes) {
      const expected = reference.nodes[node.unit.id]![measure];
      if (Math.abs(node[measure] - expected) > TOLERANCE) {
        throw new Error(`${measure} of ${node.unit.id}: ours ${node[measure]}, NetworkX ${expected}`);
      }
    }
  });

  it('agrees exactly on degree, weighted degree and core number', () => {
    for (const node of report.nodes) {
      const expected = reference.nodes[node.unit.id]!;
      expect([node.unit.id, node.degree, node.weightedDegree, node.coreNumber]).toEqual([
        node.unit.id, expected.degree, expected.weightedDegree, expected.coreNumber,
      ]);
    }
  });

  it('agrees on the modularity of our Louvain partition within 1e-6', () => {
    expect(report.partition.count).toBe(reference.partition.count);
    expect(Math.abs(report.partition.modularity - reference.partition.modularity)).toBeLessThan(TOLERANCE);
  });

  it('agrees on density, components and average clustering', () => {
    expect(report.graph.nodes).toBe(reference.graph.nodes);
    expect(report.graph.edges).toBe(reference.graph.edges);
    expect(report.graph.components).toBe(reference.graph.components);
    expect(Math.abs(report.graph.density - reference.graph.density)).toBeLessThan(TOLERANCE);
    expect(Math.abs(report.graph.averageClustering - reference.graph.averageClustering)).toBeLessThan(TOLERANCE);
  });
});
