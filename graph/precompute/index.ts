/** Analytics computed off the event loop, incrementally per document where the measure allows. */
export { AnalyticsPool } from './pool';
export { AnalyticsEngine, ANALYSIS_NAMES, type AnalysisName, type AnalysisTask, type EdgeFilter } from './engine';
export type { AnalysisSource } from './worker';
