/**
 * The coordination network (researchers): the unit–item bipartite graph projected onto units.
 * Two units are tied when they answer for the same item, whatever their roles.
 */
import Graph, { UndirectedGraph } from 'graphology';
import type { Snapshot } from '../store/types';
import { indexSnapshot, isGeneric, itemCaption, rolesByUnit } from './snapshotIndex';
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
  for (const id of unitIds) {
    const { id: _id, ...attributes } = index.unit(id);
    graph.addNode(id, attributes);
  }

  // Ties accumulate in a map first (in first-met order, which the graph keeps), then become edges.
  const ties = new Map<string, { a: string; b: string; tie: CoordinationEdgeAttributes }>();
  for (const item of index.items) {
    const roles = rolesByUnit(index.ownersOf(item.id).filter((r) => included(r.unitId)));
    // A unit holding two roles on one item counts with its heavier role.
    const strength = new Map(
      [...roles].map(([unitId, held]) => [unitId, Math.max(...[...held].map((role) => parameters.weights[role]))]),
    );
    const owners = [...roles.keys()].sort();
    owners.forEach((a, i) => {
      for (const b of owners.slice(i + 1)) {
        const key = tieKey(a, b);
        const entry = ties.get(key) ?? { a, b, tie: { weight: 0, sharedItemCount: 0, sharedItemIds: [], sharedItems: [] } };
        ties.set(key, entry);
        entry.tie.weight +=
          parameters.weighting === 'shared-items' ? 1 : ((strength.get(a) as number) + (strength.get(b) as number)) / 2;
        entry.tie.sharedItemCount += 1;
        entry.tie.sharedItemIds.push(item.id);
        entry.tie.sharedItems.push(itemCaption(index, item));
      }
    });
  }
  for (const [key, { a, b, tie }] of ties) graph.addEdgeWithKey(key, a, b, tie);
  return graph;
}
