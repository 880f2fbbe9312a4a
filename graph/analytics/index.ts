/** Public door of the analytics: workload, accountability gaps, coordination network and its metrics. */
export * from './types';
export { computeWorkload, countHeld, workloadReport, QUARTILE_METHOD, type HeldCounts } from './workload';
export { findGaps } from './gaps';
export { decodeWeightPair, decodeWeights, encodeWeights, WEIGHT_TEXT } from './weightsText';
export { buildCoordinationNetwork, graphFromTies, projectTies, tieKey, type CoordinationGraph, type Projection, type ProjectedTie } from './coordination';
export { computeNetworkMetrics, networkReport, POWER_ITERATION } from './network';
export { eigenvectorCentrality, pagerank, weightedAdjacency, type WeightedAdjacency } from './powerIteration';
export { betweennessCentrality } from './betweenness';
export { assignmentOf, matchCommunities, stabilisePartition, type CommunityAssignment } from './communityMatching';
export { appendTo, indexSnapshot, isGeneric, type SnapshotIndex } from './snapshotIndex';
/** Ids in UTF-16 code-unit order, the one comparator of ids (graph/store/order.ts). */
export { compareText } from '../store/order';
export { DocumentPartsCache, mergeGaps, mergeHeld, splitByDocument, type DocumentRef, type PartsAsked, type PartsReader } from './partials';
export { commitmentPart, dueReport, mergeCommitmentParts, placeReport, quarterOf, timelineReport, unmeasuredItems, type CommitmentPart } from './commitments';
export * from './commitmentReports';
export * from './pages';
export { concatPacked, packedPage, packRows, type PackedRows } from './packedRows';
