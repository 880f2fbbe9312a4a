/** Public door of the analytics: workload, accountability gaps, coordination network and its metrics. */
export * from './types';
export { computeWorkload, QUARTILE_METHOD } from './workload';
export { findGaps } from './gaps';
export { buildCoordinationNetwork, tieKey, type CoordinationGraph } from './coordination';
export { computeNetworkMetrics, computePartition, networkReport, POWER_ITERATION } from './network';
export { assignmentOf, matchCommunities, stabilisePartition, type CommunityAssignment } from './communityMatching';
export { appendTo, compareIds, indexSnapshot, isGeneric, itemCaption, type SnapshotIndex } from './snapshotIndex';
