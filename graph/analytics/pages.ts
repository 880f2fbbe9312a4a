/**
 * Bounded views of the where-and-by-when reports and the gaps: what a page of the explorer shows, with the
 * totals stated, instead of a whole scope's lists (at full scale the places, timeline and unit answers were
 * megabytes). The reports themselves stay whole for the exports.
 */
import { z } from 'zod';
import { pageOf, PageInfoSchema, pageSchema, type PageInfo, type PageRequest, type UnitSummary } from '../model';
import { concatPacked, packedPage, packRows, type PackedRows } from './packedRows';
import { GapReasonCodeSchema, type Gap, type GapReason, type GapReasonCode, type GapReport } from './types';
import { PlaceReportSchema, PlaceRowSchema, TimelineEntrySchema, TimelineReportSchema, UnmeasuredReportSchema, type PlaceReport, type TimelineReport, type UnmeasuredReport } from './commitmentReports';

const count = z.number().int().nonnegative();

// ---------------------------------------------------------------------------------------------
// Places: the tiles with counts; the items of one place on demand.
// ---------------------------------------------------------------------------------------------

export const PlaceCountsSchema = PlaceRowSchema.omit({ named: true, mentioned: true }).extend({
  named: count.describe('Items whose clause names this place’s government.'),
  mentioned: count.describe('Items whose body mentions the place.'),
});

export const PlaceTilesSchema = z
  .object({
    jurisdiction: PlaceReportSchema.shape.jurisdiction,
    layout: PlaceReportSchema.shape.layout,
    tiles: PlaceReportSchema.shape.tiles,
    places: z.array(PlaceCountsSchema).describe('Every place some item touches, by code, with its item counts; its items: /api/places/{code}.'),
  })
  .describe('The map: tiles and places with counts.');
export type PlaceTiles = z.infer<typeof PlaceTilesSchema>;

export function placeTiles(report: PlaceReport): PlaceTiles {
  return {
    jurisdiction: report.jurisdiction,
    layout: report.layout,
    tiles: report.tiles,
    places: report.places.map(({ named, mentioned, ...place }) => ({ ...place, named: named.length, mentioned: mentioned.length })),
  };
}

export const PlaceItemsSchema = z
  .object({
    code: z.string(),
    places: z.array(PlaceCountsSchema.pick({ code: true, name: true })).describe('The place and those counting towards its tile.'),
    named: pageSchema(PlaceRowSchema.shape.named.element.extend({ placeCode: z.string() })),
    mentioned: pageSchema(PlaceRowSchema.shape.mentioned.element.extend({ placeCode: z.string() })),
  })
  .describe('The items touching one place (and the places within its tile), one page of each role.');
export type PlaceItems = z.infer<typeof PlaceItemsSchema>;

/** The items of the place `code` and of every place counting towards it as a tile; null when no item touches it. */
export function placeItems(report: PlaceReport, code: string, page: PageRequest): PlaceItems | null {
  const places = report.places.filter((place) => place.code === code || place.tile === code);
  if (places.length === 0) return null;
  return {
    code,
    places: places.map(({ code: placeCode, name }) => ({ code: placeCode, name })),
    named: pageOf(places.flatMap((place) => place.named.map((entry) => ({ ...entry, placeCode: place.code }))), page),
    mentioned: pageOf(places.flatMap((place) => place.mentioned.map((entry) => ({ ...entry, placeCode: place.code }))), page),
  };
}

// ---------------------------------------------------------------------------------------------
// Timeline: counts per month, each month's first entries; one month's on demand.
// ---------------------------------------------------------------------------------------------

const entriesPage = PageInfoSchema.extend({ entries: z.array(TimelineEntrySchema) });

export const TimelinePageSchema = z
  .object({
    today: TimelineReportSchema.shape.today,
    unit: TimelineReportSchema.shape.unit,
    months: z
      .array(entriesPage.extend({ month: z.string(), overdue: count.describe('Entries of the month before today.') }))
      .describe('Every month with a dated deadline, earliest first, each with its count and one page of its entries.'),
    ongoing: entriesPage,
    undated: entriesPage,
    counts: TimelineReportSchema.shape.counts,
  })
  .describe('Deadlines by month: counts in full, one page of entries per month.');

/** The timeline with `page` of each list; with `month`, the entries of that month alone (the other lists counted, not listed). */
export function timelinePage(report: TimelineReport, page: PageRequest, month?: string): z.infer<typeof TimelinePageSchema> {
  const listed = (all: TimelineReport['ongoing'], shown: boolean) => {
    const { rows: entries, ...info } = pageOf(all, shown ? page : { ...page, limit: 0 });
    return { ...info, entries };
  };
  return {
    ...report,
    months: report.months.map((entry) => ({
      month: entry.month,
      overdue: entry.entries.filter((e) => e.overdue).length,
      ...listed(entry.entries, month === undefined || month === entry.month),
    })),
    ongoing: listed(report.ongoing, month === undefined),
    undated: listed(report.undated, month === undefined),
  };
}

// ---------------------------------------------------------------------------------------------
// Unmeasured items, a page at a time.
// ---------------------------------------------------------------------------------------------

export const UnmeasuredPageSchema = PageInfoSchema.extend({
  itemsExamined: UnmeasuredReportSchema.shape.itemsExamined,
  items: UnmeasuredReportSchema.shape.items,
});

/** The unmeasured items as the worker sends them (graph/analytics/packedRows.ts). */
export interface PackedUnmeasuredReport {
  itemsExamined: number;
  items: PackedRows;
}

export const packUnmeasured = ({ itemsExamined, items }: UnmeasuredReport): PackedUnmeasuredReport => ({ itemsExamined, items: packRows(items) });

export function unmeasuredPage(report: PackedUnmeasuredReport, page: PageRequest): z.infer<typeof UnmeasuredPageSchema> {
  const { rows, ...info } = packedPage<UnmeasuredReport['items'][number]>(report.items, page);
  return { ...info, itemsExamined: report.itemsExamined, items: rows };
}

// ---------------------------------------------------------------------------------------------
// Gaps, a page at a time (of one reason, when asked).
// ---------------------------------------------------------------------------------------------

/**
 * The gap report as the worker sends it: each gap's JSON tagged with its reasons (one bit per code), with its
 * reasons' units by id and the units themselves listed once, in `units`, in the order first met. Written out in
 * every gap, the units were about half of the whole corpus's packed gaps (361 MB for 266,410 gaps, held once in
 * the worker's per-document parts and once whole by the server): a reason names several units, and the same few
 * units recur across a document's gaps.
 */
export type PackedGapReport = Omit<GapReport, 'gaps'> & { gaps: PackedRows; units: UnitSummary[] };

/** A gap as packed: its reasons' units by id. */
type PackedGap = Omit<Gap, 'reasons'> & { reasons: Array<Omit<GapReason, 'units'> & { units: string[] }> };

const REASON_BIT = new Map(GapReasonCodeSchema.options.map((code, at) => [code, 1 << at]));

/** Each unit once, where first met. */
function firstMet(units: Iterable<UnitSummary>): UnitSummary[] {
  const byId = new Map<string, UnitSummary>();
  for (const unit of units) if (!byId.has(unit.id)) byId.set(unit.id, unit);
  return [...byId.values()];
}

export function packGapReport({ gaps, ...report }: GapReport): PackedGapReport {
  const rows = gaps.map(({ reasons, ...gap }): PackedGap => ({ ...gap, reasons: reasons.map((reason) => ({ ...reason, units: reason.units.map((unit) => unit.id) })) }));
  return {
    ...report,
    gaps: packRows(rows, (gap) => gap.reasons.reduce((bits, reason) => bits | (REASON_BIT.get(reason.code) as number), 0)),
    units: firstMet(gaps.flatMap((gap) => gap.reasons.flatMap((reason) => reason.units))),
  };
}

/** Gap reports of parts of the corpus as one: their gaps end to end, in the order given, and every unit they name. */
export function concatGapReports(reports: readonly PackedGapReport[]): Pick<PackedGapReport, 'gaps' | 'units'> {
  return { gaps: concatPacked(reports.map((report) => report.gaps)), units: firstMet(reports.flatMap((report) => report.units)) };
}

/** Each report's units by id, made on its first page: a kept report serves many pages, the whole corpus's names thousands of units. */
const unitIndexes = new WeakMap<UnitSummary[], Map<string, UnitSummary>>();

function unitIndex(units: UnitSummary[]): Map<string, UnitSummary> {
  let index = unitIndexes.get(units);
  if (!index) unitIndexes.set(units, (index = new Map(units.map((unit) => [unit.id, unit]))));
  return index;
}

/** The report's figures and one page of its gaps (of `reason` alone, when asked), with their total. */
export function gapPage({ gaps, units, ...report }: PackedGapReport, page: PageRequest, reason?: GapReasonCode): Omit<GapReport, 'gaps'> & PageInfo & { gaps: Gap[] } {
  const { rows, ...info } = packedPage<PackedGap>(gaps, page, reason === undefined ? undefined : REASON_BIT.get(reason));
  const unitOf = unitIndex(units);
  return {
    ...report,
    ...info,
    gaps: rows.map((gap) => ({
      ...gap,
      // packGapReport listed every unit its rows name.
      reasons: gap.reasons.map((reason) => ({ ...reason, units: reason.units.map((id) => unitOf.get(id) as UnitSummary) })),
    })),
  };
}
