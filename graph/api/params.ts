/** The query and path parameters of the HTTP API, as zod codecs (parsing text into values). */
import { z } from 'zod';
import {
  DocumentMetaSchema,
  PlaceCodeSchema,
  RoleSchema,
  JurisdictionLevelSchema,
  UnitFunctionSchema,
  UnitKindSchema,
  ROLES,
  type Role,
} from '../model';
import { EdgeWeightingSchema, GapReasonCodeSchema } from '../analytics/types';
import { decodeWeightPair, WEIGHT_TEXT } from '../analytics/weightsText';
import { describeZodIssues } from '../errors';
import { CytoscapeModeSchema, SnapshotFileKindSchema, type CommitmentFileKind } from '../export/types';

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

/**
 * Which rows of a bounded list to send (`limit`, as /api/workload names it, and `offset`): every answer states
 * its total, and the exports keep every row.
 */
const pageParams = (defaultLimit: number) => ({
  limit: intParam(1, 1_000).prefault(defaultLimit).describe(`Most rows sent, 1–1000 (default ${defaultLimit}); the answer states the total.`),
  offset: intParam(0, 10_000_000).prefault(0).describe('Index (from 0) of the first row sent (default 0).'),
});

export const UnitDetailQuerySchema = z.strictObject({
  ...NetworkParams,
  role: RoleSchema.optional().describe('Only the items the unit holds in this role (`itemCounts` stays whole).'),
  ...pageParams(50),
});

export const WorkloadQuerySchema = FilterQuerySchema.extend({
  weights: WeightsParamSchema.optional(),
  overloadFactor: numberParam((number) => number.nonnegative().max(100))
    .optional()
    .describe('k in the overload rule: weighted load above Q3 + k × IQR of the peer group (default 1.5).'),
  includeGeneric: includeGenericParam,
  // Not part of the analysis: the ranking is computed whole, and this only cuts what is sent.
  limit: intParam(1, 100_000)
    .optional()
    .describe('Only the first `limit` rows of the ranking (the explorer asks for 30); `concentration.units` says how many there are. Default: every row.'),
});

export const GapsQuerySchema = FilterQuerySchema.extend({
  diffusionThreshold: intParam(2, 1000)
    .optional()
    .describe('Diffusion: at least this many co-responsible units and no lead (default 3).'),
  reason: GapReasonCodeSchema.optional().describe('Only the gaps with this reason (`counts` stays the whole report’s).'),
  ...pageParams(50),
});

export type NetworkMode = z.infer<typeof CytoscapeModeSchema>;

export const NetworkQuerySchema = FilterQuerySchema.extend({
  mode: CytoscapeModeSchema.default('coordination'),
  limit: intParam(1, 20_000)
    .prefault(2_000)
    .describe('Most nodes returned (lowest-load units are left out first); `truncated` says what was left out.'),
  maxTies: intParam(1, 100_000)
    .prefault(3_000)
    .describe('Most coordination ties returned, the strongest first: with the node limit, what a browser lays out in about 2 s; `truncated` says how many were left out.'),
  includeGeneric: includeGenericParam,
});

export const MetricsQuerySchema = FilterQuerySchema.extend(NetworkParams);

export const ExportParamsSchema = z.strictObject({ format: SnapshotFileKindSchema });

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

export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(300).describe('The id, as the API gives it.') });

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

// ---------------------------------------------------------------------------------------------
// Where and by when (places, deadlines, targets)
// ---------------------------------------------------------------------------------------------

/** A day as query text, YYYY-MM-DD: the "today" deadlines are judged against (default: the server's date). */
const dayParam = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'expected a day as YYYY-MM-DD')
  .optional()
  .describe('The day deadlines are judged against, YYYY-MM-DD (default: today, UTC).');

export const PlacesQuerySchema = z.strictObject(ScopeParams);

export const PlaceItemsQuerySchema = z.strictObject({ ...ScopeParams, ...pageParams(50) });

export const PlaceParamsSchema = z.strictObject({ code: PlaceCodeSchema.max(100) });

export const UnmeasuredQuerySchema = PlaceItemsQuerySchema;

export const TimelineQuerySchema = z.strictObject({
  ...ScopeParams,
  unit: z.string().min(1).max(300).optional().describe('Only items this unit answers for, in any role (unit id).'),
  today: dayParam,
  month: z
    .string()
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
    .optional()
    .describe('Only this month’s entries are listed (the other months, ongoing and undated work are counted, not listed).'),
  ...pageParams(5),
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
