/**
 * A coordination network as GET /api/network answers it, for the layout bench: units in a few
 * dense clusters (one per jurisdiction, 80 units each) with Zipf-skewed degree, tied by shared
 * items. The stage checks it against the API's own schema, so the client gets what the server would send.
 */
import { ExportParametersSchema } from '../../graph/export';
import type { NetworkResponse } from '../../graph/api';
import { createRandom, zipfSampler } from '../synth';

const CLUSTER_SIZE = 80;

/** `count` elements, a third of them units, heaviest first (the order the server sends). */
export function coordinationNetwork(count: number, seed = 7): NetworkResponse {
  const random = createRandom(seed);
  const nodeCount = Math.max(2, Math.round(count / 3));
  const nodes: NetworkResponse['elements']['nodes'] = Array.from({ length: nodeCount }, (_, i) => {
    const lead = random.int(0, 12);
    const co = random.int(0, 30);
    return {
      data: {
        id: `u${i}`,
        type: 'unit',
        label: `单位${i}`,
        name: `测试省单位${i}`,
        nameEn: `Unit ${i}`,
        kind: 'department',
        jurisdiction: '440000',
        level: 'province',
        function: null,
        provisional: false,
        lead,
        co,
        support: 0,
        implement: 0,
        guide: 0,
        // Decreasing with the index, as the server orders units by load.
        weightedLoad: (nodeCount - i) / 10 + lead * 3 + co,
        overloaded: i < nodeCount / 50,
        degree: 0,
        weightedDegree: 0,
        betweenness: 0,
        closeness: 0,
        eigenvector: 0,
        pagerank: 1 / nodeCount,
        coreNumber: 1,
        community: Math.floor(i / CLUSTER_SIZE),
      },
    };
  });
  const edges = new Map<string, NetworkResponse['elements']['edges'][number]>();
  const sample = zipfSampler(Math.min(CLUSTER_SIZE, nodeCount), 1);
  for (let attempt = 0; edges.size < count - nodeCount && attempt < count * 50; attempt++) {
    const cluster = random.int(0, Math.floor((nodeCount - 1) / CLUSTER_SIZE));
    const base = cluster * CLUSTER_SIZE;
    // Mostly within a jurisdiction, now and then across (central branches, national plans).
    const a = Math.min(nodeCount - 1, base + sample(random));
    const b = random.chance(0.9) ? Math.min(nodeCount - 1, base + random.int(0, CLUSTER_SIZE - 1)) : random.int(0, nodeCount - 1);
    if (a === b) continue;
    const id = a < b ? `u${a}--u${b}` : `u${b}--u${a}`;
    const sharedItemCount = random.int(1, 20);
    if (!edges.has(id)) {
      edges.set(id, { data: { id, type: 'tie', source: `u${a}`, target: `u${b}`, weight: sharedItemCount, sharedItemCount, sharedItems: [] } });
    }
  }
  return {
    mode: 'coordination',
    elements: { nodes, edges: [...edges.values()] },
    truncated: null,
    dataVersion: 'bench',
    stale: false,
    provenance: {
      software: { name: 'accountability-graph', version: 'bench' },
      generatedAt: '2026-01-01T00:00:00.000Z',
      documents: [],
      parameters: ExportParametersSchema.parse({}), // the defaults
    },
  };
}
