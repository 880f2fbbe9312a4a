/**
 * The read models: what the stores answer and the analytics and exports read. They live in the
 * model, not the store, so that analytics and export depend on the domain only.
 */
import { z } from 'zod';
import { ClauseSchema, DocumentMetaSchema, RoleSchema, SectionSchema } from './document';
import { DeadlineSchema, PlaceSchema, TargetSchema } from './commitments';
import { UnitSchema } from './unit';

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
  /** Where the item stands in its document, 0 first, in reading order (sub-items follow their parent): the document order of graph/store/order.ts. */
  position: z.number().int().nonnegative(),
  clause: ClauseSchema.nullable(),
});
export type ItemRef = z.infer<typeof ItemRefSchema>;

/** Where and by when one item commits: the places its body names, its deadlines and targets (graph/model/commitments.ts). */
export const ItemCommitmentsSchema = z.object({
  itemId: z.string(),
  documentId: z.string(),
  places: z.array(PlaceSchema),
  deadlines: z.array(DeadlineSchema),
  targets: z.array(TargetSchema),
});
export type ItemCommitments = z.infer<typeof ItemCommitmentsSchema>;

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

/** Everything the analytics need, in plain data: the same from both stores. */
export const SnapshotSchema = z.object({
  documents: z.array(DocumentMetaSchema.pick({ id: true, title: true, sha256: true, year: true, jurisdiction: true })),
  sections: z.array(SectionSchema.extend({ documentId: z.string() })),
  units: z.array(UnitSummarySchema),
  items: z.array(ItemRefSchema),
  responsibilities: z.array(ResponsibilitySchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
