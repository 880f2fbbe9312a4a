/**
 * PageRank and eigenvector centrality of an undirected weighted graph, by power iteration over a
 * compressed sparse row (CSR) copy of the graph in typed arrays.
 *
 * Hand-written for speed: graphology-metrics iterates the same way, but builds its index through
 * the generic graph API (an array of edge keys per node, then a lookup of each edge's ends and of
 * its attributes) and allocates a fresh vector at every step; the analytics bench found its
 * PageRank 4.7–9× slower than igraph's, two thirds of it in building the index. Both functions repeat graphology-metrics' (2.4) arithmetic
 * step for step, in the same order, so their values are the same to the last bit
 * (tests/analytics/powerIteration.test.ts compares them), and the definitions stay NetworkX's
 * (docs/metrics.md).
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';

/** When to stop: Σ|Δx| < n × tolerance, and give up after maxIterations steps. */
export interface PowerIterationSettings {
  tolerance: number;
  maxIterations: number;
}

/** Node i's ties are entries starts[i] … starts[i + 1] − 1 of neighbours and weights. */
export interface WeightedAdjacency {
  nodes: string[];
  starts: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  /** Weighted degree of each node, summed in adjacency order. */
  strengths: Float64Array;
}

/**
 * The CSR copy: nodes in the graph's order, each node's ties in the order the ties were added. That
 * is the order graphology lists a node's ties in, and graphology-metrics sums in, unless node keys
 * look like array indices ("12"), which JavaScript objects list first: then sums may differ in the
 * last bit. One pass over the graph's edge list, not one per node: graphology walks a node's ties
 * by enumerating an object's keys, which took two thirds of its PageRank at 10,000 units.
 */
export function weightedAdjacency<EdgeAttributes extends { weight: number }>(
  graph: Graph<Attributes, EdgeAttributes>,
): WeightedAdjacency {
  if (graph.type !== 'undirected') throw new Error(`weightedAdjacency: expected an undirected graph, got a ${graph.type} one`);
  const nodes = graph.nodes();
  const n = nodes.length;
  const indexOf: Record<string, number> = Object.create(null); // no prototype: any key is a plain entry
  for (let i = 0; i < n; i++) indexOf[nodes[i]!] = i;

  // First pass: each tie's ends and weight, and how many entries each node gets (a self-loop one).
  const size = graph.size;
  const ends = new Int32Array(2 * size);
  const tieWeights = new Float64Array(size);
  const starts = new Int32Array(n + 1);
  let tie = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = indexOf[source]!;
    const b = indexOf[target]!;
    ends[2 * tie] = a;
    ends[2 * tie + 1] = b;
    tieWeights[tie++] = attributes.weight;
    starts[a + 1]!++;
    if (b !== a) starts[b + 1]!++;
  });
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;

  // Second pass: each tie at both of its ends, in tie order.
  const neighbours = new Int32Array(starts[n]!);
  const weights = new Float64Array(starts[n]!);
  const strengths = new Float64Array(n);
  const cursor = starts.slice(0, n);
  for (let t = 0; t < size; t++) {
    const a = ends[2 * t]!;
    const b = ends[2 * t + 1]!;
    const weight = tieWeights[t]!;
    const atA = cursor[a]!++;
    neighbours[atA] = b;
    weights[atA] = weight;
    strengths[a]! += weight;
    if (b === a) continue;
    const atB = cursor[b]!++;
    neighbours[atB] = a;
    weights[atB] = weight;
    strengths[b]! += weight;
  }
  return { nodes, starts, neighbours, weights, strengths };
}

/**
 * Weighted PageRank with damping `alpha` and uniform teleport; a node without weighted ties
 * (isolated, or whose ties all weigh 0) spreads its rank uniformly, as NetworkX's dangling nodes.
 * Sums to 1. Empty for an empty graph.
 */
export function pagerank(adjacency: WeightedAdjacency, alpha: number, settings: PowerIterationSettings): Record<string, number> {
  const { starts, neighbours, weights, strengths } = adjacency;
  const n = strengths.length;
  if (n === 0) return {};
  const uniform = 1 / n;
  // The share of a node's rank that walks each of its ties. A node whose ties weigh 0 in all is
  // dangling and its ties carry nothing (NetworkX; graphology would divide 0 by 0 and never converge).
  const transition = new Float64Array(weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    const strength = strengths[i]!;
    if (strength === 0) dangling.push(i);
    else for (let j = starts[i]!; j < starts[i + 1]!; j++) transition[j] = weights[j]! / strength;
  }

  let previous = new Float64Array(n).fill(uniform);
  let current = new Float64Array(n);
  for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
    let danglingRank = 0;
    for (const i of dangling) danglingRank += previous[i]!;
    const teleport = alpha * danglingRank * uniform + (1 - alpha) * uniform;
    current.fill(0);
    for (let i = 0; i < n; i++) {
      const walking = alpha * previous[i]!;
      for (let j = starts[i]!, end = starts[i + 1]!; j < end; j++) current[neighbours[j]!]! += walking * transition[j]!;
      current[i]! += teleport;
    }
    if (converged(previous, current, settings.tolerance)) return valuesByNode(adjacency.nodes, current);
    [previous, current] = [current, previous];
  }
  throw new Error(`PageRank did not converge within ${settings.maxIterations} iterations (tolerance ${settings.tolerance})`);
}

/**
 * Weighted eigenvector centrality: power iteration on A + I from the uniform vector, scaled to unit
 * Euclidean norm at every step. Needs at least one tie of positive weight (else 0 / 0).
 */
export function eigenvectorCentrality(adjacency: WeightedAdjacency, settings: PowerIterationSettings): Record<string, number> {
  const { starts, neighbours, weights } = adjacency;
  const n = starts.length - 1;
  let previous = new Float64Array(n).fill(1 / n);
  let current = new Float64Array(n);
  for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
    current.set(previous); // the identity term of A + I
    for (let i = 0; i < n; i++) {
      const value = previous[i]!;
      for (let j = starts[i]!, end = starts[i + 1]!; j < end; j++) current[neighbours[j]!]! += value * weights[j]!;
    }
    const norm = euclideanNorm(current);
    for (let i = 0; i < n; i++) current[i]! /= norm;
    if (converged(previous, current, settings.tolerance)) return valuesByNode(adjacency.nodes, current);
    [previous, current] = [current, previous];
  }
  throw new Error(`Eigenvector centrality did not converge within ${settings.maxIterations} iterations (tolerance ${settings.tolerance})`);
}

/** The stopping rule both iterations share: Σ|Δx| < n × tolerance. */
function converged(previous: Float64Array, current: Float64Array, tolerance: number): boolean {
  let change = 0;
  for (let i = 0; i < current.length; i++) change += Math.abs(current[i]! - previous[i]!);
  return change < current.length * tolerance;
}

/**
 * √Σx² without overflow, scaled by the largest magnitude as it is found: graphology-metrics'
 * safeVariadicHypot, operation for operation, since Math.hypot may round differently and the
 * values are to match its to the last bit.
 */
function euclideanNorm(values: Float64Array): number {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i]!);
    if (magnitude > max) {
      sum *= (max / magnitude) * (max / magnitude);
      max = magnitude;
    }
    sum += magnitude === 0 && max === 0 ? 0 : (magnitude / max) * (magnitude / max);
  }
  return max === Infinity ? 1 : max * Math.sqrt(sum);
}

function valuesByNode(nodes: string[], values: Float64Array): Record<string, number> {
  const byNode: Record<string, number> = {};
  for (let i = 0; i < nodes.length; i++) byNode[nodes[i]!] = values[i]!;
  return byNode;
}
