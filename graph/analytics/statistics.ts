/**
 * Descriptive statistics used by the workload report. Written here because they are a few
 * lines each and no graphology package offers them; definitions in docs/metrics.md.
 */

/** Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, as numpy and Excel QUARTILE.INC). */
export function quantile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) return 0;
  const h = (sortedAscending.length - 1) * p;
  const lower = Math.floor(h);
  const below = sortedAscending[lower] as number;
  const above = sortedAscending[Math.min(lower + 1, sortedAscending.length - 1)] as number;
  return below + (h - lower) * (above - below);
}

/** Gini coefficient: Σ (2i − n − 1) xᵢ / (n Σ x) over ascending x, i = 1…n; 0 when all are equal or zero. */
export function gini(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((sum, x) => sum + x, 0);
  if (n === 0 || total === 0) return 0;
  const weighted = sorted.reduce((sum, x, i) => sum + (2 * (i + 1) - n - 1) * x, 0);
  return weighted / (n * total);
}

/** Herfindahl–Hirschman index on the 0–1 scale: Σ shareᵢ². */
export function herfindahl(shares: number[]): number {
  return shares.reduce((sum, s) => sum + s * s, 0);
}
