import type { NetworkResponse } from '../api';
import { communityColour } from '../domain/vocabulary';
import { communityLegend, findNodes, toElements } from './elements';

const unitNode = (id: string, label: string, nameEn: string, weightedLoad: number, community: number | null) => ({
  data: {
    id,
    type: 'unit' as const,
    label,
    name: `广东${label}`,
    nameEn,
    kind: 'department' as const,
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
    betweenness: 0,
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

const english = (unit: { name: string; shortName?: string; nameEn?: string }) => unit.nameEn ?? unit.name;

describe('toElements', () => {
  const elements = toElements(graph, english);
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

describe('communityLegend', () => {
  it('groups units by community, heaviest member first', () => {
    const legend = communityLegend(graph);
    expect(legend.map((entry) => entry.community)).toEqual([0, 1]);
    expect(legend[1]!.members.map((member) => member.id)).toEqual(['gd.branch.pboc', 'gd.dept.finance']);
  });
});

describe('findNodes', () => {
  it('matches Chinese and English names, case-insensitively', () => {
    expect(findNodes(graph, '财政').map((data) => data.id)).toEqual(['gd.dept.finance']);
    expect(findNodes(graph, 'pbc').map((data) => data.id)).toEqual(['gd.branch.pboc']);
    expect(findNodes(graph, '  ')).toEqual([]);
  });
});
