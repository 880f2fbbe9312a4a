import type { ElementDefinition } from 'cytoscape';
import type { NetworkNodeData as NodeData, NetworkResponse, UnitNodeData as UnitData } from '../api';
import { COMMUNITY_COLOURS, communityColour, NO_COMMUNITY_COLOUR, ROLE_COLOURS } from '../domain/vocabulary';
import { categoryOf, extent, isMeasure, scaleColour, scaled, type Colouring, type NodeMeasure } from './explore';

const MIN_SIZE = 18; // px, the smallest unit still easy to click
const MAX_SIZE = 76; // px
const ITEM_SIZE = 14; // px; items are context, not the subject

export interface NodeStyling {
  colour: Colouring;
  size: NodeMeasure;
  /** A unit's name as the graph labels it (short English names in English). */
  label: (unit: UnitData) => string;
}

export const DEFAULT_STYLING: Omit<NodeStyling, 'label'> = { colour: 'community', size: 'weightedLoad' };

/** One legend entry of a categorical colouring: the category, its colour and its units, heaviest first. */
export interface CategoryEntry {
  category: string;
  colour: string;
  members: UnitData[];
}

/**
 * The categories present under a colouring, each with its colour. Communities keep their number's
 * colour (stable across ingests, since the server keeps the numbers); other categories are
 * coloured by size rank, largest first; "overloaded" is the lead red against grey.
 */
export function categoryLegend(graph: NetworkResponse, colouring: Exclude<Colouring, NodeMeasure>): CategoryEntry[] {
  const groups = new Map<string, UnitData[]>();
  for (const { data } of graph.elements.nodes) {
    if (data.type !== 'unit') continue;
    const category = categoryOf(data, colouring);
    groups.set(category, [...(groups.get(category) ?? []), data]);
  }
  const entries = [...groups.entries()].map(([category, members]) => ({
    category,
    members: members.sort((a, b) => b.weightedLoad - a.weightedLoad),
  }));
  if (colouring === 'community') {
    return entries
      .sort((a, b) => Number(a.category) - Number(b.category))
      .map((entry) => ({ ...entry, colour: communityColour(Number(entry.category)) }));
  }
  if (colouring === 'overloaded') {
    return entries
      .sort((a) => (a.category === 'overloaded' ? -1 : 1))
      .map((entry) => ({ ...entry, colour: entry.category === 'overloaded' ? ROLE_COLOURS.lead : NO_COMMUNITY_COLOUR }));
  }
  return entries
    .sort((a, b) => b.members.length - a.members.length || a.category.localeCompare(b.category))
    .map((entry, rank) => ({
      ...entry,
      colour: entry.category === '' ? NO_COMMUNITY_COLOUR : (COMMUNITY_COLOURS[rank % COMMUNITY_COLOURS.length] ?? NO_COMMUNITY_COLOUR),
    }));
}

/**
 * The API's elements plus what the stylesheet reads: `displayName` in the interface language,
 * `colour` by the chosen attribute, `size` by the chosen measure (square-root scale, so area
 * tracks the value), and `width` for ties.
 */
export function toElements(graph: NetworkResponse, styling: NodeStyling): ElementDefinition[] {
  const units = graph.elements.nodes.map((node) => node.data).filter((data): data is UnitData => data.type === 'unit');
  const sizeRange: [number, number] = [0, Math.max(extent(units, styling.size)[1], Number.MIN_VALUE)];
  const colourOf = colouringFunction(graph, units, styling.colour);
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
            displayName: styling.label(data),
            colour: colourOf(data),
            size: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, scaled(data[styling.size], sizeRange))),
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

function colouringFunction(graph: NetworkResponse, units: UnitData[], colouring: Colouring): (unit: UnitData) => string {
  if (isMeasure(colouring)) {
    const range = extent(units, colouring);
    return (unit) => scaleColour(scaled(unit[colouring], range));
  }
  const colours = new Map(categoryLegend(graph, colouring).map((entry) => [entry.category, entry.colour]));
  return (unit) => colours.get(categoryOf(unit, colouring)) ?? NO_COMMUNITY_COLOUR;
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
