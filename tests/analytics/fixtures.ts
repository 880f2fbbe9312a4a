/**
 * Small hand-made snapshots with the figures worked out by hand beside them in the tests.
 * `snapshotOf` spells an item's owners as a clause would: [unitId, role, inferred?].
 */
import { createHash } from 'node:crypto';
import type { Role, UnitKind, Snapshot, UnitSummary } from '../../graph/model';

export type OwnerSpec = [unitId: string, role: Role, inferred?: boolean];
export interface ItemSpec {
  label: string;
  title?: string;
  documentId?: string;
  owners: OwnerSpec[];
  /** false: the item has no clause at all. */
  clause?: boolean;
}

export function unit(id: string, kind: UnitKind = 'department', provisional = false): UnitSummary {
  return { id, name: `${id}全称`, shortName: id, nameEn: `Unit ${id}`, kind, jurisdiction: '440000', level: 'province', provisional };
}

export function snapshotOf(units: UnitSummary[], items: ItemSpec[], documentIds = ['doc']): Snapshot {
  let offset = 0;
  const snapshot: Snapshot = {
    documents: documentIds.map((id) => ({ id, title: `文件${id}`, sha256: createHash('sha256').update(id).digest('hex') })),
    sections: [],
    units,
    items: [],
    responsibilities: [],
  };
  items.forEach((spec, i) => {
    const documentId = spec.documentId ?? documentIds[0]!;
    const id = `${documentId}/item-${i + 1}`;
    const text = `(${spec.owners.map(([u, role]) => `${u}${role}`).join(',')})`;
    const start = offset;
    offset += text.length + 10;
    snapshot.items.push({
      id,
      documentId,
      no: i + 1,
      label: spec.label,
      title: spec.title ?? `任务${spec.label}`,
      sectionId: null,
      position: i,
      clause: spec.clause === false ? null : { text, start, end: start + text.length, textStart: 0, textEnd: text.length },
    });
    spec.owners.forEach(([unitId, role, inferred = false], k) => {
      snapshot.responsibilities.push({
        itemId: id,
        unitId,
        role,
        inferred,
        nameAsWritten: unitId,
        start: start + 1 + k,
        end: start + 2 + k,
        documentId,
      });
    });
  });
  return snapshot;
}
