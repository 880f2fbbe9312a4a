/**
 * Every body the HTTP API answers with. Routes answer through these schemas, and `.meta({ id })`
 * names each as a component of the OpenAPI document (server/openapi.ts).
 */
import { z } from 'zod';
import {
  AssignmentSchema,
  ClauseSchema,
  DocumentMetaSchema,
  JurisdictionSchema,
  PageInfoSchema,
  ParseWarningSchema,
  WarningsOmittedSchema,
  SectionSchema,
  UnitSummarySchema,
} from '../model';
import {
  DocumentDetailSchema,
  DocumentSummarySchema,
  ItemDetailSchema,
  ItemPageSchema,
  LoadResultSchema,
  UnitPageSchema,
} from '../store/types';
import { SavedViewSchema, SavedViewSummarySchema } from '../store/explorerState';
import {
  GapReportSchema,
  NetworkOptionsSchema,
  NetworkReportSchema,
  NodeMetricsSchema,
  WorkloadReportSchema,
} from '../analytics/types';
import { CommitmentListSchema, DueReportSchema } from '../analytics/commitmentReports';
import {
  PlaceItemsSchema,
  PlaceTilesSchema,
  TimelinePageSchema,
  UnmeasuredPageSchema,
} from '../analytics/pages';
import { CytoscapeGraphSchema, ProvenanceSchema } from '../export/types';
import { ComparablePlanSchema, ComparisonSchema, LineageReportSchema } from '../compare/types';

export const DocumentMetadataResponseSchema = z.object({ document: DocumentSummarySchema }).meta({ id: 'DocumentMetadataResponse' });
export type DocumentMetadataResponse = z.infer<typeof DocumentMetadataResponseSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({
    /** Stable, machine-readable: invalid_parameter, not_found, unauthorized, forbidden, … */
    code: z.string(),
    /** For a person; names the field, or the line and column of a document. */
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}).meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HealthResponseSchema = z.object({ status: z.literal('ok') }).meta({ id: 'HealthResponse' });

/** `/api/openapi.json`: an OpenAPI 3.1 document (its full shape is the OpenAPI specification's own schema). */
export const OpenApiResponseSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
}).meta({ id: 'OpenApiResponse' });
export const ReadyResponseSchema = z.object({
  status: z.literal('ready'),
  store: z.enum(['memory', 'neo4j']),
  analyticsComputing: z
    .number()
    .int()
    .nonnegative()
    .describe('Analyses being computed in the background now (after a write, or at start-up before anyone asks); 0 when every kept answer is current.'),
}).meta({ id: 'ReadyResponse' });
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

export const DocumentListResponseSchema = z.object({ documents: z.array(DocumentSummarySchema) }).meta({ id: 'DocumentListResponse' });
export type DocumentListResponse = z.infer<typeof DocumentListResponseSchema>;

export const DocumentDetailResponseSchema = DocumentDetailSchema.meta({ id: 'DocumentDetailResponse' });
export type DocumentDetailResponse = z.infer<typeof DocumentDetailResponseSchema>;

export const ItemPageResponseSchema = ItemPageSchema.meta({ id: 'ItemPageResponse' });
export type ItemPageResponse = z.infer<typeof ItemPageResponseSchema>;

/** Owners carry nameAsWritten, unit.name (registry), unit.nameEn, unit.kind and inferred. */
export const ItemDetailResponseSchema = ItemDetailSchema.meta({ id: 'ItemDetailResponse' });
export type ItemDetailResponse = z.infer<typeof ItemDetailResponseSchema>;

export const UnitListResponseSchema = z.object({
  units: z.array(UnitSummarySchema),
  /** The jurisdictions those units belong to, named from the division table (unknown ones are left out). */
  jurisdictions: z.array(JurisdictionSchema),
}).meta({ id: 'UnitListResponse' });
export type UnitListResponse = z.infer<typeof UnitListResponseSchema>;

export const UnitDetailResponseSchema = UnitPageSchema.extend({
  /** The unit's place in the coordination network; null when it is not in it (generic units by default). */
  metrics: NodeMetricsSchema.omit({ unit: true }).nullable(),
  /** The network parameters the metrics were computed with. */
  parameters: NetworkOptionsSchema,
}).meta({ id: 'UnitDetailResponse' });
export type UnitDetailResponse = z.infer<typeof UnitDetailResponseSchema>;

/**
 * What every analysis answer says of its age. Analyses are computed in the background after each write;
 * until the new one is complete, the last one is served, stale, with a Retry-After header.
 */
export const FreshnessSchema = z.object({
  dataVersion: z
    .string()
    .describe(
      'The data version the answer reflects (a digest of the loaded documents; empty when none is loaded). While a write ' +
        'is being made visible in Neo4j it is pending, the digest followed by ~ and an id, and the answer is stale.',
    ),
  stale: z
    .boolean()
    .describe('True while a newer answer (for data loaded since) is being computed; ask again after Retry-After seconds.'),
});
export type Freshness = z.infer<typeof FreshnessSchema>;

export const WorkloadResponseSchema = WorkloadReportSchema.extend(FreshnessSchema.shape).meta({ id: 'WorkloadResponse' });
export type WorkloadResponse = z.infer<typeof WorkloadResponseSchema>;

export const GapsResponseSchema = GapReportSchema.extend({
  ...FreshnessSchema.shape,
  ...PageInfoSchema.shape,
  total: PageInfoSchema.shape.total.describe('Gaps with the `reason` asked (every gap without one); `gaps` holds `limit` of them from `offset`.'),
}).meta({ id: 'GapsResponse' });
export type GapsResponse = z.infer<typeof GapsResponseSchema>;

/** Cytoscape elements; `truncated` is null, or says what the limit left out. */
export const NetworkResponseSchema = CytoscapeGraphSchema.extend(FreshnessSchema.shape).meta({ id: 'NetworkResponse' });
export type NetworkResponse = z.infer<typeof NetworkResponseSchema>;

export const MetricsResponseSchema = NetworkReportSchema.extend(FreshnessSchema.shape).meta({ id: 'MetricsResponse' });
export type MetricsResponse = z.infer<typeof MetricsResponseSchema>;

/** The Louvain communities with their members spelled out. */
export const CommunitiesResponseSchema = FreshnessSchema.extend({
  parameters: NetworkOptionsSchema,
  count: z.number().int().nonnegative(),
  modularity: z.number(),
  communities: z.array(
    z.object({
      id: z.number().int().nonnegative(),
      size: z.number().int().positive(),
      /** Highest weighted degree first. */
      members: z.array(UnitSummarySchema),
    }),
  ),
}).meta({ id: 'CommunitiesResponse' });
export type CommunitiesResponse = z.infer<typeof CommunitiesResponseSchema>;

/** A name the registry does not know, with every place it occurs (it became a provisional unit). */
export const UnknownUnitSchema = z.object({
  name: z.string(),
  unitId: z.string(),
  occurrences: z.array(z.object({ itemId: z.string(), label: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type UnknownUnit = z.infer<typeof UnknownUnitSchema>;

/** `?dryRun=true`: what would be written, and nothing is. */
export const IngestPreviewResponseSchema = z.object({
  dryRun: z.literal(true),
  document: DocumentMetaSchema,
  sections: z.array(SectionSchema),
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      section: z.number().int().nullable(),
      title: z.string(),
      clause: ClauseSchema.nullable(),
      assignments: z.array(AssignmentSchema),
    }),
  ),
  counts: z.object({ sections: z.number().int(), items: z.number().int(), assignments: z.number().int() }),
  warnings: z.array(ParseWarningSchema),
  warningsOmitted: WarningsOmittedSchema.optional(),
  unknownUnits: z.array(UnknownUnitSchema),
}).meta({ id: 'IngestPreviewResponse' });
export type IngestPreviewResponse = z.infer<typeof IngestPreviewResponseSchema>;

/** A committed ingest (201 when created or replaced, 200 when the same bytes were already loaded). */
export const IngestResultResponseSchema = z.object({
  dryRun: z.literal(false),
  result: LoadResultSchema,
  warnings: z.array(ParseWarningSchema),
  warningsOmitted: WarningsOmittedSchema.optional(),
}).meta({ id: 'IngestResultResponse' });
export type IngestResultResponse = z.infer<typeof IngestResultResponseSchema>;

/** What `POST /api/documents` answers with 200: a preview (dryRun=true) or an unchanged commit. */
export const IngestResponseSchema = z.discriminatedUnion('dryRun', [IngestPreviewResponseSchema, IngestResultResponseSchema]).meta({ id: 'IngestResponse' });
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

/** `report` download: the workload, gap and network reports with the provenance they share. */
export const ReportExportResponseSchema = z.object({
  provenance: ProvenanceSchema,
  workload: WorkloadReportSchema,
  gaps: GapReportSchema,
  network: NetworkReportSchema,
}).meta({ id: 'ReportExportResponse' });
export type ReportExportResponse = z.infer<typeof ReportExportResponseSchema>;

/** The JSON downloads: `json` (Cytoscape elements of the unit–item graph), `report`, or `provenance` alone. */
export const JsonExportResponseSchema = z.union([CytoscapeGraphSchema, ReportExportResponseSchema, ProvenanceSchema]).meta({ id: 'JsonExportResponse' });

export const DeleteDocumentResponseSchema = z.object({ id: z.string(), removed: z.literal(true) }).meta({ id: 'DeleteDocumentResponse' });
export type DeleteDocumentResponse = z.infer<typeof DeleteDocumentResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Plans over time (issue 17)

/** `GET /api/compare`: the comparison (the CLI's JSON), and what a view needs to draw it: both plans' items and the units' names. */
export const CompareResponseSchema = ComparisonSchema.extend({
  plans: z.object({ old: ComparablePlanSchema, new: ComparablePlanSchema }),
  /** Canonical unit id → its name as the newer plan writes it. */
  unitNames: z.record(z.string(), z.string()),
}).meta({ id: 'CompareResponse' });
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

/** `GET /api/compare/lineage`: the plans by year and one row per task, with each item's label and title. */
export const LineageResponseSchema = LineageReportSchema.extend({
  items: z.record(z.string(), z.object({ label: z.string(), title: z.string() })),
}).meta({ id: 'LineageResponse' });
export type LineageResponse = z.infer<typeof LineageResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Where and by when (places, deadlines, targets)

// Computed in the background like the workload: each answer says which data it reflects (FreshnessSchema).
export const PlacesResponseSchema = PlaceTilesSchema.extend(FreshnessSchema.shape).meta({ id: 'PlacesResponse' });
export const PlaceItemsResponseSchema = PlaceItemsSchema.extend(FreshnessSchema.shape).meta({ id: 'PlaceItemsResponse' });
export const TimelineResponseSchema = TimelinePageSchema.extend(FreshnessSchema.shape).meta({ id: 'TimelineResponse' });
export const DueResponseSchema = DueReportSchema.extend(FreshnessSchema.shape).meta({ id: 'DueResponse' });
export const UnmeasuredResponseSchema = UnmeasuredPageSchema.extend(FreshnessSchema.shape).meta({ id: 'UnmeasuredResponse' });
export const CommitmentListResponseSchema = CommitmentListSchema.meta({ id: 'CommitmentListResponse' });
export type PlacesResponse = z.infer<typeof PlacesResponseSchema>;
export type PlaceItemsResponse = z.infer<typeof PlaceItemsResponseSchema>;
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;
export type DueResponse = z.infer<typeof DueResponseSchema>;
export type UnmeasuredResponse = z.infer<typeof UnmeasuredResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Saved views (issue 18)

export const SavedViewListResponseSchema = z.object({ views: z.array(SavedViewSummarySchema) }).meta({ id: 'SavedViewListResponse' });
export type SavedViewListResponse = z.infer<typeof SavedViewListResponseSchema>;
export const SavedViewResponseSchema = z.object({ view: SavedViewSchema }).meta({ id: 'SavedViewResponse' });
export type SavedViewResponse = z.infer<typeof SavedViewResponseSchema>;
export const DeleteViewResponseSchema = z.object({ id: z.string(), removed: z.literal(true) }).meta({ id: 'DeleteViewResponse' });
