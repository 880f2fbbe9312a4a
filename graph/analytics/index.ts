/** Public door of the analytics: workload, accountability gaps, coordination network and its metrics. */
export * from './types';
export { computeWorkload, QUARTILE_METHOD } from './workload';
export { findGaps } from './gaps';
export { decodeWeightPair, decodeWeights, encodeWeights, WEIGHT_TEXT } from './weightsText';
export { buildCoordinationNetwork, tieKey, type CoordinationGraph } from './coordination';
export { computeNetworkMetrics, networkReport, POWER_ITERATION } from './network';
export { appendTo, compareIds, indexSnapshot, isGeneric, itemCaption, type SnapshotIndex } from './snapshotIndex';
export {
  dueReport,
  placeReport,
  quarterOf,
  timelineReport,
  unmeasuredItems,
  CommitmentListSchema,
  DueReportSchema,
  ItemBriefSchema,
  MapTileSchema,
  PlaceReportSchema,
  PlaceRowSchema,
  TimelineEntrySchema,
  TimelineReportSchema,
  UnmeasuredReportSchema,
  type DueReport,
  type ItemBrief,
  type MapTile,
  type PlaceReport,
  type PlaceRow,
  type TimelineEntry,
  type TimelineReport,
  type UnmeasuredReport,
} from './commitments';
