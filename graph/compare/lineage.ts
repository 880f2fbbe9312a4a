/**
 * Task lineages across several plans: the plans in order of year, each compared with the one before,
 * and the matches chained, so that a task can be followed from 2021 to 2024. A task that skips a year
 * and comes back starts a new lineage: only neighbouring plans are compared, since a gap year says the
 * task was not in the plan that year.
 */
import { InvalidInputError } from '../errors';
import { comparePlans } from './compare';
import { CompareOptionsSchema, type CompareOptionsInput, type ComparablePlan, type Lineage, type LineageReport } from './types';

/** By year (a plan without one keeps its place among those given), earliest first. */
export function orderByYear(plans: readonly ComparablePlan[]): ComparablePlan[] {
  return plans
    .map((plan, given) => ({ plan, given }))
    .sort((a, b) => (a.plan.document.year ?? 0) - (b.plan.document.year ?? 0) || a.given - b.given)
    .map(({ plan }) => plan);
}

export function buildLineages(plans: readonly ComparablePlan[], options: CompareOptionsInput = {}): LineageReport {
  if (plans.length < 2) throw new InvalidInputError('plans', `a lineage needs at least two plans, got ${plans.length}`);
  const ids = plans.map((plan) => plan.document.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new InvalidInputError('plans', `plan '${repeated}' is given twice`);
  const ordered = orderByYear(plans);
  const lineages: Lineage[] = [];
  // The lineage each item of the previous plan belongs to.
  let open = new Map<string, Lineage>();
  ordered[0]!.items.forEach((item) => {
    const lineage: Lineage = { cells: [{ itemId: item.id, status: null }] };
    lineages.push(lineage);
    open.set(item.id, lineage);
  });
  for (let column = 1; column < ordered.length; column++) {
    const comparison = comparePlans(ordered[column - 1]!, ordered[column]!, options);
    const next = new Map<string, Lineage>();
    for (const pair of comparison.pairs) {
      const lineage = open.get(pair.oldItem)!;
      lineage.cells.push({ itemId: pair.newItem, status: pair.status });
      next.set(pair.newItem, lineage);
    }
    for (const itemId of comparison.added) {
      const lineage: Lineage = { cells: [...Array.from({ length: column }, () => null), { itemId, status: 'added' }] };
      lineages.push(lineage);
      next.set(itemId, lineage);
    }
    // Lineages that found no item in this plan end here.
    for (const lineage of lineages) if (lineage.cells.length === column) lineage.cells.push(null);
    open = next;
  }
  return { documents: ordered.map((plan) => plan.document), threshold: CompareOptionsSchema.parse(options).threshold, lineages };
}
