/**
 * Stable community numbers (issue 18): the store remembers the partition of the whole graph as of
 * the last write, and every answer that numbers communities matches its own partition to it
 * (graph/analytics/communityMatching.ts), so an ingest does not reshuffle numbers and colours.
 */
import { assignmentOf, computePartition, stabilisePartition, type CommunityAssignment } from '../graph/analytics';
import type { GraphStore } from '../graph/store';
import type { ReadCache } from './readCache';

/** Matches the whole graph's partition now to the one remembered, and remembers the result. */
export async function rememberCommunities(store: GraphStore): Promise<void> {
  const previous = await store.communityMemory();
  const partition = stabilisePartition(previous, computePartition(await store.snapshot()));
  await store.rememberCommunities(assignmentOf(partition));
}

/** At start-up: a store that never remembered a partition remembers its current one. */
export async function ensureCommunityMemory(store: GraphStore): Promise<void> {
  if ((await store.communityMemory()) === null) await rememberCommunities(store);
}

/** The remembered partition, read once per data version. */
export const communityMemory = (cache: ReadCache, store: GraphStore): Promise<CommunityAssignment | null> =>
  cache.lookup('communityMemory', 'default', () => store.communityMemory());
