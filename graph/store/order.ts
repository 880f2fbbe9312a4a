/**
 * The one definition of every list order the stores return. Both stores sort with these
 * comparators (Neo4j only pre-orders in Cypher where it must page), so the contract suite can
 * demand identical answers. Strings compare by UTF-16 code unit, never by locale, so the
 * order does not depend on the machine.
 */
import { ROLES, type Role } from '../model';

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const ROLE_RANK = new Map<Role, number>(ROLES.map((role, rank) => [role, rank]));
export const compareRole = (a: Role, b: Role): number => (ROLE_RANK.get(a) ?? 0) - (ROLE_RANK.get(b) ?? 0);

/** Apply comparators in turn until one decides. */
export function by<T>(...comparators: Array<(a: T, b: T) => number>): (a: T, b: T) => number {
  return (a, b) => {
    for (const compare of comparators) {
      const decided = compare(a, b);
      if (decided !== 0) return decided;
    }
    return 0;
  };
}

/** Documents, units and partners' ties: by id. */
export const byId = <T extends { id: string }>(a: T, b: T): number => compareText(a.id, b.id);

/**
 * Items: by document id, then by their position in the document (the parser's order, which is
 * reading order; sub-items follow their parent).
 */
export const byItemOrder = <T extends { documentId: string; position: number }>(a: T, b: T): number =>
  compareText(a.documentId, b.documentId) || a.position - b.position;

/** Sections: by document id, then by number. */
export const bySectionOrder = <T extends { documentId: string; no: number }>(a: T, b: T): number =>
  compareText(a.documentId, b.documentId) || a.no - b.no;

/** Owners of one item: lead, co, support, implement, guide; then where the name stands in the clause. */
export const byOwnerOrder = <T extends { role: Role; start: number; unitId: string }>(a: T, b: T): number =>
  compareRole(a.role, b.role) || a.start - b.start || compareText(a.unitId, b.unitId);

/** Partners: most shared items first, ties by unit id. */
export const byPartnerOrder = <T extends { sharedItems: number; unitId: string }>(a: T, b: T): number =>
  b.sharedItems - a.sharedItems || compareText(a.unitId, b.unitId);

/** Responsibilities (snapshots): item order, then owner order. */
export const byResponsibilityOrder = by<{
  documentId: string;
  position: number;
  role: Role;
  start: number;
  unitId: string;
}>(byItemOrder, byOwnerOrder);

/** A unit's items on its page: by role (lead first), then as responsibilities go (item order, place in the clause). */
export const byUnitPageOrder = by<{ documentId: string; position: number; role: Role; start: number; unitId: string }>(
  (a, b) => compareRole(a.role, b.role),
  byResponsibilityOrder,
);

/** A unit's sections on its page: those holding most of its items first, then in section order. */
export const byBusiestSection = <T extends { section: { documentId: string; no: number }; items: number }>(a: T, b: T): number =>
  b.items - a.items || bySectionOrder(a.section, b.section);
