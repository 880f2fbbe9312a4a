/**
 * Lookups over a Snapshot shared by every analysis. Stores may return rows in any order, so
 * everything here is ordered explicitly: the same snapshot content gives the same answers.
 */
import { InvalidInputError } from '../errors';
import type { ItemRef, Responsibility, Snapshot, UnitSummary } from '../model';
import { byItemOrder, compareText } from '../store/order';

export interface SnapshotIndex {
  unit(id: string): UnitSummary;
  documentTitle(id: string): string;
  /** Items in document order (graph/store/order.ts byItemOrder). */
  items: ItemRef[];
  /** Responsibilities per item id, one per (unit, role), in clause order. */
  ownersOf(itemId: string): Responsibility[];
  /** Whether the snapshot spans several documents (item labels alone are then ambiguous). */
  multiDocument: boolean;
}

export const isGeneric = (unit: UnitSummary): boolean => unit.kind === 'generic';

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  const documentTitles = new Map(snapshot.documents.map((d) => [d.id, d.title]));
  // Grouped by item first, then each (small) group ordered and de-duplicated: a global sort of a
  // million edges, and a string key per edge, cost more than the whole projection.
  const owners = new Map<string, Responsibility[]>();
  for (const r of snapshot.responsibilities) {
    if (!units.has(r.unitId)) throw new InvalidInputError('snapshot.responsibilities', `unit '${r.unitId}' is not in snapshot.units`);
    appendTo(owners, r.itemId, r);
  }
  for (const [itemId, group] of owners) {
    group.sort((a, b) => a.start - b.start || compareText(a.unitId, b.unitId));
    owners.set(
      itemId,
      group.filter((r, index) => group.findIndex((other) => other.unitId === r.unitId && other.role === r.role) === index),
    );
  }
  const items = [...snapshot.items].sort(byItemOrder);
  return {
    unit: (id) => units.get(id) as UnitSummary,
    documentTitle: (id) => documentTitles.get(id) ?? id,
    items,
    ownersOf: (itemId) => owners.get(itemId) ?? [],
    multiDocument: new Set(snapshot.items.map((i) => i.documentId)).size > 1,
  };
}

/** Adds a value to the list under a key (Map.groupBy needs Node 21). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
