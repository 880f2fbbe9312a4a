import { z } from 'zod';
import { RoleSchema } from './document';
import { UnitKindSchema } from './unit';

/**
 * Which plans are in view: several documents at once, the plans of a jurisdiction (and, unless
 * `includeWithin` is false, of the places within it), and a year or range of years. The parts
 * combine with AND; undefined (and empty `documents`) mean "all". A document without a year or a
 * jurisdiction is outside any year or jurisdiction scope: nothing is guessed for it.
 */
export const DocumentScopeSchema = z.object({
  documents: z.array(z.string()).optional(),
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
  sections: z.array(z.string()).optional(),
  roles: z.array(RoleSchema).optional(),
  unitKinds: z.array(UnitKindSchema).optional(),
  units: z.array(z.string()).optional(),
});
export type GraphFilter = z.infer<typeof GraphFilterSchema>;
