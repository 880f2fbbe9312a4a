/**
 * Where and by when, for planners and auditors: the places of a jurisdiction with the items that
 * touch each (its government named in a clause, kept apart from the place mentioned in a body),
 * a unit's deadlines by month with what is overdue, the deadlines due this quarter per unit, and
 * the items that commit to nothing measurable (no dated deadline and no target).
 */
import { allJurisdictions, getJurisdiction, NATIONAL_JURISDICTION, type Jurisdiction } from '../jurisdiction';
import type { ItemCommitments, Snapshot } from '../model';
import { chainOfPlace, EXTRA_PROVINCES, placeInfo } from '../places';
import {
  DueReportSchema,
  PlaceReportSchema,
  TimelineReportSchema,
  UnmeasuredReportSchema,
  type DueReport,
  type ItemBrief,
  type PlaceReport,
  type PlaceRow,
  type TimelineEntry,
  type TimelineReport,
  type UnmeasuredReport,
} from './commitmentReports';
import { tileLayout } from './tiles';
import { indexSnapshot, isGeneric, type SnapshotIndex } from './snapshotIndex';

const briefOf = (index: SnapshotIndex, id: string, itemsById: Map<string, SnapshotIndex['items'][number]>): ItemBrief | undefined => {
  const item = itemsById.get(id);
  return item && { id, documentId: item.documentId, documentTitle: index.documentTitle(item.documentId), label: item.label, title: item.title };
};

/** The jurisdiction most plans in view belong to at province level (or national when most are national). */
function mapJurisdiction(snapshot: Snapshot, wanted: string | undefined): Jurisdiction {
  const given = wanted === undefined ? undefined : getJurisdiction(wanted);
  if (given && given.level !== 'county' && given.level !== 'township') return given;
  const votes = new Map<string, number>();
  for (const document of snapshot.documents) {
    const chain = document.jurisdiction ? chainOfPlace(document.jurisdiction.code) : [];
    const province = chain.find((j) => j.level === 'province') ?? chain.find((j) => j.level === 'national');
    if (province) votes.set(province.code, (votes.get(province.code) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return (best && getJurisdiction(best)) || NATIONAL_JURISDICTION;
}

/** The places one level below `parent`: its prefectures, its counties, or the provinces. */
function childrenOf(parent: Jurisdiction): Array<{ code: string; name: string }> {
  const children = allJurisdictions().filter((j) => j.level !== 'national' && chainOfPlace(j.code)[1]?.code === parent.code);
  if (parent.code === NATIONAL_JURISDICTION.code) children.push(...EXTRA_PROVINCES.map(({ code, name }) => ({ code, name, level: 'province' as const })));
  return children.map(({ code, name }) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : 1));
}

export function placeReport(snapshot: Snapshot, commitments: ItemCommitments[], options: { jurisdiction?: string } = {}): PlaceReport {
  const index = indexSnapshot(snapshot);
  const itemsById = new Map(index.items.map((item) => [item.id, item]));
  const rows = new Map<string, PlaceRow>();
  const rowOf = (code: string): PlaceRow | undefined => {
    const existing = rows.get(code);
    if (existing) return existing;
    const info = placeInfo(code);
    if (!info) return undefined;
    const row: PlaceRow = { code, name: info.name, level: info.level, within: info.within, tile: null, members: info.members, named: [], mentioned: [] };
    rows.set(code, row);
    return row;
  };
  // Clause: a government named as a unit (kind city) is its place's responsibility.
  for (const item of index.items) {
    for (const owner of index.ownersOf(item.id)) {
      const unit = index.unit(owner.unitId);
      if (unit.kind !== 'city' || isGeneric(unit)) continue;
      const row = rowOf(unit.jurisdiction);
      const brief = briefOf(index, item.id, itemsById);
      if (row && brief) row.named.push({ item: brief, unitId: unit.id, role: owner.role });
    }
  }
  // Body: one entry per item and place, at the first mention.
  for (const item of commitments) {
    const brief = briefOf(index, item.itemId, itemsById);
    if (!brief) continue;
    const seen = new Set<string>();
    for (const place of item.places) {
      if (seen.has(place.code)) continue;
      seen.add(place.code);
      rowOf(place.code)?.mentioned.push({ item: brief, mention: place.mention, start: place.start, end: place.end });
    }
  }
  const jurisdiction = mapJurisdiction(snapshot, options.jurisdiction);
  const children = childrenOf(jurisdiction);
  const childCodes = new Set(children.map((child) => child.code));
  const tileItems = new Map(children.map((child) => [child.code, { named: new Set<string>(), mentioned: new Set<string>() }]));
  for (const row of rows.values()) {
    row.tile = chainOfPlace(row.code).find((j) => childCodes.has(j.code))?.code ?? null;
    const tile = row.tile === null ? undefined : tileItems.get(row.tile);
    for (const entry of row.named) tile?.named.add(entry.item.id);
    for (const entry of row.mentioned) tile?.mentioned.add(entry.item.id);
  }
  const { layout, positions } = tileLayout(jurisdiction.code, children.map((child) => child.code));
  return PlaceReportSchema.parse({
    jurisdiction,
    layout,
    tiles: children.map((child) => ({
      ...child,
      ...positions.get(child.code)!,
      named: tileItems.get(child.code)!.named.size,
      mentioned: tileItems.get(child.code)!.mentioned.size,
    })),
    places: [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
  });
}

// ---------------------------------------------------------------------------------------------
// Deadlines: the timeline, due this quarter, and items without a measurable commitment
// ---------------------------------------------------------------------------------------------

/** The items a unit answers for in any role, or every item when no unit is given. */
function itemsOf(index: SnapshotIndex, unitId: string | undefined): Set<string> {
  return new Set(index.items.filter((item) => !unitId || index.ownersOf(item.id).some((owner) => owner.unitId === unitId)).map((item) => item.id));
}

export function timelineReport(snapshot: Snapshot, commitments: ItemCommitments[], options: { unit?: string; today: string }): TimelineReport {
  const index = indexSnapshot(snapshot);
  const itemsById = new Map(index.items.map((item) => [item.id, item]));
  const wanted = itemsOf(index, options.unit);
  const unit = options.unit === undefined ? null : (snapshot.units.find((u) => u.id === options.unit) ?? null);
  const months = new Map<string, TimelineEntry[]>();
  const ongoing: TimelineEntry[] = [];
  const undated: TimelineEntry[] = [];
  for (const item of commitments) {
    const brief = wanted.has(item.itemId) ? briefOf(index, item.itemId, itemsById) : undefined;
    if (!brief) continue;
    for (const deadline of item.deadlines) {
      const entry = { item: brief, deadline, overdue: deadline.date !== null && deadline.date < options.today };
      if (deadline.precision === 'ongoing') ongoing.push(entry);
      else if (deadline.date === null) undated.push(entry);
      else months.set(deadline.date.slice(0, 7), [...(months.get(deadline.date.slice(0, 7)) ?? []), entry]);
    }
  }
  const sortedMonths = [...months]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([month, entries]) => ({ month, entries: entries.sort((a, b) => (a.deadline.date! < b.deadline.date! ? -1 : a.deadline.date! > b.deadline.date! ? 1 : 0)) }));
  const dated = sortedMonths.flatMap((month) => month.entries);
  return TimelineReportSchema.parse({
    today: options.today,
    unit,
    months: sortedMonths,
    ongoing,
    undated,
    counts: { dated: dated.length, overdue: dated.filter((entry) => entry.overdue).length, ongoing: ongoing.length },
  });
}

/** The calendar quarter `today` falls in, as first and last day. */
export function quarterOf(today: string): { label: string; start: string; end: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { label: `${year}Q${quarter}`, start: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`, end: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

export function dueReport(snapshot: Snapshot, commitments: ItemCommitments[], options: { today: string }): DueReport {
  const index = indexSnapshot(snapshot);
  const quarter = quarterOf(options.today);
  const dates = new Map(commitments.map((item) => [item.itemId, item.deadlines.flatMap((d) => (d.date === null ? [] : [d.date]))]));
  const perUnit = new Map<string, { due: Set<string>; overdue: Set<string> }>();
  for (const item of index.items) {
    const itemDates = dates.get(item.id) ?? [];
    const due = itemDates.some((date) => date >= quarter.start && date <= quarter.end);
    const overdue = itemDates.some((date) => date < options.today);
    if (!due && !overdue) continue;
    for (const owner of index.ownersOf(item.id)) {
      const counts = perUnit.get(owner.unitId) ?? { due: new Set<string>(), overdue: new Set<string>() };
      if (due) counts.due.add(item.id);
      if (overdue) counts.overdue.add(item.id);
      perUnit.set(owner.unitId, counts);
    }
  }
  const units = [...perUnit]
    .map(([unitId, counts]) => ({ unit: index.unit(unitId), dueThisQuarter: counts.due.size, overdue: counts.overdue.size }))
    .sort((a, b) => b.dueThisQuarter - a.dueThisQuarter || b.overdue - a.overdue || (a.unit.id < b.unit.id ? -1 : 1));
  return DueReportSchema.parse({ today: options.today, quarter, units });
}

export function unmeasuredItems(snapshot: Snapshot, commitments: ItemCommitments[]): UnmeasuredReport {
  const index = indexSnapshot(snapshot);
  const byItem = new Map(commitments.map((item) => [item.itemId, item]));
  const items = index.items.flatMap((item) => {
    const found = byItem.get(item.id);
    const dated = found?.deadlines.some((deadline) => deadline.date !== null) ?? false;
    if (dated || (found?.targets.length ?? 0) > 0) return [];
    const ongoing = found?.deadlines.some((deadline) => deadline.precision === 'ongoing') ?? false;
    return [{ id: item.id, documentId: item.documentId, documentTitle: index.documentTitle(item.documentId), label: item.label, title: item.title, ongoing }];
  });
  return UnmeasuredReportSchema.parse({ itemsExamined: index.items.length, items });
}

