import type { NetworkResponse } from '../api';
import { communityColour } from '../domain/vocabulary';
import { categoryLegend, findNodes, toElements } from './elements';
import { scaleColour } from './explore';

const unitNode = (id: string, label: string, nameEn: string, weightedLoad: number, community: number | null) => ({
  data: {
    id,
    type: 'unit' as const,
    label,
    name: `广东${label}`,
    nameEn,
    kind: 'department' as const,
    jurisdiction: '440000',
    level: 'province' as const,
    function: null,
    provisional: false,
    lead: 0,
    co: 0,
    support: 0,
    implement: 0,
    guide: 0,
    weightedLoad,
    overloaded: false,
    degree: 1,
    weightedDegree: 1,
    betweenness: weightedLoad / 100,
    closeness: 0,
    eigenvector: 0,
    coreNumber: 1,
    pagerank: 0.5,
    community,
  },
});

const graph = {
  mode: 'coordination',
  elements: {
    nodes: [
      unitNode('gd.dept.finance', '省财政厅', 'Department of Finance', 4, 1),
      unitNode('gd.dept.industry-it', '省工业和信息化厅', 'Department of Industry and Information Technology', 16, 0),
      unitNode('gd.branch.pboc', '人民银行广州分行', 'PBC Guangzhou Branch', 9, 1),
    ],
    edges: [
      { data: { id: 't1', type: 'tie', source: 'gd.dept.finance', target: 'gd.branch.pboc', weight: 4, sharedItemCount: 4, sharedItems: [] } },
      { data: { id: 't2', type: 'tie', source: 'gd.dept.finance', target: 'gd.dept.industry-it', weight: 1, sharedItemCount: 1, sharedItems: [] } },
    ],
  },
  truncated: null,
} as unknown as NetworkResponse;

const english = (unit: { name: string; nameEn: string }) => unit.nameEn || unit.name;

describe('toElements', () => {
  const elements = toElements(graph, { colour: 'community', size: 'weightedLoad', label: english });
  const byId = (id: string) => elements.find((element) => element.data.id === id)!.data;

  it('names nodes in the interface language and colours them by community', () => {
    expect(byId('gd.dept.finance').displayName).toBe('Department of Finance');
    expect(byId('gd.dept.finance').colour).toBe(communityColour(1));
    expect(byId('gd.dept.industry-it').colour).toBe(communityColour(0));
  });

  it('sizes nodes by weighted load, the heaviest largest', () => {
    const sizes = ['gd.dept.finance', 'gd.branch.pboc', 'gd.dept.industry-it'].map((id) => byId(id).size as number);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes[2]).toBeGreaterThan(sizes[0]! * 1.5);
  });

  it('widens ties with their weight', () => {
    expect(byId('t1').width as number).toBeGreaterThan(byId('t2').width as number);
  });
});

describe('toElements styled by a measure', () => {
  it('sizes by the chosen measure and colours along the scale, least to greatest', () => {
    // Betweenness here follows load, so ranks agree; a coloured measure spans the whole scale.
    const byBetweenness = toElements(graph, { colour: 'betweenness', size: 'betweenness', label: english });
    const data = (id: string) => byBetweenness.find((element) => element.data.id === id)!.data;
    expect(data('gd.dept.industry-it').size).toBeGreaterThan(data('gd.dept.finance').size as number);
    expect(data('gd.dept.finance').colour).toBe(scaleColour(0));
    expect(data('gd.dept.industry-it').colour).toBe(scaleColour(1));
  });

  it('colours categories by size rank and overloaded units red', () => {
    const byKind = toElements(graph, { colour: 'kind', size: 'weightedLoad', label: english });
    expect(new Set(byKind.filter((element) => element.group === 'nodes').map((element) => element.data.colour)).size).toBe(1);
    const legend = categoryLegend(graph, 'overloaded');
    expect(legend.map((entry) => [entry.category, entry.members.length])).toEqual([['normal', 3]]);
  });
});

describe('categoryLegend', () => {
  it('groups units by community, heaviest member first, every member listed', () => {
    const legend = categoryLegend(graph, 'community');
    expect(legend.map((entry) => entry.category)).toEqual(['0', '1']);
    expect(legend[1]!.members.map((member) => member.id)).toEqual(['gd.branch.pboc', 'gd.dept.finance']);
    expect(legend[1]!.colour).toBe(communityColour(1));
  });
});

describe('findNodes', () => {
  it('matches Chinese and English names, case-insensitively', () => {
    expect(findNodes(graph, '财政').map((data) => data.id)).toEqual(['gd.dept.finance']);
    expect(findNodes(graph, 'pbc').map((data) => data.id)).toEqual(['gd.branch.pboc']);
    expect(findNodes(graph, '  ')).toEqual([]);
  });
});
