import {
  buildCoordinationNetwork,
  computeNetworkMetrics,
  NetworkReportSchema,
  tieKey,
  type NetworkReport,
} from '../../graph/analytics';
import type { Snapshot } from '../../graph/model';
import { snapshotOf, unit } from './fixtures';
import { seedSnapshot } from './seed';

const partitionOf = (report: NetworkReport) => report.partition.communities.map((c) => [...c.members].sort());

describe('buildCoordinationNetwork', () => {
  const snapshot = snapshotOf(
    [unit('A'), unit('B'), unit('C'), unit('D'), unit('G', 'generic')],
    [
      { label: '（一）', owners: [['A', 'lead'], ['B', 'co'], ['G', 'implement']] },
      { label: '（二）', owners: [['A', 'lead'], ['B', 'co'], ['C', 'co']] },
      { label: '（三）', owners: [['D', 'lead']] },
    ],
  );

  it('ties units that answer for the same item, weighted by shared items, generic placeholders out', () => {
    const graph = buildCoordinationNetwork(snapshot);
    expect(graph.type).toBe('undirected');
    expect(graph.nodes().sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(graph.getEdgeAttributes(tieKey('B', 'A'))).toEqual({
      weight: 2,
      sharedItemCount: 2,
      sharedItemIds: ['doc/item-1', 'doc/item-2'],
      sharedItems: ['（一）', '（二）'],
    });
    expect(graph.size).toBe(3); // A–B, A–C, B–C; D stands alone
    expect(graph.degree('D')).toBe(0);
  });

  it('brings generic placeholders in behind the switch', () => {
    const graph = buildCoordinationNetwork(snapshot, { includeGeneric: true });
    expect(graph.hasEdge(tieKey('A', 'G'))).toBe(true);
  });

  it('weighs ties by the mean of the two role weights in the role-weighted variant', () => {
    const graph = buildCoordinationNetwork(snapshot, { weighting: 'role-weighted' });
    // lead–co on two items: 2 × (3 + 1) / 2; co–co on one: (1 + 1) / 2.
    expect(graph.getEdgeAttribute(tieKey('A', 'B'), 'weight')).toBe(4);
    expect(graph.getEdgeAttribute(tieKey('B', 'C'), 'weight')).toBe(1);
    expect(graph.getEdgeAttribute(tieKey('A', 'B'), 'sharedItemCount')).toBe(2);
  });

  it('qualifies item labels by document when the snapshot spans several', () => {
    const twoDocuments = snapshotOf(
      [unit('A'), unit('B')],
      [
        { label: '（一）', documentId: 'd1', owners: [['A', 'lead'], ['B', 'co']] },
        { label: '（一）', documentId: 'd2', owners: [['A', 'co'], ['B', 'lead']] },
      ],
      ['d1', 'd2'],
    );
    expect(buildCoordinationNetwork(twoDocuments).getEdgeAttribute(tieKey('A', 'B'), 'sharedItems')).toEqual(['d1 （一）', 'd2 （一）']);
  });
});

describe('computeNetworkMetrics on a graph worked out by hand', () => {
  // A triangle A–B–C with a tail C–D, and E alone: n = 5.
  const snapshot = snapshotOf(
    ['A', 'B', 'C', 'D', 'E'].map((id) => unit(id)),
    [
      { label: '（一）', owners: [['A', 'lead'], ['B', 'co'], ['C', 'co']] },
      { label: '（二）', owners: [['C', 'lead'], ['D', 'co']] },
      { label: '（三）', owners: [['E', 'lead']] },
    ],
  );
  const report = computeNetworkMetrics(snapshot);
  const node = (id: string) => report.nodes.find((n) => n.unit.id === id)!;

  it('validates against its schema and echoes the parameters with their defaults', () => {
    NetworkReportSchema.parse(report);
    expect(report.parameters).toMatchObject({ resolution: 1, seed: 42, includeGeneric: false, weighting: 'shared-items', pagerankAlpha: 0.85 });
  });

  it('computes degree, betweenness (normalised over (n−1)(n−2)/2 pairs) and Wasserman–Faust closeness', () => {
    expect(node('C').degree).toBe(3);
    // C lies on the shortest paths A–D and B–D: 2 of the 6 pairs among the other four nodes.
    expect(node('C').betweenness).toBeCloseTo(2 / 6, 12);
    expect(node('A').betweenness).toBe(0);
    // A reaches 3 nodes at total distance 1 + 1 + 2 = 4: (3/4) × (3/4).
    expect(node('A').closeness).toBeCloseTo((3 / 4) * (3 / 4), 12);
    expect(node('E').closeness).toBe(0);
  });

  it('computes core numbers and graph figures', () => {
    expect(['A', 'B', 'C', 'D', 'E'].map((id) => node(id).coreNumber)).toEqual([2, 2, 2, 1, 0]);
    expect(report.graph).toMatchObject({ nodes: 5, edges: 4, totalWeight: 4, components: 2 });
    expect(report.graph.density).toBeCloseTo(4 / 10, 12);
    // Local clustering: A 1, B 1, C 1/3, D 0, E 0.
    expect(report.graph.averageClustering).toBeCloseTo((1 + 1 + 1 / 3) / 5, 12);
  });

  it('gives PageRank summing to 1 and an eigenvector of unit length', () => {
    expect(report.nodes.reduce((s, n) => s + n.pagerank, 0)).toBeCloseTo(1, 9);
    expect(Math.hypot(...report.nodes.map((n) => n.eigenvector))).toBeCloseTo(1, 9);
  });

  it('gives 0 eigenvector centrality outside the dominant component, not the leftover of the iteration', () => {
    // E stands alone: its share halves towards 0 at every iteration (graphology left 1e-54 here, igraph reads no subnormal).
    expect(node('E').eigenvector).toBe(0);
    expect(node('D').eigenvector).toBeGreaterThan(0.1);
  });

  it('numbers communities from the largest: a 4-clique, a triangle bridged to it, a unit alone', () => {
    // Ties: A–B–C–D all pairwise (6), E–F–G (3), the bridge D–E (1): m = 10, degrees A B C 3, D 4, E 3, F G 2, H 0.
    // Split at the bridge: Q = (6/10 − (13/20)²) + (3/10 − (7/20)²) = 0.1775 + 0.1775 = 0.355. Moving E over gives
    // (7/10 − (16/20)²) + (1/10 − (4/20)²) = 0.12, one community 0: so Louvain keeps the split, H on its own.
    const clusters = computeNetworkMetrics(
      snapshotOf(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => unit(id)), [
        { label: '（一）', owners: [['A', 'lead'], ['B', 'co'], ['C', 'co'], ['D', 'co']] },
        { label: '（二）', owners: [['E', 'lead'], ['F', 'co'], ['G', 'co']] },
        { label: '（三）', owners: [['D', 'lead'], ['E', 'co']] },
        { label: '（四）', owners: [['H', 'lead']] },
      ]),
    );
    expect(clusters.partition.communities.map((c) => [c.size, [...c.members].sort()])).toEqual([
      [4, ['A', 'B', 'C', 'D']],
      [3, ['E', 'F', 'G']],
      [1, ['H']],
    ]);
    expect(clusters.partition.modularity).toBeCloseTo(0.355, 12);
    expect(['A', 'D', 'E', 'G', 'H'].map((id) => clusters.nodes.find((n) => n.unit.id === id)!.community)).toEqual([0, 0, 1, 1, 2]);
  });

  it('answers a graph without ties and an empty graph without failing', () => {
    const lonely = computeNetworkMetrics(snapshotOf([unit('A'), unit('B')], [
      { label: '（一）', owners: [['A', 'lead']] },
      { label: '（二）', owners: [['B', 'lead']] },
    ]));
    expect(lonely.graph).toMatchObject({ nodes: 2, edges: 0, density: 0, components: 2 });
    expect(lonely.partition).toMatchObject({ count: 2, modularity: 0 });
    expect(computeNetworkMetrics(snapshotOf([], [])).nodes).toEqual([]);
  });
});

describe('Louvain determinism on the seed', () => {
  let seed: Snapshot;
  beforeAll(async () => {
    seed = await seedSnapshot();
  });

  it('gives the same communities for the same seed, run after run', () => {
    const first = computeNetworkMetrics(seed, { seed: 7 });
    const second = computeNetworkMetrics(seed, { seed: 7 });
    expect(partitionOf(second)).toEqual(partitionOf(first));
    expect(second.partition.modularity).toBe(first.partition.modularity);
    expect(second.nodes.map((n) => n.community)).toEqual(first.nodes.map((n) => n.community));
  });

  it('does not depend on the order the store returns rows in', () => {
    const reversed: Snapshot = {
      ...seed,
      units: [...seed.units].reverse(),
      items: [...seed.items].reverse(),
      responsibilities: [...seed.responsibilities].reverse(),
    };
    expect(partitionOf(computeNetworkMetrics(reversed))).toEqual(partitionOf(computeNetworkMetrics(seed)));
  });

  it('puts the seed’s finance bodies in one community', () => {
    const report = computeNetworkMetrics(seed);
    const communityOf = (name: string) => report.nodes.find((n) => n.unit.shortName === name)!.community;
    const finance = ['省地方金融监管局', '人民银行广州分行', '广东证监局', '省财政厅'].map(communityOf);
    expect(new Set(finance).size).toBe(1);
    expect(report.partition.modularity).toBeGreaterThan(0.3);
  });
});
