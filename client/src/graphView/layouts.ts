import type { LayoutOptions } from 'cytoscape';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** fCoSE's settings, kept as plain data: cytoscape-fcose ships no types, so LayoutOptions lacks its keys. */
const fcose = {
  name: 'fcose',
  quality: 'default', // 'proof' is slower for little gain at this size
  randomize: true, // start from a spectral layout, not from the previous positions
  animate: false, // animation costs frames on 2,000+ elements; the result is what matters
  fit: true,
  padding: 30, // px around the graph when fitting
  nodeSeparation: 90, // px between nodes, lets labels breathe
  idealEdgeLength: 90, // px
  nodeRepulsion: 6500,
  edgeElasticity: 0.45,
  gravity: 0.25,
  numIter: 2500,
};

/**
 * Named layouts and their settings. fCoSE is the default: fast spectral start plus force-directed
 * polish, good on the coordination network's few dense clusters.
 */
export const layouts: Record<LayoutName, LayoutOptions> = {
  fcose: fcose as LayoutOptions,
  concentric: {
    name: 'concentric',
    // Rings by weighted load: the heaviest units in the centre, items on the outer ring.
    concentric: (node) => (node.data('type') === 'unit' ? Number(node.data('weightedLoad') ?? 0) : 0),
    levelWidth: () => 3, // load units per ring
    minNodeSpacing: 20, // px
    animate: false,
    fit: true,
    padding: 30,
  } as LayoutOptions,
  grid: {
    name: 'grid',
    // Heaviest first, reading order.
    sort: (a, b) => Number(b.data('weightedLoad') ?? 0) - Number(a.data('weightedLoad') ?? 0),
    avoidOverlap: true,
    avoidOverlapPadding: 12, // px
    animate: false,
    fit: true,
    padding: 30,
  } as LayoutOptions,
};

/**
 * Above this many elements fCoSE's force-directed polish is bounded. The spectral draft alone
 * piles each dense cluster onto a few spots (thousands of overlapping node pairs at 2,000
 * elements), and the full polish (500-700 iterations) is too slow there (BENCHMARKS.md, Client).
 * So, with the same forces: the polish starts cool (initial energy 0.05
 * instead of 0.3) and stops at its first convergence check, about 120 iterations in; and the
 * draft is spread wider (400 px instead of 90), so fewer node pairs fall within repulsion range
 * (the bulk of each iteration's cost) and fewer overlaps are left to pull apart.
 */
export const LARGE_GRAPH_ELEMENTS = 1000;

/** The options to run for a layout on a graph of `elementCount` nodes and edges. */
export function layoutOptions(name: LayoutName, elementCount: number): LayoutOptions {
  if (name === 'fcose' && elementCount > LARGE_GRAPH_ELEMENTS) {
    return { ...fcose, initialEnergyOnIncremental: 0.05, nodeSeparation: 400 } as LayoutOptions;
  }
  return layouts[name];
}

/** The User Timing entry of each layout run: its duration is the layout alone, its end the moment the view settled. */
export const LAYOUT_MEASURE = 'network layout';
