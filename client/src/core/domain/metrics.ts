import type { NodeMetrics } from '../api';

/** The per-unit measures of the coordination network, in the order tables show them. */
export const NODE_METRICS = [
  'degree',
  'weightedDegree',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
  'coreNumber',
  'community',
] as const satisfies readonly (keyof NodeMetrics)[];
export type NodeMetricName = (typeof NODE_METRICS)[number];

/** Measures on a 0–1 scale get three decimals, so columns line up; counts stay whole. */
const FRACTIONS = new Set<NodeMetricName>(['betweenness', 'closeness', 'eigenvector', 'pagerank']);

export function formatMetric(metric: NodeMetricName, value: number): string {
  if (FRACTIONS.has(metric)) return value.toFixed(3);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
