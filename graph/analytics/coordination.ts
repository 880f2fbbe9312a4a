/**
 * The coordination network (researchers): the unit–item bipartite graph projected onto units.
 * Two units are tied when they answer for the same item, whatever their roles.
 */
import Graph, { UndirectedGraph } from 'graphology';
import type { Snapshot } from '../store/types';
import { indexSnapshot, isGeneric, itemCaption } from './snapshotIndex';
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
  const parameters = CoordinationOptionsSchema.parse(options);
  const index = indexSnapshot(snapshot);
  const graph: CoordinationGraph = new UndirectedGraph<CoordinationNodeAttributes, CoordinationEdgeAttributes>();
  const included = (unitId: string) => parameters.includeGeneric || !isGeneric(index.unit(unitId));

  // Nodes in id order, so every algorithm sees the same node order whatever the store returned.
  const unitIds = [...new Set(snapshot.responsibilities.map((r) => r.unitId))].filter(included).sort();
  const position = new Map(unitIds.map((id, i) => [id, i]));
  for (const id of unitIds) {
    const { id: _id, ...attributes } = index.unit(id);
    graph.addNode(id, attributes);
  }

  // Ties accumulate under numeric keys (unit positions; a string key per pair of owners per item
  // was most of the projection's time), in first-met order, which the graph keeps.
  const ties = new Map<number, { a: number; b: number; tie: CoordinationEdgeAttributes }>();
  const strengthOf = new Map<number, number>();
  for (const item of index.items) {
    // A unit holding two roles on one item counts with its heavier role.
    strengthOf.clear();
    for (const r of index.ownersOf(item.id)) {
      const at = position.get(r.unitId);
      if (at !== undefined) strengthOf.set(at, Math.max(strengthOf.get(at) ?? 0, parameters.weights[r.role]));
    }
    if (strengthOf.size < 2) continue;
    const caption = itemCaption(index, item);
    const owners = [...strengthOf.keys()].sort((x, y) => x - y);
    for (let i = 0; i < owners.length; i++) {
      for (let j = i + 1; j < owners.length; j++) {
        const a = owners[i] as number;
        const b = owners[j] as number;
        const key = a * unitIds.length + b;
        let entry = ties.get(key);
        if (!entry) {
          entry = { a, b, tie: { weight: 0, sharedItemCount: 0, sharedItemIds: [], sharedItems: [] } };
          ties.set(key, entry);
        }
        entry.tie.weight +=
          parameters.weighting === 'shared-items' ? 1 : ((strengthOf.get(a) as number) + (strengthOf.get(b) as number)) / 2;
        entry.tie.sharedItemCount += 1;
        entry.tie.sharedItemIds.push(item.id);
        entry.tie.sharedItems.push(caption);
      }
    }
  }
  for (const { a, b, tie } of ties.values()) {
    const [from, to] = [unitIds[a] as string, unitIds[b] as string];
    graph.addEdgeWithKey(tieKey(from, to), from, to, tie);
  }
  return graph;
}
