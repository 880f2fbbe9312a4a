/**
 * The compare view's rows, as pure functions: the two plans aligned (each pair on one row, added
 * items with an empty old side, dropped items with an empty new side), the status filter, the text
 * diff of a pair, and the units whose load changed most.
 */
import { diffChars } from 'diff';
import type { CompareResponse } from '../api';

export type ComparedItem = CompareResponse['plans']['old']['items'][number];
export type Pair = CompareResponse['pairs'][number];
export type CompareStatus = 'continued' | 'revised' | 'added' | 'dropped';
export const COMPARE_STATUSES: readonly CompareStatus[] = ['continued', 'revised', 'added', 'dropped'];

export interface AlignedRow {
  key: string;
  status: CompareStatus;
  old: ComparedItem | null;
  new: ComparedItem | null;
  pair: Pair | null;
}

/** Pairs in the old plan's order with dropped items in their place, then the added items in the new plan's order. */
export function alignRows(comparison: CompareResponse): AlignedRow[] {
  const oldItems = new Map(comparison.plans.old.items.map((item) => [item.id, item]));
  const newItems = new Map(comparison.plans.new.items.map((item) => [item.id, item]));
  const pairByOld = new Map(comparison.pairs.map((pair) => [pair.oldItem, pair]));
  const dropped = new Set(comparison.dropped);
  const rows: AlignedRow[] = comparison.plans.old.items.flatMap((item): AlignedRow[] => {
    const pair = pairByOld.get(item.id);
    if (pair) return [{ key: `${item.id}|${pair.newItem}`, status: pair.status, old: item, new: newItems.get(pair.newItem) ?? null, pair }];
    return dropped.has(item.id) ? [{ key: item.id, status: 'dropped', old: oldItems.get(item.id) ?? null, new: null, pair: null }] : [];
  });
  for (const id of comparison.added) rows.push({ key: id, status: 'added', old: null, new: newItems.get(id) ?? null, pair: null });
  return rows;
}

export interface TextPart {
  text: string;
  /** removed: only in the old text; added: only in the new; undefined: in both. */
  change?: 'removed' | 'added';
}

/** Beyond this many edits a diff says little (and costs much): the texts are shown whole, unmarked. */
const MAX_DIFF_EDITS = 2000;

/** Character-level differences of two texts, for marking the old side (removed) and the new side (added). */
export function textDiff(oldText: string, newText: string): { old: TextPart[]; new: TextPart[] } {
  const changes = diffChars(oldText, newText, { maxEditLength: MAX_DIFF_EDITS });
  if (!changes) return { old: [{ text: oldText }], new: [{ text: newText }] };
  return {
    old: changes.filter((c) => !c.added).map((c) => ({ text: c.value, ...(c.removed ? { change: 'removed' as const } : {}) })),
    new: changes.filter((c) => !c.removed).map((c) => ({ text: c.value, ...(c.added ? { change: 'added' as const } : {}) })),
  };
}

const ROLES = ['lead', 'co', 'support', 'implement', 'guide'] as const;
type RoleCounts = CompareResponse['units'][number]['before'];
const total = (counts: RoleCounts) => ROLES.reduce((sum, role) => sum + counts[role], 0);

export interface LoadChange {
  unitId: string;
  before: number;
  after: number;
  change: number;
  /** Change per role, for the bar's title. */
  byRole: Record<(typeof ROLES)[number], number>;
}

/** The `limit` units whose total load changed most (ties by id), only those that changed. */
export function largestLoadChanges(comparison: CompareResponse, limit: number): LoadChange[] {
  return comparison.units
    .map(({ unitId, before, after }) => ({
      unitId,
      before: total(before),
      after: total(after),
      change: total(after) - total(before),
      byRole: Object.fromEntries(ROLES.map((role) => [role, after[role] - before[role]])) as LoadChange['byRole'],
    }))
    .filter((unit) => ROLES.some((role) => unit.byRole[role] !== 0))
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.unitId < b.unitId ? -1 : 1))
    .slice(0, limit);
}
