/** Reading: documents, items, units, search, the snapshot, counts and commitments. */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import {
  ItemCommitmentsSchema,
  ROLES,
  type DocumentMeta,
  type Role,
  type Unit,
  type UnitKind,
  type DocumentScope,
  type ItemCommitments,
} from '../../../model';
import { ROLE_RELATIONSHIP } from '../vocabulary';
import {
  activeList,
  scopesDocuments,
  type ItemRecord,
  type ResponsibilityRecord,
  type SectionRecord,
} from '../../records';
import type { Owned, UnitPageParts } from '../../results';
import { UNIT_SECTIONS_SHOWN, type StoreStats } from '../../types';
import { NODE_LABELS, RELATIONSHIP_TYPES, ROLE_OF_RELATIONSHIP } from '../../vocabulary';
import { ANY_ROLE, DOCUMENT_OF_D, type Properties, type SingleStatementRunner } from './fragments';
import { documentFrom, unitFrom, sectionFrom, itemFrom, edgeFrom, ownedFrom, type EdgeRow } from './rows';

/** The owners pattern: every responsibility edge into `i`, with its unit. */
const OWNERS_OF_I = `COLLECT {
  MATCH (u:Unit)-[r:${ANY_ROLE}]->(i)
  RETURN {type: type(r), edge: properties(r), itemId: i.id, position: i.position, unit: properties(u)}
}`;

/**
 * `node` is OF the jurisdiction `$<param>` or, when `within` (a Cypher boolean) holds, OF a place
 * WITHIN it at any depth: the scope follows the graph's own chain of jurisdictions.
 */
const ofJurisdiction = (node: string, param: string, within: string) => `EXISTS {
  MATCH (${node})-[:OF]->(j:Jurisdiction)
  WHERE j.code = $${param} OR (${within} AND EXISTS { (j)-[:WITHIN*1..]->(:Jurisdiction {code: $${param}}) })
}`;

/**
 * The condition that `property` names one of the scoped documents (`$documents`), or `true` when the scope selects
 * them all. A statement of its own per case, never `$documents IS NULL OR …`: the planner cannot seek an index through
 * that OR, and scanned every item (and every responsibility edge) of the corpus to find one plan's.
 */
const inDocuments = (documents: string[] | null, property: string) => (documents === null ? 'true' : `${property} IN $documents`);

/** The ids of the documents a scope selects (graph/store DocumentScope); null when it selects them all. */
async function documentsInScope(tx: ManagedTransaction, scope: DocumentScope): Promise<string[] | null> {
  if (!scopesDocuments(scope)) return null;
  const documents = activeList(scope.document);
  const result = await tx.run(
    `MATCH (d:Document)
     WHERE ${inDocuments(documents, 'd.id')}
       AND ($yearFrom IS NULL OR d.year >= $yearFrom) AND ($yearTo IS NULL OR d.year <= $yearTo)
       AND ($jurisdiction IS NULL OR ${ofJurisdiction('d', 'jurisdiction', '$includeWithin')})
     RETURN d.id AS id`,
    {
      documents,
      jurisdiction: scope.jurisdiction ?? null,
      includeWithin: scope.includeWithin ?? true,
      yearFrom: scope.yearFrom ?? null,
      yearTo: scope.yearTo ?? null,
    },
  );
  return result.records.map((record) => record.get('id') as string);
}

export async function listDocuments(
  tx: ManagedTransaction,
  params: { documentIds: string[] | null } = { documentIds: null },
): Promise<Array<{ document: DocumentMeta; sections: number; items: number; responsibilities: number }>> {
  const result = await tx.run(
    `MATCH (d:Document) WHERE ${inDocuments(params.documentIds, 'd.id')}
     RETURN ${DOCUMENT_OF_D} AS document,
            d.sectionCount AS sections, d.itemCount AS items, d.responsibilityCount AS responsibilities`,
    { documents: params.documentIds },
  );
  return result.records.map((record) => ({
    document: documentFrom(record.get('document')),
    sections: record.get('sections'),
    items: record.get('items'),
    responsibilities: record.get('responsibilities'),
  }));
}

/** The documents a scope selects, with their counts. */
export async function listScopedDocuments(tx: ManagedTransaction, scope: DocumentScope) {
  return listDocuments(tx, { documentIds: await documentsInScope(tx, scope) });
}

export async function getDocument(
  tx: SingleStatementRunner,
  params: { documentId: string },
): Promise<{ document: DocumentMeta; sections: Array<{ section: SectionRecord; items: number }> } | null> {
  const result = await tx.run(
    `MATCH (d:Document {id: $documentId})
     RETURN ${DOCUMENT_OF_D} AS document,
            COLLECT {
              MATCH (s:Section)-[:PART_OF]->(d)
              RETURN {section: properties(s), items: COUNT { (:Item)-[:IN_SECTION]->(s) }}
            } AS sections`,
    params,
  );
  const record = result.records[0];
  if (!record) return null;
  return {
    document: documentFrom(record.get('document')),
    sections: (record.get('sections') as Array<{ section: Properties; items: number }>).map(({ section, items }) => ({
      section: sectionFrom(section),
      items,
    })),
  };
}

export type FoundItem = { item: ItemRecord; document: DocumentMeta; section: SectionRecord | null; owners: Owned[] };

/** Several items in one statement (each an index seek), so lookups that arrive together share one round trip. */
export async function getItems(tx: SingleStatementRunner, params: { itemIds: readonly string[] }): Promise<Map<string, FoundItem>> {
  const result = await tx.run(
    `UNWIND $itemIds AS itemId
     MATCH (i:Item {id: itemId})
     MATCH (d:Document {id: i.documentId})
     OPTIONAL MATCH (i)-[:IN_SECTION]->(s:Section)
     RETURN i.id AS id, properties(i) AS item, ${DOCUMENT_OF_D} AS document, properties(s) AS section, ${OWNERS_OF_I} AS owners`,
    { itemIds: [...params.itemIds] },
  );
  return new Map(
    result.records.map((record) => {
      const section = record.get('section') as Properties | null;
      const found: FoundItem = {
        item: itemFrom(record.get('item')),
        document: documentFrom(record.get('document')),
        section: section && sectionFrom(section),
        owners: ownedFrom(record.get('owners')),
      };
      return [record.get('id') as string, found];
    }),
  );
}

/** A relationship type's place in ROLES (lead first), for ordering a unit's page in Cypher. */
const ROLE_RANK_OF_R = `CASE type(r) ${ROLES.map((role, rank) => `WHEN '${ROLE_RELATIONSHIP[role]}' THEN ${rank}`).join(' ')} END`;

/**
 * A unit's page: the page of its items ordered and cut here (the busiest unit answers for 15,456 items, 15 MB with
 * their texts), their counts per role and document, and its busiest sections, aggregated here. Two statements: as a
 * subquery beside the aggregates, the ordered page ran Neo4j's transaction memory out from an offset of 14,000.
 */
export async function getUnitPage(
  tx: ManagedTransaction,
  params: { unitId: string; roleType: string | null; skip: number; limit: number },
): Promise<UnitPageParts | null> {
  const result = await tx.run(
    `MATCH (u:Unit {id: $unitId})
     RETURN properties(u) AS unit,
            COLLECT {
              MATCH (u)-[r:${ANY_ROLE}]->(i:Item)
              WITH type(r) AS type, i.documentId AS documentId, count(*) AS items
              RETURN {type: type, documentId: documentId, items: items}
            } AS counts,
            COLLECT {
              MATCH (u)-[:${ANY_ROLE}]->(i:Item)-[:IN_SECTION]->(s:Section)
              WITH s, count(DISTINCT i) AS items
              ORDER BY items DESC, s.documentId, s.no
              LIMIT $sectionsShown
              RETURN {section: properties(s), items: items}
            } AS sections,
            COUNT { MATCH (u)-[:${ANY_ROLE}]->(:Item)-[:IN_SECTION]->(s:Section) RETURN DISTINCT s } AS sectionCount,
            COLLECT {
              MATCH (u)-[:${ANY_ROLE}]->(i:Item)<-[:${ANY_ROLE}]-(p:Unit)
              WHERE p <> u
              WITH p, count(DISTINCT i) AS sharedItems
              RETURN {unit: properties(p), sharedItems: sharedItems}
            } AS partners,
            COLLECT {
              MATCH (u)-[r:${ANY_ROLE}]->(:Item)
              WITH DISTINCT r.documentId AS documentId
              MATCH (d:Document {id: documentId})
              RETURN ${DOCUMENT_OF_D}
            } AS documents`,
    { unitId: params.unitId, sectionsShown: neo4j.int(UNIT_SECTIONS_SHOWN) },
  );
  const record = result.records[0];
  if (!record) return null;
  const page = await tx.run(
    `MATCH (u:Unit {id: $unitId})-[r:${ANY_ROLE}]->(i:Item)
     WHERE $roleType IS NULL OR type(r) = $roleType
     WITH r, i ORDER BY ${ROLE_RANK_OF_R}, i.documentId, i.position, r.start
     SKIP $skip LIMIT $limit
     OPTIONAL MATCH (i)-[:IN_SECTION]->(s:Section)
     RETURN type(r) AS type, properties(r) AS edge, i.id AS itemId, i.position AS position, properties(i) AS item, properties(s) AS section`,
    { unitId: params.unitId, roleType: params.roleType, skip: neo4j.int(params.skip), limit: neo4j.int(params.limit) },
  );
  const unit = unitFrom(record.get('unit'));
  const entries = page.records.map((row) => row.toObject() as EdgeRow & { item: Properties; section: Properties | null });
  const counts = record.get('counts') as Array<{ type: string; documentId: string; items: number }>;
  const partners = record.get('partners') as Array<{ unit: Properties; sharedItems: number }>;
  return {
    unit,
    entries: entries.map((row) => ({
      edge: edgeFrom(row, unit.id),
      item: itemFrom(row.item),
      section: row.section && sectionFrom(row.section),
    })),
    counts: counts.map(({ type, documentId, items }) => ({ role: ROLE_OF_RELATIONSHIP[type] as Role, documentId, items })),
    sections: (record.get('sections') as Array<{ section: Properties; items: number }>).map(({ section, items }) => ({ section: sectionFrom(section), items })),
    sectionCount: record.get('sectionCount') as number,
    partners: partners.map((row) => ({ unit: unitFrom(row.unit), sharedItems: row.sharedItems })),
    documents: (record.get('documents') as Properties[]).map(documentFrom),
  };
}

export interface ItemSearch {
  needle: string | null;
  scope: DocumentScope;
  sections: string[] | null;
  /** Relationship type of the role filter, from ROLE_RELATIONSHIP. */
  roleType: string | null;
  unit: string | null;
  skip: number;
  limit: number;
}

const itemSearch = (documents: string[] | null) => `MATCH (i:Item)
  WHERE ${inDocuments(documents, 'i.documentId')}
    AND ($sections IS NULL OR i.sectionId IN $sections)
    AND ($needle IS NULL OR toLower(i.label) CONTAINS $needle OR toLower(i.title) CONTAINS $needle
         OR toLower(i.text) CONTAINS $needle)
    AND (($roleType IS NULL AND $unit IS NULL) OR EXISTS {
         MATCH (u:Unit)-[r:${ANY_ROLE}]->(i)
         WHERE ($roleType IS NULL OR type(r) = $roleType) AND ($unit IS NULL OR u.id = $unit) })`;

export async function searchItems(
  tx: ManagedTransaction,
  params: ItemSearch,
): Promise<{ total: number; items: Array<{ item: ItemRecord; leads: Owned[] }> }> {
  const { skip, limit, scope, ...rest } = params;
  const filters = { ...rest, documents: await documentsInScope(tx, scope) };
  const matching = itemSearch(filters.documents);
  const counted = await tx.run(`${matching} RETURN count(i) AS total`, filters);
  const page = await tx.run(
    `${matching}
     WITH i ORDER BY i.documentId, i.position SKIP $skip LIMIT $limit
     RETURN properties(i) AS item, COLLECT {
       MATCH (u:Unit)-[r:${ROLE_RELATIONSHIP.lead}]->(i)
       RETURN {type: type(r), edge: properties(r), itemId: i.id, position: i.position, unit: properties(u)}
     } AS leads`,
    { ...filters, skip: neo4j.int(skip), limit: neo4j.int(limit) },
  );
  return {
    total: counted.records[0]?.get('total') ?? 0,
    items: page.records.map((record) => ({ item: itemFrom(record.get('item')), leads: ownedFrom(record.get('leads')) })),
  };
}

export async function searchUnits(
  tx: ManagedTransaction,
  params: {
    needle: string | null;
    kind: UnitKind | null;
    unitFunction: string | null;
    level: string | null;
    unitJurisdiction: string | null;
    scope: DocumentScope;
  },
): Promise<Unit[]> {
  const { scope, ...rest } = params;
  const documents = await documentsInScope(tx, scope);
  // In a scope, the units come from the scope's items (an index seek per plan), not from testing every unit's edges.
  const units =
    documents === null
      ? 'MATCH (u:Unit)'
      : `MATCH (i:Item) WHERE ${inDocuments(documents, 'i.documentId')}
         MATCH (u:Unit)-[:${ANY_ROLE}]->(i)
         WITH DISTINCT u`;
  const result = await tx.run(
    `${units}
     WHERE ($kind IS NULL OR u.kind = $kind) AND ($unitFunction IS NULL OR u.function = $unitFunction)
       AND ($level IS NULL OR u.level = $level)
       AND ($needle IS NULL OR any(name IN [u.name, u.shortName, coalesce(u.nameEn, '')] + coalesce(u.aliases, [])
                                   WHERE toLower(name) CONTAINS $needle))
       AND ($unitJurisdiction IS NULL OR ${ofJurisdiction('u', 'unitJurisdiction', 'true')})
     RETURN properties(u) AS unit`,
    { ...rest, documents },
  );
  return result.records.map((record) => unitFrom(record.get('unit')));
}

export interface SnapshotSelection {
  scope: DocumentScope;
  sections: string[] | null;
  roleTypes: string[] | null;
  unitKinds: UnitKind[] | null;
  units: string[] | null;
}

export async function snapshotParts(
  tx: ManagedTransaction,
  selection: SnapshotSelection,
): Promise<{ documents: DocumentMeta[]; sections: SectionRecord[]; items: ItemRecord[]; units: Unit[]; responsibilities: ResponsibilityRecord[] }> {
  const { scope, ...rest } = selection;
  const params = { ...rest, documents: await documentsInScope(tx, scope) };
  const documents = await tx.run(
    `MATCH (d:Document) WHERE ${inDocuments(params.documents, 'd.id')} RETURN ${DOCUMENT_OF_D} AS document`,
    params,
  );
  const sections = await tx.run(
    `MATCH (s:Section)
     WHERE ${inDocuments(params.documents, 's.documentId')} AND ($sections IS NULL OR s.id IN $sections)
     RETURN properties(s) AS section`,
    params,
  );
  // A snapshot holds item references, not texts: leaving the text out halves what a whole-graph snapshot moves.
  const items = await tx.run(
    `MATCH (i:Item)
     WHERE ${inDocuments(params.documents, 'i.documentId')} AND ($sections IS NULL OR i.sectionId IN $sections)
     RETURN i {.*, text: ''} AS item`,
    params,
  );
  // Each edge names its unit by id; the units come once each afterwards. Unit properties on every edge row
  // (and a schema check per row) made a whole-graph snapshot cost a million unit parses for 3,000 units.
  const edges = await tx.run(
    `MATCH (u:Unit)-[r:${ANY_ROLE}]->(i:Item)
     WHERE ${inDocuments(params.documents, 'i.documentId')} AND ($sections IS NULL OR i.sectionId IN $sections)
       AND ($roleTypes IS NULL OR type(r) IN $roleTypes) AND ($unitKinds IS NULL OR u.kind IN $unitKinds)
       AND ($units IS NULL OR u.id IN $units)
     RETURN type(r) AS type, properties(r) AS edge, i.id AS itemId, i.position AS position, u.id AS unitId`,
    params,
  );
  const responsibilities = edges.records.map((record) => {
    const row = record.toObject() as EdgeRow & { unitId: string };
    return edgeFrom(row, row.unitId);
  });
  const units = await tx.run('MATCH (u:Unit) WHERE u.id IN $unitIds RETURN properties(u) AS unit', {
    unitIds: [...new Set(responsibilities.map((edge) => edge.unitId))],
  });
  return {
    documents: documents.records.map((record) => documentFrom(record.get('document'))),
    sections: sections.records.map((record) => sectionFrom(record.get('section'))),
    items: items.records.map((record) => itemFrom(record.get('item'))),
    units: units.records.map((record) => unitFrom(record.get('unit'))),
    responsibilities,
  };
}

export async function countGraph(tx: ManagedTransaction): Promise<StoreStats> {
  const nodes = NODE_LABELS.map((label) => `${label}: COUNT { (:${label}) }`).join(', ');
  const relationships = RELATIONSHIP_TYPES.map((type) => `${type}: COUNT { ()-[:${type}]->() }`).join(', ');
  const result = await tx.run(`RETURN {${nodes}} AS nodes, {${relationships}} AS relationships`);
  const record = result.records[0];
  const nodeCounts = (record?.get('nodes') ?? {}) as Record<string, number>;
  const relationshipCounts = (record?.get('relationships') ?? {}) as Record<string, number>;
  // A Cypher map has no key order: report in the model's order, as the memory store does.
  return {
    nodes: Object.fromEntries(NODE_LABELS.map((label) => [label, nodeCounts[label] ?? 0])),
    relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, relationshipCounts[type] ?? 0])),
  };
}

/** Each item's places (from its CONCERNS edges), deadlines and targets, in the plans a scope selects. */
export async function commitmentsOf(tx: ManagedTransaction, scope: DocumentScope): Promise<ItemCommitments[]> {
  const documents = await documentsInScope(tx, scope);
  const result = await tx.run(
    `MATCH (i:Item) WHERE ${inDocuments(documents, 'i.documentId')}
     RETURN i.id AS itemId, i.documentId AS documentId, i.deadlines AS deadlines, i.targets AS targets,
            COLLECT {
              MATCH (i)-[c:CONCERNS]->(p:Place)
              RETURN {code: p.code, name: p.name, level: p.level, mention: c.mention, zone: c.zone, start: c.start, end: c.end} AS place
              ORDER BY c.start
            } AS places
     ORDER BY i.documentId, i.position`,
    { documents },
  );
  return result.records.map((record) => {
    const places = (record.get('places') as Array<Record<string, unknown>>).map(({ zone, ...place }) => (zone === null ? place : { ...place, zone }));
    return ItemCommitmentsSchema.parse({
      itemId: record.get('itemId'),
      documentId: record.get('documentId'),
      places,
      deadlines: JSON.parse((record.get('deadlines') as string | null) ?? '[]'),
      targets: JSON.parse((record.get('targets') as string | null) ?? '[]'),
    });
  });
}
