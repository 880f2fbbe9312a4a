/**
 * A plan as the comparison reads it, from a parsed file or from the store: each item's title and
 * body without its clause, its section, and its owners with canonical unit ids.
 */
import { NotFoundError } from '../errors';
import type { DocumentMeta, ParsedDocument } from '../model';
import type { UnitRegistry } from '../registry';
import type { GraphStore, ItemDetail } from '../store';
import type { ComparablePlan, ComparableItem, ComparableOwner, PlanRef } from './types';

/**
 * The id a unit ends up with after its renames: successor links followed to the end (a cycle, which a
 * registry should not have, stops where it closes). Units the registry does not know stay as they are.
 */
export function canonicalUnitId(registry: UnitRegistry, unitId: string): string {
  const seen = new Set([unitId]);
  let current = unitId;
  for (let next = registry.successorOf(current); next && !seen.has(next.id); next = registry.successorOf(current)) {
    seen.add(next.id);
    current = next.id;
  }
  return current;
}

/** The item's text with its clause cut out (offsets into the repaired text). */
function withoutClause(text: string, clause: { textStart: number; textEnd: number } | null): string {
  return clause === null ? text : `${text.slice(0, clause.textStart)}${text.slice(clause.textEnd)}`;
}

function planRef(meta: Pick<DocumentMeta, 'id' | 'title' | 'year' | 'sha256' | 'jurisdiction'>, items: number): PlanRef {
  return {
    id: meta.id,
    title: meta.title,
    ...(meta.year === undefined ? {} : { year: meta.year }),
    sha256: meta.sha256,
    ...(meta.jurisdiction ? { jurisdiction: meta.jurisdiction.code } : {}),
    items,
  };
}

export function planFromParsed(parsed: ParsedDocument, registry: UnitRegistry): ComparablePlan {
  const { document } = parsed;
  const sectionTitles = new Map(parsed.sections.map((section) => [section.id, section.title]));
  const sectionByNo = new Map(parsed.sections.map((section) => [section.no, section.title]));
  const items: ComparableItem[] = parsed.items.map((item) => ({
    id: item.id,
    label: item.label,
    section: item.section,
    sectionTitle: (item.sectionId ? sectionTitles.get(item.sectionId) : item.section === null ? undefined : sectionByNo.get(item.section)) ?? null,
    title: item.title,
    body: withoutClause(item.text, item.clause),
    clause: item.clause?.text ?? null,
    owners: item.assignments.map(
      (a): ComparableOwner => ({ role: a.role, nameAsWritten: a.nameAsWritten, unitId: a.unitId, canonicalId: canonicalUnitId(registry, a.unitId) }),
    ),
  }));
  return { document: planRef(document, items.length), items };
}

/** Item details are read this many at a time: a few round trips in flight, never the whole plan's. */
const ITEM_READS_IN_FLIGHT = 16;

/** A loaded document as a plan; NotFoundError when the store has no such document. */
export async function planFromStore(store: GraphStore, documentId: string, registry: UnitRegistry): Promise<ComparablePlan> {
  // One read for the plan's metadata and item ids: the snapshot of this document holds both.
  const snapshot = await store.snapshot({ document: [documentId] });
  const [meta] = snapshot.documents;
  if (!meta || meta.id !== documentId) throw new NotFoundError('document', documentId);
  const details: ItemDetail[] = [];
  for (let start = 0; start < snapshot.items.length; start += ITEM_READS_IN_FLIGHT) {
    const batch = await Promise.all(snapshot.items.slice(start, start + ITEM_READS_IN_FLIGHT).map((item) => store.getItem(item.id)));
    details.push(...batch.filter((detail): detail is ItemDetail => detail !== null));
  }
  const items: ComparableItem[] = details.map(({ item, section, owners }) => ({
    id: item.id,
    label: item.label,
    section: item.section,
    sectionTitle: section?.title ?? null,
    title: item.title,
    body: withoutClause(item.text, item.clause),
    clause: item.clause?.text ?? null,
    owners: owners.map((owner) => ({
      role: owner.role,
      nameAsWritten: owner.nameAsWritten,
      unitId: owner.unit.id,
      canonicalId: canonicalUnitId(registry, owner.unit.id),
    })),
  }));
  return { document: planRef(meta, items.length), items };
}
