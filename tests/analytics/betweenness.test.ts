/**
 * betweenness.ts against graphology-metrics, whose Brandes it replaces (the same values to the last
 * bit on the seed's network and on random graphs), and against closed forms on stars and paths.
 */
import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import type { Attributes } from 'graphology-types';
import { buildCoordinationNetwork } from '../../graph/analytics';
import { betweennessCentrality } from '../../graph/analytics/betweenness';
import { weightedAdjacency } from '../../graph/analytics/powerIteration';
import { seedSnapshot } from './seed';

type Tie = { weight: number };
type SimpleGraph = UndirectedGraph<Attributes, Tie>;

const ours = (graph: SimpleGraph) => betweennessCentrality(weightedAdjacency(graph));
// graphology-metrics' index refuses an empty graph; its answer would be no values.
const theirs = (graph: SimpleGraph) => (graph.order === 0 ? {} : graphologyBetweenness(graph, { getEdgeWeight: null, normalized: true }));

/** Nodes `${prefix}0` … and the given ties, each pair once, no self-loops. */
function simpleGraph(order: number, ties: readonly (readonly [number, number])[], prefix = 'n'): SimpleGraph {
  const graph: SimpleGraph = new UndirectedGraph<Attributes, Tie>();
  for (let i = 0; i < order; i++) graph.addNode(`${prefix}${i}`);
  for (const [a, b] of ties) {
    const [source, target] = [`${prefix}${a}`, `${prefix}${b}`];
    if (a !== b && !graph.hasEdge(source, target)) graph.addEdge(source, target, { weight: 1 });
  }
  return graph;
}

/** Components of 1–25 nodes (none: the empty graph), each with random ties among its own nodes: isolated nodes among them. */
const componentGraphs = fc
  .array(fc.integer({ min: 1, max: 25 }), { maxLength: 5 })
  .chain((sizes) => fc.tuple(fc.constant(sizes), fc.tuple(...sizes.map((size) => fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 })))))
  .map(([sizes, tiesPerComponent]) => {
    const ties: (readonly [number, number])[] = [];
    let first = 0;
    sizes.forEach((size, component) => {
      for (const [a, b] of tiesPerComponent[component]!) ties.push([first + a, first + b]);
      first += size;
    });
    return [first, ties] as const;
  });

describe('betweenness over typed arrays', () => {
  it("gives graphology-metrics' values on the seed's coordination network, bit for bit", async () => {
    const graph = buildCoordinationNetwork(await seedSnapshot());
    expect(graph.order).toBeGreaterThan(20);
    const values = ours(graph);
    expect(Object.values(values).some((value) => value > 0)).toBe(true);
    expect(values).toEqual(theirs(graph));
  });

  it('gives the same values on random graphs (empty, single node, isolated nodes, several components), bit for bit', () => {
    fc.assert(
      fc.property(componentGraphs, ([order, ties]) => {
        const graph = simpleGraph(order, ties);
        expect(ours(graph)).toEqual(theirs(graph));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees within 1e-12 when node keys look like array indices (JavaScript lists them first, so the search order may differ)', () => {
    fc.assert(
      fc.property(componentGraphs, ([order, ties]) => {
        const graph = simpleGraph(order, ties, '');
        const expected = theirs(graph);
        const actual = ours(graph);
        expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
        for (const [node, value] of Object.entries(expected)) expect(Math.abs(actual[node]! - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, value));
      }),
      { numRuns: 200 },
    );
  });

  it('puts a star’s centre on every path between leaves (1) and its leaves on none (0)', () => {
    for (const leaves of [2, 3, 10, 50]) {
      const values = ours(simpleGraph(leaves + 1, Array.from({ length: leaves }, (_, i) => [0, i + 1] as const)));
      expect(values.n0).toBeCloseTo(1, 14);
      for (let i = 1; i <= leaves; i++) expect(values[`n${i}`]).toBe(0);
    }
  });

  it('gives node i of an n-node path its i(n − 1 − i) pairs over (n − 1)(n − 2)/2', () => {
    for (const n of [3, 4, 7, 30]) {
      const values = ours(simpleGraph(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const)));
      for (let i = 0; i < n; i++) expect(values[`n${i}`]).toBeCloseTo((2 * i * (n - 1 - i)) / ((n - 1) * (n - 2)), 14);
    }
  });

  it('gives 0 to every node of graphs of one or two nodes, and nothing for an empty graph', () => {
    expect(ours(simpleGraph(0, []))).toEqual({});
    expect(ours(simpleGraph(1, []))).toEqual({ n0: 0 });
    expect(ours(simpleGraph(2, [[0, 1]]))).toEqual({ n0: 0, n1: 0 });
  });
});
