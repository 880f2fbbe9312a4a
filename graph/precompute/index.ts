/** Analytics computed off the event loop, incrementally per document where the measure allows. */
export { AnalyticsPool, type AnalysisSource } from './pool';
export { AnalyticsEngine, ANALYSIS_NAMES, type AnalysisName, type AnalysisTask, type EdgeFilter } from './engine';
