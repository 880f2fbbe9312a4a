import { computeNetworkMetrics, computeWorkload } from '../../graph/analytics';
import { CytoscapeGraphSchema, toCytoscape } from '../../graph/export';
import { tieKey } from '../../graph/analytics';
import { snapshotOf, unit } from '../analytics/fixtures';
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

  describe('a drawing of many shared items', () => {
    // A and B share 12 items, B and C 2, C and D 1, A and D 1: four ties of weights 12, 2, 1, 1.
    const pair = (a: string, b: string, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ label: `（${from + i}）`, owners: [[a, 'lead'], [b, 'co']] as Array<[string, 'lead' | 'co']> }));
    const many = snapshotOf(['A', 'B', 'C', 'D'].map((id) => unit(id)), [...pair('A', 'B', 12, 1), ...pair('B', 'C', 2, 13), ...pair('C', 'D', 1, 15), ...pair('A', 'D', 1, 16)]);
    const tie = (graph: ReturnType<typeof toCytoscape>, a: string, b: string) => graph.elements.edges.find((e) => e.data.id === tieKey(a, b))?.data;

    it('keeps the strongest ties under maxTies, ties of equal weight by id, and counts those left out', () => {
      const graph = CytoscapeGraphSchema.parse(toCytoscape(many, { maxTies: 3, now: NOW }));
      expect(graph.elements.edges.map((e) => e.data.id).sort()).toEqual([tieKey('A', 'B'), tieKey('B', 'C'), [tieKey('A', 'D'), tieKey('C', 'D')].sort()[0]].sort());
      expect(graph.elements.nodes).toHaveLength(4);
      expect(graph.truncated).toMatchObject({ edges: { shown: 3, total: 4 }, omittedTies: 1, omittedUnits: [] });
      expect(graph.truncated!.rule).toContain('the 3 strongest are shown; 1 are left out');
      expect(toCytoscape(many, { maxTies: 4, now: NOW }).truncated).toBeNull();
    });

    it('lists a preview of a tie’s shared items in a drawing with a node limit, and all of them in an export', () => {
      const drawn = tie(toCytoscape(many, { limit: 4, now: NOW }), 'A', 'B')!;
      expect(drawn).toMatchObject({ sharedItemCount: 12, weight: 12 });
      expect((drawn as { sharedItems: string[] }).sharedItems).toEqual(Array.from({ length: 10 }, (_, i) => `（${i + 1}）`));
      expect((tie(toCytoscape(many, { now: NOW }), 'A', 'B') as { sharedItems: string[] }).sharedItems).toHaveLength(12);
    });
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
