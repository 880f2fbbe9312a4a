import { assignmentOf, computeNetworkMetrics, matchCommunities, type Partition } from '../../graph/analytics';
import { seedSnapshot, STATE_COUNCIL_PLAN } from './seed';

const partition = (...groups: string[][]): Partition => ({
  count: groups.length,
  modularity: 0,
  communities: groups.map((members, id) => ({ id, size: members.length, members })),
});

describe('matchCommunities', () => {
  it('gives each new community the number of the old one it overlaps most', () => {
    // Louvain now numbers the former community 1 first (it grew); the numbers follow the members.
    const previous = { a: 0, b: 0, c: 1, d: 1 };
    const numbers = matchCommunities(previous, partition(['c', 'd', 'e', 'f'], ['a', 'b']));
    expect(numbers).toEqual(new Map([[0, 1], [1, 0]]));
  });

  it('numbers a community that overlaps nothing above every old number, never reusing a lost one', () => {
    const previous = { a: 0, b: 3 };
    const numbers = matchCommunities(previous, partition(['x', 'y'], ['a']));
    expect(numbers.get(1)).toBe(0);
    expect(numbers.get(0)).toBe(4);
  });

  it('gives an old number to one new community only, the larger overlap first', () => {
    // An old community split in two: the bigger half keeps its number.
    const previous = { a: 0, b: 0, c: 0, d: 0, e: 0 };
    const numbers = matchCommunities(previous, partition(['a', 'b'], ['c', 'd', 'e']));
    expect(numbers.get(1)).toBe(0);
    expect(numbers.get(0)).toBe(1);
  });

  it('keeps every number when nothing changed', () => {
    const same = partition(['a', 'b'], ['c'], ['d', 'e']);
    expect(matchCommunities(assignmentOf(same), same)).toEqual(new Map([[0, 0], [1, 1], [2, 2]]));
  });
});

describe('stable communities after an ingest', () => {
  it('keeps the seed communities’ numbers for their members when a State Council plan is added', async () => {
    const before = computeNetworkMetrics(await seedSnapshot());
    const remembered = assignmentOf(before.partition);
    const after = computeNetworkMetrics(await seedSnapshot([STATE_COUNCIL_PLAN]), {}, remembered);
    // Every seed community's largest share of members still carries the seed's number.
    for (const community of before.partition.communities) {
      const numbersNow = new Map<number, number>();
      for (const member of community.members) {
        const now = after.nodes.find((node) => node.unit.id === member)?.community;
        if (now !== undefined) numbersNow.set(now, (numbersNow.get(now) ?? 0) + 1);
      }
      const [mostCommon] = [...numbersNow.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
      expect(mostCommon).toBe(community.id);
    }
    // The ministries form communities of their own, numbered after the seed's.
    const seedNumbers = new Set(before.partition.communities.map((community) => community.id));
    const fresh = after.partition.communities.filter((community) => !seedNumbers.has(community.id));
    expect(fresh.length).toBeGreaterThan(0);
    expect(Math.min(...fresh.map((community) => community.id))).toBe(before.partition.count);
    // Nodes and the partition agree.
    for (const community of after.partition.communities) {
      for (const member of community.members) expect(after.nodes.find((node) => node.unit.id === member)?.community).toBe(community.id);
    }
  });
});
