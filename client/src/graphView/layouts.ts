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
  packComponents: true, // isolated units are tiled instead of flung away
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
 * Above this many elements fCoSE runs its spectral placement only ('draft'): on this 2-core
 * machine the force-directed polish took about three quarters of the layout time at 2,000
 * elements (bench/client), and at that size the clusters are what a reader looks at, not the
 * exact spacing. Concentric and grid need no such switch.
 */
export const LARGE_GRAPH_ELEMENTS = 1500;

/** The options to run for a layout on a graph of `elementCount` nodes and edges. */
export function layoutOptions(name: LayoutName, elementCount: number): LayoutOptions {
  if (name === 'fcose' && elementCount > LARGE_GRAPH_ELEMENTS) {
    return { ...fcose, quality: 'draft' } as LayoutOptions;
  }
  return layouts[name];
}

