/**
 * The coordination network (researchers): the unit–item bipartite graph projected onto units.
 * Two units are tied when they answer for the same item, whatever their roles.
 */
import Graph, { UndirectedGraph } from 'graphology';
import type { Snapshot, UnitSummary } from '../model';
import { indexSnapshot, isGeneric } from './snapshotIndex';
import {
  CoordinationOptionsSchema,
  type CoordinationEdgeAttributes,
  type CoordinationNodeAttributes,
  type CoordinationOptions,
} from './types';

export type CoordinationGraph = Graph<CoordinationNodeAttributes, CoordinationEdgeAttributes>;

/** The key of the tie between two units, whichever way round they are given. */
export const tieKey = (a: string, b: string): string => (a < b ? `${a}--${b}` : `${b}--${a}`);

export function buildCoordinationNetwork(snapshot: Snapshot, options: CoordinationOptions = {}): CoordinationGraph {
  const index = indexSnapshot(snapshot);
  return graphFromTies(projectTies(snapshot, options), index.multiDocument);
}

/** One tie as projected, before captions: its items' ids and labels, their documents. */
export interface ProjectedTie {
  source: string;
  target: string;
  weight: number;
  sharedItemIds: string[];
  labels: string[];
  documentIds: string[];
}

/**
 * The projection's ties and the units they join, before they become a graph. Ties come from single
 * items, so the projection of several documents is the union of theirs with weights and items added
 * up in document order (graph/analytics/partials.ts); only item captions depend on the whole.
 */
export interface Projection {
  /** The included units that answer for anything, by id. */
  units: Map<string, UnitSummary>;
  /** In first-met order (document order, then clause order), which the graph keeps. */
  ties: ProjectedTie[];
}

export function projectTies(snapshot: Snapshot, options: CoordinationOptions = {}): Projection {
  const parameters = CoordinationOptionsSchema.parse(options);
  const index = indexSnapshot(snapshot);
  const included = (unitId: string) => parameters.includeGeneric || !isGeneric(index.unit(unitId));

  // Nodes in id order, so every algorithm sees the same node order whatever the store returned.
  const unitIds = [...new Set(snapshot.responsibilities.map((r) => r.unitId))].filter(included).sort();
  const position = new Map(unitIds.map((id, i) => [id, i]));

  // Ties accumulate under numeric keys (unit positions; a string key per pair of owners per item
  // was most of the projection's time), in first-met order.
  const ties = new Map<number, ProjectedTie>();
  const strengthOf = new Map<number, number>();
  for (const item of index.items) {
    // A unit holding two roles on one item counts with its heavier role.
    strengthOf.clear();
    for (const r of index.ownersOf(item.id)) {
      const at = position.get(r.unitId);
      if (at !== undefined) strengthOf.set(at, Math.max(strengthOf.get(at) ?? 0, parameters.weights[r.role]));
    }
    if (strengthOf.size < 2) continue;
    const owners = [...strengthOf.keys()].sort((x, y) => x - y);
    for (let i = 0; i < owners.length; i++) {
      for (let j = i + 1; j < owners.length; j++) {
        const a = owners[i] as number;
        const b = owners[j] as number;
        const key = a * unitIds.length + b;
        let tie = ties.get(key);
        if (!tie) {
          tie = { source: unitIds[a] as string, target: unitIds[b] as string, weight: 0, sharedItemIds: [], labels: [], documentIds: [] };
          ties.set(key, tie);
        }
        tie.weight +=
          parameters.weighting === 'shared-items' ? 1 : ((strengthOf.get(a) as number) + (strengthOf.get(b) as number)) / 2;
        tie.sharedItemIds.push(item.id);
        tie.labels.push(item.label);
        tie.documentIds.push(item.documentId);
      }
    }
  }
  return { units: new Map(unitIds.map((id) => [id, index.unit(id)])), ties: [...ties.values()] };
}

/**
 * The coordination graph of a projection. Nodes in id order; an item's caption is its label, qualified
 * by its document when the projection spans several.
 */
export function graphFromTies({ units, ties }: Projection, multiDocument: boolean): CoordinationGraph {
  const graph: CoordinationGraph = new UndirectedGraph<CoordinationNodeAttributes, CoordinationEdgeAttributes>();
  for (const id of [...units.keys()].sort()) {
    const { id: _id, ...attributes } = units.get(id) as UnitSummary;
    graph.addNode(id, attributes);
  }
  for (const tie of ties) {
    const sharedItems = multiDocument ? tie.labels.map((label, i) => `${tie.documentIds[i]} ${label}`) : tie.labels;
    graph.addEdgeWithKey(tieKey(tie.source, tie.target), tie.source, tie.target, {
      weight: tie.weight,
      sharedItemCount: tie.sharedItemIds.length,
      sharedItemIds: tie.sharedItemIds,
      sharedItems,
    });
  }
  return graph;
}
