import { z } from 'zod';
import { RoleSchema } from './document';
import { UnitKindSchema } from './unit';

/**
 * Which plans are in view: several documents at once, the plans of a jurisdiction (and, unless
 * `includeWithin` is false, of the places within it), and a year or range of years. The parts
 * combine with AND; undefined (and empty `document`) mean "all". A document without a year or a
 * jurisdiction is outside any year or jurisdiction scope: nothing is guessed for it. Each part is named
 * as its HTTP query parameter (graph/api/params.ts), so a filter reads the same on both sides.
 */
export const DocumentScopeSchema = z.object({
  /** Document ids. */
  document: z.array(z.string()).optional(),
  /** GB/T 2260 code of the jurisdiction whose plans are in view, e.g. `440000`; `100000` is national. */
  jurisdiction: z.string().regex(/^\d{6}(\d{3})?$/, 'expected a 6- or 9-digit GB/T 2260 code').optional(),
  /** With `jurisdiction`: also the plans of places within it (default). False: that jurisdiction's own plans only. */
  includeWithin: z.boolean().optional(),
  yearFrom: z.number().int().optional(),
  yearTo: z.number().int().optional(),
});
export type DocumentScope = z.infer<typeof DocumentScopeSchema>;

/** Filters shared by search, drawing and analytics. Empty arrays and undefined mean "all". */
export const GraphFilterSchema = DocumentScopeSchema.extend({
  /** Section ids. */
  section: z.array(z.string()).optional(),
  role: z.array(RoleSchema).optional(),
  /** Unit kinds. */
  kind: z.array(UnitKindSchema).optional(),
  /** Unit ids. */
  unit: z.array(z.string()).optional(),
});
export type GraphFilter = z.infer<typeof GraphFilterSchema>;
