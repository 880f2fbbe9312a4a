/** Public door of the analytics: workload, accountability gaps, coordination network and its metrics. */
export * from './types';
