/** A bounded list: which rows of it to send, and what every page says of itself (its total, its place). */
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Which rows of a list to send: `limit` of them from `offset` (0-based). */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** What every bounded list says of itself: how many rows there are in all, and which of them were sent. */
export const PageInfoSchema = z.object({
  total: count.describe('Rows in the whole list, however many were sent.'),
  offset: count.describe('Index (from 0) of the first row sent.'),
  limit: count.describe('Most rows sent.'),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** A bounded list: the rows of one page and where they stand in the whole. */
export const pageSchema = <T extends z.ZodType>(row: T) => PageInfoSchema.extend({ rows: z.array(row) });

export function pageOf<T>(list: readonly T[], { limit, offset }: PageRequest): PageInfo & { rows: T[] } {
  return { total: list.length, offset, limit, rows: list.slice(offset, offset + limit) };
}
