/**
 * Unweighted betweenness centrality (Brandes 2001) over the typed-array copy of the network
 * (powerIteration.ts' WeightedAdjacency), normalised as NetworkX's and graphology-metrics'.
 *
 * Hand-written for speed: graphology-metrics runs the same algorithm, but for every source it resets
 * the distance, path-count and predecessor arrays of all n nodes and allocates a fresh predecessor
 * array per node, n² work and allocations in all. The coordination networks are hundreds of small
 * components (at most ~90 units each at 10,000 units), so that reset, not the searches, was its time:
 * 17× igraph's at 10,522 units. Here a source resets only the nodes it reached, and nothing is
 * allocated per source (the predecessor lists sit in one array, in CSR form). The searches visit
 * neighbours in graphology's order and add the dependencies in its order, so the values are
 * graphology-metrics' to the last bit (tests/analytics/betweenness.test.ts compares them) while
 * no pair has 2³² shortest paths: graphology counts paths in 32-bit integers, which wrap, and these
 * in doubles, exact to 2⁵³.
 */
import { valuesByNode, type WeightedAdjacency } from './powerIteration';

/**
 * Each node's share of the shortest paths between other nodes, hop counts ignoring weights:
 * Σ over pairs s ≠ t ≠ v of σₛₜ(v)/σₛₜ, over (n − 1)(n − 2) so in [0, 1] (each unordered pair is
 * counted from both ends, which the ordered-pair denominator cancels). With n ≤ 2 no path has an
 * inner node: every value is 0.
 */
export function betweennessCentrality(adjacency: WeightedAdjacency): Record<string, number> {
  const { nodes, starts, neighboursInTieOrder: neighbours } = adjacency;
  const n = nodes.length;
  const centrality = new Float64Array(n);
  // Per source: hops from it (−1 unreached), shortest-path counts σ, dependencies δ.
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  // The nodes reached, in the order reached; read backwards, farthest first.
  const reached = new Int32Array(n);
  // Node w's predecessors (neighbours one hop nearer the source) at starts[w] … in CSR form, since
  // they are at most its neighbours: a third faster than re-scanning its neighbours for them.
  const predecessors = new Int32Array(neighbours.length);
  const predecessorCount = new Int32Array(n);

  for (let source = 0; source < n; source++) {
    distance[source] = 0;
    paths[source] = 1;
    reached[0] = source;
    let count = 1;
    for (let head = 0; head < count; head++) {
      const v = reached[head]!;
      const next = distance[v]! + 1;
      const pathsToV = paths[v]!;
      for (let j = starts[v]!, end = starts[v + 1]!; j < end; j++) {
        const w = neighbours[j]!;
        let hops = distance[w]!;
        if (hops === -1) {
          hops = distance[w] = next;
          reached[count++] = w;
        }
        if (hops === next) {
          paths[w]! += pathsToV;
          predecessors[starts[w]! + predecessorCount[w]!++] = v;
        }
      }
    }

    // Each node passes its dependency on to its predecessors, farthest nodes first: graphology's
    // order, so each δ is summed in the same order (a node gets one term from each successor).
    for (let k = count - 1; k > 0; k--) {
      const w = reached[k]!;
      const share = (1 + dependency[w]!) / paths[w]!;
      for (let j = starts[w]!, end = j + predecessorCount[w]!; j < end; j++) {
        const v = predecessors[j]!;
        dependency[v]! += paths[v]! * share;
      }
      centrality[w]! += dependency[w]!;
    }

    for (let k = 0; k < count; k++) {
      const v = reached[k]!;
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
      predecessorCount[v] = 0;
    }
  }

  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let i = 0; i < n; i++) centrality[i]! *= scale;
  }
  return valuesByNode(nodes, centrality);
}
