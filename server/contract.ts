/**
 * The HTTP contract: every query the API accepts and every body it returns, as zod schemas.
 * Routes parse with the query schemas and answer through the response schemas; the OpenAPI
 * document (server/openapi.ts) is generated from these same objects, and the client imports
 * the derived types (`import type`), so the three can never drift apart.
 */
import { z } from 'zod';
import {
  AssignmentSchema,
  ClauseSchema,
  DocumentMetaSchema,
  JurisdictionSchema,
  ParseWarningSchema,
  WarningsOmittedSchema,
  RoleSchema,
  SectionSchema,
  JurisdictionLevelSchema,
  UnitFunctionSchema,
  UnitKindSchema,
  ROLES,
  UnitSummarySchema,
  type Role,
} from '../graph/model';
import {
  DocumentDetailSchema,
  DocumentMetadataPatchSchema,
  DocumentSummarySchema,
  ItemDetailSchema,
  ItemPageSchema,
  LoadResultSchema,
  UnitDetailSchema,
} from '../graph/store';
import {
  CommitmentListSchema,
  decodeWeightPair,
  DueReportSchema,
  PlaceReportSchema,
  TimelineReportSchema,
  UnmeasuredReportSchema,
  EdgeWeightingSchema,
  GapReportSchema,
  NetworkOptionsSchema,
  NetworkReportSchema,
  NodeMetricsSchema,
  WorkloadReportSchema,
  WEIGHT_TEXT,
} from '../graph/analytics';
import { describeZodIssues } from '../graph/errors';
import { CytoscapeGraphSchema, CytoscapeModeSchema, ProvenanceSchema, SnapshotFileKindSchema, type CommitmentFileKind } from '../graph/export';
import { ComparablePlanSchema, ComparisonSchema, LineageReportSchema } from '../graph/compare';
import { SavedViewInputSchema, SavedViewSchema, SavedViewSummarySchema } from '../graph/store/explorerState';

// ---------------------------------------------------------------------------------------------
// Query building blocks. Query strings arrive as text (or arrays of text when repeated), so each
// block says how its text becomes a value; `z.toJSONSchema(…, { io: 'input' })` documents the text.
// ---------------------------------------------------------------------------------------------

/** One list item as a regular-expression fragment: an enum's values, or an anchored pattern's body. */
function itemPattern(item: z.ZodType<unknown, string>): string {
  const schema = z.toJSONSchema(item, { io: 'input' }) as { enum?: string[]; pattern?: string };
  if (schema.enum) return schema.enum.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  if (schema.pattern?.startsWith('^') && schema.pattern.endsWith('$')) return schema.pattern.slice(1, -1);
  throw new Error('a list item must be an enum or a string with an anchored pattern');
}

/** Longest text of one list parameter, most parts in one text, and most repeats (`x=a&x=b`) of the parameter. */
export const LIST_LIMITS = { chars: 1_000, parts: 100, repeats: 10 } as const;

/**
 * The documented syntax of at most LIST_LIMITS.parts comma-separated `part`s, spaces around a part and empty
 * parts allowed. No part starts or ends with a space or holds a comma, so each space and comma can be matched
 * one way only and the pattern is linear (tests/reliability/regex-safety.test.ts), unlike the former
 * `^ *(?:x)? *(?:, *(?:x)? *)*$`, whose adjacent ` *(?:x)? *` split a run of spaces in exponentially many ways.
 * The server never runs it over a request (listText splits on commas and checks each part); it is the OpenAPI
 * `pattern`, and tests/api/listParams.test.ts checks that it takes exactly the texts the server takes.
 */
const commaSeparated = (part: string) =>
  new RegExp(`^ *(?:(?:${part}) *)?(?:, *(?:(?:${part}) *)?){0,${LIST_LIMITS.parts - 1}}$`);

/** `text` without the spaces around it (String.trim would also drop tabs and newlines, which the syntax refuses). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

/** The non-empty parts of comma-separated text, spaces around them dropped. */
const splitParts = (text: string): string[] =>
  text
    .split(',')
    .map(trimSpaces)
    .filter((part) => part.length > 0);

/** One text of a list parameter: capped in length and parts, documented with the syntax of its `part`. */
const listText = (part: string) =>
  z
    .string()
    .max(LIST_LIMITS.chars)
    .refine((text) => text.split(',').length <= LIST_LIMITS.parts, `at most ${LIST_LIMITS.parts} comma-separated values`)
    .meta({ pattern: commaSeparated(part).source });

/** A part that is any text without commas, not starting or ending with a space (section and unit ids). */
const ANY_PART = '[^, ](?:[^,]*[^, ])?';

/**
 * A list parameter, `a,b` or `x=a&x=b` (or both) → ['a', 'b']: each text is split on commas and each part
 * checked on its own, against `item` (an enum or an anchored pattern), so no pattern runs over the whole
 * caller-sized text; spaces around parts and empty parts are ignored.
 */
function listParam(): z.ZodType<string[], string | string[]>;
function listParam<T extends z.ZodType<unknown, string>>(item: T): z.ZodType<z.output<T>[], string | string[]>;
function listParam(item?: z.ZodType<unknown, string>): z.ZodType<unknown[], string | string[]> {
  const text = listText(item ? itemPattern(item) : ANY_PART);
  return z
    .union([text, z.array(text).max(LIST_LIMITS.repeats)])
    .transform((value, context) => checkParts((Array.isArray(value) ? value : [value]).flatMap(splitParts), item, context));
}

/** Each part read by `item` (every part when none); a bad part is an issue of the parameter that quotes it. */
function checkParts(parts: string[], item: z.ZodType<unknown, string> | undefined, context: z.RefinementCtx): unknown[] {
  if (!item) return parts;
  return parts.map((part) => {
    const checked = item.safeParse(part);
    if (!checked.success) context.addIssue({ code: 'custom', message: `${JSON.stringify(part)}: ${describeZodIssues(checked.error)[0]?.message ?? 'invalid'}` });
    return checked.data;
  });
}

/** A number as query text, in decimal notation (z.coerce would also take '' and ' ' as 0, and 0x10 as 16). */
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Query text read as a number that `check` bounds; documented as that number, since the text is its numeral. */
const numberParam = (check: (number: z.ZodNumber) => z.ZodNumber) =>
  z.preprocess(
    (value) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value),
    check(z.number({ error: (issue) => (issue.code === 'invalid_type' ? 'expected a number, e.g. 3 or 0.5' : undefined) })),
  );

const intParam = (min: number, max: number) => numberParam((number) => number.int().min(min).max(max));

const TRUE_WORDS = ['true', '1', 'yes', 'on'] as const;
/** `true`/`false` (also 1/0, yes/no, on/off), lower case: an enum, so the OpenAPI document lists them. */
const flagParam = z
  .enum([...TRUE_WORDS, 'false', '0', 'no', 'off'])
  .transform((word) => (TRUE_WORDS as readonly string[]).includes(word));

/** A year as query text: four digits, so that a year filter can never be a huge or fractional number. */
const yearParam = (what: string) => intParam(1000, 9999).optional().describe(what);

/** A jurisdiction as query text: its GB/T 2260 code (6 digits, or 9 for a township); `100000` is national. */
const jurisdictionParam = (what: string) =>
  z
    .string()
    .regex(/^\d{6}(?:\d{3})?$/, 'expected a GB/T 2260 code of 6 or 9 digits, e.g. 440000 (Guangdong) or 100000 (national)')
    .optional()
    .describe(what);

/**
 * Which plans are in view (graph/store DocumentScope), on every endpoint that reads the graph:
 * several documents, a jurisdiction with the places within it, a year or a range of years.
 */
const ScopeParams = {
  document: listParam(DocumentMetaSchema.shape.id).optional().describe('Document ids (comma-separated or repeated).'),
  jurisdiction: jurisdictionParam('Only plans of this jurisdiction (GB/T 2260 code, e.g. 440000) and, unless includeWithin=false, of the places within it.'),
  includeWithin: flagParam.optional().describe('With `jurisdiction`: also the plans of places within it (default true); false keeps its own plans only.'),
  year: yearParam('Only plans of this year, e.g. 2023 (not together with yearFrom or yearTo).'),
  yearFrom: yearParam('Only plans of this year or later.'),
  yearTo: yearParam('Only plans of this year or earlier.'),
};

/** Filters shared by items, analytics, network and exports (graph/store GraphFilter). */
export const FilterQuerySchema = z.strictObject({
  ...ScopeParams,
  section: listParam().optional().describe('Section ids, e.g. `guangdong-digital-economy-2023/section-3`.'),
  role: listParam(RoleSchema).optional().describe(`Responsibility roles kept: ${ROLES.join(', ')}.`),
  kind: listParam(UnitKindSchema)
    .optional()
    .describe(`Unit kinds kept: ${UnitKindSchema.options.join(', ')}.`),
  unit: listParam().optional().describe('Unit ids kept, e.g. `gd.dept.industry-it`.'),
});

const WEIGHT_PAIR = `(?:${itemPattern(RoleSchema)}) *: *${WEIGHT_TEXT}`;
const WEIGHT_PAIR_TEXT = z
  .string()
  .regex(new RegExp(`^${WEIGHT_PAIR}$`), `expected role:weight with role one of ${ROLES.join(', ')} and a weight ≥ 0 such as 3 or 0.5`);

/**
 * `lead:3,co:1` → { lead: 3, co: 1 }: overrides of the workload weights; roles not named keep
 * their documented defaults. Each pair is checked on its own against an anchored pattern.
 */
export const WeightsParamSchema = listText(WEIGHT_PAIR)
  .transform((text, context) => checkParts(splitParts(text), WEIGHT_PAIR_TEXT, context) as string[])
  .transform((pairs) => Object.fromEntries(pairs.map((pair) => decodeWeightPair(pair, ROLES)!)) as Partial<Record<Role, number>>)
  .describe('Role weights as `role:weight` pairs, e.g. `lead:3,co:1`; roles not named keep their defaults (lead 3, co 1, support 0.5, implement 1, guide 0.5).');

const includeGenericParam = flagParam
  .optional()
  .describe('Keep generic placeholders (相关市政府 …) as units: true or false (default false: they name nobody).');

/** Louvain and projection parameters shared by metrics, communities, unit detail and exports. */
const NetworkParams = {
  resolution: numberParam((number) => number.positive().max(100)).optional().describe('Louvain resolution γ (default 1).'),
  seed: intParam(0, 2 ** 31 - 1)
    .optional()
    .describe('Louvain random seed (default 42); the same seed gives the same communities.'),
  weighting: EdgeWeightingSchema.optional().describe('How ties are weighted: shared-items (default) or role-weighted.'),
  includeGeneric: includeGenericParam,
};

export const ItemsQuerySchema = z.strictObject({
  q: z.string().max(200).optional().describe('Case-insensitive text found in the label, title or text, e.g. 数据要素.'),
  ...ScopeParams,
  section: FilterQuerySchema.shape.section,
  role: RoleSchema.optional().describe('Only items where `unit` (or any unit) holds this role.'),
  unit: z.string().min(1).max(300).optional().describe('Only items this unit answers for (unit id).'),
  page: intParam(1, 1_000_000).prefault(1).describe('Page number, from 1.'),
  pageSize: intParam(1, 500).prefault(50).describe('Items per page, 1–500.'),
});

export const DocumentsQuerySchema = z.strictObject(ScopeParams);

export const UnitsQuerySchema = z.strictObject({
  kind: UnitKindSchema.optional().describe('Only units of this kind.'),
  function: UnitFunctionSchema.optional().describe('Only units of this function (a department type shared across governments), e.g. finance.'),
  level: JurisdictionLevelSchema.optional().describe("Only units of governments of this level: national, province, prefecture, county, township."),
  q: z.string().max(200).optional().describe("Text found in any of the unit's names or aliases, Chinese or English."),
  unitJurisdiction: jurisdictionParam("Only units of this government (GB/T 2260 code) or of a place within it, e.g. 440600 for Foshan's bureaus."),
  ...ScopeParams,
});

export const UnitDetailQuerySchema = z.strictObject(NetworkParams);

export const WorkloadQuerySchema = FilterQuerySchema.extend({
  weights: WeightsParamSchema.optional(),
  overloadFactor: numberParam((number) => number.nonnegative().max(100))
    .optional()
    .describe('k in the overload rule: weighted load above Q3 + k × IQR of the peer group (default 1.5).'),
  includeGeneric: includeGenericParam,
});

export const GapsQuerySchema = FilterQuerySchema.extend({
  diffusionThreshold: intParam(2, 1000)
    .optional()
    .describe('Diffusion: at least this many co-responsible units and no lead (default 3).'),
});

export type NetworkMode = z.infer<typeof CytoscapeModeSchema>;

export const NetworkQuerySchema = FilterQuerySchema.extend({
  mode: CytoscapeModeSchema.default('coordination'),
  limit: intParam(1, 20_000)
    .prefault(2_000)
    .describe('Most nodes returned (lowest-load units are left out first); `truncated` says what was left out.'),
  includeGeneric: includeGenericParam,
});

export const MetricsQuerySchema = FilterQuerySchema.extend(NetworkParams);

export const ExportParamsSchema = z.strictObject({ format: SnapshotFileKindSchema });
export type { SnapshotFileKind } from '../graph/export';

/** `?excel=1`: the CSV variant Excel opens as UTF-8 (a leading byte order mark); other files are unchanged. */
const excelParam = flagParam.optional().describe('true: CSV starts with a UTF-8 byte order mark, so that Excel reads its Chinese right (default false).');

export const ExportQuerySchema = MetricsQuerySchema.extend({
  excel: excelParam,
  weights: WeightsParamSchema.optional(),
  overloadFactor: WorkloadQuerySchema.shape.overloadFactor,
  diffusionThreshold: GapsQuerySchema.shape.diffusionThreshold,
});

export const IngestQuerySchema = z.strictObject({
  dryRun: flagParam.prefault('false').describe('true: parse and preview, write nothing (needs the admin token too).'),
  id: DocumentMetaSchema.shape.id
    .optional()
    .describe('Document id to use instead of the one derived from the file name (lower-case letters, digits, . _ -).'),
  source: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('File name recorded as the source (multipart uploads carry their own); errors and warnings name it.'),
  // What the ingest detects in the header, said by the person who knows better (as a sidecar file would).
  title: z.string().trim().min(1).max(500).optional().describe('The title, instead of the one detected.'),
  issuer: z.string().trim().min(1).max(200).optional().describe('The issuing body, e.g. 佛山市人民政府办公室.'),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').optional().describe('Publication date, YYYY-MM-DD.'),
  year: yearParam('The year the plan is for, e.g. 2024.'),
  jurisdiction: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('The issuing jurisdiction, instead of the one detected: a GB/T 2260 code (440600) or a name (佛山市, 佛山).'),
});
export type IngestQuery = z.input<typeof IngestQuerySchema>;

/** A small work plan: the example upload of the OpenAPI document, so that clients and fuzzers see one that parses. */
export const EXAMPLE_PLAN = [
  '广东省数据工作要点',
  '',
  '一、推进数据治理',
  '',
  '（一）建设数据平台。完善数据共享机制。（省发展改革委牵头，省科技厅按职责分工负责）',
  '',
].join('\n');

/** `POST /api/documents` with `Content-Type: application/json`. */
export const IngestJsonBodySchema = z.strictObject({
  text: z.string().min(1).meta({ examples: [EXAMPLE_PLAN] }),
  id: IngestQuerySchema.shape.id,
  source: IngestQuerySchema.shape.source,
});
export type IngestJsonBody = z.input<typeof IngestJsonBodySchema>;

/**
 * `PATCH /api/documents/{id}`: corrections of a document's metadata. Fields left out stay; null
 * clears an optional one. The jurisdiction is given as a person knows it: a GB/T 2260 code or a name.
 */
export const DocumentMetadataJsonBodySchema = z.strictObject({
  title: DocumentMetadataPatchSchema.shape.title.describe('The title.'),
  issuer: DocumentMetadataPatchSchema.shape.issuer.describe('The issuing body, e.g. 广东省人民政府办公厅.'),
  publishedAt: DocumentMetadataPatchSchema.shape.publishedAt.describe('Publication date, YYYY-MM-DD.'),
  year: DocumentMetadataPatchSchema.shape.year.describe('The year the plan is for, e.g. 2023.'),
  jurisdiction: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('The issuing jurisdiction: a GB/T 2260 code (440600, 100000 national) or a name (佛山市, 佛山, 广西壮族自治区).'),
});
export type DocumentMetadataJsonBody = z.input<typeof DocumentMetadataJsonBodySchema>;

export const DocumentMetadataResponseSchema = z.object({ document: DocumentSummarySchema });
export type DocumentMetadataResponse = z.infer<typeof DocumentMetadataResponseSchema>;

export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(300).describe('The id, as the API gives it.') });

// ---------------------------------------------------------------------------------------------
// Responses.
// ---------------------------------------------------------------------------------------------

export const ErrorResponseSchema = z.object({
  error: z.object({
    /** Stable, machine-readable: invalid_parameter, not_found, unauthorized, forbidden, … */
    code: z.string(),
    /** For a person; names the field, or the line and column of a document. */
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HealthResponseSchema = z.object({ status: z.literal('ok') });

/** `/api/openapi.json`: an OpenAPI 3.1 document (its full shape is the OpenAPI specification's own schema). */
export const OpenApiResponseSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export const ReadyResponseSchema = z.object({
  status: z.literal('ready'),
  store: z.enum(['memory', 'neo4j']),
});
export type ReadyResponse = z.infer<typeof ReadyResponseSchema>;

export const DocumentListResponseSchema = z.object({ documents: z.array(DocumentSummarySchema) });
export type DocumentListResponse = z.infer<typeof DocumentListResponseSchema>;

export const DocumentDetailResponseSchema = DocumentDetailSchema;
export type DocumentDetailResponse = z.infer<typeof DocumentDetailResponseSchema>;

export const ItemPageResponseSchema = ItemPageSchema;
export type ItemPageResponse = z.infer<typeof ItemPageResponseSchema>;

/** Owners carry nameAsWritten, unit.name (registry), unit.nameEn, unit.kind and inferred. */
export const ItemDetailResponseSchema = ItemDetailSchema;
export type ItemDetailResponse = z.infer<typeof ItemDetailResponseSchema>;

export const UnitListResponseSchema = z.object({
  units: z.array(UnitSummarySchema),
  /** The jurisdictions those units belong to, named from the division table (unknown ones are left out). */
  jurisdictions: z.array(JurisdictionSchema),
});
export type UnitListResponse = z.infer<typeof UnitListResponseSchema>;

export const UnitDetailResponseSchema = UnitDetailSchema.extend({
  /** The unit's place in the coordination network; null when it is not in it (generic units by default). */
  metrics: NodeMetricsSchema.omit({ unit: true }).nullable(),
  /** The network parameters the metrics were computed with. */
  parameters: NetworkOptionsSchema,
});
export type UnitDetailResponse = z.infer<typeof UnitDetailResponseSchema>;

/**
 * What every analysis answer says of its age. Analyses are computed in the background after each write;
 * until the new one is complete, the last one is served, stale, with a Retry-After header.
 */
export const FreshnessSchema = z.object({
  dataVersion: z
    .string()
    .describe('The data version the answer reflects (a digest of the loaded documents; empty when none is loaded).'),
  stale: z
    .boolean()
    .describe('True while a newer answer (for data loaded since) is being computed; ask again after Retry-After seconds.'),
});
export type Freshness = z.infer<typeof FreshnessSchema>;

export const WorkloadResponseSchema = WorkloadReportSchema.extend(FreshnessSchema.shape);
export type WorkloadResponse = z.infer<typeof WorkloadResponseSchema>;

export const GapsResponseSchema = GapReportSchema.extend(FreshnessSchema.shape);
export type GapsResponse = z.infer<typeof GapsResponseSchema>;

/** Cytoscape elements; `truncated` is null, or says what the limit left out. */
export const NetworkResponseSchema = CytoscapeGraphSchema.extend(FreshnessSchema.shape);
export type NetworkResponse = z.infer<typeof NetworkResponseSchema>;

export const MetricsResponseSchema = NetworkReportSchema.extend(FreshnessSchema.shape);
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
});
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
});
export type IngestPreviewResponse = z.infer<typeof IngestPreviewResponseSchema>;

/** A committed ingest (201 when created or replaced, 200 when the same bytes were already loaded). */
export const IngestResultResponseSchema = z.object({
  dryRun: z.literal(false),
  result: LoadResultSchema,
  warnings: z.array(ParseWarningSchema),
  warningsOmitted: WarningsOmittedSchema.optional(),
});
export type IngestResultResponse = z.infer<typeof IngestResultResponseSchema>;

/** What `POST /api/documents` answers with 200: a preview (dryRun=true) or an unchanged commit. */
export const IngestResponseSchema = z.discriminatedUnion('dryRun', [IngestPreviewResponseSchema, IngestResultResponseSchema]);
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

/** `report` download: the workload, gap and network reports with the provenance they share. */
export const ReportExportResponseSchema = z.object({
  provenance: ProvenanceSchema,
  workload: WorkloadReportSchema,
  gaps: GapReportSchema,
  network: NetworkReportSchema,
});
export type ReportExportResponse = z.infer<typeof ReportExportResponseSchema>;

/** The JSON downloads: `json` (Cytoscape elements of the unit–item graph), `report`, or `provenance` alone. */
export const JsonExportResponseSchema = z.union([CytoscapeGraphSchema, ReportExportResponseSchema, ProvenanceSchema]);

export const DeleteDocumentResponseSchema = z.object({ id: z.string(), removed: z.literal(true) });
export type DeleteDocumentResponse = z.infer<typeof DeleteDocumentResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Plans over time (issue 17): compare two plans, follow tasks across several.
// ---------------------------------------------------------------------------------------------

const planIdParam = (what: string) => DocumentMetaSchema.shape.id.describe(what);
const thresholdParam = numberParam((number) => number.min(0).max(1))
  .optional()
  .describe('Least text similarity (0 to 1) of a matched pair; default 0.3.');

export const CompareQuerySchema = z.strictObject({
  old: planIdParam('The earlier plan: a loaded document id.'),
  new: planIdParam('The later plan: a loaded document id.'),
  threshold: thresholdParam,
});
export const CompareExportQuerySchema = CompareQuerySchema.extend({ excel: excelParam });

export const LineageQuerySchema = z.strictObject({
  document: listParam(DocumentMetaSchema.shape.id).describe(
    'Two to ten loaded document ids (comma-separated or repeated); they are ordered by year.',
  ),
  threshold: thresholdParam,
});

export const CompareExportParamsSchema = z.strictObject({
  table: z.enum(['pairs', 'units']).describe('pairs: one row per item (matched, added, dropped); units: each unit’s load before and after, by role.'),
});

/** `GET /api/compare`: the comparison (the CLI's JSON), and what a view needs to draw it: both plans' items and the units' names. */
export const CompareResponseSchema = ComparisonSchema.extend({
  plans: z.object({ old: ComparablePlanSchema, new: ComparablePlanSchema }),
  /** Canonical unit id → its name as the newer plan writes it. */
  unitNames: z.record(z.string(), z.string()),
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

/** `GET /api/compare/lineage`: the plans by year and one row per task, with each item's label and title. */
export const LineageResponseSchema = LineageReportSchema.extend({
  items: z.record(z.string(), z.object({ label: z.string(), title: z.string() })),
});
export type LineageResponse = z.infer<typeof LineageResponseSchema>;
// Where and by when (places, deadlines, targets)
// ---------------------------------------------------------------------------------------------

/** A day as query text, YYYY-MM-DD: the "today" deadlines are judged against (default: the server's date). */
const dayParam = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'expected a day as YYYY-MM-DD')
  .optional()
  .describe('The day deadlines are judged against, YYYY-MM-DD (default: today, UTC).');

export const PlacesQuerySchema = z.strictObject(ScopeParams);

export const TimelineQuerySchema = z.strictObject({
  ...ScopeParams,
  unit: z.string().min(1).max(300).optional().describe('Only items this unit answers for, in any role (unit id).'),
  today: dayParam,
});

export const DueQuerySchema = z.strictObject({ ...ScopeParams, today: dayParam });

export const CommitmentExportQuerySchema = PlacesQuerySchema.extend({ excel: excelParam });

/** The commitment file kinds; under /api/export/places/ the graph files drop their redundant `places-` prefix. */
export const CommitmentExportParamsSchema = z.strictObject({
  format: z
    .enum(['csv-places', 'csv-deadlines', 'csv-targets', 'graphml', 'gexf'])
    .transform((format): CommitmentFileKind => (format === 'graphml' || format === 'gexf' ? `places-${format}` : format))
    .describe('csv-places, csv-deadlines, csv-targets: one row per mention with its source offsets; graphml, gexf: the unit–item graph with place nodes.'),
});

export const PlacesResponseSchema = PlaceReportSchema;
export const TimelineResponseSchema = TimelineReportSchema;
export const DueResponseSchema = DueReportSchema;
export const UnmeasuredResponseSchema = UnmeasuredReportSchema;
export const CommitmentListResponseSchema = CommitmentListSchema;
export type PlacesResponse = z.infer<typeof PlacesResponseSchema>;
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;
export type DueResponse = z.infer<typeof DueResponseSchema>;
export type UnmeasuredResponse = z.infer<typeof UnmeasuredResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Saved views (issue 18): the explorer's named views, stored on the store in use.

export { SavedViewInputSchema, SavedViewSchema, SavedViewSummarySchema };
/** The body of POST /api/views. */
export const SavedViewJsonBodySchema = SavedViewInputSchema;
export const SavedViewListResponseSchema = z.object({ views: z.array(SavedViewSummarySchema) });
export type SavedViewListResponse = z.infer<typeof SavedViewListResponseSchema>;
export const SavedViewResponseSchema = z.object({ view: SavedViewSchema });
export type SavedViewResponse = z.infer<typeof SavedViewResponseSchema>;
export type SavedViewInput = z.input<typeof SavedViewInputSchema>;
export const DeleteViewResponseSchema = z.object({ id: z.string(), removed: z.literal(true) });
