/**
 * What a matched pair is: continued (near-identical text) or revised, and how its owners changed.
 * Owners are compared by canonical unit id, so 广东银保监局 in 2023 and 国家金融监督管理总局广东监管局
 * in 2024 are the same owner: a rename, not a drop and an add.
 */
import { diffChars } from 'diff';
import { compareText } from '../analytics';
import { ROLES, type Role } from '../model';
import { normaliseText } from './similarity';
import type { ComparableItem, ComparableOwner, ResponsibilityChanges } from './types';

/**
 * continued when the characters inserted and deleted, after whitespace and width normalisation, are at
 * most `tolerance` of both texts' lengths together; otherwise revised. The diff stops as soon as it
 * needs more edits than that (maxEditLength), so a heavily rewritten pair costs no more than a light one.
 */
export function isContinued(oldText: string, newText: string, tolerance: number): boolean {
  const [a, b] = [normaliseText(oldText), normaliseText(newText)];
  if (a === b) return true;
  const allowed = Math.floor(tolerance * (a.length + b.length));
  if (allowed === 0) return false;
  const changes = diffChars(a, b, { maxEditLength: allowed });
  if (changes === undefined) return false;
  const edited = changes.filter((change) => change.added || change.removed).reduce((sum, change) => sum + change.value.length, 0);
  return edited <= allowed;
}

/** Canonical unit id → the roles it holds on the item, in the order of ROLES. */
function rolesByUnit(owners: readonly ComparableOwner[]): Map<string, Role[]> {
  const roles = new Map<string, Set<Role>>();
  for (const owner of owners) {
    const held = roles.get(owner.canonicalId) ?? new Set<Role>();
    held.add(owner.role);
    roles.set(owner.canonicalId, held);
  }
  return new Map([...roles].map(([unitId, held]) => [unitId, ROLES.filter((role) => held.has(role))]));
}

export function responsibilityChanges(oldItem: ComparableItem, newItem: ComparableItem): ResponsibilityChanges {
  const before = rolesByUnit(oldItem.owners);
  const after = rolesByUnit(newItem.owners);
  const holding = (roles: Map<string, Role[]>, role: Role) => new Set([...roles].filter(([, held]) => held.includes(role)).map(([id]) => id));
  const gained = (role: Role) => [...holding(after, role)].filter((id) => !holding(before, role).has(id)).sort(compareText);
  const lost = (role: Role) => [...holding(before, role)].filter((id) => !holding(after, role).has(id)).sort(compareText);
  const units = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  const roleChanges = units
    .map((unitId) => ({ unitId, before: before.get(unitId) ?? [], after: after.get(unitId) ?? [] }))
    .filter((change) => change.before.join() !== change.after.join());
  return { leadsAdded: gained('lead'), leadsRemoved: lost('lead'), coAdded: gained('co'), coRemoved: lost('co'), roleChanges };
}
