/**
 * Every Cypher statement of the Neo4j store, as named transaction functions. Values always
 * travel as $parameters. The only text spliced into a statement is a label or relationship
 * type taken from the model's fixed tables (UNIT_KIND_LABEL, ROLE_RELATIONSHIP), because
 * Cypher 5 cannot take those as parameters; nothing a user types ever reaches query text.
 * Results come back as plain domain records (the driver runs with disableLosslessIntegers).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import {
  DocumentMetaSchema,
  ROLE_RELATIONSHIP,
  UNIT_KIND_LABEL,
  UnitSchema,
  type DocumentMeta,
  type Unit,
  type UnitKind,
} from '../../model';
import { activeList, jurisdictionChains, placeNodes, scopesDocuments, type DocumentRecords, type ItemRecord, type ResponsibilityRecord, type SectionRecord } from '../records';
import { applyMetadataPatch, toggleDataVersion, versionEntry, type Owned } from '../results';
import { ItemCommitmentsSchema, type DocumentMetadataPatch, type DocumentScope, type ItemCommitments, type StoreStats } from '../types';
import { NODE_LABELS, RELATIONSHIP_TYPES, RESPONSIBILITY_TYPES, ROLE_OF_RELATIONSHIP } from '../vocabulary';

type Properties = Record<string, unknown>;

/**
 * What a function of a single statement needs: a transaction or a session, whose `run` is an auto-commit
 * transaction (one round trip, no BEGIN/COMMIT). Only functions that read once take it, so an auto-commit
 * read never sees two states of the graph.
 */
export type SingleStatementRunner = Pick<ManagedTransaction, 'run'>;

/** `LEADS|CO_RESPONSIBLE|…`: any responsibility edge. */
const ANY_ROLE = RESPONSIBILITY_TYPES.join('|');
const KIND_LABELS = Object.values(UNIT_KIND_LABEL).join(':');
/** Rows (nodes and edges) per UNWIND: large enough that round trips stop mattering, small enough to keep each message a few MB. */
const BATCH = 10_000;

/** `d`'s properties with its jurisdiction (from its OF edge) in place of the code. */
const DOCUMENT_OF_D = `d {.*, jurisdiction: COLLECT { MATCH (d)-[:OF]->(j:Jurisdiction) RETURN j {.code, .name, .level} }[0]}`;

/**
 * Point `d` (a :Document, `document.jurisdiction` its code or null) at its :Jurisdiction, replacing
 * the edge it had; the jurisdictions are merged beforehand (mergeJurisdictions).
 */
const LINK_DOCUMENT_JURISDICTION = `FOREACH (old IN [(d)-[r:OF]->() | r] | DELETE old)
       WITH d, document WHERE document.jurisdiction IS NOT NULL
       MATCH (j:Jurisdiction {code: document.jurisdiction})
       MERGE (d)-[:OF]->(j)`;

// ---------------------------------------------------------------------------------------------
// Schema

const SCHEMA = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT section_id IF NOT EXISTS FOR (s:Section) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT item_id IF NOT EXISTS FOR (i:Item) REQUIRE i.id IS UNIQUE',
  'CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (u:Unit) REQUIRE u.id IS UNIQUE',
  'CREATE CONSTRAINT jurisdiction_code IF NOT EXISTS FOR (j:Jurisdiction) REQUIRE j.code IS UNIQUE',
  'CREATE CONSTRAINT place_code IF NOT EXISTS FOR (p:Place) REQUIRE p.code IS UNIQUE',
  'CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE',
  'CREATE INDEX item_document IF NOT EXISTS FOR (i:Item) ON (i.documentId)',
  'CREATE INDEX section_document IF NOT EXISTS FOR (s:Section) ON (s.documentId)',
  // The CJK analyzer indexes Chinese as overlapping bigrams, so 数据要素 finds what a reader expects. Eventually
  // consistent: Lucene indexing every item text inside the commit was a third of a bulk load's time, and these
  // indexes serve people querying Neo4j directly (the product's own search does not use them).
  "CREATE FULLTEXT INDEX item_text IF NOT EXISTS FOR (i:Item) ON EACH [i.title, i.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}",
  "CREATE FULLTEXT INDEX unit_names IF NOT EXISTS FOR (u:Unit) ON EACH [u.name, u.shortName, u.nameEn] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}",
];

/** Each schema statement in its own transaction: Neo4j does not mix schema changes. */
export const schemaStatements = (): Array<(tx: ManagedTransaction) => Promise<void>> =>
  SCHEMA.map((statement) => async (tx: ManagedTransaction) => {
    await tx.run(statement);
  });

export async function ping(tx: SingleStatementRunner): Promise<void> {
  await tx.run('RETURN 1');
}

// ---------------------------------------------------------------------------------------------
// Loading and removing

// ---------------------------------------------------------------------------------------------
// The data version: one (:GraphVersion {id: 'graph'}) node holding toggleDataVersion's digest.
// Every write transaction locks it first and updates it last, so readers see a version that
// moves with the data in the same commit, and concurrent writers queue instead of deadlocking.

/** Whether the database holds anything but the version node: a bulk import only fills an empty one. */
export async function holdsData(tx: SingleStatementRunner): Promise<boolean> {
  const result = await tx.run('RETURN EXISTS { MATCH (n) WHERE NOT n:GraphVersion } AS holds');
  return result.records[0]?.get('holds') === true;
}

export async function dataVersion(tx: SingleStatementRunner): Promise<string> {
  const result = await tx.run("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.digest AS digest");
  return (result.records[0]?.get('digest') as string | undefined) ?? '';
}

async function lockDataVersion(tx: ManagedTransaction): Promise<string> {
  const result = await tx.run(
    "MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.digest = '' SET v.writtenAt = datetime() RETURN v.digest AS digest",
  );
  return result.records[0]?.get('digest') as string;
}

async function setDataVersion(tx: ManagedTransaction, digest: string): Promise<void> {
  await tx.run("MATCH (v:GraphVersion {id: 'graph'}) SET v.digest = $digest", { digest });
}

/** A database written before the version node existed gets one computed from its documents. */
export async function initDataVersion(tx: ManagedTransaction): Promise<void> {
  const found = await tx.run("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.id");
  if (found.records.length > 0) return;
  const documents = await tx.run('MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha256, d.metadataEdit AS metadataEdit');
  const digest = documents.records.reduce(
    (version, record) => toggleDataVersion(version, versionEntry({ id: record.get('id'), sha256: record.get('sha256') }, record.get('metadataEdit'))),
    '',
  );
  await tx.run("MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.digest = $digest", { digest });
}

/** The stored sha256 of each of these documents that exists. */
export async function documentSha256s(tx: ManagedTransaction, params: { documentIds: string[] }): Promise<Map<string, string>> {
  const result = await tx.run('MATCH (d:Document) WHERE d.id IN $documentIds RETURN d.id AS id, d.sha256 AS sha256', params);
  return new Map(result.records.map((record) => [record.get('id') as string, record.get('sha256') as string]));
}

/** A document's properties on its node: its jurisdiction is not one, but the (:Document)-[:OF]->(:Jurisdiction) edge. */
export const documentRow = ({ jurisdiction, ...properties }: DocumentMeta) => ({ ...properties, jurisdiction: jurisdiction?.code ?? null });

/**
 * Create or overwrite the :Document nodes (and their OF edge) and return what each had before:
 * its sha256 (null if new) and its metadata correction. The same bytes again leave the node as it
 * is, corrections included. Writing a node first locks it, so concurrent loads of one document run
 * one after the other; the caller passes the documents in id order, so two batches always lock in the same order.
 */
async function upsertDocuments(
  tx: ManagedTransaction,
  documents: DocumentMeta[],
): Promise<Map<string, { sha256: string | null; metadataEdit: string | null }>> {
  const result = await tx.run(
    `UNWIND $documents AS document
     MERGE (d:Document {id: document.id})
     WITH d, document, d.sha256 AS previous, d.metadataEdit AS metadataEdit
     CALL (d, document, previous) {
       WITH d, document, previous WHERE previous IS NULL OR previous <> document.sha256
       SET d = document {.*, jurisdiction: null}, d.year = toInteger(document.year), d.viewCount = toInteger(document.viewCount)
       ${LINK_DOCUMENT_JURISDICTION}
     }
     RETURN d.id AS id, previous, metadataEdit`,
    { documents: documents.map(documentRow) },
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
  const previous = await upsertDocuments(tx, ordered.map((records) => records.document));
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
  await setDataVersion(tx, version);
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
  await setDataVersion(tx, toggleDataVersion(version, entry));
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
  await setDataVersion(tx, next);
  const summary = (await listDocuments(tx, { documentIds: [params.documentId] }))[0];
  return summary ?? null;
}

// ---------------------------------------------------------------------------------------------
// Property maps → records

/** A :Document's properties with its jurisdiction, as DOCUMENT_OF_D projects them. */
function documentFrom({ jurisdiction, metadataEdit: _metadataEdit, ...properties }: Properties): DocumentMeta {
  return DocumentMetaSchema.parse({ ...properties, ...(jurisdiction ? { jurisdiction } : {}) });
}
const unitFrom = (properties: Properties): Unit => UnitSchema.parse(properties);

function sectionFrom(properties: Properties): SectionRecord {
  const { id, documentId, no, label, title } = properties as SectionRecord;
  return { id, documentId, no, label, title };
}

function itemFrom(p: Properties): ItemRecord {
  const text = (key: string) => p[key] as string;
  const number = (key: string) => p[key] as number;
  return {
    id: text('id'),
    documentId: text('documentId'),
    position: number('position'),
    no: number('no'),
    label: text('label'),
    section: (p.section as number | undefined) ?? null,
    sectionId: (p.sectionId as string | undefined) ?? null,
    ...(p.parent === undefined ? {} : { parent: text('parent') }),
    title: text('title'),
    text: text('text'),
    start: number('start'),
    end: number('end'),
    clause:
      p.clauseText === undefined
        ? null
        : {
            text: text('clauseText'),
            start: number('clauseStart'),
            end: number('clauseEnd'),
            textStart: number('clauseTextStart'),
            textEnd: number('clauseTextEnd'),
          },
  };
}

interface EdgeRow {
  type: string;
  edge: Properties;
  itemId: string;
  position: number;
}

function edgeFrom({ type, edge, itemId, position }: EdgeRow, unitId: string): ResponsibilityRecord {
  const role = ROLE_OF_RELATIONSHIP[type];
  if (!role) throw new Error(`neo4j store: ${type} is not a responsibility type`);
  return {
    itemId,
    unitId,
    role,
    inferred: edge.inferred as boolean,
    nameAsWritten: edge.nameAsWritten as string,
    start: edge.start as number,
    end: edge.end as number,
    documentId: edge.documentId as string,
    position,
  };
}

/** The owners pattern: every responsibility edge into `i`, with its unit. */
const OWNERS_OF_I = `COLLECT {
  MATCH (u:Unit)-[r:${ANY_ROLE}]->(i)
  RETURN {type: type(r), edge: properties(r), itemId: i.id, position: i.position, unit: properties(u)}
}`;

function ownedFrom(rows: Array<EdgeRow & { unit: Properties }>): Owned[] {
  return rows.map((row) => {
    const unit = unitFrom(row.unit);
    return { edge: edgeFrom(row, unit.id), unit };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * `node` is OF the jurisdiction `$<param>` or, when `within` (a Cypher boolean) holds, OF a place
 * WITHIN it at any depth: the scope follows the graph's own chain of jurisdictions.
 */
const ofJurisdiction = (node: string, param: string, within: string) => `EXISTS {
  MATCH (${node})-[:OF]->(j:Jurisdiction)
  WHERE j.code = $${param} OR (${within} AND EXISTS { (j)-[:WITHIN*1..]->(:Jurisdiction {code: $${param}}) })
}`;

/** The ids of the documents a scope selects (graph/store DocumentScope); null when it selects them all. */
async function documentsInScope(tx: ManagedTransaction, scope: DocumentScope): Promise<string[] | null> {
  if (!scopesDocuments(scope)) return null;
  const result = await tx.run(
    `MATCH (d:Document)
     WHERE ($documents IS NULL OR d.id IN $documents)
       AND ($yearFrom IS NULL OR d.year >= $yearFrom) AND ($yearTo IS NULL OR d.year <= $yearTo)
       AND ($jurisdiction IS NULL OR ${ofJurisdiction('d', 'jurisdiction', '$includeWithin')})
     RETURN d.id AS id`,
    {
      documents: activeList(scope.documents),
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
    `MATCH (d:Document) WHERE $documentIds IS NULL OR d.id IN $documentIds
     RETURN ${DOCUMENT_OF_D} AS document,
            COUNT { (:Section {documentId: d.id}) } AS sections,
            COUNT { (:Item {documentId: d.id}) } AS items,
            COUNT { (:Unit)-[:${ANY_ROLE}]->(:Item {documentId: d.id}) } AS responsibilities`,
    params,
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

export async function getItem(
  tx: SingleStatementRunner,
  params: { itemId: string },
): Promise<{ item: ItemRecord; document: DocumentMeta; section: SectionRecord | null; owners: Owned[] } | null> {
  const result = await tx.run(
    `MATCH (i:Item {id: $itemId})
     MATCH (d:Document {id: i.documentId})
     OPTIONAL MATCH (i)-[:IN_SECTION]->(s:Section)
     RETURN properties(i) AS item, ${DOCUMENT_OF_D} AS document, properties(s) AS section, ${OWNERS_OF_I} AS owners`,
    params,
  );
  const record = result.records[0];
  if (!record) return null;
  const section = record.get('section') as Properties | null;
  return {
    item: itemFrom(record.get('item')),
    document: documentFrom(record.get('document')),
    section: section && sectionFrom(section),
    owners: ownedFrom(record.get('owners')),
  };
}

export async function getUnit(
  tx: SingleStatementRunner,
  params: { unitId: string },
): Promise<{
  unit: Unit;
  entries: Array<{ edge: ResponsibilityRecord; item: ItemRecord; section: SectionRecord | null }>;
  partners: Array<{ unit: Unit; sharedItems: number }>;
  documents: DocumentMeta[];
} | null> {
  const result = await tx.run(
    `MATCH (u:Unit {id: $unitId})
     RETURN properties(u) AS unit,
            COLLECT {
              MATCH (u)-[r:${ANY_ROLE}]->(i:Item)
              OPTIONAL MATCH (i)-[:IN_SECTION]->(s:Section)
              RETURN {type: type(r), edge: properties(r), itemId: i.id, position: i.position,
                      item: properties(i), section: properties(s)}
            } AS entries,
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
    params,
  );
  const record = result.records[0];
  if (!record) return null;
  const unit = unitFrom(record.get('unit'));
  const entries = record.get('entries') as Array<EdgeRow & { item: Properties; section: Properties | null }>;
  const partners = record.get('partners') as Array<{ unit: Properties; sharedItems: number }>;
  return {
    unit,
    entries: entries.map((row) => ({
      edge: edgeFrom(row, unit.id),
      item: itemFrom(row.item),
      section: row.section && sectionFrom(row.section),
    })),
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

const ITEM_SEARCH = `MATCH (i:Item)
  WHERE ($documents IS NULL OR i.documentId IN $documents)
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
  const counted = await tx.run(`${ITEM_SEARCH} RETURN count(i) AS total`, filters);
  const page = await tx.run(
    `${ITEM_SEARCH}
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
  const result = await tx.run(
    `MATCH (u:Unit)
     WHERE ($kind IS NULL OR u.kind = $kind) AND ($unitFunction IS NULL OR u.function = $unitFunction)
       AND ($level IS NULL OR u.level = $level)
       AND ($needle IS NULL OR any(name IN [u.name, u.shortName, coalesce(u.nameEn, '')] + coalesce(u.aliases, [])
                                   WHERE toLower(name) CONTAINS $needle))
       AND ($unitJurisdiction IS NULL OR ${ofJurisdiction('u', 'unitJurisdiction', 'true')})
       AND ($documents IS NULL OR EXISTS { MATCH (u)-[r:${ANY_ROLE}]->(:Item) WHERE r.documentId IN $documents })
     RETURN properties(u) AS unit`,
    { ...rest, documents: await documentsInScope(tx, scope) },
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
    `MATCH (d:Document) WHERE $documents IS NULL OR d.id IN $documents RETURN ${DOCUMENT_OF_D} AS document`,
    params,
  );
  const sections = await tx.run(
    `MATCH (s:Section)
     WHERE ($documents IS NULL OR s.documentId IN $documents) AND ($sections IS NULL OR s.id IN $sections)
     RETURN properties(s) AS section`,
    params,
  );
  // A snapshot holds item references, not texts: leaving the text out halves what a whole-graph snapshot moves.
  const items = await tx.run(
    `MATCH (i:Item)
     WHERE ($documents IS NULL OR i.documentId IN $documents) AND ($sections IS NULL OR i.sectionId IN $sections)
     RETURN i {.*, text: ''} AS item`,
    params,
  );
  // Each edge names its unit by id; the units come once each afterwards. Unit properties on every edge row
  // (and a schema check per row) made a whole-graph snapshot cost a million unit parses for 3,000 units.
  const edges = await tx.run(
    `MATCH (u:Unit)-[r:${ANY_ROLE}]->(i:Item)
     WHERE ($documents IS NULL OR i.documentId IN $documents) AND ($sections IS NULL OR i.sectionId IN $sections)
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
    `MATCH (i:Item) WHERE $documents IS NULL OR i.documentId IN $documents
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
