/** Analytics computed off the event loop, incrementally per document where the measure allows. */
export { AnalyticsPool, DEFAULT_ANALYTICS_POOL, type AnalysisSource, type AnalyticsPoolOptions, type LaneName } from './pool';
export { AnalyticsEngine, ANALYSIS_NAMES, type AnalysisName, type AnalysisTask, type EdgeFilter } from './engine';
