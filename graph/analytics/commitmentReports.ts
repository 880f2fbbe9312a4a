/** The shapes of the where-and-by-when reports (commitments.ts), apart from the code, so that the API contract reads them without the jurisdiction tables. */
import { z } from 'zod';
import { DeadlineSchema, ItemCommitmentsSchema, JurisdictionSchema, PlaceCodeSchema, PlaceLevelSchema, RoleSchema, UnitSummarySchema } from '../model';

const count = z.number().int().nonnegative();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ItemBriefSchema = z
  .object({ id: z.string(), documentId: z.string(), documentTitle: z.string(), label: z.string(), title: z.string() })
  .describe('An item as lists show it.');
export type ItemBrief = z.infer<typeof ItemBriefSchema>;

export const PlaceRowSchema = z
  .object({
    code: PlaceCodeSchema,
    name: z.string(),
    level: PlaceLevelSchema,
    within: z.string().nullable().describe('The government the place lies WITHIN; null for regions.'),
    tile: z.string().nullable().describe("The map tile it counts towards: the place itself or its ancestor among the map's places; null when outside the map."),
    members: z.array(z.string()).describe("A region's member places."),
    named: z
      .array(z.object({ item: ItemBriefSchema, unitId: z.string(), role: RoleSchema }))
      .describe('Items whose clause names this place’s government (广州市政府落实): responsibility.'),
    mentioned: z
      .array(z.object({ item: ItemBriefSchema, mention: z.string(), start: count, end: count }))
      .describe('Items whose body mentions the place: where the work happens. One entry per item, at its first mention.'),
  })
  .describe('One place with the items touching it, by role.');
export type PlaceRow = z.infer<typeof PlaceRowSchema>;

export const MapTileSchema = z.object({ code: z.string(), name: z.string(), col: count, row: count, named: count, mentioned: count });
export type MapTile = z.infer<typeof MapTileSchema>;

export const PlaceReportSchema = z
  .object({
    jurisdiction: JurisdictionSchema.describe('Whose places the map lays out: the scope’s jurisdiction, else the one most plans in view belong to.'),
    layout: z.enum(['geographic', 'grid']).describe('geographic: a hand-placed tile grid (tiles.ts); grid: tiles by code, for jurisdictions without one.'),
    tiles: z.array(MapTileSchema).describe('The places one level below the jurisdiction, with distinct item counts rolled up.'),
    places: z.array(PlaceRowSchema).describe('Every place some item touches, by code.'),
  })
  .describe('Places and the items touching them.');
export type PlaceReport = z.infer<typeof PlaceReportSchema>;

/** What the map is of: the scope's jurisdiction when it has a map, else the one most plans in view belong to. */
export const PlaceOptionsSchema = z.object({ jurisdiction: z.string().optional() });
export type PlaceOptions = z.infer<typeof PlaceOptionsSchema>;

export const TimelineOptionsSchema = z.object({ unit: z.string().optional().describe('Whose items; every item when unset.'), today: isoDay });
export type TimelineOptions = z.infer<typeof TimelineOptionsSchema>;

export const DueOptionsSchema = z.object({ today: isoDay });
export type DueOptions = z.infer<typeof DueOptionsSchema>;

export const TimelineEntrySchema = z.object({ item: ItemBriefSchema, deadline: DeadlineSchema, overdue: z.boolean() });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineReportSchema = z
  .object({
    today: isoDay,
    unit: UnitSummarySchema.nullable().describe('Whose items: null for every item in view.'),
    months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), entries: z.array(TimelineEntrySchema) })).describe('Dated deadlines by month, earliest first.'),
    ongoing: z.array(TimelineEntrySchema).describe('Ongoing work (持续推进, 长期坚持): no date.'),
    undated: z.array(TimelineEntrySchema).describe('Relative deadlines of plans without a year.'),
    counts: z.object({ dated: count, overdue: count, ongoing: count }),
  })
  .describe('Deadlines by month; a deadline is overdue when its date is before today.');
export type TimelineReport = z.infer<typeof TimelineReportSchema>;

export const DueReportSchema = z
  .object({
    today: isoDay,
    quarter: z.object({ label: z.string(), start: isoDay, end: isoDay }),
    units: z
      .array(z.object({ unit: UnitSummarySchema, dueThisQuarter: count, overdue: count }))
      .describe('Per unit (any role), items with a deadline inside this quarter and items with a deadline already past; most due first.'),
  })
  .describe('Deadlines due this quarter, per unit.');
export type DueReport = z.infer<typeof DueReportSchema>;

export const UnmeasuredReportSchema = z
  .object({
    itemsExamined: count,
    items: z.array(ItemBriefSchema.extend({ ongoing: z.boolean().describe('It says 持续推进 or the like: work without an end.') })),
  })
  .describe('Items with no measurable commitment: no dated deadline and no quantified target.');
export type UnmeasuredReport = z.infer<typeof UnmeasuredReportSchema>;

export const CommitmentListSchema = z.object({ items: z.array(ItemCommitmentsSchema) });
