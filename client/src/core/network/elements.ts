import type { ElementDefinition } from 'cytoscape';
import type { NetworkNodeData as NodeData, NetworkResponse, UnitNodeData as UnitData } from '../api';
import { communityColour } from '../domain/vocabulary';

const MIN_SIZE = 18; // px, the smallest unit still easy to click
const MAX_SIZE = 76; // px
const ITEM_SIZE = 14; // px; items are context, not the subject

/**
 * The API's elements plus what the stylesheet reads: `displayName` in the interface language,
 * `colour` from the community, `size` from the weighted load (square-root scale, so area tracks
 * load), and `width` for ties.
 */
export function toElements(
  graph: NetworkResponse,
  unitName: (unit: { name: string; shortName?: string; nameEn?: string }) => string,
): ElementDefinition[] {
  const units = graph.elements.nodes.map((node) => node.data).filter((data): data is UnitData => data.type === 'unit');
  const maxLoad = Math.max(1, ...units.map((unit) => unit.weightedLoad));
  const maxWeight = Math.max(
    1,
    ...graph.elements.edges.map((edge) => (edge.data.type === 'tie' ? edge.data.weight : 1)),
  );

  const nodes: ElementDefinition[] = graph.elements.nodes.map(({ data }) =>
    data.type === 'unit'
      ? {
          group: 'nodes',
          data: {
            ...data,
            displayName: unitName({ name: data.name, shortName: data.label, nameEn: data.nameEn }),
            colour: communityColour(data.community),
            size: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(data.weightedLoad / maxLoad),
          },
        }
      : {
          group: 'nodes',
          data: { ...data, displayName: data.label, colour: '#eef1f5', size: ITEM_SIZE },
        },
  );
  const edges: ElementDefinition[] = graph.elements.edges.map(({ data }) => ({
    group: 'edges',
    data: data.type === 'tie' ? { ...data, width: 1 + 7 * (data.weight / maxWeight) } : { ...data },
  }));
  return [...nodes, ...edges];
}

export interface CommunityLegendEntry {
  community: number | null;
  colour: string;
  /** Units in the community, heaviest first. */
  members: UnitData[];
}

/** One legend row per community present, largest first; units outside the network last. */
export function communityLegend(graph: NetworkResponse): CommunityLegendEntry[] {
  const groups = new Map<number | null, UnitData[]>();
  for (const { data } of graph.elements.nodes) {
    if (data.type !== 'unit') continue;
    const members = groups.get(data.community) ?? [];
    members.push(data);
    groups.set(data.community, members);
  }
  return [...groups.entries()]
    .map(([community, members]) => ({
      community,
      colour: communityColour(community),
      members: members.sort((a, b) => b.weightedLoad - a.weightedLoad),
    }))
    .sort((a, b) => (a.community ?? Infinity) - (b.community ?? Infinity));
}

/** Nodes whose names (either language), label or title contain `query`, units first. */
export function findNodes(graph: NetworkResponse, query: string): NodeData[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches = graph.elements.nodes
    .map((node) => node.data)
    .filter((data) =>
      (data.type === 'unit' ? [data.label, data.name, data.nameEn, data.id] : [data.label, data.title, data.id]).some(
        (text) => text.toLowerCase().includes(needle),
      ),
    );
  return matches.sort((a, b) => Number(a.type === 'item') - Number(b.type === 'item'));
}
