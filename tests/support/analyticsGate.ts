/** The channel between a test and gatedAnalyticsWorker.ts (apart, so that a test does not load the worker itself). */
export const ANALYTICS_GATE = 'analytics-gate';
