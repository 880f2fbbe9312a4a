/** Per unit: how many items it answers for in each plan, by role (canonical ids, so a renamed body keeps its history). */
import { compareText } from '../analytics';
import { ROLES } from '../model';
import type { ComparablePlan, RoleCounts, UnitLoadChange } from './types';

const noLoad = (): RoleCounts => ({ lead: 0, co: 0, support: 0, implement: 0, guide: 0 });

/** Items per role; a unit named twice in one role on one item counts once. */
function loads(plan: ComparablePlan): Map<string, RoleCounts> {
  const counts = new Map<string, RoleCounts>();
  for (const item of plan.items) {
    const seen = new Set<string>();
    for (const owner of item.owners) {
      const key = `${owner.canonicalId}\u0000${owner.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const load = counts.get(owner.canonicalId) ?? noLoad();
      load[owner.role]++;
      counts.set(owner.canonicalId, load);
    }
  }
  return counts;
}

export const totalLoad = (counts: RoleCounts): number => ROLES.reduce((sum, role) => sum + counts[role], 0);

/** Every unit of either plan, the largest change of its total first, then by id. */
export function unitLoadChanges(oldPlan: ComparablePlan, newPlan: ComparablePlan): UnitLoadChange[] {
  const [before, after] = [loads(oldPlan), loads(newPlan)];
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids
    .map((unitId) => ({ unitId, before: before.get(unitId) ?? noLoad(), after: after.get(unitId) ?? noLoad() }))
    .sort((a, b) => {
      const change = Math.abs(totalLoad(b.after) - totalLoad(b.before)) - Math.abs(totalLoad(a.after) - totalLoad(a.before));
      return change !== 0 ? change : compareText(a.unitId, b.unitId);
    });
}

/** A name for each canonical unit id: as the newer plan writes it, else as the older one did. */
export function unitNames(oldPlan: ComparablePlan, newPlan: ComparablePlan): Record<string, string> {
  const names: Record<string, string> = {};
  for (const plan of [newPlan, oldPlan]) for (const item of plan.items) for (const owner of item.owners) names[owner.canonicalId] ??= owner.nameAsWritten;
  return names;
}
