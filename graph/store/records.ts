/**
 * A parsed document flattened into the records both stores keep: validated once here, so the
 * two stores accept and reject exactly the same input, and shaped back into the interface's
 * result objects by the same functions.
 */
import { z } from 'zod';
import { formatZodIssues, InvalidInputError, invalidInputFromZod } from '../errors';
import {
  ParsedDocumentSchema,
  UnitSchema,
  type Clause,
  type DocumentMeta,
  type ParsedDocument,
  type Section,
  type Unit,
  type DocumentScope,
  type ItemCommitments,
  type ItemRef,
  type Responsibility,
  type UnitSummary,
} from '../model';
import { isWithin, type Jurisdiction } from '../jurisdiction';
import { chainOfPlace, placeInfo } from '../places';
import { byId } from './order';
import type { DocumentLoad } from './types';

export interface ItemRecord {
  id: string;
  documentId: string;
  /** Index in the parser's item list: reading order, the tie-breaker of every item list. */
  position: number;
  no: number;
  label: string;
  section: number | null;
  sectionId: string | null;
  parent?: string;
  title: string;
  text: string;
  start: number;
  end: number;
  clause: Clause | null;
}

export type SectionRecord = Section & { documentId: string };
export type ResponsibilityRecord = Responsibility & { position: number };

export interface DocumentRecords {
  document: DocumentMeta;
  sections: SectionRecord[];
  items: ItemRecord[];
  responsibilities: ResponsibilityRecord[];
  /** The units the assignments reference, each once, by id. */
  units: Unit[];
  /** Each item's places, deadlines and targets, in item order. */
  commitments: ItemCommitments[];
}

/** Parse a query or filter, turning a schema violation into bad input that names the field. */
export function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInputFromZod(result.error, { prefix: [what] });
  return result.data;
}

/** Validate a parsed document and its units, and flatten them into store records. */
export function toDocumentRecords(parsed: ParsedDocument, units: Unit[]): DocumentRecords {
  const checked = ParsedDocumentSchema.safeParse(parsed);
  if (!checked.success) throw new InvalidInputError('document', formatZodIssues(checked.error));
  const checkedUnits = z.array(UnitSchema).safeParse(units);
  if (!checkedUnits.success) throw new InvalidInputError('units', formatZodIssues(checkedUnits.error));
  const { document, sections, items } = checked.data;
  const documentId = document.id;

  const sectionById = new Map<string, SectionRecord>();
  const sectionByNo = new Map<number, SectionRecord>();
  /** Numbers printed on more than one section (two 三、): their items must name the section by id. */
  const repeatedNos = new Set<number>();
  for (const section of sections) {
    if (sectionById.has(section.id)) throw new InvalidInputError('sections', `section ${section.label} (${section.id}) appears twice in ${documentId}`);
    const record = { ...section, documentId };
    sectionById.set(section.id, record);
    if (sectionByNo.has(section.no)) repeatedNos.add(section.no);
    else sectionByNo.set(section.no, record);
  }

  const unitById = new Map(checkedUnits.data.map((unit) => [unit.id, unit]));
  const referenced = new Map<string, Unit>();
  const itemIds = new Set<string>();
  const itemRecords: ItemRecord[] = [];
  const responsibilities: ResponsibilityRecord[] = [];
  const commitments: ItemCommitments[] = [];
  items.forEach((item, position) => {
    if (itemIds.has(item.id)) throw new InvalidInputError('items', `item id ${item.id} appears twice in ${documentId}`);
    itemIds.add(item.id);
    if (item.section !== null && repeatedNos.has(item.section) && item.sectionId === undefined) {
      throw new InvalidInputError('items', `item ${item.label} (${item.id}) names section ${item.section}, which ${documentId} numbers more than once, without its sectionId`);
    }
    const section = item.section === null ? null : item.sectionId === undefined ? sectionByNo.get(item.section) : sectionById.get(item.sectionId);
    if (section !== undefined && section !== null && section.no !== item.section) {
      throw new InvalidInputError('items', `item ${item.label} (${item.id}) names section ${item.section} but section id ${section.id}, numbered ${section.no}`);
    }
    if (section === undefined) {
      throw new InvalidInputError('items', `item ${item.label} (${item.id}) names section ${item.section}, which ${documentId} lacks`);
    }
    itemRecords.push({
      id: item.id,
      documentId,
      position,
      no: item.no,
      label: item.label,
      section: item.section,
      sectionId: section?.id ?? null,
      ...(item.parent === undefined ? {} : { parent: item.parent }),
      title: item.title,
      text: item.text,
      start: item.start,
      end: item.end,
      clause: item.clause,
    });
    commitments.push({ itemId: item.id, documentId, places: item.places, deadlines: item.deadlines, targets: item.targets });
    for (const assignment of item.assignments) {
      const unit = unitById.get(assignment.unitId);
      if (!unit) {
        throw new InvalidInputError(
          'units',
          `item ${item.label} (${item.id}) names unit ${assignment.unitId} (${assignment.nameAsWritten}), which the unit list lacks`,
        );
      }
      referenced.set(unit.id, unit);
      responsibilities.push({
        itemId: item.id,
        unitId: unit.id,
        role: assignment.role,
        inferred: assignment.inferred,
        nameAsWritten: assignment.nameAsWritten,
        start: assignment.start,
        end: assignment.end,
        documentId,
        position,
      });
    }
  });

  return {
    document,
    sections: [...sectionById.values()],
    items: itemRecords,
    responsibilities,
    units: [...referenced.values()].sort(byId),
    commitments,
  };
}

/**
 * Validate and flatten a batch load. One id twice in a batch has no single meaning (which
 * version wins?), so it is refused, naming both positions.
 */
export function toBatchRecords(batch: DocumentLoad[]): DocumentRecords[] {
  const seen = new Map<string, number>();
  return batch.map(({ document, units }, index) => {
    const records = toDocumentRecords(document, units);
    const first = seen.get(records.document.id);
    if (first !== undefined) {
      throw new InvalidInputError(`batch.${index}`, `document ${records.document.id} is also entry ${first} of this batch; load it once`);
    }
    seen.set(records.document.id, index);
    return records;
  });
}

/** What a load reports, whatever its outcome. */
export function loadCounts(records: DocumentRecords) {
  return {
    documentId: records.document.id,
    items: records.items.length,
    units: records.units.length,
    responsibilities: records.responsibilities.length,
  };
}

export function toUnitSummary(unit: Unit): UnitSummary {
  const { id, name, shortName, nameEn, kind, jurisdiction, level, function: unitFunction, provisional } = unit;
  return {
    id,
    name,
    shortName,
    ...(nameEn === undefined ? {} : { nameEn }),
    kind,
    jurisdiction,
    ...(level === undefined ? {} : { level }),
    ...(unitFunction === undefined ? {} : { function: unitFunction }),
    provisional,
  };
}

export function toItemRef(item: ItemRecord): ItemRef {
  const { id, documentId, no, label, title, sectionId, position, clause } = item;
  return { id, documentId, no, label, title, sectionId, position, clause };
}

export function toResponsibility(record: ResponsibilityRecord): Responsibility {
  const { itemId, unitId, role, inferred, nameAsWritten, start, end, documentId } = record;
  return { itemId, unitId, role, inferred, nameAsWritten, start, end, documentId };
}

/** Case-insensitive substring match, as both stores define `q`. Blank means no filter. */
export function normaliseQuery(q: string | undefined): string | null {
  const trimmed = q?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

/** Empty lists mean "all", as GraphFilter documents. */
export const activeList = <T>(list: T[] | undefined): T[] | null => (list && list.length > 0 ? list : null);

/** Whether a scope narrows the documents at all; when not, stores skip the document look-up. */
export const scopesDocuments = (scope: DocumentScope): boolean =>
  activeList(scope.document) !== null || scope.jurisdiction !== undefined || scope.yearFrom !== undefined || scope.yearTo !== undefined;

/** The year part of a scope: a document without a year is outside any year range. */
export function inYearScope(year: number | undefined, { yearFrom, yearTo }: DocumentScope): boolean {
  if (yearFrom === undefined && yearTo === undefined) return true;
  return year !== undefined && (yearFrom === undefined || year >= yearFrom) && (yearTo === undefined || year <= yearTo);
}

/** The jurisdiction part of a scope, for a document's (or a unit's) jurisdiction code. */
export function inJurisdictionScope(code: string | undefined, { jurisdiction, includeWithin = true }: DocumentScope): boolean {
  if (jurisdiction === undefined) return true;
  if (code === undefined) return false;
  return includeWithin ? isWithin(code, jurisdiction) : code === jurisdiction;
}

/**
 * The :Jurisdiction nodes some codes call for: each known code with its chain up to national,
 * once each, with the code of the one it lies WITHIN. Unknown codes (000000) have none.
 */
export function jurisdictionChains(codes: Iterable<string | undefined>): Array<{ jurisdiction: Jurisdiction; parent: string | null }> {
  const chains = new Map<string, { jurisdiction: Jurisdiction; parent: string | null }>();
  for (const code of new Set(codes)) {
    if (code === undefined || chains.has(code)) continue;
    const chain = chainOfPlace(code);
    chain.forEach((jurisdiction, index) => chains.set(jurisdiction.code, { jurisdiction, parent: chain[index + 1]?.code ?? null }));
  }
  return [...chains.values()].sort((a, b) => (a.jurisdiction.code < b.jurisdiction.code ? -1 : a.jurisdiction.code > b.jurisdiction.code ? 1 : 0));
}

/**
 * What the places items CONCERN add to the graph: the :Place nodes (one per code, :Region for a
 * region), the region members each region INCLUDES, and the codes whose :Jurisdiction chains
 * they need (the places themselves and the regions' members). Both stores count from this.
 */
export function placeNodes(commitments: Iterable<ItemCommitments>) {
  const places = new Set<string>();
  let concerns = 0;
  for (const item of commitments) {
    for (const place of item.places) places.add(place.code);
    concerns += item.places.length;
  }
  const regions = [...places]
    .map((code) => placeInfo(code))
    .filter((info): info is NonNullable<typeof info> => info !== undefined && info.level === 'region')
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const jurisdictionCodes = [...[...places].filter((code) => !code.startsWith('R-')), ...regions.flatMap((region) => region.members)];
  return { places: [...places].sort(), regions, jurisdictionCodes, concerns };
}
