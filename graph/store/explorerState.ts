/**
 * What the explorer keeps on the store besides the plans: saved views and the remembered
 * community partition.
 *
 * Saved views: a named, described state of an explorer view (its URL parameters: filters,
 * styling, focus) with the node positions of its layout, stored on the store in use so that a
 * link to it opens the same drawing in any browser. Bounded, since anyone with the token can write.
 */
import { z } from 'zod';

export const SAVED_VIEW_LIMITS = { parameters: 64, parameterChars: 2_000, positions: 5_000 } as const;

const finite = z.number().finite().min(-1e7).max(1e7);

export const SavedViewInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2_000).default(''),
  /** The explorer view it belongs to (`network`). */
  page: z.enum(['network']),
  /** The view's URL parameters as they were (scope, filters, styling, focus, community names). */
  parameters: z
    .record(z.string().min(1).max(64), z.string().max(SAVED_VIEW_LIMITS.parameterChars))
    .refine((record) => Object.keys(record).length <= SAVED_VIEW_LIMITS.parameters, {
      message: `at most ${SAVED_VIEW_LIMITS.parameters} parameters`,
    }),
  /** Node id → model position of the layout, so it reopens as drawn rather than laid out again. */
  positions: z
    .record(z.string().min(1).max(400), z.strictObject({ x: finite, y: finite }))
    .refine((record) => Object.keys(record).length <= SAVED_VIEW_LIMITS.positions, {
      message: `at most ${SAVED_VIEW_LIMITS.positions} positions`,
    }),
});
export type SavedViewInput = z.input<typeof SavedViewInputSchema>;

export const SavedViewSchema = SavedViewInputSchema.extend({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  createdAt: z.string().describe('ISO 8601 time it was saved.'),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** What the list shows: everything but the positions. */
export const SavedViewSummarySchema = SavedViewSchema.omit({ positions: true });
export type SavedViewSummary = z.infer<typeof SavedViewSummarySchema>;

export const summariseView = ({ positions: _positions, ...summary }: SavedView): SavedViewSummary => summary;

/** Newest first, then by id, in both stores. */
export const byNewest = (a: SavedViewSummary, b: SavedViewSummary): number =>
  b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

/**
 * The community partition remembered from the last write (unit id → community number), so that
 * the numbers, and the colours drawn from them, survive an ingest (graph/analytics/communityMatching.ts).
 */
export const CommunityMemorySchema = z.record(z.string(), z.number().int().nonnegative());
export type CommunityMemory = z.infer<typeof CommunityMemorySchema>;
