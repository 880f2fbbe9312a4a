/**
 * Stable community numbers across ingests. Louvain numbers its communities afresh on every run
 * (0 = largest), so one new plan can swap every colour in the explorer. Here a new partition
 * takes over the numbers of a remembered one: each new community gets the number of the old
 * community it shares most members with (greedily, largest overlaps first, each old number used
 * once); a community that matches nothing gets a number no old community had.
 */
import type { Partition } from './types';

/** Unit id → community number, as remembered from an earlier partition. */
export type CommunityAssignment = Record<string, number>;

export function assignmentOf(partition: Partition): CommunityAssignment {
  return Object.fromEntries(partition.communities.flatMap((community) => community.members.map((member) => [member, community.id])));
}

/**
 * New community id → the number it takes. Deterministic: ties between equal overlaps go to the
 * smaller new id, then the smaller old number. Linear in the members plus the overlapping pairs.
 */
export function matchCommunities(previous: CommunityAssignment, next: Partition): Map<number, number> {
  const overlaps = new Map<string, { next: number; old: number; shared: number }>();
  for (const community of next.communities) {
    for (const member of community.members) {
      const old = previous[member];
      if (old === undefined) continue;
      const key = `${community.id}:${old}`;
      const entry = overlaps.get(key) ?? { next: community.id, old, shared: 0 };
      entry.shared += 1;
      overlaps.set(key, entry);
    }
  }
  const numbers = new Map<number, number>();
  const taken = new Set<number>();
  const ranked = [...overlaps.values()].sort((a, b) => b.shared - a.shared || a.next - b.next || a.old - b.old);
  for (const { next: id, old } of ranked) {
    if (numbers.has(id) || taken.has(old)) continue;
    numbers.set(id, old);
    taken.add(old);
  }
  // Fresh numbers start above every number remembered, so a new community never borrows an old colour.
  let fresh = 1 + Object.values(previous).reduce((max, number) => Math.max(max, number), -1);
  for (const community of next.communities) {
    if (!numbers.has(community.id)) numbers.set(community.id, fresh++);
  }
  return numbers;
}

/** The partition with its communities renumbered to match `previous` (none: as Louvain numbered them), listed by number. */
export function stabilisePartition(previous: CommunityAssignment | null | undefined, next: Partition): Partition {
  if (!previous) return next;
  const numbers = matchCommunities(previous, next);
  return {
    ...next,
    communities: next.communities
      .map((community) => ({ ...community, id: numbers.get(community.id) as number }))
      .sort((a, b) => a.id - b.id),
  };
}
