import { z } from 'zod';
import {
  ClauseSchema,
  DocumentMetaSchema,
  RoleSchema,
  SectionSchema,
  UnitKindSchema,
  UnitSchema,
  type ParsedDocument,
  type Unit,
} from '../model';

/** What lists and edges show of a unit. */
export const UnitSummarySchema = UnitSchema.pick({
  id: true,
  name: true,
  shortName: true,
  nameEn: true,
  kind: true,
  jurisdiction: true,
  level: true,
  function: true,
  provisional: true,
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

/** What lists, snapshots and links show of an item. */
export const ItemRefSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  no: z.number().int(),
  label: z.string(),
  title: z.string(),
  /** Section id (`<documentId>/section-2`), null when the document has no sections. */
  sectionId: z.string().nullable(),
  clause: ClauseSchema.nullable(),
});
export type ItemRef = z.infer<typeof ItemRefSchema>;

/** One responsibility edge (:Unit)-[role]->(:Item), with its provenance. */
export const ResponsibilitySchema = z.object({
  itemId: z.string(),
  unitId: z.string(),
  role: RoleSchema,
  inferred: z.boolean(),
  nameAsWritten: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  documentId: z.string(),
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

export const DocumentSummarySchema = DocumentMetaSchema.omit({ preamble: true }).extend({
  sections: z.number().int(),
  items: z.number().int(),
  responsibilities: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

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

export const UnitDetailSchema = z.object({
  unit: UnitSchema,
  /** Every item the unit answers for, with the role and the words that say so. */
  items: z.array(
    z.object({
      role: RoleSchema,
      inferred: z.boolean(),
      nameAsWritten: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      item: ItemRefSchema,
    }),
  ),
  /** Units sharing at least one item, most shared first (ties by id). */
  partners: z.array(z.object({ unit: UnitSummarySchema, sharedItems: z.number().int().positive() })),
  /** Sections the unit touches, with how many of its items stand in each. */
  sections: z.array(z.object({ documentId: z.string(), section: SectionSchema, items: z.number().int() })),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

/** Filters shared by search, drawing and analytics. Empty arrays and undefined mean "all". */
export const GraphFilterSchema = z.object({
  documents: z.array(z.string()).optional(),
  sections: z.array(z.string()).optional(),
  roles: z.array(RoleSchema).optional(),
  unitKinds: z.array(UnitKindSchema).optional(),
  units: z.array(z.string()).optional(),
});
export type GraphFilter = z.infer<typeof GraphFilterSchema>;

export const ItemQuerySchema = z.object({
  /** Case-insensitive substring of label, title or text. */
  q: z.string().optional(),
  documents: z.array(z.string()).optional(),
  sections: z.array(z.string()).optional(),
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

export const UnitQuerySchema = z.object({
  q: z.string().optional(),
  kind: UnitKindSchema.optional(),
});
export type UnitQuery = z.input<typeof UnitQuerySchema>;

/** Everything the analytics need, in plain data: the same from both stores. */
export const SnapshotSchema = z.object({
  documents: z.array(DocumentMetaSchema.pick({ id: true, title: true, sha256: true, year: true, jurisdiction: true })),
  sections: z.array(SectionSchema.extend({ documentId: z.string() })),
  units: z.array(UnitSummarySchema),
  items: z.array(ItemRefSchema),
  responsibilities: z.array(ResponsibilitySchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

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
  listDocuments(): Promise<DocumentSummary[]>;
  /**
   * A digest of the loaded documents' ids and bytes (toggleDataVersion): equal data, equal
   * version, in either store; '' when empty. One stored value, so callers can key caches on it
   * per request however large the graph.
   */
  dataVersion(): Promise<string>;
  getDocument(id: string): Promise<DocumentDetail | null>;
  getItem(id: string): Promise<ItemDetail | null>;
  getUnit(id: string): Promise<UnitDetail | null>;
  searchItems(query: ItemQuery): Promise<ItemPage>;
  searchUnits(query: UnitQuery): Promise<UnitSummary[]>;
  /** The (filtered) graph as plain data, for drawing and for the analytics. */
  snapshot(filter?: GraphFilter): Promise<Snapshot>;
  stats(): Promise<StoreStats>;
}
