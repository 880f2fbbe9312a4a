/**
 * powerIteration.ts against graphology-metrics, whose iterations it replaces: the same values on
 * the seed's coordination network, on random weighted graphs, and with isolated nodes.
 */
import fc from 'fast-check';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import graphologyEigenvector from 'graphology-metrics/centrality/eigenvector';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import type { Attributes } from 'graphology-types';
import { buildCoordinationNetwork, POWER_ITERATION } from '../../graph/analytics';
import { eigenvectorCentrality, pagerank, weightedAdjacency } from '../../graph/analytics/powerIteration';
import { seedSnapshot } from './seed';

type Tie = { weight: number };
type WeightedGraph = UndirectedGraph<Attributes, Tie>;

const ALPHA = 0.85;
const theirPagerank = (graph: WeightedGraph, alpha = ALPHA) => graphologyPagerank(graph, { getEdgeWeight: 'weight', alpha, ...POWER_ITERATION });
const theirEigenvector = (graph: WeightedGraph) => graphologyEigenvector(graph, { getEdgeWeight: 'weight', ...POWER_ITERATION });

function expectSameValues(ours: Record<string, number>, theirs: Record<string, number>): void {
  expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  for (const [node, value] of Object.entries(theirs)) expect(Math.abs(ours[node]! - value)).toBeLessThanOrEqual(1e-9);
}

/** Nodes n0 … n(order − 1) (or 0 …, keys JavaScript lists first) and the given ties (a repeated pair keeps its first weight). */
function weightedGraph(order: number, ties: readonly (readonly [number, number, number])[], prefix = 'n'): WeightedGraph {
  const graph: WeightedGraph = new UndirectedGraph<Attributes, Tie>();
  for (let i = 0; i < order; i++) graph.addNode(`${prefix}${i}`);
  for (const [a, b, weight] of ties) {
    const [source, target] = [`${prefix}${a}`, `${prefix}${b}`];
    if (a !== b && !graph.hasEdge(source, target)) graph.addEdge(source, target, { weight });
  }
  return graph;
}

/** Undefined when graphology-metrics' iteration does not converge. */
function converging<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof Error && /failed to converge/.test(error.message)) return undefined;
    throw error;
  }
}

describe('PageRank and eigenvector centrality over typed arrays', () => {
  it("give graphology-metrics' values on the seed's coordination network, bit for bit", async () => {
    const graph = buildCoordinationNetwork(await seedSnapshot());
    expect(graph.order).toBeGreaterThan(20);
    const adjacency = weightedAdjacency(graph);
    expect(pagerank(adjacency, ALPHA, POWER_ITERATION)).toEqual(theirPagerank(graph));
    expect(eigenvectorCentrality(adjacency, POWER_ITERATION)).toEqual(theirEigenvector(graph));
  });

  it('give the same values on random weighted graphs, isolated nodes included', () => {
    // Weights as projections make them (shared items, role-weight means) and arbitrary positive ones.
    const weight = fc.oneof(fc.integer({ min: 1, max: 12 }).map((w) => w / 2), fc.double({ min: 0.01, max: 100, noNaN: true }));
    const graphs = fc.integer({ min: 1, max: 40 }).chain((order) =>
      fc.tuple(
        fc.constant(order),
        fc.array(fc.tuple(fc.nat(order - 1), fc.nat(order - 1), weight), { maxLength: order * 4 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.constantFrom('n', ''),
      ),
    );
    fc.assert(
      fc.property(graphs, ([order, ties, alpha, prefix]) => {
        const graph = weightedGraph(order, ties, prefix);
        const adjacency = weightedAdjacency(graph);
        expectSameValues(pagerank(adjacency, alpha, POWER_ITERATION), theirPagerank(graph, alpha));
        if (graph.size === 0) return;
        // Eigenvector iteration can crawl (components of nearly equal weight): then both give up.
        const theirs = converging(() => theirEigenvector(graph));
        if (theirs) expectSameValues(eigenvectorCentrality(adjacency, POWER_ITERATION), theirs);
        else expect(() => eigenvectorCentrality(adjacency, POWER_ITERATION)).toThrow('did not converge');
      }),
      { numRuns: 300 },
    );
  });

  it('spread the rank of isolated (dangling) nodes uniformly', () => {
    const graph = weightedGraph(5, [[0, 1, 2], [1, 2, 1]]); // n3 and n4 alone
    const rank = pagerank(weightedAdjacency(graph), ALPHA, POWER_ITERATION);
    expectSameValues(rank, theirPagerank(graph));
    expect(rank.n3).toBeCloseTo(rank.n4!, 15);
    expect(Object.values(rank).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it('treat a node whose ties weigh 0 as dangling, as NetworkX does, where graphology cannot converge', () => {
    const withZeroTie = weightedGraph(4, [[0, 1, 2], [1, 2, 1], [2, 3, 0]]);
    const withoutIt = weightedGraph(4, [[0, 1, 2], [1, 2, 1]]);
    expect(() => theirPagerank(withZeroTie)).toThrow(/converge/);
    expect(pagerank(weightedAdjacency(withZeroTie), ALPHA, POWER_ITERATION)).toEqual(theirPagerank(withoutIt));
  });

  it('give nothing for an empty graph', () => {
    expect(pagerank(weightedAdjacency(new UndirectedGraph<Attributes, Tie>()), ALPHA, POWER_ITERATION)).toEqual({});
  });

  it('say so when the iteration does not converge', () => {
    const adjacency = weightedAdjacency(weightedGraph(3, [[0, 1, 1], [1, 2, 3]]));
    expect(() => pagerank(adjacency, ALPHA, { ...POWER_ITERATION, maxIterations: 2 })).toThrow('PageRank did not converge within 2 iterations (tolerance 1e-10)');
    expect(() => eigenvectorCentrality(adjacency, { ...POWER_ITERATION, maxIterations: 2 })).toThrow('Eigenvector centrality did not converge within 2 iterations');
  });

  it('refuse a directed graph, whose ties would be walked both ways', () => {
    expect(() => weightedAdjacency(new DirectedGraph<Attributes, Tie>())).toThrow('expected an undirected graph, got a directed one');
  });
});
