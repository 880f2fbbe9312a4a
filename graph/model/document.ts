import { z } from 'zod';
import { DeadlineSchema, PlaceSchema, TargetSchema } from './commitments';
import { JurisdictionSchema } from './jurisdiction';

/**
 * Offsets everywhere are UTF-16 code-unit indices into the *decoded source text* of the
 * document (BOM removed, nothing else changed), so `source.slice(start, end)` is the exact
 * original text. A quote can therefore always be located in the file an auditor holds.
 */
const offset = z.number().int().nonnegative();

/** 牵头 lead · 负责/按职责分工负责 co · 配合/参与/协助/支持 support · 落实 implement · 指导 guide */
export const RoleSchema = z.enum(['lead', 'co', 'support', 'implement', 'guide']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

export const AssignmentSchema = z.object({
  role: RoleSchema,
  /** The unit's name as written, after prefix/suffix distribution, without whitespace. */
  nameAsWritten: z.string().min(1),
  /** Registry unit id (a provisional id when the registry does not know the name). */
  unitId: z.string().min(1),
  /** A placeholder such as 相关市政府 that names nobody in particular. */
  generic: z.boolean(),
  /** The role was not written but follows from a declared convention (列第一位的为牵头单位). */
  inferred: z.boolean(),
  /** The registry does not know this name; a provisional unit stands in for it. */
  provisional: z.boolean(),
  /** Where the unit's own characters stand in the source (without the distributed prefix). */
  start: offset,
  end: offset,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ClauseSchema = z.object({
  /** The clause as repaired (spaces removed, punctuation normalised), parentheses included. */
  text: z.string(),
  /** Source offsets of the clause, parentheses included. */
  start: offset,
  end: offset,
  /** Offsets of the clause inside the item's repaired `text`, for highlighting. */
  textStart: offset,
  textEnd: offset,
});
export type Clause = z.infer<typeof ClauseSchema>;

export const SectionSchema = z.object({
  id: z.string().min(1),
  /** 一、 → 1 */
  no: z.number().int().positive(),
  /** As written, e.g. `一、`. */
  label: z.string().min(1),
  title: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

export const ItemSchema = z.object({
  /** Stable: `<documentId>/item-12`, sub-items `<documentId>/item-3.2`. */
  id: z.string().min(1),
  /** The item's own number: (十二) → 12; a sub-item's number within its parent. */
  no: z.number().int().positive(),
  /** As written, normalised to full width for items: `（十二）`; sub-items e.g. `（三）2.`. */
  label: z.string().min(1),
  /** Number of the section the item stands in, null when the document has no sections. */
  section: z.number().int().positive().nullable(),
  /** Id of that section; the parser always gives it (a document may repeat a section's number, two 三、, which `section` cannot tell apart). Optional for documents built by hand, where `section` suffices unless its number repeats. */
  sectionId: z.string().min(1).optional(),
  /** Id of the parent item, for sub-items that carry their own clause. */
  parent: z.string().optional(),
  /** The title sentence, up to the first 。 */
  title: z.string(),
  /** The whole item as repaired: title, body and clause. */
  text: z.string(),
  start: offset,
  end: offset,
  clause: ClauseSchema.nullable(),
  assignments: z.array(AssignmentSchema),
  /** Places the body (outside the clause) names, in reading order (graph/places). */
  places: z.array(PlaceSchema).default([]),
  /** Deadlines the body sets, in reading order (graph/commitments). */
  deadlines: z.array(DeadlineSchema).default([]),
  /** Quantified targets the body sets, in reading order (graph/commitments). */
  targets: z.array(TargetSchema).default([]),
});
export type Item = z.infer<typeof ItemSchema>;

export const WarningCodeSchema = z.enum([
  'item-without-clause',
  'unbalanced-parenthesis',
  'unknown-role-word',
  'unknown-unit',
  'no-lead',
  'generic-only',
  'duplicate-item-number',
  'duplicate-section-number',
  'empty-clause',
  'jurisdiction-unknown',
  'not-an-organisation',
]);
export const ParseWarningSchema = z.object({
  code: WarningCodeSchema,
  message: z.string(),
  /** What the message names (a unit, an item label, a word), so a client can word the warning in its own language. */
  params: z.record(z.string(), z.string()).optional(),
  /** 1-based line and column in the source file. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  file: z.string().optional(),
  itemId: z.string().optional(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

/** At most this many warnings of one code are listed; the rest are counted in `warningsOmitted`. */
export const WARNINGS_PER_CODE = 100;
/** Warnings past the first WARNINGS_PER_CODE of a code, counted per code (only codes with some omitted). */
export const WarningsOmittedSchema = z.partialRecord(WarningCodeSchema, z.number().int().positive());
export type WarningsOmitted = z.infer<typeof WarningsOmittedSchema>;

export const DocumentMetaSchema = z.object({
  /** Stable id from the file name or the sidecar, e.g. `guangdong-digital-economy-2023`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ - only'),
  title: z.string().min(1),
  issuer: z.string().optional(),
  /** ISO date YYYY-MM-DD. */
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  year: z.number().int().optional(),
  /** Whose plan it is: relative unit names (市财政局) resolve inside this government's chain. Absent when unknown. */
  jurisdiction: JurisdictionSchema.optional(),
  viewCount: z.number().int().nonnegative().optional(),
  preamble: z.string().optional(),
  /** Whether the document declares that the first-listed unit leads (列第一位的为牵头单位). */
  firstListedLeads: z.boolean().default(false),
  /** sha256 of the original bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the bytes came from: a file name, or `upload`. */
  source: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** The parser's output: one document, validated, every responsibility traceable to the source. */
export const ParsedDocumentSchema = z.object({
  document: DocumentMetaSchema,
  sections: z.array(SectionSchema),
  items: z.array(ItemSchema),
  /** The first WARNINGS_PER_CODE warnings of each code, in source order: a runaway document stays small. */
  warnings: z.array(ParseWarningSchema),
  /** Present only when some were left out of `warnings`. */
  warningsOmitted: WarningsOmittedSchema.optional(),
});
export type ParsedDocument = z.infer<typeof ParsedDocumentSchema>;

/** Optional metadata sidecar next to a document: `<name>.meta.json`. */
export const DocumentSidecarSchema = z.object({
  id: DocumentMetaSchema.shape.id.optional(),
  title: z.string().optional(),
  issuer: z.string().optional(),
  year: z.number().int().optional(),
  publishedAt: DocumentMetaSchema.shape.publishedAt,
  /** A GB/T 2260 code or a place name (`440600`, `佛山市`, `佛山`), resolved with findJurisdiction. */
  jurisdiction: z.string().optional(),
  url: z.string().optional(),
});
export type DocumentSidecar = z.infer<typeof DocumentSidecarSchema>;
