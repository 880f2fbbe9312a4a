/**
 * Options, provenance and shapes of the exports, as zod schemas shared by the CLI, the HTTP
 * API (downloads and the Cytoscape endpoint) and the client.
 */
import { z } from 'zod';
import { JurisdictionLevelSchema, RoleSchema, SnapshotSchema, UnitFunctionSchema, UnitKindSchema } from '../model';
import { GapOptionsSchema, NetworkOptionsSchema, WorkloadOptionsSchema } from '../analytics/types';
import { unitAttributesIn, type AttributeEnums, type UnitAttribute, type UnitAttributeIn, type UnitAttributeOutput } from './unitAttributes';

/** Every analytics parameter an export can depend on, defaults filled in. */
export const ExportParametersSchema = NetworkOptionsSchema.extend({
  overloadFactor: WorkloadOptionsSchema.shape.overloadFactor,
  minPeerGroupSize: WorkloadOptionsSchema.shape.minPeerGroupSize,
  diffusionThreshold: GapOptionsSchema.shape.diffusionThreshold,
}).describe('The analytics parameters behind an export.');
export type ExportParameters = z.infer<typeof ExportParametersSchema>;

/** What callers pass: parameters plus an injectable clock, so tests are deterministic. */
export type ExportOptions = z.input<typeof ExportParametersSchema> & { now?: () => Date };

export const ProvenanceSchema = z
  .object({
    software: z.object({ name: z.string(), version: z.string() }).describe('package.json name and version.'),
    generatedAt: z.iso.datetime().describe('When the export was made (UTC, ISO 8601).'),
    documents: z.array(SnapshotSchema.shape.documents.element).describe('The documents the export covers, with their sha256.'),
    parameters: ExportParametersSchema,
  })
  .describe('Where an export comes from: documents, parameters, software and time.');
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * The file sets `export --format` writes into a folder: csv is the tables plus a provenance.json beside them;
 * json is the report and the Cytoscape elements.
 */
export const ExportFileSetSchema = z.enum(['csv', 'graphml', 'gexf', 'json']);
export type ExportFileSet = z.infer<typeof ExportFileSetSchema>;

/**
 * One file, by the one name it has everywhere: the HTTP download path (`/api/export/csv-nodes`) and the
 * export writers. The graph's files, made from a snapshot alone:
 */
export const SnapshotFileKindSchema = z
  .enum(['csv-nodes', 'csv-edges', 'csv-responsibilities', 'csv-workload', 'graphml', 'gexf', 'json', 'report', 'provenance'])
  .describe(
    'csv-nodes, csv-edges, csv-responsibilities, csv-workload: tables; graphml, gexf: the coordination network; ' +
      'json: the unit–item graph as Cytoscape elements; report: workload, gaps and network metrics; ' +
      'provenance: the provenance alone (provenance.json, beside a CSV set).',
  );
export type SnapshotFileKind = z.infer<typeof SnapshotFileKindSchema>;

/** …and the files of where and by when, which need the items' commitments too (downloaded under /api/export/places/). */
export const CommitmentFileKindSchema = z
  .enum(['csv-places', 'csv-deadlines', 'csv-targets', 'places-graphml', 'places-gexf'])
  .describe(
    'csv-places, csv-deadlines, csv-targets: what item bodies say of where and by when, with source offsets; ' +
      'places-graphml, places-gexf: the unit–item graph with the places items concern.',
  );
export type CommitmentFileKind = z.infer<typeof CommitmentFileKindSchema>;

export const ExportFileKindSchema = z.enum([...SnapshotFileKindSchema.options, ...CommitmentFileKindSchema.options]);
export type ExportFileKind = z.infer<typeof ExportFileKindSchema>;

export const ExportFileSchema = z.object({
  kind: ExportFileKindSchema,
  fileName: z.string(),
  /** Content-Type for a download, charset included. */
  mediaType: z.string(),
  content: z.string(),
  provenance: ProvenanceSchema,
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** How a CSV is laid out: with `excel`, a UTF-8 byte order mark first (the `?excel=1` download). */
export type CsvLayout = { excel?: boolean };
export type CsvOptions = ExportOptions & CsvLayout;

// ---------------------------------------------------------------------------------------------
// Cytoscape
// ---------------------------------------------------------------------------------------------

export const CytoscapeModeSchema = z
  .enum(['bipartite', 'coordination'])
  .describe('bipartite: units and items, tied by role; coordination: units tied by shared items.');
export type CytoscapeMode = z.infer<typeof CytoscapeModeSchema>;

export const CytoscapeOptionsSchema = ExportParametersSchema.extend({
  mode: CytoscapeModeSchema.default('coordination'),
  limit: z.number().int().positive().optional().describe('Most nodes to return; the lowest-load units are dropped first.'),
  maxTies: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Most coordination ties to return: the strongest are kept (by weight, then id); `truncated` says how many were left out.'),
});
export type CytoscapeOptions = z.input<typeof CytoscapeOptionsSchema> & { now?: () => Date };

// The zod schema of each unit attribute, derived from its row of the table (unitAttributes.ts): its type's, or its
// enum's, nullable when the row says so, described in English for the OpenAPI document.
const SCHEMA_OF_TYPE = { string: z.string(), boolean: z.boolean(), int: z.number().int(), double: z.number() };
const SCHEMA_OF_ENUM = {
  unitKind: UnitKindSchema,
  jurisdictionLevel: JurisdictionLevelSchema,
  unitFunction: UnitFunctionSchema,
} satisfies { [E in keyof AttributeEnums]: z.ZodType<AttributeEnums[E]> };

type EnumOf<A extends UnitAttribute> = Exclude<A['values'], undefined>;
type BaseSchemaOf<A extends UnitAttribute> = [EnumOf<A>] extends [never] ? (typeof SCHEMA_OF_TYPE)[A['type']] : (typeof SCHEMA_OF_ENUM)[EnumOf<A>];
type SchemaOf<A extends UnitAttribute> = true extends A['nullable'] ? z.ZodNullable<BaseSchemaOf<A>> : BaseSchemaOf<A>;
type UnitAttributeShape<O extends UnitAttributeOutput> = { [A in UnitAttributeIn<O> as A['name']]: SchemaOf<A> };

function unitAttributeShape<O extends UnitAttributeOutput>(output: O): UnitAttributeShape<O> {
  return Object.fromEntries(
    unitAttributesIn(output).map((a) => {
      const base: z.ZodType = a.values ? SCHEMA_OF_ENUM[a.values] : SCHEMA_OF_TYPE[a.type];
      return [a.name, (a.nullable ? base.nullable() : base).describe(a.description.en)];
    }),
  ) as UnitAttributeShape<O>;
}

/** A unit node: the element's own fields, then the unit's attributes from the one table (unitAttributes.ts). */
export const UnitElementDataSchema = z.object({
  id: z.string(),
  type: z.literal('unit'),
  label: z.string().describe('Short name as documents write it.'),
  ...unitAttributeShape('cytoscape'),
});
export const ItemElementDataSchema = z.object({
  id: z.string(),
  type: z.literal('item'),
  label: z.string(),
  title: z.string(),
  documentId: z.string(),
  sectionId: z.string().nullable(),
});
export const RoleEdgeDataSchema = z.object({
  id: z.string(),
  type: z.literal('role'),
  /** The unit. */
  source: z.string(),
  /** The item. */
  target: z.string(),
  role: RoleSchema,
  inferred: z.boolean(),
  nameAsWritten: z.string(),
});
/** Shared items a tie of a drawing for the screen lists: a preview, since ties of large corpora share thousands. */
export const SHARED_ITEMS_SHOWN = 10;

export const TieEdgeDataSchema = z.object({
  id: z.string(),
  type: z.literal('tie'),
  source: z.string(),
  target: z.string(),
  weight: z.number(),
  sharedItemCount: z.number().int(),
  sharedItems: z
    .array(z.string())
    .describe(`Labels of the shared items; in a drawing with a node limit the first ${SHARED_ITEMS_SHOWN} (sharedItemCount counts them all).`),
});

export const TruncationSchema = z
  .object({
    limit: z.number().int().positive(),
    rule: z.string().describe('What was left out, in words.'),
    nodes: z.object({ shown: z.number().int(), total: z.number().int() }),
    edges: z.object({ shown: z.number().int(), total: z.number().int() }),
    omittedUnits: z.array(z.string()).describe('Ids of the units left out, lowest load last.'),
    omittedItems: z.number().int().describe('Items left out (bipartite mode).'),
    omittedTies: z.number().int().describe('Ties among the units shown left out by maxTies (coordination mode).'),
  })
  .describe('What a node limit or a tie limit left out.');
export type Truncation = z.infer<typeof TruncationSchema>;

export const CytoscapeGraphSchema = z
  .object({
    mode: CytoscapeModeSchema,
    elements: z.object({
      nodes: z.array(z.object({ data: z.discriminatedUnion('type', [UnitElementDataSchema, ItemElementDataSchema]) })),
      edges: z.array(z.object({ data: z.discriminatedUnion('type', [RoleEdgeDataSchema, TieEdgeDataSchema]) })),
    }),
    truncated: TruncationSchema.nullable().describe('null when nothing was left out.'),
    provenance: ProvenanceSchema,
  })
  .describe('Cytoscape elements (cytoscape.js JSON), with what a limit left out.');
export type CytoscapeGraph = z.infer<typeof CytoscapeGraphSchema>;
