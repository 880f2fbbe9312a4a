/**
 * Shape store records into the interface's result objects. Both stores gather the same
 * records in their own way and hand them to these builders, which also fix the order.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ROLES, type DocumentMeta, type Role, type Snapshot, type Unit } from '../model';
import { byBusiestSection, byId, byItemOrder, byOwnerOrder, byPartnerOrder, byResponsibilityOrder, bySectionOrder, byUnitPageOrder } from './order';
import {
  toItemRef,
  toResponsibility,
  toUnitSummary,
  type ItemRecord,
  type ResponsibilityRecord,
  type SectionRecord,
} from './records';
import { UNIT_SECTIONS_SHOWN, type DocumentDetail, type DocumentMetadataPatch, type DocumentSummary, type ItemDetail, type ItemPage, type UnitPage, type UnitPageQuery } from './types';

export interface Counts {
  sections: number;
  items: number;
  responsibilities: number;
}

/**
 * The data version after `document` enters or leaves the store: the XOR, over every loaded
 * document, of sha256(`id@sha256`), in hex; '' for an empty store. XOR makes it order-free and
 * updatable per write (toggle the old bytes out, the new ones in), so reading it costs one
 * value however many documents there are, and equal data gives equal versions in every store.
 */
export function toggleDataVersion(version: string, document: Pick<DocumentMeta, 'id' | 'sha256'>): string {
  const digest = createHash('sha256').update(`${document.id}@${document.sha256}`).digest();
  if (version !== '') {
    const current = Buffer.from(version, 'hex');
    for (let index = 0; index < digest.length; index++) digest[index]! ^= current[index]!;
  }
  return digest.every((byte) => byte === 0) ? '' : digest.toString('hex');
}

/**
 * What a document contributes to the data version: its id and bytes and, once its metadata was
 * corrected (`metadataEdit`, a digest of the corrected fields), that too, so that equal data still
 * gives equal versions in either store and a correction invalidates cached answers.
 */
export const versionEntry = (document: Pick<DocumentMeta, 'id' | 'sha256'>, metadataEdit?: string | null) => ({
  id: document.id,
  sha256: metadataEdit ? `${document.sha256}#${metadataEdit}` : document.sha256,
});

/**
 * A pending data version: `<digest>~<unique id>`. Neo4j reads are read-committed and a commit becomes visible piece
 * by piece (its records first, its index entries last), so a version written with the data was seen by readers
 * before the data could be found, and an answer cached under it stayed wrong until the next write. A Neo4j write
 * therefore stages its new digest as pending, in the same transaction as the data, and settles it to the digest in
 * a second transaction, which can only begin once the first is visible whole. A pending version never equals a
 * settled one, so nothing read while it stands is found again under the settled version; readers keep nothing
 * under it at all (server/readCache.ts). The embedded store's writes are visible at once and never pending.
 */
const PENDING_MARK = '~';
export const pendingDataVersion = (digest: string): string => `${digest}${PENDING_MARK}${randomUUID()}`;
export const isPendingDataVersion = (version: string): boolean => version.includes(PENDING_MARK);
/** The digest a pending version settles to; a settled version is its own. */
export const settledDataVersion = (version: string): string => version.split(PENDING_MARK, 1)[0]!;

/** Apply a metadata correction; returns the corrected metadata and its digest for versionEntry. */
export function applyMetadataPatch(document: DocumentMeta, patch: DocumentMetadataPatch): { document: DocumentMeta; metadataEdit: string } {
  const next: DocumentMeta = { ...document, ...(patch.title === undefined ? {} : { title: patch.title }) };
  for (const key of ['issuer', 'publishedAt', 'year', 'jurisdiction'] as const) {
    const value = patch[key];
    if (value === null) delete next[key];
    else if (value !== undefined) Object.assign(next, { [key]: value });
  }
  const fields = [next.title, next.issuer ?? null, next.publishedAt ?? null, next.year ?? null, next.jurisdiction?.code ?? null];
  return { document: next, metadataEdit: createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16) };
}

export function buildDocumentSummary(document: DocumentMeta, counts: Counts): DocumentSummary {
  const { preamble: _preamble, ...meta } = document;
  return { ...meta, ...counts };
}

const withoutDocumentId = ({ documentId: _documentId, ...section }: SectionRecord) => section;

export function buildDocumentDetail(
  document: DocumentMeta,
  sections: Array<{ section: SectionRecord; items: number }>,
): DocumentDetail {
  return {
    document,
    sections: [...sections]
      .sort((a, b) => bySectionOrder(a.section, b.section))
      .map(({ section, items }) => ({ ...withoutDocumentId(section), items })),
  };
}

/** The role and the words that carry it, as an owner or a unit's item shows them. */
const provenanceOf = ({ role, inferred, nameAsWritten, start, end }: ResponsibilityRecord) => ({
  role,
  inferred,
  nameAsWritten,
  start,
  end,
});

export interface Owned {
  edge: ResponsibilityRecord;
  unit: Unit;
}

export function buildItemDetail(
  item: ItemRecord,
  document: DocumentMeta,
  section: SectionRecord | null,
  owners: Owned[],
): ItemDetail {
  return {
    item: {
      ...toItemRef(item),
      section: item.section,
      ...(item.parent === undefined ? {} : { parent: item.parent }),
      text: item.text,
      start: item.start,
      end: item.end,
    },
    document: {
      id: document.id,
      title: document.title,
      sha256: document.sha256,
      ...(document.publishedAt === undefined ? {} : { publishedAt: document.publishedAt }),
      ...(document.issuer === undefined ? {} : { issuer: document.issuer }),
    },
    section: section && withoutDocumentId(section),
    owners: [...owners]
      .sort((a, b) => byOwnerOrder(a.edge, b.edge))
      .map(({ edge, unit }) => ({ ...provenanceOf(edge), unit: toUnitSummary(unit) })),
  };
}

/** What a store read for a unit's page (graph/store/types.ts UnitPageSchema), before it is ordered and counted. */
export interface UnitPageParts {
  unit: Unit;
  /** The page's entries, in any order: ordered here by byUnitPageOrder, as the store chose them. */
  entries: Array<{ edge: ResponsibilityRecord; item: ItemRecord; section: SectionRecord | null }>;
  /** Its items per role and document (every role, whatever the page's). */
  counts: Array<{ role: Role; documentId: string; items: number }>;
  /** Sections with how many of its items stand in each: at least the busiest UNIT_SECTIONS_SHOWN. */
  sections: Array<{ section: SectionRecord; items: number }>;
  sectionCount: number;
  partners: Array<{ unit: Unit; sharedItems: number }>;
  documents: DocumentMeta[];
}

export function buildUnitPage(parts: UnitPageParts, { role, limit, offset }: UnitPageQuery): UnitPage {
  const documents = [...parts.documents].sort(byId);
  const byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  const byDocument = new Map(documents.map((document) => [document.id, 0]));
  for (const { role: held, documentId, items } of parts.counts) {
    byRole[held] += items;
    byDocument.set(documentId, (byDocument.get(documentId) ?? 0) + items);
  }
  const total = ROLES.reduce((sum, r) => sum + byRole[r], 0);
  return {
    unit: parts.unit,
    items: [...parts.entries].sort((a, b) => byUnitPageOrder(a.edge, b.edge)).map(({ edge, item }) => ({ ...provenanceOf(edge), item: toItemRef(item) })),
    itemPage: { total: role === undefined ? total : byRole[role], offset, limit },
    itemCounts: { total, byRole, byDocument: [...byDocument].map(([documentId, items]) => ({ documentId, items })) },
    partners: parts.partners
      .map((partner) => ({ unitId: partner.unit.id, ...partner }))
      .sort(byPartnerOrder)
      .map(({ unit: partner, sharedItems }) => ({ unit: toUnitSummary(partner), sharedItems })),
    documents: documents.map(({ id, title, year }) => ({ id, title, ...(year === undefined ? {} : { year }) })),
    sections: [...parts.sections]
      .sort(byBusiestSection)
      .slice(0, UNIT_SECTIONS_SHOWN)
      .map(({ section, items }) => ({ documentId: section.documentId, section: withoutDocumentId(section), items })),
    sectionCount: parts.sectionCount,
  };
}

export function buildItemPage(
  total: number,
  page: number,
  pageSize: number,
  items: Array<{ item: ItemRecord; leads: Owned[] }>,
): ItemPage {
  return {
    total,
    page,
    pageSize,
    items: [...items]
      .sort((a, b) => byItemOrder(a.item, b.item))
      .map(({ item, leads }) => ({ ...toItemRef(item), leads: uniqueLeads(leads) })),
  };
}

/** A unit named twice as lead of one item is still one lead. */
function uniqueLeads(leads: Owned[]) {
  const seen = new Set<string>();
  return [...leads]
    .sort((a, b) => byOwnerOrder(a.edge, b.edge))
    .filter(({ unit }) => !seen.has(unit.id) && seen.add(unit.id))
    .map(({ unit }) => toUnitSummary(unit));
}

/** What a store reads for a snapshot, before buildSnapshot orders and projects it. */
export interface SnapshotParts {
  documents: DocumentMeta[];
  sections: SectionRecord[];
  units: Unit[];
  items: ItemRecord[];
  responsibilities: ResponsibilityRecord[];
}

export function buildSnapshot(parts: SnapshotParts): Snapshot {
  return {
    documents: [...parts.documents]
      .sort(byId)
      .map(({ id, title, sha256, year, jurisdiction }) => ({
        id,
        title,
        sha256,
        ...(year === undefined ? {} : { year }),
        ...(jurisdiction === undefined ? {} : { jurisdiction }),
      })),
    sections: [...parts.sections].sort(bySectionOrder),
    units: [...parts.units].sort(byId).map(toUnitSummary),
    items: [...parts.items].sort(byItemOrder).map(toItemRef),
    responsibilities: [...parts.responsibilities].sort(byResponsibilityOrder).map(toResponsibility),
  };
}
