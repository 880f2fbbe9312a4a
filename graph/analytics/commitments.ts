/**
 * Where and by when, for planners and auditors: the places of a jurisdiction with the items that
 * touch each (its government named in a clause, kept apart from the place mentioned in a body),
 * a unit's deadlines by month with what is overdue, the deadlines due this quarter per unit, and
 * the items that commit to nothing measurable (no dated deadline and no target).
 */
import { allJurisdictions, getJurisdiction, NATIONAL_JURISDICTION, type Jurisdiction } from '../jurisdiction';
import type { Deadline, ItemCommitments, Snapshot, UnitSummary } from '../model';
import { chainOfPlace, EXTRA_PROVINCES, placeInfo } from '../places';
import {
  DueReportSchema,
  PlaceReportSchema,
  TimelineReportSchema,
  UnmeasuredReportSchema,
  type DueOptions,
  type DueReport,
  type ItemBrief,
  type PlaceOptions,
  type PlaceReport,
  type PlaceRow,
  type TimelineEntry,
  type TimelineOptions,
  type TimelineReport,
  type UnmeasuredReport,
} from './commitmentReports';
import { tileLayout } from './tiles';
import { appendTo, indexSnapshot, isGeneric } from './snapshotIndex';

/** The province (or national jurisdiction) a plan of `code` counts towards on the map. */
function provinceOf(code: string | undefined): string | undefined {
  const chain = code ? chainOfPlace(code) : [];
  return (chain.find((j) => j.level === 'province') ?? chain.find((j) => j.level === 'national'))?.code;
}

/** The jurisdiction most plans in view belong to at province level (or national when most are national). */
function mapJurisdiction(votes: ReadonlyMap<string, number>, wanted: string | undefined): Jurisdiction {
  const given = wanted === undefined ? undefined : getJurisdiction(wanted);
  if (given && given.level !== 'county' && given.level !== 'township') return given;
  const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return (best && getJurisdiction(best)) || NATIONAL_JURISDICTION;
}

/** The places one level below `parent`: its prefectures, its counties, or the provinces. */
function childrenOf(parent: Jurisdiction): Array<{ code: string; name: string }> {
  const children = allJurisdictions().filter((j) => j.level !== 'national' && chainOfPlace(j.code)[1]?.code === parent.code);
  if (parent.code === NATIONAL_JURISDICTION.code) children.push(...EXTRA_PROVINCES.map(({ code, name }) => ({ code, name, level: 'province' as const })));
  return children.map(({ code, name }) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : 1));
}


// ---------------------------------------------------------------------------------------------
// The part: what documents contribute before any option applies
// ---------------------------------------------------------------------------------------------

/**
 * What the documents of a snapshot contribute to the where-and-by-when reports, before any option (the map's
 * jurisdiction, a unit, today) applies. Items belong to one document each, so the part of several documents is
 * their parts joined in document order (mergeCommitmentParts): the analytics worker keeps one per document
 * (graph/analytics/partials.ts) and makes a scope's reports from the join, equal to the part of its whole snapshot.
 */
export interface CommitmentPart {
  /** Plans per province (or the national jurisdiction) they lie in: the map's jurisdiction when none is asked. */
  votes: Map<string, number>;
  /** Every place some item touches, by code; `tile` is set by the report, which knows the map. */
  places: Map<string, PlaceRow>;
  /** The units owning the items, by id. */
  units: Map<string, UnitSummary>;
  /** Every deadline of every item, in document order, with the ids of the item's owners. */
  deadlines: DeadlineEntry[];
  /** The items with a dated deadline, in document order: their dates and the ids of their owners. */
  dated: Array<{ itemId: string; dates: string[]; owners: string[] }>;
  /** The items committing to nothing measurable. */
  unmeasured: UnmeasuredReport;
}

interface DeadlineEntry {
  item: ItemBrief;
  deadline: Deadline;
  owners: string[];
}

export function commitmentPart(snapshot: Snapshot, commitments: ItemCommitments[]): CommitmentPart {
  const index = indexSnapshot(snapshot);
  const part: CommitmentPart = {
    votes: new Map(),
    places: new Map(),
    units: new Map(snapshot.units.map((unit) => [unit.id, unit])),
    deadlines: [],
    dated: [],
    unmeasured: { itemsExamined: index.items.length, items: [] },
  };
  for (const document of snapshot.documents) {
    const province = provinceOf(document.jurisdiction?.code);
    if (province) part.votes.set(province, (part.votes.get(province) ?? 0) + 1);
  }
  const rowOf = (code: string): PlaceRow | undefined => {
    const existing = part.places.get(code);
    if (existing) return existing;
    const info = placeInfo(code);
    if (!info) return undefined;
    const row: PlaceRow = { code, name: info.name, level: info.level, within: info.within, tile: null, members: info.members, named: [], mentioned: [] };
    part.places.set(code, row);
    return row;
  };
  const briefs = new Map<string, ItemBrief>(
    index.items.map(({ id, documentId, label, title }) => [id, { id, documentId, documentTitle: index.documentTitle(documentId), label, title }]),
  );
  const ownerIds = new Map(index.items.map((item) => [item.id, index.ownersOf(item.id).map((owner) => owner.unitId)]));
  const byItem = new Map(commitments.map((item) => [item.itemId, item]));
  // Clause: a government named as a unit (kind city) is its place's responsibility.
  for (const item of index.items) {
    const brief = briefs.get(item.id) as ItemBrief;
    for (const owner of index.ownersOf(item.id)) {
      const unit = index.unit(owner.unitId);
      if (unit.kind === 'city' && !isGeneric(unit)) rowOf(unit.jurisdiction)?.named.push({ item: brief, unitId: unit.id, role: owner.role });
    }
    const found = byItem.get(item.id);
    const dates = found?.deadlines.flatMap((deadline) => (deadline.date === null ? [] : [deadline.date])) ?? [];
    if (dates.length > 0) part.dated.push({ itemId: item.id, dates, owners: ownerIds.get(item.id) as string[] });
    if (dates.length === 0 && (found?.targets.length ?? 0) === 0) {
      const ongoing = found?.deadlines.some((deadline) => deadline.precision === 'ongoing') ?? false;
      part.unmeasured.items.push({ ...brief, ongoing });
    }
  }
  for (const item of commitments) {
    const brief = briefs.get(item.itemId);
    if (!brief) continue;
    // Body: one entry per item and place, at the first mention.
    const seen = new Set<string>();
    for (const place of item.places) {
      if (seen.has(place.code)) continue;
      seen.add(place.code);
      rowOf(place.code)?.mentioned.push({ item: brief, mention: place.mention, start: place.start, end: place.end });
    }
    for (const deadline of item.deadlines) part.deadlines.push({ item: brief, deadline, owners: ownerIds.get(item.itemId) as string[] });
  }
  return part;
}

/** Appends one by one: a spread of a corpus-sized list exceeds the engine's argument limit. */
function appendAll<T>(target: T[], source: readonly T[]): void {
  for (const value of source) target.push(value);
}

/** The part of several documents from theirs, given in document order; the parts themselves are left as they are. */
export function mergeCommitmentParts(parts: readonly CommitmentPart[]): CommitmentPart {
  const merged: CommitmentPart = { votes: new Map(), places: new Map(), units: new Map(), deadlines: [], dated: [], unmeasured: { itemsExamined: 0, items: [] } };
  for (const part of parts) {
    for (const [code, plans] of part.votes) merged.votes.set(code, (merged.votes.get(code) ?? 0) + plans);
    for (const [code, row] of part.places) {
      const sum = merged.places.get(code);
      if (!sum) merged.places.set(code, { ...row, named: [...row.named], mentioned: [...row.mentioned] });
      else {
        appendAll(sum.named, row.named);
        appendAll(sum.mentioned, row.mentioned);
      }
    }
    for (const [id, unit] of part.units) merged.units.set(id, unit);
    appendAll(merged.deadlines, part.deadlines);
    appendAll(merged.dated, part.dated);
    merged.unmeasured.itemsExamined += part.unmeasured.itemsExamined;
    appendAll(merged.unmeasured.items, part.unmeasured.items);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// The reports
// ---------------------------------------------------------------------------------------------

export function placeReport(part: CommitmentPart, options: PlaceOptions = {}): PlaceReport {
  const jurisdiction = mapJurisdiction(part.votes, options.jurisdiction);
  const children = childrenOf(jurisdiction);
  const childCodes = new Set(children.map((child) => child.code));
  const tileItems = new Map(children.map((child) => [child.code, { named: new Set<string>(), mentioned: new Set<string>() }]));
  const places = [...part.places.values()]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((row) => {
      const tile = chainOfPlace(row.code).find((j) => childCodes.has(j.code))?.code ?? null;
      const counted = tile === null ? undefined : tileItems.get(tile);
      for (const entry of row.named) counted?.named.add(entry.item.id);
      for (const entry of row.mentioned) counted?.mentioned.add(entry.item.id);
      return { ...row, tile };
    });
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
    places,
  });
}

/** Deadlines by month, of one unit's items or of all; `today` marks what is overdue. */
export function timelineReport(part: CommitmentPart, options: TimelineOptions): TimelineReport {
  const { unit, today } = options;
  const months = new Map<string, TimelineEntry[]>();
  const ongoing: TimelineEntry[] = [];
  const undated: TimelineEntry[] = [];
  for (const { item, deadline, owners } of part.deadlines) {
    if (unit !== undefined && !owners.includes(unit)) continue;
    const entry = { item, deadline, overdue: deadline.date !== null && deadline.date < today };
    if (deadline.precision === 'ongoing') ongoing.push(entry);
    else if (deadline.date === null) undated.push(entry);
    else appendTo(months, deadline.date.slice(0, 7), entry);
  }
  const sortedMonths = [...months]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([month, entries]) => ({ month, entries: entries.sort((a, b) => (a.deadline.date! < b.deadline.date! ? -1 : a.deadline.date! > b.deadline.date! ? 1 : 0)) }));
  const dated = sortedMonths.flatMap((month) => month.entries);
  return TimelineReportSchema.parse({
    today,
    unit: unit === undefined ? null : (part.units.get(unit) ?? null),
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

export function dueReport(part: CommitmentPart, options: DueOptions): DueReport {
  const quarter = quarterOf(options.today);
  const perUnit = new Map<string, { due: Set<string>; overdue: Set<string> }>();
  for (const { itemId, dates, owners } of part.dated) {
    const due = dates.some((date) => date >= quarter.start && date <= quarter.end);
    const overdue = dates.some((date) => date < options.today);
    if (!due && !overdue) continue;
    for (const unitId of owners) {
      const counts = perUnit.get(unitId) ?? { due: new Set<string>(), overdue: new Set<string>() };
      if (due) counts.due.add(itemId);
      if (overdue) counts.overdue.add(itemId);
      perUnit.set(unitId, counts);
    }
  }
  const units = [...perUnit]
    .map(([unitId, counts]) => ({ unit: part.units.get(unitId) as UnitSummary, dueThisQuarter: counts.due.size, overdue: counts.overdue.size }))
    .sort((a, b) => b.dueThisQuarter - a.dueThisQuarter || b.overdue - a.overdue || (a.unit.id < b.unit.id ? -1 : 1));
  return DueReportSchema.parse({ today: options.today, quarter, units });
}

export function unmeasuredItems(part: CommitmentPart): UnmeasuredReport {
  return UnmeasuredReportSchema.parse(part.unmeasured);
}
