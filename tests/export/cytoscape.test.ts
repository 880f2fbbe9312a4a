import { computeNetworkMetrics, computeWorkload } from '../../graph/analytics';
import { CytoscapeGraphSchema, toCytoscape } from '../../graph/export';
import { NOW, TRICKY } from './fixtures';

const unitIds = (graph: ReturnType<typeof toCytoscape>) =>
  graph.elements.nodes.filter((n) => n.data.type === 'unit').map((n) => n.data.id);
const byLoad = computeWorkload(TRICKY).rows.map((r) => r.unit.id);
/** The coordination network's nodes, best connected first (the metrics' own order: weighted degree, then id). */
const byWeightedDegree = computeNetworkMetrics(TRICKY).nodes.map((node) => node.unit.id);

describe('toCytoscape', () => {
  it('draws the coordination network: units sized by load, ties weighted, nothing left out without a limit', () => {
    const graph = CytoscapeGraphSchema.parse(toCytoscape(TRICKY, { now: NOW }));
    expect(graph.mode).toBe('coordination');
    expect(unitIds(graph)).toEqual(byWeightedDegree);
    expect(new Set(byWeightedDegree)).toEqual(new Set(byLoad));
    expect(graph.elements.edges.every((e) => e.data.type === 'tie')).toBe(true);
    expect(graph.truncated).toBeNull();
    expect(graph.provenance.generatedAt).toBe(NOW().toISOString());
  });

  it('draws the bipartite graph: units and items tied by role, inference kept', () => {
    const graph = CytoscapeGraphSchema.parse(toCytoscape(TRICKY, { mode: 'bipartite', now: NOW }));
    const items = graph.elements.nodes.filter((n) => n.data.type === 'item');
    expect(items).toHaveLength(TRICKY.items.length);
    const roleEdges = graph.elements.edges.map((e) => e.data);
    expect(roleEdges).toHaveLength(TRICKY.responsibilities.filter((r) => r.unitId !== 'u.generic').length);
    expect(roleEdges).toContainEqual(expect.objectContaining({ source: 'u.plus', role: 'lead', inferred: true }));
    expect(unitIds(graph)).not.toContain('u.generic');
    const withGeneric = toCytoscape(TRICKY, { mode: 'bipartite', includeGeneric: true, now: NOW });
    expect(unitIds(withGeneric)).toContain('u.generic');
  });

  it('keeps the top units by weighted degree under a limit (the whole network is stated), and says what it left out', () => {
    const graph = CytoscapeGraphSchema.parse(toCytoscape(TRICKY, { limit: 3, now: NOW }));
    // The fixture orders the two differently, so this tells the two rules apart.
    expect(byWeightedDegree.slice(0, 3)).not.toEqual(byLoad.slice(0, 3));
    expect(unitIds(graph)).toEqual(byWeightedDegree.slice(0, 3));
    const shown = new Set(unitIds(graph));
    expect(graph.elements.edges.every((e) => shown.has(e.data.source) && shown.has(e.data.target))).toBe(true);
    expect(graph.truncated).toMatchObject({
      limit: 3,
      nodes: { shown: 3, total: byLoad.length },
      omittedUnits: byWeightedDegree.slice(3),
      omittedItems: 0,
    });
    expect(graph.truncated!.edges.shown).toBe(graph.elements.edges.length);
    expect(graph.truncated!.edges.total).toBe(computeNetworkMetrics(TRICKY).graph.edges);
    expect(graph.truncated!.rule).toContain(`${byLoad.length - 3} less connected units`);
  });

  it('keeps a bipartite drawing within the limit, each kept unit with all its items', () => {
    // The top unit (u.plain) answers for items 1–3: 4 nodes; the next unit adds at least itself.
    const graph = CytoscapeGraphSchema.parse(toCytoscape(TRICKY, { mode: 'bipartite', limit: 4, now: NOW }));
    expect(graph.elements.nodes.length).toBeLessThanOrEqual(4);
    expect(unitIds(graph)).toEqual(['u.plain']);
    expect(graph.truncated).toMatchObject({ omittedUnits: byLoad.slice(1), omittedItems: 1 });
    const items = new Set(graph.elements.nodes.filter((n) => n.data.type === 'item').map((n) => n.data.id));
    expect(graph.elements.edges.every((e) => e.data.source === 'u.plain' && items.has(e.data.target))).toBe(true);
  });
});
