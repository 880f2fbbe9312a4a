import type { LayoutOptions } from 'cytoscape';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/**
 * Named layouts and their settings. fCoSE is the default: fast spectral start plus force-directed
 * polish, good on the coordination network's few dense clusters.
 */
export const layouts: Record<LayoutName, LayoutOptions> = {
  fcose: {
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
  } as LayoutOptions,
  concentric: {
    name: 'concentric',
    // Rings by weighted load (or degree for items): the heaviest units in the centre.
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
