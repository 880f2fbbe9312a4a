/**
 * Coordination-network-like elements for the layout bench: units in a few dense clusters (one per
 * jurisdiction) with Zipf-skewed degree, shaped like the client's Cytoscape elements.
 */
import type { ElementDefinition } from 'cytoscape';
import { createRandom, zipfSampler } from '../synth';

/** `count` elements, a third of them nodes, as the coordination view shows them. */
export function coordinationElements(count: number, seed = 7): ElementDefinition[] {
  const random = createRandom(seed);
  const nodeCount = Math.max(2, Math.round(count / 3));
  const clusterSize = 80;
  const nodes: ElementDefinition[] = Array.from({ length: nodeCount }, (_, i) => ({
    group: 'nodes',
    data: { id: `u${i}`, type: 'unit', displayName: `单位${i}`, size: 20 + (i % 7) * 4, colour: '#4e79a7', weightedLoad: nodeCount - i },
  }));
  const edges = new Map<string, ElementDefinition>();
  const sample = zipfSampler(Math.min(clusterSize, nodeCount), 1);
  for (let attempt = 0; edges.size < count - nodeCount && attempt < count * 50; attempt++) {
    const cluster = random.int(0, Math.floor((nodeCount - 1) / clusterSize));
    const base = cluster * clusterSize;
    // Mostly within a jurisdiction, now and then across (central branches, national plans).
    const a = Math.min(nodeCount - 1, base + sample(random));
    const b = random.chance(0.9) ? Math.min(nodeCount - 1, base + random.int(0, clusterSize - 1)) : random.int(0, nodeCount - 1);
    if (a === b) continue;
    const id = a < b ? `u${a}--u${b}` : `u${b}--u${a}`;
    if (!edges.has(id)) edges.set(id, { group: 'edges', data: { id, source: `u${a}`, target: `u${b}`, weight: random.int(1, 20) } });
  }
  return [...nodes, ...edges.values()];
}
