import { z } from 'zod';
import type { CommunityMemory, SavedView, SavedViewSummary } from './explorerState';
import {
  DocumentMetaSchema,
  type DocumentScope,
  DocumentScopeSchema,
  type GraphFilter,
  type ItemCommitments,
  ItemRefSchema,
  JurisdictionLevelSchema,
  JurisdictionSchema,
  PageInfoSchema,
  type ParsedDocument,
  RoleSchema,
  SectionSchema,
  type Snapshot,
  type Unit,
  UnitFunctionSchema,
  UnitKindSchema,
  UnitSchema,
  type UnitSummary,
  UnitSummarySchema,
} from '../model';

export const DocumentSummarySchema = DocumentMetaSchema.omit({ preamble: true }).extend({
  sections: z.number().int(),
  items: z.number().int(),
  responsibilities: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/**
 * A correction of a document's metadata (the ingest detects them, a person may know better).
 * Fields left out stay as they are; null clears an optional one. Only the metadata changes: the
 * bytes, items and edges stay, so a re-ingest of new bytes starts again from what the parser finds.
 */
export const DocumentMetadataPatchSchema = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  issuer: z.string().trim().min(1).max(200).nullable().optional(),
  publishedAt: DocumentMetaSchema.shape.publishedAt.unwrap().nullable().optional(),
  year: z.number().int().min(1000).max(9999).nullable().optional(),
  jurisdiction: JurisdictionSchema.nullable().optional(),
});
export type DocumentMetadataPatch = z.infer<typeof DocumentMetadataPatchSchema>;

export const DocumentDetailSchema = z.object({
  document: DocumentMetaSchema,
  sections: z.array(SectionSchema.extend({ items: z.number().int() })),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const OwnerSchema = z.object({
  role: RoleSchema,
  inferred: z.boolean(),
  nameAsWritten: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  unit: UnitSummarySchema,
});
export type Owner = z.infer<typeof OwnerSchema>;

export const ItemDetailSchema = z.object({
  item: ItemRefSchema.extend({
    section: z.number().int().nullable(),
    parent: z.string().optional(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  }),
  document: DocumentMetaSchema.pick({ id: true, title: true, sha256: true, publishedAt: true, issuer: true }),
  section: SectionSchema.nullable(),
  /** Ordered by role (lead, co, support, implement, guide), then by position in the clause. */
  owners: z.array(OwnerSchema),
});
export type ItemDetail = z.infer<typeof ItemDetailSchema>;


/** Which of a unit's items its page lists: `limit` of them from `offset`, of one role when asked. */
export const UnitPageQuerySchema = z.object({
  role: RoleSchema.optional(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
export type UnitPageQuery = z.infer<typeof UnitPageQuerySchema>;

const count = z.number().int().nonnegative();

export const UnitItemCountsSchema = z.object({
  total: count.describe('Items the unit answers for, in any role (an item held in two roles counts twice).'),
  byRole: z.record(RoleSchema, count),
  byDocument: z.array(z.object({ documentId: z.string(), items: count })).describe('In the order of `documents`.'),
});
export type UnitItemCounts = z.infer<typeof UnitItemCountsSchema>;

/** Sections a unit page lists, those holding most of its items first: the busiest unit stands in thousands (866 kB). */
export const UNIT_SECTIONS_SHOWN = 100;

/**
 * A unit's page: one page of its items, their counts in full, its busiest sections, every partner and document. The
 * busiest unit at full scale answers for 15,456 items (15 MB read from Neo4j): a store reads the page, not the list.
 */
export const UnitPageSchema = z.object({
  unit: UnitSchema,
  /** One page of the items it answers for (of `role` alone, when asked), with the role and the words that say so. */
  items: z
    .array(
      z.object({
        role: RoleSchema,
        inferred: z.boolean(),
        nameAsWritten: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        item: ItemRefSchema,
      }),
    )
    .describe('One page of the items (of `role` alone, when asked), by role, then as stored.'),
  itemPage: PageInfoSchema.describe('Where `items` stands among the items asked for.'),
  itemCounts: UnitItemCountsSchema,
  /** Units sharing at least one item, most shared first (ties by id). */
  partners: z.array(z.object({ unit: UnitSummarySchema, sharedItems: z.number().int().positive() })),
  /** The documents its items come from, so that two （八） of different plans can be told apart. */
  documents: z.array(DocumentMetaSchema.pick({ id: true, title: true, year: true })),
  sections: z
    .array(z.object({ documentId: z.string(), section: SectionSchema, items: z.number().int() }))
    .describe(`The sections holding most of its items, at most ${UNIT_SECTIONS_SHOWN}, most items first, each with how many stand in it.`),
  sectionCount: count.describe('Sections the unit touches in all.'),
});
export type UnitPage = z.infer<typeof UnitPageSchema>;

export const ItemQuerySchema = DocumentScopeSchema.extend({
  /** Case-insensitive substring of label, title or text. */
  q: z.string().optional(),
  section: z.array(z.string()).optional(),
  /** Only items where `unit` (or any unit, if unset) holds this role. */
  role: RoleSchema.optional(),
  unit: z.string().optional(),
  page: z.number().int().positive().default(1),
  pageSize: z.number().int().positive().max(500).default(50),
});
export type ItemQuery = z.input<typeof ItemQuerySchema>;

export const ItemPageSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ItemRefSchema.extend({ leads: z.array(UnitSummarySchema) })),
});
export type ItemPage = z.infer<typeof ItemPageSchema>;

/** Units named in the plans in scope, by name or alias, kind and their own jurisdiction. */
export const UnitQuerySchema = DocumentScopeSchema.extend({
  /** Case-insensitive substring of the name, short name, English name or an alias. */
  q: z.string().optional(),
  kind: UnitKindSchema.optional(),
  function: UnitFunctionSchema.optional(),
  /** The level of the unit's own government. */
  level: JurisdictionLevelSchema.optional(),
  /** The unit's own government (GB/T 2260 code), places within it included. */
  unitJurisdiction: DocumentScopeSchema.shape.jurisdiction,
});
export type UnitQuery = z.input<typeof UnitQuerySchema>;

export const LoadResultSchema = z.object({
  documentId: z.string(),
  /** created: new id; replaced: new bytes for a known id; unchanged: same sha256 already loaded. */
  outcome: z.enum(['created', 'replaced', 'unchanged']),
  items: z.number().int(),
  units: z.number().int(),
  responsibilities: z.number().int(),
});
export type LoadResult = z.infer<typeof LoadResultSchema>;

/** One document of a batch load, with every unit its assignments reference. */
export interface DocumentLoad {
  document: ParsedDocument;
  units: Unit[];
}

export const StoreStatsSchema = z.object({
  nodes: z.record(z.string(), z.number().int()),
  relationships: z.record(z.string(), z.number().int()),
});
export type StoreStats = z.infer<typeof StoreStatsSchema>;

/**
 * The one interface both stores implement; the contract suite (tests/store/contract.ts)
 * runs unchanged against each and expects identical answers.
 */
export interface GraphStore {
  readonly kind: 'memory' | 'neo4j';
  /** Create constraints and indexes (idempotent). */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the store answers; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  /**
   * Load one parsed document atomically. `units` holds every unit its assignments reference
   * (registry and provisional). Same sha256 → unchanged; same id, new bytes → replaced whole.
   */
  loadDocument(document: ParsedDocument, units: Unit[]): Promise<LoadResult>;
  /**
   * Load several documents in one atomic write: all of them land or none does, each whole. The
   * bulk path (CLI ingest, seeds, benchmarks): one transaction and a handful of statements for the
   * lot, where one transaction per document pays the round trips and the commit every time.
   * A document id may appear only once per batch. Results come back in the order given.
   */
  loadDocuments(batch: DocumentLoad[]): Promise<LoadResult[]>;
  /** Remove a document, its sections, items and edges, and units nothing else references. */
  removeDocument(id: string): Promise<boolean>;
  /** The loaded documents, or those a scope selects. */
  listDocuments(scope?: DocumentScope): Promise<DocumentSummary[]>;
  /**
   * Correct a document's metadata; null when there is no such document. The data version moves,
   * since answers filtered by year or jurisdiction may change with it.
   */
  updateDocumentMetadata(id: string, patch: DocumentMetadataPatch): Promise<DocumentSummary | null>;
  /**
   * A digest of the loaded documents' ids and bytes (toggleDataVersion): equal data, equal
   * version, in either store; '' when empty. One stored value, so callers can key caches on it
   * per request however large the graph.
   */
  dataVersion(): Promise<string>;
  getDocument(id: string): Promise<DocumentDetail | null>;
  getItem(id: string): Promise<ItemDetail | null>;
  /** One page of a unit's items with their counts, its busiest sections, partners and documents; null when unknown. */
  getUnit(id: string, page: UnitPageQuery): Promise<UnitPage | null>;
  searchItems(query: ItemQuery): Promise<ItemPage>;
  searchUnits(query: UnitQuery): Promise<UnitSummary[]>;
  /** The (filtered) graph as plain data, for drawing and for the analytics. */
  snapshot(filter?: GraphFilter): Promise<Snapshot>;
  /** Each item's places, deadlines and targets in the plans a scope selects, by document id, then reading order. */
  commitments(scope?: DocumentScope): Promise<ItemCommitments[]>;
  stats(): Promise<StoreStats>;
  /** Store a saved view (its id is new: views are immutable once saved). Not part of the data version. */
  saveView(view: SavedView): Promise<void>;
  /** Saved views, newest first, without their positions. */
  listViews(): Promise<SavedViewSummary[]>;
  getView(id: string): Promise<SavedView | null>;
  deleteView(id: string): Promise<boolean>;
  /** The remembered community partition; null before anything was remembered. */
  communityMemory(): Promise<CommunityMemory | null>;
  rememberCommunities(memory: CommunityMemory): Promise<void>;
}
