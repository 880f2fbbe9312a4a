/**
 * What the network view does to the API's graph before drawing it, as pure functions of the
 * response and the view's URL state: style by attribute, range and tie-weight filters, hidden
 * nodes, Bloom-style expansion from chosen nodes, and the shortest path between two nodes.
 */
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { NetworkResponse, UnitNodeData } from '../api';
import { NODE_METRICS, type NodeMetricName } from '../domain/metrics';

type Edge = NetworkResponse['elements']['edges'][number]['data'];

/** Unit attributes a node can be coloured by as categories. */
export const CATEGORICAL_COLOURINGS = ['community', 'kind', 'jurisdiction', 'function', 'overloaded'] as const;
/** Unit figures a node can be coloured or sized by, on a continuous scale. */
export const NODE_MEASURES = [
  'weightedLoad',
  ...NODE_METRICS.filter((metric): metric is Exclude<NodeMetricName, 'community'> => metric !== 'community'),
] as const satisfies readonly (keyof UnitNodeData)[];
export type CategoricalColouring = (typeof CATEGORICAL_COLOURINGS)[number];
export type NodeMeasure = (typeof NODE_MEASURES)[number];
export type Colouring = CategoricalColouring | NodeMeasure;

export const isMeasure = (name: string): name is NodeMeasure => (NODE_MEASURES as readonly string[]).includes(name);
export const isColouring = (name: string): name is Colouring =>
  isMeasure(name) || (CATEGORICAL_COLOURINGS as readonly string[]).includes(name);

/** The category a unit falls in under a categorical colouring ('' when it has none). */
export function categoryOf(unit: UnitNodeData, colouring: CategoricalColouring): string {
  switch (colouring) {
    case 'community':
      return String(unit.community);
    case 'kind':
      return unit.kind;
    case 'jurisdiction':
      return unit.jurisdiction;
    case 'function':
      return unit.function ?? '';
    case 'overloaded':
      return unit.overloaded ? 'overloaded' : 'normal';
  }
}

/** Lowest and highest value of a measure among these units ([0, 0] when there are none). */
export function extent(units: UnitNodeData[], measure: NodeMeasure): [number, number] {
  if (units.length === 0) return [0, 0];
  let low = Infinity;
  let high = -Infinity;
  for (const unit of units) {
    low = Math.min(low, unit[measure]);
    high = Math.max(high, unit[measure]);
  }
  return [low, high];
}

/** Where `value` sits between low and high, 0–1 (0 when the range is empty). */
export const scaled = (value: number, [low, high]: [number, number]): number => (high > low ? (value - low) / (high - low) : 0);

/** A sequential scale readable on white, light to dark (viridis' end points, reversed). */
const SCALE_STOPS = [
  [253, 231, 37],
  [94, 201, 98],
  [33, 145, 140],
  [59, 82, 139],
  [68, 1, 84],
] as const;

export function scaleColour(share: number): string {
  const position = Math.min(1, Math.max(0, share)) * (SCALE_STOPS.length - 1);
  const index = Math.min(SCALE_STOPS.length - 2, Math.floor(position));
  const within = position - index;
  const [from, to] = [SCALE_STOPS[index]!, SCALE_STOPS[index + 1]!];
  const channel = (i: number) => Math.round(from[i]! + (to[i]! - from[i]!) * within);
  return `#${[0, 1, 2].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

/** The scale's CSS gradient, for the legend. */
export const SCALE_GRADIENT = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(scaleColour).join(', ')})`;

// ---------------------------------------------------------------------------------------------
// Filters

/** An inclusive range; a missing end is open. */
export interface Range {
  min?: number;
  max?: number;
}

/** `2-5`, `2-`, `-5` → Range; anything else → open. */
export function parseRange(text: string): Range {
  const match = /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/.exec(text);
  if (!match) return {};
  return {
    ...(match[1] !== undefined ? { min: Number(match[1]) } : {}),
    ...(match[2] !== undefined ? { max: Number(match[2]) } : {}),
  };
}

export const formatRange = ({ min, max }: Range): string =>
  min === undefined && max === undefined ? '' : `${min ?? ''}-${max ?? ''}`;

export const inRange = (value: number, { min, max }: Range): boolean =>
  (min === undefined || value >= min) && (max === undefined || value <= max);

export interface ExploreState {
  /** Unit ranges. */
  degree: Range;
  load: Range;
  /** Ties: shared items per tie, and the least tie weight kept. */
  shared: Range;
  minWeight: number;
  hidden: ReadonlySet<string>;
  /** When not empty, only these nodes and their neighbours are drawn (expand on demand). */
  expanded: readonly string[];
}

const tieActive = (state: ExploreState) => state.minWeight > 0 || state.shared.min !== undefined || state.shared.max !== undefined;

/**
 * The response with what the filters leave out taken away: units outside the degree or load
 * range, hidden nodes, ties outside the shared-items range or below the least weight, then
 * (with a tie filter on) units left without any tie, so a dense core reads alone; finally the
 * expansion, when nodes were expanded. Items (bipartite) stay while a unit of theirs does.
 */
export function visibleGraph(graph: NetworkResponse, state: ExploreState): NetworkResponse {
  const keepNode = (data: NetworkResponse['elements']['nodes'][number]['data']) =>
    !state.hidden.has(data.id) &&
    (data.type === 'item' || (inRange(data.degree, state.degree) && inRange(data.weightedLoad, state.load)));
  let nodes = graph.elements.nodes.filter(({ data }) => keepNode(data));
  let kept = new Set(nodes.map(({ data }) => data.id));
  const keepEdge = (data: Edge) =>
    kept.has(data.source) &&
    kept.has(data.target) &&
    (data.type !== 'tie' || (data.weight >= state.minWeight && inRange(data.sharedItemCount, state.shared)));
  let edges = graph.elements.edges.filter(({ data }) => keepEdge(data));

  if (tieActive(state) || graph.mode === 'bipartite') {
    const touched = new Set(edges.flatMap(({ data }) => [data.source, data.target]));
    // Items without a unit left are noise; units lose their place only under a tie filter.
    nodes = nodes.filter(({ data }) => touched.has(data.id) || (data.type === 'unit' && !tieActive(state)));
    kept = new Set(nodes.map(({ data }) => data.id));
  }
  if (state.expanded.length > 0) {
    const shown = new Set(state.expanded.filter((id) => kept.has(id)));
    for (const { data } of edges) {
      if (state.expanded.includes(data.source)) shown.add(data.target);
      if (state.expanded.includes(data.target)) shown.add(data.source);
    }
    nodes = nodes.filter(({ data }) => shown.has(data.id));
    kept = shown;
  }
  edges = edges.filter(({ data }) => kept.has(data.source) && kept.has(data.target));
  return { ...graph, elements: { nodes, edges } };
}

/** Equal-width bins of `values` between their least and greatest, for a filter's histogram. */
export function histogram(values: number[], binCount = 12): { from: number; to: number; count: number }[] {
  if (values.length === 0) return [];
  const [low, high] = values.reduce(([min, max], value) => [Math.min(min, value), Math.max(max, value)], [Infinity, -Infinity]);
  const width = high > low ? (high - low) / binCount : 1;
  const bins = Array.from({ length: high > low ? binCount : 1 }, (_, i) => ({ from: low + i * width, to: low + (i + 1) * width, count: 0 }));
  for (const value of values) {
    const index = Math.min(bins.length - 1, Math.floor((value - low) / width));
    bins[index]!.count += 1;
  }
  return bins;
}

// ---------------------------------------------------------------------------------------------
// Shortest path

export interface PathResult {
  /** Node ids from the first to the last. */
  nodes: string[];
  /** Edge ids along it, in order. */
  edges: string[];
  /** The items along it: each tie's shared items (coordination) or the items passed (bipartite). */
  items: string[];
}

/** Fewest hops between two drawn nodes (graphology-shortest-path); null when none joins them. */
export function shortestPath(graph: NetworkResponse, from: string, to: string): PathResult | null {
  const network = new Graph({ type: 'undirected', multi: true });
  for (const { data } of graph.elements.nodes) network.addNode(data.id);
  const edgeBetween = new Map<string, Edge>();
  for (const { data } of graph.elements.edges) {
    if (!network.hasNode(data.source) || !network.hasNode(data.target)) continue;
    network.addEdge(data.source, data.target);
    const key = [data.source, data.target].sort().join('\u0000');
    // Of several edges between the same pair (roles), the first is the one drawn highlighted.
    if (!edgeBetween.has(key)) edgeBetween.set(key, data);
  }
  if (!network.hasNode(from) || !network.hasNode(to)) return null;
  const nodes = bidirectional(network, from, to);
  if (!nodes) return null;
  const steps = nodes.slice(1).map((node, i) => edgeBetween.get([nodes[i]!, node].sort().join('\u0000'))!);
  const labels = new Map(graph.elements.nodes.map(({ data }) => [data.id, data.label]));
  const items =
    graph.mode === 'coordination'
      ? [...new Set(steps.flatMap((step) => (step.type === 'tie' ? step.sharedItems : [])))]
      : nodes.filter((id) => graph.elements.nodes.some(({ data }) => data.id === id && data.type === 'item')).map((id) => labels.get(id) ?? id);
  return { nodes, edges: steps.map((step) => step.id), items };
}

// ---------------------------------------------------------------------------------------------
// Short English names

/**
 * A registry English name without the words every unit of its government shares, so thirty
 * Guangdong departments do not all read "… of Guangdong Province": "Department of Finance",
 * "Energy Administration", "Guangzhou Government". Only for units of the graph's home government
 * (`home`: the jurisdiction most units belong to); a unit of another keeps its place.
 */
export function shortEnglishName(nameEn: string, ownJurisdiction: string, home: string | null): string {
  let short = nameEn.replace(/ Municipal People's Government$/, ' Government').replace(/, State Taxation Administration$/, '');
  if (ownJurisdiction !== home) return short;
  short = short
    .replace(/ of the People's Government of [A-Z][a-z]+ (Province|Municipality|City)$/, '')
    .replace(/ of [A-Z][a-z]+ (Province|Municipality|City)$/, '')
    .replace(/ (of )?the CPC [A-Z][a-z]+ (Provincial|Municipal) Committee$/, ' (Party)')
    .replace(/^[A-Z][a-z]+ (Provincial|Municipal) /, '');
  return short;
}

/** The jurisdiction most units of the graph belong to (ties: the lowest code). */
export function homeJurisdiction(units: UnitNodeData[]): string | null {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit.jurisdiction, (counts.get(unit.jurisdiction) ?? 0) + 1);
  let best: string | null = null;
  for (const [code, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best) && code < best)) best = code;
  }
  return best;
}
