import type { NetworkResponse } from '../api';
import { histogram, parseRange, shortEnglishName, shortestPath, visibleGraph, type ExploreState } from './explore';

const unit = (id: string, degree: number, weightedLoad: number) => ({
  data: { id, type: 'unit', label: id, name: id, nameEn: '', kind: 'department', jurisdiction: '440000', degree, weightedLoad },
});
const tie = (source: string, target: string, weight: number, sharedItems: string[] = ['（一）']) => ({
  data: { id: `${source}-${target}`, type: 'tie', source, target, weight, sharedItemCount: weight, sharedItems },
});

// a – b – c – d, and b – d heavily; e alone.
const graph = {
  mode: 'coordination',
  elements: {
    nodes: [unit('a', 1, 1), unit('b', 3, 9), unit('c', 2, 4), unit('d', 2, 6), unit('e', 0, 2)],
    edges: [tie('a', 'b', 1, ['（一）']), tie('b', 'c', 1, ['（二）']), tie('c', 'd', 1, ['（三）']), tie('b', 'd', 4, ['（四）', '（五）'])],
  },
  truncated: null,
} as unknown as NetworkResponse;

const open: ExploreState = { degree: {}, load: {}, shared: {}, minWeight: 0, hidden: new Set(), expanded: [] };
const ids = (network: NetworkResponse) => network.elements.nodes.map(({ data }) => data.id);
const edgeIds = (network: NetworkResponse) => network.elements.edges.map(({ data }) => data.id);

describe('visibleGraph', () => {
  it('keeps everything when no filter is set', () => {
    expect(ids(visibleGraph(graph, open))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('drops units outside a degree or load range, with their ties', () => {
    const filtered = visibleGraph(graph, { ...open, degree: { min: 2 } });
    expect(ids(filtered)).toEqual(['b', 'c', 'd']);
    expect(edgeIds(filtered)).toEqual(['b-c', 'c-d', 'b-d']);
    expect(ids(visibleGraph(graph, { ...open, load: { min: 3, max: 6 } }))).toEqual(['c', 'd']);
  });

  it('keeps the dense core under a least tie weight, units left without a tie going too', () => {
    const core = visibleGraph(graph, { ...open, minWeight: 2 });
    expect(ids(core)).toEqual(['b', 'd']);
    expect(edgeIds(core)).toEqual(['b-d']);
    expect(ids(visibleGraph(graph, { ...open, shared: { max: 1 } }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows only expanded nodes and their neighbours, and never a hidden one', () => {
    expect(ids(visibleGraph(graph, { ...open, expanded: ['a'] }))).toEqual(['a', 'b']);
    expect(ids(visibleGraph(graph, { ...open, expanded: ['a', 'c'] }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(visibleGraph(graph, { ...open, expanded: ['a'], hidden: new Set(['b']) }))).toEqual(['a']);
  });
});

describe('shortestPath', () => {
  it('finds the fewest hops, with the items shared along the way', () => {
    expect(shortestPath(graph, 'a', 'd')).toEqual({ nodes: ['a', 'b', 'd'], edges: ['a-b', 'b-d'], items: ['（一）', '（四）', '（五）'] });
  });

  it('answers null when nothing joins them or a node is not drawn', () => {
    expect(shortestPath(graph, 'a', 'e')).toBeNull();
    expect(shortestPath(graph, 'a', 'missing')).toBeNull();
  });
});

describe('ranges and histograms', () => {
  it('reads open and closed ranges, anything else as no bound', () => {
    expect(parseRange('2-5')).toEqual({ min: 2, max: 5 });
    expect(parseRange('2.5-')).toEqual({ min: 2.5 });
    expect(parseRange('-5')).toEqual({ max: 5 });
    expect(parseRange('x')).toEqual({});
  });

  it('bins every value once', () => {
    const bins = histogram([0, 1, 1, 2, 10], 5);
    expect(bins).toHaveLength(5);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(5);
    expect(bins.map((bin) => bin.count)).toEqual([3, 1, 0, 0, 1]);
    expect(histogram([3, 3])).toEqual([{ from: 3, to: 4, count: 2 }]);
  });
});

describe('shortEnglishName', () => {
  it('drops the home government’s place, keeps other places', () => {
    expect(shortEnglishName('Department of Finance of Guangdong Province', '440000', '440000')).toBe('Department of Finance');
    expect(shortEnglishName('Guangdong Provincial Energy Administration', '440000', '440000')).toBe('Energy Administration');
    expect(shortEnglishName('Health Commission of Guangdong Province', '440000', '440000')).toBe('Health Commission');
    expect(shortEnglishName('Publicity Department of the CPC Guangdong Provincial Committee', '440000', '440000')).toBe('Publicity Department (Party)');
    expect(shortEnglishName("Guangzhou Municipal People's Government", '440100', '440000')).toBe('Guangzhou Government');
    expect(shortEnglishName('Department of Finance of Guangdong Province', '440000', '100000')).toBe('Department of Finance of Guangdong Province');
  });
});
