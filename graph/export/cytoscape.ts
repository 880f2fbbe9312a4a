/**
 * Cytoscape elements (cytoscape.js JSON) for the client: the unit–item graph (bipartite) or the
 * coordination network. A node limit drops the lowest-load units (bipartite) or the least connected ones
 * (coordination) first and says what it left out.
 */
import { appendTo, compareText, indexSnapshot, type CommunityAssignment } from '../analytics';
import type { Snapshot } from '../model';
import { analyse, type Analysis, type UnitRow } from './analysis';
import { CytoscapeOptionsSchema, SHARED_ITEMS_SHOWN, type CytoscapeGraph, type CytoscapeOptions } from './types';
import { unitAttributeValues } from './unitAttributes';

type Elements = CytoscapeGraph['elements'];

/** The elements of one mode, and what the limit left out. */
interface Drawing {
  elements: Elements;
  keptUnits: number;
  omittedItems: number;
  omittedTies: number;
  totalNodes: number;
  totalEdges: number;
  /** The units in the order the limit keeps them; those past `keptUnits` are left out. */
  order: UnitRow[];
}

/** `previousCommunities`: the remembered partition whose numbers the communities keep (graph/analytics/communityMatching.ts). */
export function toCytoscape(snapshot: Snapshot, options: CytoscapeOptions = {}, previousCommunities?: CommunityAssignment | null): CytoscapeGraph {
  return drawCytoscape(analyse(snapshot, options, previousCommunities), options, snapshot);
}

/**
 * The elements of an analysis made already (graph/precompute makes it from per-document parts). The
 * bipartite mode draws items, so it needs the snapshot; the coordination mode needs the analysis only.
 */
export function drawCytoscape(analysis: Analysis, options: CytoscapeOptions, snapshot?: Snapshot): CytoscapeGraph {
  const { mode, limit, maxTies } = CytoscapeOptionsSchema.parse(options);
  if (mode === 'bipartite' && !snapshot) throw new Error('the bipartite drawing needs the snapshot');
  const drawing = mode === 'coordination' ? coordinationDrawing(analysis, limit, maxTies) : bipartiteDrawing(snapshot as Snapshot, analysis, limit);
  const { elements, keptUnits, omittedItems, omittedTies, totalNodes, totalEdges, order } = drawing;
  const omittedUnits = order.slice(keptUnits).map((u) => u.unit.id);
  const tiesLeftOut = omittedTies > 0 ? ` Of the ties among them, the ${elements.edges.length} strongest are shown; ${omittedTies} are left out.` : '';
  return {
    mode,
    elements,
    truncated:
      elements.nodes.length === totalNodes && omittedTies === 0
        ? null
        : {
            limit: limit ?? totalNodes,
            rule:
              mode === 'coordination'
                ? `Only the ${keptUnits} units with the highest weighted degree (the sum of their ties' weights) are shown; ` +
                  `${omittedUnits.length} less connected units and their ties are left out.${tiesLeftOut}`
                : `Units are added in order of weighted load, each with its items, while at most ${limit} nodes are shown; ` +
                  `${omittedUnits.length} lower-load units and ${omittedItems} items are left out.`,
            nodes: { shown: elements.nodes.length, total: totalNodes },
            edges: { shown: elements.edges.length, total: totalEdges },
            omittedUnits,
            omittedItems,
            omittedTies,
          },
    provenance: analysis.provenance,
  };
}

/**
 * The top units by weighted degree: the best connected, which is what a drawing of coordination is for; of the
 * ties among them the strongest `maxTies`. A drawing with a node limit is for the screen: its ties list a
 * preview of their shared items (a whole corpus's strongest ties share thousands; exports list them all).
 */
function coordinationDrawing({ units, graph }: Analysis, limit: number | undefined, maxTies: number | undefined): Drawing {
  const order = [...units].sort((a, b) => b.weightedDegree - a.weightedDegree || compareText(a.unit.id, b.unit.id));
  const kept = order.slice(0, limit ?? order.length);
  const keptIds = new Set(kept.map((u) => u.unit.id));
  const among = graph.filterEdges((_key, _tie, source, target) => keptIds.has(source) && keptIds.has(target));
  const strongest =
    maxTies === undefined || among.length <= maxTies
      ? among
      : among
          .map((key) => ({ key, weight: graph.getEdgeAttribute(key, 'weight') }))
          .sort((a, b) => b.weight - a.weight || compareText(a.key, b.key))
          .slice(0, maxTies)
          .map(({ key }) => key);
  const shown = new Set(strongest);
  const edges = among
    .filter((key) => shown.has(key))
    .map((key) => {
      const { weight, sharedItemCount, sharedItems } = graph.getEdgeAttributes(key);
      const [source, target] = graph.extremities(key);
      const listed = limit === undefined ? sharedItems : sharedItems.slice(0, SHARED_ITEMS_SHOWN);
      return { data: { id: key, type: 'tie' as const, source, target, weight, sharedItemCount, sharedItems: listed } };
    });
  return {
    elements: { nodes: kept.map(unitElement), edges },
    keptUnits: kept.length,
    omittedItems: 0,
    omittedTies: among.length - edges.length,
    totalNodes: units.length,
    totalEdges: graph.size,
    order,
  };
}

function bipartiteDrawing(snapshot: Snapshot, { units }: Analysis, limit: number | undefined): Drawing {
  const index = indexSnapshot(snapshot);
  const inGraph = new Set(units.map((u) => u.unit.id));
  const ownersOf = (itemId: string) => index.ownersOf(itemId).filter((r) => inGraph.has(r.unitId));
  const itemsOf = new Map<string, string[]>();
  for (const item of index.items) {
    for (const r of ownersOf(item.id)) appendTo(itemsOf, r.unitId, item.id);
  }
  const fits = (extra: number) => limit === undefined || kept.length + shownItems.size + extra <= limit;

  // Units in load order, each bringing its items not yet shown, while the total stays within the limit.
  const shownItems = new Set<string>();
  const kept: UnitRow[] = [];
  for (const u of units) {
    const fresh = (itemsOf.get(u.unit.id) ?? []).filter((id) => !shownItems.has(id));
    if (!fits(1 + new Set(fresh).size)) break;
    kept.push(u);
    fresh.forEach((id) => shownItems.add(id));
  }
  // Items no unit in the graph answers for (gaps worth seeing), while room remains.
  for (const item of index.items) {
    if (ownersOf(item.id).length > 0 || shownItems.has(item.id) || !fits(1)) continue;
    shownItems.add(item.id);
  }

  const keptIds = new Set(kept.map((u) => u.unit.id));
  const items = index.items.filter((item) => shownItems.has(item.id));
  const itemNodes = items.map(({ id, label, title, documentId, sectionId }) => ({
    data: { id, type: 'item' as const, label, title, documentId, sectionId },
  }));
  const edges = items.flatMap((item) =>
    ownersOf(item.id)
      .filter((r) => keptIds.has(r.unitId))
      .map(({ unitId, role, inferred, nameAsWritten }) => ({
        data: { id: `${unitId}|${role}|${item.id}`, type: 'role' as const, source: unitId, target: item.id, role, inferred, nameAsWritten },
      })),
  );
  return {
    elements: { nodes: [...kept.map(unitElement), ...itemNodes], edges },
    keptUnits: kept.length,
    omittedItems: index.items.length - items.length,
    omittedTies: 0,
    totalNodes: units.length + index.items.length,
    totalEdges: index.items.reduce((sum, item) => sum + ownersOf(item.id).length, 0),
    order: units,
  };
}

/** The element's own fields (Cytoscape's id, the type, the short name to draw), then the unit's attributes. */
function unitElement(u: UnitRow): Elements['nodes'][number] {
  return { data: { id: u.unit.id, type: 'unit', label: u.unit.shortName, ...unitAttributeValues('cytoscape', u) } };
}
