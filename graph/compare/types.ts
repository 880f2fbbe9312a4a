/**
 * The shapes of a comparison of two plans (issue 17), as zod schemas: what `compare` reads (a
 * plan reduced to what matching needs) and what it answers (pairs, added, dropped, unit loads).
 */
import { z } from 'zod';
import { DocumentMetaSchema, RoleSchema } from '../model';

/** Which plan a side of the comparison is: enough to cite it (the hash) and to order plans by year. */
export const PlanRefSchema = DocumentMetaSchema.pick({ id: true, title: true, year: true, sha256: true }).extend({
  /** GB/T 2260 code of the plan's jurisdiction, when known. */
  jurisdiction: z.string().optional(),
  items: z.number().int().nonnegative(),
});
export type PlanRef = z.infer<typeof PlanRefSchema>;

/** One responsibility of an item, with the unit's id as written and as the registry's successor links end. */
export const ComparableOwnerSchema = z.object({
  role: RoleSchema,
  /** The unit's name as written in this plan. */
  nameAsWritten: z.string(),
  /** Registry (or provisional) unit id, as this plan names it. */
  unitId: z.string(),
  /** The unit's id after following `successorId` links to the end: a renamed body keeps one id across years. */
  canonicalId: z.string(),
});
export type ComparableOwner = z.infer<typeof ComparableOwnerSchema>;

export const ComparableItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Number and title of the section the item stands in; null when the plan has no sections. */
  section: z.number().int().nullable(),
  sectionTitle: z.string().nullable(),
  title: z.string(),
  /** The item's text (title and body) without its responsibility clause: what the similarity reads. */
  body: z.string(),
  /** The responsibility clause as written, null when the item has none. */
  clause: z.string().nullable(),
  owners: z.array(ComparableOwnerSchema),
});
export type ComparableItem = z.infer<typeof ComparableItemSchema>;

/** A plan as the comparison reads it, the same whether it came from a file or from the store. */
export const ComparablePlanSchema = z.object({
  document: PlanRefSchema,
  items: z.array(ComparableItemSchema),
});
export type ComparablePlan = z.infer<typeof ComparablePlanSchema>;

/** continued: near-identical text; revised: matched, text changed; added: only in the new plan; dropped: only in the old. */
export const CompareStatusSchema = z.enum(['continued', 'revised', 'added', 'dropped']);
export type CompareStatus = z.infer<typeof CompareStatusSchema>;
export const PairStatusSchema = CompareStatusSchema.extract(['continued', 'revised']);

export const RoleChangeSchema = z.object({
  unitId: z.string(),
  /** The unit's roles on the item in the old plan, [] when it was not named there. */
  before: z.array(RoleSchema),
  /** Its roles in the new plan, [] when it is no longer named. */
  after: z.array(RoleSchema),
});
export type RoleChange = z.infer<typeof RoleChangeSchema>;

/**
 * How a matched item's owners changed, by canonical unit id (a rename is no change). leadsAdded and
 * the like look at one role each; roleChanges lists every unit whose set of roles changed, including
 * units that entered ([] before) or left ([] after) the clause, so a support or implementing unit's
 * change is never lost.
 */
export const ResponsibilityChangesSchema = z.object({
  leadsAdded: z.array(z.string()),
  leadsRemoved: z.array(z.string()),
  coAdded: z.array(z.string()),
  coRemoved: z.array(z.string()),
  roleChanges: z.array(RoleChangeSchema),
});
export type ResponsibilityChanges = z.infer<typeof ResponsibilityChangesSchema>;

export const PairSchema = z.object({
  oldItem: z.string(),
  newItem: z.string(),
  /** Character n-gram TF-IDF cosine of the two items' titles and bodies, 0..1, four decimals. */
  similarity: z.number().min(0).max(1),
  status: PairStatusSchema,
  changes: ResponsibilityChangesSchema,
});
export type Pair = z.infer<typeof PairSchema>;

/** How many items a unit answers for, by role. */
export const RoleCountsSchema = z.object({
  lead: z.number().int().nonnegative(),
  co: z.number().int().nonnegative(),
  support: z.number().int().nonnegative(),
  implement: z.number().int().nonnegative(),
  guide: z.number().int().nonnegative(),
});
export type RoleCounts = z.infer<typeof RoleCountsSchema>;

export const UnitLoadChangeSchema = z.object({
  /** Canonical unit id (successor links followed). */
  unitId: z.string(),
  before: RoleCountsSchema,
  after: RoleCountsSchema,
});
export type UnitLoadChange = z.infer<typeof UnitLoadChangeSchema>;

/** What `compare <old> <new>` answers (the shape issue 17 fixes). */
export const ComparisonSchema = z.object({
  old: PlanRefSchema,
  new: PlanRefSchema,
  /** Pairs below this similarity are not matched. */
  threshold: z.number(),
  /** In the old plan's order. */
  pairs: z.array(PairSchema),
  /** New items no old item matched, in the new plan's order. */
  added: z.array(z.string()),
  /** Old items that match no new item, in the old plan's order. */
  dropped: z.array(z.string()),
  /** Every unit named in either plan; the largest change in total items first, then by id. */
  units: z.array(UnitLoadChangeSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** One task followed across the plans of a lineage: its item in each plan (null where absent). */
export const LineageCellSchema = z
  .object({
    itemId: z.string(),
    /** Against the previous plan: continued or revised when matched, added when not; null in the first plan. */
    status: CompareStatusSchema.exclude(['dropped']).nullable(),
  })
  .nullable();
export const LineageSchema = z.object({
  cells: z.array(LineageCellSchema),
});
export type Lineage = z.infer<typeof LineageSchema>;

/** `lineage <plans…>`: the plans by year, and every task as a row of cells, one per plan. */
export const LineageReportSchema = z.object({
  documents: z.array(PlanRefSchema),
  threshold: z.number(),
  lineages: z.array(LineageSchema),
});
export type LineageReport = z.infer<typeof LineageReportSchema>;

export const CompareOptionsSchema = z.object({
  /** Least text similarity of a matched pair (see docs/compare.md for how it was chosen). */
  threshold: z.number().min(0).max(1).default(0.3),
  /**
   * Share of changed characters (inserted + deleted, over both texts' lengths, after whitespace and
   * width normalisation) up to which a matched pair is `continued` rather than `revised`.
   */
  continuedTolerance: z.number().min(0).max(1).default(0.02),
  /** Weight of the section titles' similarity in the assignment: it decides only between near-equal candidates. */
  sectionWeight: z.number().min(0).max(0.1).default(0.01),
});
export type CompareOptions = z.infer<typeof CompareOptionsSchema>;
export type CompareOptionsInput = z.input<typeof CompareOptionsSchema>;
