/**
 * Stable community numbers (issue 18): the store remembers the partition of the whole graph as of
 * the last write, and every answer that numbers communities matches its own partition to it
 * (graph/analytics/communityMatching.ts), so an ingest does not reshuffle numbers and colours.
 */
import { assignmentOf, computePartition, stabilisePartition, type CommunityAssignment } from '../graph/analytics';
import type { GraphStore } from '../graph/store';
import { createHash } from 'node:crypto';

/** The whole graph's communities numbered as the explorer shows them now: matched to the remembered partition. */
export async function currentCommunities(store: GraphStore): Promise<CommunityAssignment> {
  const remembered = await store.communityMemory();
  return assignmentOf(stabilisePartition(remembered, computePartition(await store.snapshot())));
}

/**
 * Around a write: the numbers shown before it (`before`, from currentCommunities) are what the
 * partition after it is matched to, and the result is remembered. Matching to what was shown, not
 * only to the memory, keeps numbers right after writes that bypassed the server (the CLI).
 */
export async function rememberCommunities(store: GraphStore, before: CommunityAssignment): Promise<void> {
  const after = stabilisePartition(before, computePartition(await store.snapshot()));
  await store.rememberCommunities(assignmentOf(after));
}

/** At start-up: a store that never remembered a partition remembers its current one. */
export async function ensureCommunityMemory(store: GraphStore): Promise<void> {
  if ((await store.communityMemory()) === null) await store.rememberCommunities(await currentCommunities(store));
}

export interface RememberedCommunities {
  assignment: CommunityAssignment | null;
  /** A digest of it, for cache keys: the same documents can come back with another memory (ingest, then delete). */
  digest: string;
}

/** The remembered partition, read per request (one small read); answers computed with it are cached under its digest. */
export async function communityMemory(store: GraphStore): Promise<RememberedCommunities> {
  const assignment = await store.communityMemory();
  return { assignment, digest: assignment ? createHash('sha256').update(JSON.stringify(assignment)).digest('hex').slice(0, 16) : '' };
}
