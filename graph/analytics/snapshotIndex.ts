/**
 * Lookups over a Snapshot shared by every analysis. Stores may return rows in any order, so
 * everything here is ordered explicitly: the same snapshot content gives the same answers.
 */
import { InvalidInputError } from '../errors';
import type { Role } from '../model';
import type { ItemRef, Responsibility, Snapshot, UnitSummary } from '../store/types';

export interface SnapshotIndex {
  unit(id: string): UnitSummary;
  documentTitle(id: string): string;
  /** Items in document order: documents as listed, then clause position, then id. */
  items: ItemRef[];
  /** Responsibilities per item id, one per (unit, role), in clause order. */
  ownersOf(itemId: string): Responsibility[];
  /** Whether the snapshot spans several documents (item labels alone are then ambiguous). */
  multiDocument: boolean;
}

/** Ids in UTF-16 code-unit order: locale-independent, so every machine orders ties alike (and fast). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const isGeneric = (unit: UnitSummary): boolean => unit.kind === 'generic';

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  const documents = new Map(snapshot.documents.map((d, position) => [d.id, { title: d.title, position }]));
  const owners = new Map<string, Responsibility[]>();
  const seen = new Set<string>();
  for (const r of [...snapshot.responsibilities].sort((a, b) => a.start - b.start || compareIds(a.unitId, b.unitId))) {
    if (!units.has(r.unitId)) throw new InvalidInputError('snapshot.responsibilities', `unit '${r.unitId}' is not in snapshot.units`);
    const key = `${r.itemId}\u0000${r.unitId}\u0000${r.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    appendTo(owners, r.itemId, r);
  }
  const documentPosition = (id: string) => documents.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  const items = [...snapshot.items].sort(
    (a, b) =>
      documentPosition(a.documentId) - documentPosition(b.documentId) ||
      (a.clause?.start ?? Number.MAX_SAFE_INTEGER) - (b.clause?.start ?? Number.MAX_SAFE_INTEGER) ||
      compareIds(a.id, b.id),
  );
  return {
    unit: (id) => units.get(id) as UnitSummary,
    documentTitle: (id) => documents.get(id)?.title ?? id,
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

/** An item's label, qualified by its document when the snapshot spans several. */
export function itemCaption(index: SnapshotIndex, item: ItemRef): string {
  return index.multiDocument ? `${item.documentId} ${item.label}` : item.label;
}

/** Units holding each role on one item, counted once per (unit, role). */
export function rolesByUnit(owners: Responsibility[]): Map<string, Set<Role>> {
  const roles = new Map<string, Set<Role>>();
  for (const r of owners) roles.set(r.unitId, (roles.get(r.unitId) ?? new Set<Role>()).add(r.role));
  return roles;
}
