/**
 * k-core numbers and clustering coefficients of an undirected simple graph. graphology has no
 * package for either (graphology-metrics stops at centralities, density and modularity), so
 * they are written here, following NetworkX's definitions exactly: core_number and
 * clustering/average_clustering, both unweighted.
 */
import type Graph from 'graphology';

/**
 * Core number of every node: the largest k such that the node belongs to the k-core (the
 * maximal subgraph where every node has degree ≥ k). Batagelj–Zaversnik peeling: repeatedly
 * remove a node of least remaining degree d; its core number is d. Neighbours above d lose one,
 * so remaining degrees never fall below d and the scan never has to step back.
 */
export function coreNumbers(graph: Graph): Map<string, number> {
  const degree = new Map(graph.nodes().map((node) => [node, graph.degree(node)]));
  const core = new Map<string, number>();
  const buckets: Set<string>[] = [];
  for (const [node, d] of degree) (buckets[d] ??= new Set()).add(node);
  for (let d = 0; d < buckets.length; ) {
    const bucket = buckets[d];
    const node = bucket?.values().next().value;
    if (bucket === undefined || node === undefined) {
      d += 1;
      continue;
    }
    bucket.delete(node);
    core.set(node, d);
    degree.delete(node);
    graph.forEachNeighbor(node, (neighbor) => {
      const nd = degree.get(neighbor);
      if (nd === undefined || nd <= d) return;
      buckets[nd]?.delete(neighbor);
      degree.set(neighbor, nd - 1);
      (buckets[nd - 1] ??= new Set()).add(neighbor);
    });
  }
  return core;
}

/**
 * Mean local clustering over all nodes, zeros included (NetworkX average_clustering,
 * count_zeros=True). Local clustering of v: 2T / (d(d − 1)), T the links among v's d neighbours;
 * 0 when d < 2.
 */
export function averageClustering(graph: Graph): number {
  if (graph.order === 0) return 0;
  const neighborhoods = new Map(graph.nodes().map((node) => [node, new Set(graph.neighbors(node))]));
  let sum = 0;
  for (const around of neighborhoods.values()) {
    const d = around.size;
    if (d < 2) continue;
    let links = 0; // each link among the neighbours is met from both ends
    for (const a of around) for (const b of neighborhoods.get(a) as Set<string>) if (around.has(b)) links += 1;
    sum += links / (d * (d - 1));
  }
  return sum / graph.order;
}
