import { unitAttributeNamesOf, type UnitAttributeNameOf } from '../../../../graph/export/unitAttributes';
import type { NodeMetrics } from '../api';

/** The per-unit measures of the coordination network, in the order tables show them: the table's network group. */
export type NodeMetricName = UnitAttributeNameOf<'network'> & keyof NodeMetrics;
export const NODE_METRICS: readonly NodeMetricName[] = unitAttributeNamesOf('network');

/** Measures on a 0–1 scale get three decimals, so columns line up; counts stay whole. */
const FRACTIONS = new Set<NodeMetricName>(['betweenness', 'closeness', 'eigenvector', 'pagerank']);

export function formatMetric(metric: NodeMetricName, value: number): string {
  if (FRACTIONS.has(metric)) return value.toFixed(3);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
