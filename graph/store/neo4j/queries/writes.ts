/** Loading, removing and correcting documents, inside the caller's transaction. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { DocumentMeta, ItemCommitments } from '../../../model';
import { ROLE_RELATIONSHIP, UNIT_KIND_LABEL } from '../vocabulary';
import {
  jurisdictionChains,
  placeNodes,
  type DocumentRecords,
  type ItemRecord,
  type ResponsibilityRecord,
} from '../../records';
import { applyMetadataPatch, toggleDataVersion, versionEntry } from '../../results';
import type { DocumentMetadataPatch } from '../../types';
import { ANY_ROLE, DOCUMENT_OF_D } from './fragments';
import { lockDataVersion, stageDataVersion } from './version';
import { documentFrom } from './rows';
import { listDocuments } from './reads';

const KIND_LABELS = Object.values(UNIT_KIND_LABEL).join(':');
/** Rows (nodes and edges) per UNWIND: large enough that round trips stop mattering, small enough to keep each message a few MB. */
const BATCH = 10_000;

/**
 * Point `d` (a :Document, `document.jurisdiction` its code or null) at its :Jurisdiction, replacing
 * the edge it had; the jurisdictions are merged beforehand (mergeJurisdictions).
 */
const LINK_DOCUMENT_JURISDICTION = `FOREACH (old IN [(d)-[r:OF]->() | r] | DELETE old)
       WITH d, document WHERE document.jurisdiction IS NOT NULL
       MATCH (j:Jurisdiction {code: document.jurisdiction})
       MERGE (d)-[:OF]->(j)`;

/** The stored sha256 of each of these documents that exists. */
export async function documentSha256s(tx: ManagedTransaction, params: { documentIds: string[] }): Promise<Map<string, string>> {
  const result = await tx.run('MATCH (d:Document) WHERE d.id IN $documentIds RETURN d.id AS id, d.sha256 AS sha256', params);
  return new Map(result.records.map((record) => [record.get('id') as string, record.get('sha256') as string]));
}

/** A document's properties on its node: its jurisdiction is not one, but the (:Document)-[:OF]->(:Jurisdiction) edge. */
export const documentRow = ({ jurisdiction, ...properties }: DocumentMeta) => ({ ...properties, jurisdiction: jurisdiction?.code ?? null });

/**
 * The counts the document list shows, stored on the node when the document is written: counting them per request
 * (every responsibility edge of the corpus) took a second at full scale, and every view asks for the list.
 */
export const documentNodeRow = ({ document, sections, items, responsibilities }: DocumentRecords) => ({
  ...documentRow(document),
  sectionCount: sections.length,
  itemCount: items.length,
  responsibilityCount: responsibilities.length,
});

/** A database written before the counts were stored gets them once, when a store opens it. */
export async function storeMissingDocumentCounts(tx: ManagedTransaction): Promise<void> {
  await tx.run(
    `MATCH (d:Document) WHERE d.itemCount IS NULL
     SET d.sectionCount = COUNT { (:Section {documentId: d.id}) },
         d.itemCount = COUNT { (:Item {documentId: d.id}) },
         d.responsibilityCount = COUNT { (:Unit)-[:${ANY_ROLE}]->(:Item {documentId: d.id}) }`,
  );
}

/**
 * Create or overwrite the :Document nodes (and their OF edge) and return what each had before:
 * its sha256 (null if new) and its metadata correction. The same bytes again leave the node as it
 * is, corrections included. Writing a node first locks it, so concurrent loads of one document run
 * one after the other; the caller passes the documents in id order, so two batches always lock in the same order.
 */
async function upsertDocuments(
  tx: ManagedTransaction,
  documents: DocumentRecords[],
): Promise<Map<string, { sha256: string | null; metadataEdit: string | null }>> {
  const result = await tx.run(
    `UNWIND $documents AS document
     MERGE (d:Document {id: document.id})
     WITH d, document, d.sha256 AS previous, d.metadataEdit AS metadataEdit
     CALL (d, document, previous) {
       WITH d, document, previous WHERE previous IS NULL OR previous <> document.sha256
       SET d = document {.*, jurisdiction: null}, d.year = toInteger(document.year), d.viewCount = toInteger(document.viewCount),
           d.sectionCount = toInteger(document.sectionCount), d.itemCount = toInteger(document.itemCount),
           d.responsibilityCount = toInteger(document.responsibilityCount)
       ${LINK_DOCUMENT_JURISDICTION}
     }
     RETURN d.id AS id, previous, metadataEdit`,
    { documents: documents.map(documentNodeRow) },
  );
  return new Map(
    result.records.map((record) => [record.get('id') as string, { sha256: record.get('previous'), metadataEdit: record.get('metadataEdit') }]),
  );
}

/** Every :Jurisdiction the rows name, with its chain up to national, linked by WITHIN. */
async function mergeJurisdictions(tx: ManagedTransaction, codes: Iterable<string | undefined>): Promise<void> {
  const rows = jurisdictionChains(codes).map(({ jurisdiction, parent }) => ({ ...jurisdiction, parent }));
  await tx.run(
    `UNWIND $rows AS row
     MERGE (j:Jurisdiction {code: row.code}) SET j.name = row.name, j.level = row.level`,
    { rows },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (j:Jurisdiction {code: row.code}), (parent:Jurisdiction {code: row.parent})
     MERGE (j)-[:WITHIN]->(parent)`,
    { rows: rows.filter((row) => row.parent !== null) },
  );
}

/**
 * The places items CONCERN (placeNodes): a government's :Jurisdiction (merged beforehand) gets the
 * :Place label, a region becomes a (:Place:Region) that INCLUDES its members' :Jurisdiction nodes.
 */
async function mergePlaces(tx: ManagedTransaction, places: ReturnType<typeof placeNodes>): Promise<void> {
  await tx.run('UNWIND $codes AS code MATCH (j:Jurisdiction {code: code}) SET j:Place', { codes: places.places });
  await tx.run(
    `UNWIND $regions AS region
     MERGE (r:Place:Region {code: region.code}) SET r.name = region.name, r.level = 'region'
     WITH r, region
     UNWIND region.members AS member
     MATCH (j:Jurisdiction {code: member})
     MERGE (r)-[:INCLUDES]->(j)`,
    { regions: places.regions.map(({ code, name, members }) => ({ code, name, members })) },
  );
}

/** Delete the jurisdictions nothing is OF, CONCERNS or INCLUDES and nothing lies WITHIN, leaves first, until none is left over. */
async function deleteOrphanJurisdictions(tx: ManagedTransaction): Promise<void> {
  // Regions no item concerns any more go first: their INCLUDES edges keep members alive.
  await tx.run('MATCH (r:Region) WHERE NOT EXISTS { (r)<-[:CONCERNS]-() } DETACH DELETE r');
  await tx.run('MATCH (p:Place:Jurisdiction) WHERE NOT EXISTS { (p)<-[:CONCERNS]-() } REMOVE p:Place');
  for (;;) {
    const result = await tx.run(
      `MATCH (j:Jurisdiction) WHERE NOT EXISTS { (j)<-[:OF|WITHIN|CONCERNS|INCLUDES]-() }
       DETACH DELETE j RETURN count(*) AS removed`,
    );
    if ((result.records[0]?.get('removed') ?? 0) === 0) return;
  }
}

async function unitsOfDocuments(tx: ManagedTransaction, documentIds: string[]): Promise<string[]> {
  const result = await tx.run(
    `MATCH (u:Unit)-[:${ANY_ROLE}]->(i:Item) WHERE i.documentId IN $documentIds RETURN DISTINCT u.id AS id`,
    { documentIds },
  );
  return result.records.map((record) => record.get('id') as string);
}

async function deleteDocumentsContent(tx: ManagedTransaction, documentIds: string[]): Promise<void> {
  await tx.run('MATCH (i:Item) WHERE i.documentId IN $documentIds DETACH DELETE i', { documentIds });
  await tx.run('MATCH (s:Section) WHERE s.documentId IN $documentIds DETACH DELETE s', { documentIds });
}

/**
 * For each (value, label) pair, a FOREACH that applies `action` to rows whose `field` equals
 * the value: one static statement serves every kind, instead of one statement each.
 */
const perValue = (field: string, table: Record<string, string>, action: (label: string) => string): string =>
  Object.entries(table)
    .map(([value, label]) => `FOREACH (_ IN CASE ${field} WHEN '${value}' THEN [1] ELSE [] END | ${action(label)})`)
    .join('\n');

/** Units by their scoped id, each OF its government's :Jurisdiction when that is known (merged beforehand). */
const MERGE_UNITS = `UNWIND $rows AS unit
  MERGE (u:Unit {id: unit.id})
  SET u = unit
  REMOVE u:${KIND_LABELS}
  ${perValue('unit.kind', UNIT_KIND_LABEL, (label) => `SET u:${label}`)}
  FOREACH (old IN [(u)-[r:OF]->() | r] | DELETE old)
  WITH u, unit
  MATCH (j:Jurisdiction {code: unit.jurisdiction})
  MERGE (u)-[:OF]->(j)`;

const ITEM_PROPERTIES = `{
  id: row.id, documentId: row.documentId, position: toInteger(row.position), no: toInteger(row.no),
  label: row.label, section: toInteger(row.section), sectionId: row.sectionId, parent: row.parent,
  title: row.title, text: row.text, start: toInteger(row.start), end: toInteger(row.end),
  clauseText: row.clause.text, clauseStart: toInteger(row.clause.start), clauseEnd: toInteger(row.clause.end),
  clauseTextStart: toInteger(row.clause.textStart), clauseTextEnd: toInteger(row.clause.textEnd),
  deadlines: row.deadlines, targets: row.targets, deadlineDates: row.deadlineDates, hasTarget: row.hasTarget
}`;

/**
 * The places a new item's body names, as (i)-[:CONCERNS]->(:Place) edges carrying the mention and
 * its offsets (mergePlaces made the nodes). A unit subquery, so items without places pass on.
 */
const CREATE_CONCERNS_OF_I = `WITH i, row
  CALL {
    WITH i, row
    UNWIND row.places AS place
    MATCH (p:Place {code: place.code})
    CREATE (i)-[:CONCERNS {mention: place.mention, zone: place.zone, start: toInteger(place.start), end: toInteger(place.end), documentId: row.documentId}]->(p)
  }`;

/**
 * Each new item's responsibility edges, created in the statement that creates the item: the item
 * is at hand, so no index seek per edge (a seek into the transaction's own uncommitted items was
 * the load's main cost). The type is a parameter, `$(e.type)` (Cypher 5.26 dynamic types), always
 * a value of ROLE_RELATIONSHIP set by toEdgeRow, never text a user sent.
 */
const CREATE_EDGES_OF_I = `WITH i, row
  UNWIND row.edges AS e
  MATCH (u:Unit {id: e.unitId})
  CREATE (u)-[:$(e.type) {
    nameAsWritten: e.nameAsWritten, inferred: e.inferred,
    start: toInteger(e.start), end: toInteger(e.end), documentId: e.documentId
  }]->(i)`;

/** Sections with their items and edges, nested, so the whole tree is written without looking anything up but units. */
const CREATE_SECTIONS = `UNWIND $rows AS section
  MATCH (d:Document {id: section.documentId})
  CREATE (s:Section {id: section.id, documentId: section.documentId, no: toInteger(section.no), label: section.label, title: section.title})
         -[:PART_OF]->(d)
  WITH s, section
  UNWIND section.items AS row
  CREATE (i:Item ${ITEM_PROPERTIES})-[:IN_SECTION]->(s)
  ${CREATE_CONCERNS_OF_I}
  ${CREATE_EDGES_OF_I}`;

/** Items of a document without sections hang off the document. */
const CREATE_LOOSE_ITEMS = `UNWIND $rows AS row
  MATCH (d:Document {id: row.documentId})
  CREATE (i:Item ${ITEM_PROPERTIES})-[:PART_OF]->(d)
  ${CREATE_CONCERNS_OF_I}
  ${CREATE_EDGES_OF_I}`;

export const toEdgeRow = ({ unitId, role, nameAsWritten, inferred, start, end, documentId }: ResponsibilityRecord) => ({
  unitId,
  type: ROLE_RELATIONSHIP[role],
  nameAsWritten,
  inferred,
  start,
  end,
  documentId,
});

/**
 * Deadlines and targets are the item's own (no other item shares one), so they live on the item:
 * as JSON for reading back whole, with the dated deadlines' days and a target flag beside them for
 * Cypher (`ANY(d IN i.deadlineDates WHERE d < '2024-07-01')`, `WHERE NOT i.hasTarget`).
 */
export function commitmentRow(commitments: ItemCommitments | undefined) {
  const places = (commitments?.places ?? []).map(({ code, mention, zone, start, end }) => ({ code, mention, zone: zone ?? null, start, end }));
  const deadlines = commitments?.deadlines ?? [];
  const targets = commitments?.targets ?? [];
  return {
    places,
    deadlines: JSON.stringify(deadlines),
    targets: JSON.stringify(targets),
    deadlineDates: deadlines.flatMap((deadline) => (deadline.date === null ? [] : [deadline.date])),
    hasTarget: targets.length > 0,
  };
}

/** Run `statement` over `rows` in UNWIND batches of about BATCH rows, each row counting `size(row)`. */
async function unwind<T>(tx: ManagedTransaction, statement: string, rows: T[], size: (row: T) => number = () => 1): Promise<void> {
  let batch: T[] = [];
  let filled = 0;
  for (const row of rows) {
    batch.push(row);
    filled += size(row);
    if (filled >= BATCH) {
      await tx.run(statement, { rows: batch });
      batch = [];
      filled = 0;
    }
  }
  if (batch.length > 0) await tx.run(statement, { rows: batch });
}

/** The sections of new documents with their items, and their items' edges, as CREATE_SECTIONS and CREATE_LOOSE_ITEMS take them. */
function contentRows(changed: DocumentRecords[]) {
  const edgesByItem = new Map<string, ReturnType<typeof toEdgeRow>[]>();
  for (const edge of changed.flatMap((records) => records.responsibilities)) {
    const list = edgesByItem.get(edge.itemId);
    if (list) list.push(toEdgeRow(edge));
    else edgesByItem.set(edge.itemId, [toEdgeRow(edge)]);
  }
  const commitmentsByItem = new Map(changed.flatMap((records) => records.commitments).map((c) => [c.itemId, c]));
  const itemsBySection = new Map<string, unknown[]>();
  const loose: Array<ItemRecord & { edges: unknown[] }> = [];
  for (const item of changed.flatMap((records) => records.items)) {
    const row = { ...item, ...commitmentRow(commitmentsByItem.get(item.id)), edges: edgesByItem.get(item.id) ?? [] };
    if (item.sectionId === null) loose.push(row);
    else itemsBySection.set(item.sectionId, [...(itemsBySection.get(item.sectionId) ?? []), row]);
  }
  const sections = changed.flatMap((records) => records.sections).map((section) => ({ ...section, items: itemsBySection.get(section.id) ?? [] }));
  const edgesOf = (item: { edges: unknown[] }) => 1 + item.edges.length;
  return {
    sections,
    loose,
    sectionSize: (section: (typeof sections)[number]) => 1 + (section.items as Array<{ edges: unknown[] }>).reduce((sum, item) => sum + edgesOf(item), 0),
    looseSize: edgesOf,
  };
}

/** Delete the candidate units no item names any more (with their OF edge). */
async function deleteOrphanUnits(tx: ManagedTransaction, unitIds: string[]): Promise<void> {
  await unwind(
    tx,
    `UNWIND $rows AS id
     MATCH (u:Unit {id: id})
     WHERE NOT EXISTS { (u)-[:${ANY_ROLE}]->() }
     DETACH DELETE u`,
    unitIds,
  );
}

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

/**
 * Write whole documents inside the caller's single transaction: any failure part-way (a broken
 * constraint, a lost connection) rolls all of them back. The statements run per batch, not per
 * document, so a thousand small documents cost the round trips of one. A document whose bytes
 * were loaded meanwhile by a concurrent caller is 'unchanged' and rewritten with equal values only.
 */
export async function writeDocuments(tx: ManagedTransaction, batch: DocumentRecords[]): Promise<Map<string, LoadOutcome>> {
  let version = await lockDataVersion(tx);
  const ordered = [...batch].sort((a, b) => (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0));
  const places = placeNodes(ordered.flatMap((records) => records.commitments));
  await mergeJurisdictions(tx, [
    ...ordered.map(({ document }) => document.jurisdiction?.code),
    ...ordered.flatMap(({ units }) => units.map((unit) => unit.jurisdiction)),
    ...places.jurisdictionCodes,
  ]);
  await mergePlaces(tx, places);
  const previous = await upsertDocuments(tx, ordered);
  const outcomes = new Map<string, LoadOutcome>();
  const changed = ordered.filter(({ document }) => {
    const before = previous.get(document.id)?.sha256 ?? null;
    outcomes.set(document.id, before === document.sha256 ? 'unchanged' : before === null ? 'created' : 'replaced');
    if (before === document.sha256) return false;
    if (before !== null) version = toggleDataVersion(version, versionEntry({ id: document.id, sha256: before }, previous.get(document.id)?.metadataEdit));
    version = toggleDataVersion(version, document);
    return true;
  });
  const replaced = changed.filter(({ document }) => outcomes.get(document.id) === 'replaced').map(({ document }) => document.id);
  const touched = replaced.length > 0 ? await unitsOfDocuments(tx, replaced) : [];
  if (replaced.length > 0) await deleteDocumentsContent(tx, replaced);

  const units = new Map(changed.flatMap((records) => records.units.map((unit) => [unit.id, unit] as const)));
  await unwind(tx, MERGE_UNITS, [...units.values()]);
  const content = contentRows(changed);
  await unwind(tx, CREATE_SECTIONS, content.sections, content.sectionSize);
  await unwind(tx, CREATE_LOOSE_ITEMS, content.loose, content.looseSize);
  await deleteOrphanUnits(tx, touched);
  await deleteOrphanJurisdictions(tx);
  await stageDataVersion(tx, version);
  return outcomes;
}

export async function deleteDocument(tx: ManagedTransaction, params: { documentId: string }): Promise<boolean> {
  const version = await lockDataVersion(tx);
  const found = await tx.run('MATCH (d:Document {id: $documentId}) RETURN d.id AS id, d.sha256 AS sha256, d.metadataEdit AS metadataEdit', params);
  const record = found.records[0];
  if (!record) return false;
  const touched = await unitsOfDocuments(tx, [params.documentId]);
  await deleteDocumentsContent(tx, [params.documentId]);
  await tx.run('MATCH (d:Document {id: $documentId}) DETACH DELETE d', params);
  await deleteOrphanUnits(tx, touched);
  await deleteOrphanJurisdictions(tx);
  const entry = versionEntry({ id: record.get('id'), sha256: record.get('sha256') }, record.get('metadataEdit'));
  await stageDataVersion(tx, toggleDataVersion(version, entry));
  return true;
}

/**
 * Write a metadata correction (graph/store DocumentMetadataPatch, applied by the caller) and move
 * the data version from the document's old entry to its new one. Null when there is no such document.
 */
export async function updateDocumentMetadata(
  tx: ManagedTransaction,
  params: { documentId: string; patch: DocumentMetadataPatch },
): Promise<{ document: DocumentMeta; sections: number; items: number; responsibilities: number } | null> {
  const version = await lockDataVersion(tx);
  const found = await tx.run(
    `MATCH (d:Document {id: $documentId}) RETURN ${DOCUMENT_OF_D} AS document, d.metadataEdit AS metadataEdit`,
    params,
  );
  const record = found.records[0];
  if (!record) return null;
  const before = documentFrom(record.get('document'));
  const { document, metadataEdit } = applyMetadataPatch(before, params.patch);
  await mergeJurisdictions(tx, [document.jurisdiction?.code]);
  const row = documentRow(document);
  await tx.run(
    `MATCH (d:Document {id: $documentId})
     SET d.title = $document.title, d.issuer = $document.issuer, d.publishedAt = $document.publishedAt,
         d.year = toInteger($document.year), d.metadataEdit = $metadataEdit
     WITH d, $document AS document
     ${LINK_DOCUMENT_JURISDICTION}`,
    { documentId: params.documentId, document: { issuer: null, publishedAt: null, year: null, ...row }, metadataEdit },
  );
  await deleteOrphanJurisdictions(tx);
  const next = toggleDataVersion(toggleDataVersion(version, versionEntry(before, record.get('metadataEdit'))), versionEntry(document, metadataEdit));
  await stageDataVersion(tx, next);
  const summary = (await listDocuments(tx, { documentIds: [params.documentId] }))[0];
  return summary ?? null;
}
