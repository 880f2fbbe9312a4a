/**
 * The graph of a first bulk load as CSV files in Neo4j's import format, for `neo4j-admin database import
 * full` (`cli import`). It writes the nodes, labels, properties and relationships that `writeDocuments`
 * (./queries) creates for the same documents, from the same rows (documentNodeRow, commitmentRow, toEdgeRow),
 * so that the imported database answers every read as a loaded one does. Differences, all invisible to
 * the store's reads: an empty list (a unit without aliases, an item without dated deadlines) is an absent
 * property rather than an empty one, and the :GraphVersion node and the schema come from `Neo4jStore.init()`
 * once the imported database runs.
 *
 * It takes documents as a store does (`loadDocuments`), so `ingestFiles` parses on every core and hands
 * batches in file order; each document id may come once, as a first load has nothing to replace.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../errors';
import type { ItemCommitments, Unit } from '../../model';
import { jurisdictionChains, loadCounts, placeNodes, toBatchRecords } from '../records';
import type { DocumentLoad, LoadResult } from '../types';
import { commitmentRow, documentNodeRow, toEdgeRow } from './queries';
import { UNIT_KIND_LABEL } from './vocabulary';

/** Separates the elements of a list property and the labels of a node (neo4j-admin's default). */
const ARRAY_DELIMITER = ';';
/** Bytes buffered per file before a write. */
const FLUSH_BYTES = 1 << 20;

type Cell = string | number | boolean | null | undefined | readonly string[];

/** One CSV cell: strings quoted (so "" stays an empty string), null and undefined empty (no property). */
function cell(value: Cell, where: () => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  if (value.length === 0) return '';
  const clash = value.find((element) => element.includes(ARRAY_DELIMITER));
  if (clash !== undefined) throw new InvalidInputError(where(), `"${clash}" contains "${ARRAY_DELIMITER}", which separates list elements in the import files`);
  return `"${value.join(ARRAY_DELIMITER).replaceAll('"', '""')}"`;
}

/** A CSV file with its header, written in 1 MB pieces. */
class CsvFile {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.pending.push(`${header.join(',')}\n`);
  }

  add(cells: readonly Cell[], where: () => string): void {
    const line = `${cells.map((value) => cell(value, where)).join(',')}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.rows++;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** The column of a property in neo4j-admin's header: `name`, `name:long`, `name:boolean`, `name:string[]`. */
function column(name: string, sample: unknown): string {
  if (typeof sample === 'number') return `${name}:${Number.isInteger(sample) ? 'long' : 'double'}`;
  if (typeof sample === 'boolean') return `${name}:boolean`;
  if (Array.isArray(sample)) return `${name}:string[]`;
  return name;
}

/** Every property some row has, each with its type from the first row that has it; `id` first. */
function propertyColumns(rows: ReadonlyArray<Record<string, unknown>>, idColumn: string): { names: string[]; header: string[] } {
  const samples = new Map<string, unknown>();
  for (const row of rows) for (const [name, value] of Object.entries(row)) if (value !== null && value !== undefined && !samples.has(name)) samples.set(name, value);
  samples.delete('id');
  const names = [...samples.keys()].sort();
  return { names: ['id', ...names], header: [idColumn, ...names.map((name) => column(name, samples.get(name)))] };
}

/** What neo4j-admin is given: the files, and the counts a report names. */
export interface ImportFileSet {
  nodes: string[];
  relationships: string[];
  documents: number;
  items: number;
  units: number;
  responsibilities: number;
}

export class Neo4jImportFiles {
  private readonly sections: CsvFile;
  private readonly items: CsvFile;
  private readonly sectionPartOf: CsvFile;
  private readonly itemPartOf: CsvFile;
  private readonly itemInSection: CsvFile;
  private readonly concerns: CsvFile;
  private readonly responsibilities: CsvFile;
  /** Kept to the end: documents are few; units and places are merged across documents, the last row winning as MERGE … SET does. */
  private readonly documents = new Map<string, Record<string, unknown>>();
  private readonly units = new Map<string, Unit>();
  private readonly commitments: ItemCommitments[] = [];
  private readonly jurisdictionCodes = new Set<string>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.sections = this.file('sections', ['id:ID(Section)', 'documentId', 'no:long', 'label', 'title', ':LABEL']);
    this.items = this.file('items', [
      'id:ID(Item)', 'documentId', 'position:long', 'no:long', 'label', 'section:long', 'sectionId', 'parent', 'title', 'text', 'start:long', 'end:long',
      'clauseText', 'clauseStart:long', 'clauseEnd:long', 'clauseTextStart:long', 'clauseTextEnd:long',
      'deadlines', 'targets', 'deadlineDates:string[]', 'hasTarget:boolean', ':LABEL',
    ]);
    this.sectionPartOf = this.file('section-part-of', [':START_ID(Section)', ':END_ID(Document)', ':TYPE']);
    this.itemPartOf = this.file('item-part-of', [':START_ID(Item)', ':END_ID(Document)', ':TYPE']);
    this.itemInSection = this.file('item-in-section', [':START_ID(Item)', ':END_ID(Section)', ':TYPE']);
    this.concerns = this.file('concerns', [':START_ID(Item)', ':END_ID(Place)', ':TYPE', 'mention', 'zone', 'start:long', 'end:long', 'documentId']);
    this.responsibilities = this.file('responsibilities', [':START_ID(Unit)', ':END_ID(Item)', ':TYPE', 'nameAsWritten', 'inferred:boolean', 'start:long', 'end:long', 'documentId']);
  }

  /** Writes the batch's rows. Checked whole first, so a refused batch writes nothing (ingestFiles then retries each document alone). */
  async loadDocuments(batch: DocumentLoad[]): Promise<LoadResult[]> {
    const records = toBatchRecords(batch);
    for (const { document } of records) {
      if (this.documents.has(document.id)) {
        throw new InvalidInputError('document', `${document.id} came in an earlier file already; an import is a first load, each document once`);
      }
    }
    for (const record of records) {
      const { document, sections, items, responsibilities, units, commitments } = record;
      const where = () => `document ${document.id}`;
      this.documents.set(document.id, documentNodeRow(record));
      if (document.jurisdiction) this.jurisdictionCodes.add(document.jurisdiction.code);
      for (const unit of units) {
        this.units.set(unit.id, unit);
        this.jurisdictionCodes.add(unit.jurisdiction);
      }
      for (const section of sections) {
        this.sections.add([section.id, section.documentId, section.no, section.label, section.title, 'Section'], where);
        this.sectionPartOf.add([section.id, document.id, 'PART_OF'], where);
      }
      const commitmentsByItem = new Map(commitments.map((entry) => [entry.itemId, entry]));
      for (const item of items) {
        const { places, deadlines, targets, deadlineDates, hasTarget } = commitmentRow(commitmentsByItem.get(item.id));
        const { clause } = item;
        this.items.add(
          [
            item.id, item.documentId, item.position, item.no, item.label, item.section, item.sectionId, item.parent, item.title, item.text, item.start, item.end,
            clause?.text, clause?.start, clause?.end, clause?.textStart, clause?.textEnd,
            deadlines, targets, deadlineDates, hasTarget, 'Item',
          ],
          where,
        );
        if (item.sectionId === null) this.itemPartOf.add([item.id, document.id, 'PART_OF'], where);
        else this.itemInSection.add([item.id, item.sectionId, 'IN_SECTION'], where);
        for (const place of places) this.concerns.add([item.id, place.code, 'CONCERNS', place.mention, place.zone, place.start, place.end, document.id], where);
      }
      for (const responsibility of responsibilities) {
        const edge = toEdgeRow(responsibility);
        this.responsibilities.add([edge.unitId, responsibility.itemId, edge.type, edge.nameAsWritten, edge.inferred, edge.start, edge.end, edge.documentId], where);
      }
      this.commitments.push(...commitments);
    }
    return records.map((record) => ({ ...loadCounts(record), outcome: 'created' as const }));
  }

  /** Writes what is merged across documents (documents, units, jurisdictions, places) and closes every file. */
  finish(): ImportFileSet {
    const documents = [...this.documents.values()];
    const documentColumns = propertyColumns(
      documents.map(({ jurisdiction: _jurisdiction, ...properties }) => properties),
      'id:ID(Document)',
    );
    const documentFile = this.file('documents', [...documentColumns.header, ':LABEL']);
    const documentOf = this.file('document-of', [':START_ID(Document)', ':END_ID(Place)', ':TYPE']);
    for (const row of documents) {
      documentFile.add([...documentColumns.names.map((name) => row[name] as Cell), 'Document'], () => `document ${String(row.id)}`);
      if (row.jurisdiction !== null) documentOf.add([row.id as string, row.jurisdiction as string, 'OF'], () => `document ${String(row.id)}`);
    }

    const places = placeNodes(this.commitments);
    const chains = jurisdictionChains([...this.jurisdictionCodes, ...places.jurisdictionCodes]);
    const known = new Set(chains.map(({ jurisdiction }) => jurisdiction.code));
    const placeCodes = new Set(places.places);
    // Jurisdictions and regions share one id space, as CONCERNS points at either by its code.
    const jurisdictions = this.file('jurisdictions', ['code:ID(Place)', 'name', 'level', ':LABEL']);
    const within = this.file('within', [':START_ID(Place)', ':END_ID(Place)', ':TYPE']);
    for (const { jurisdiction, parent } of chains) {
      const where = () => `jurisdiction ${jurisdiction.code}`;
      jurisdictions.add([jurisdiction.code, jurisdiction.name, jurisdiction.level, placeCodes.has(jurisdiction.code) ? 'Jurisdiction;Place' : 'Jurisdiction'], where);
      if (parent !== null) within.add([jurisdiction.code, parent, 'WITHIN'], where);
    }
    const regions = this.file('regions', ['code:ID(Place)', 'name', 'level', ':LABEL']);
    const includes = this.file('includes', [':START_ID(Place)', ':END_ID(Place)', ':TYPE']);
    for (const region of places.regions) {
      const where = () => `region ${region.code}`;
      regions.add([region.code, region.name, 'region', 'Place;Region'], where);
      for (const member of region.members) if (known.has(member)) includes.add([region.code, member, 'INCLUDES'], where);
    }

    const units = [...this.units.values()];
    const unitColumns = propertyColumns(units, 'id:ID(Unit)');
    const unitFile = this.file('units', [...unitColumns.header, ':LABEL']);
    const unitOf = this.file('unit-of', [':START_ID(Unit)', ':END_ID(Place)', ':TYPE']);
    for (const unit of units) {
      const where = () => `unit ${unit.id}`;
      unitFile.add([...unitColumns.names.map((name) => (unit as Record<string, unknown>)[name] as Cell), `Unit;${UNIT_KIND_LABEL[unit.kind]}`], where);
      if (known.has(unit.jurisdiction)) unitOf.add([unit.id, unit.jurisdiction, 'OF'], where);
    }

    const nodeFiles = [documentFile, this.sections, this.items, unitFile, jurisdictions, regions];
    const relationshipFiles = [documentOf, this.sectionPartOf, this.itemPartOf, this.itemInSection, this.concerns, this.responsibilities, unitOf, within, includes];
    for (const file of [...nodeFiles, ...relationshipFiles]) file.close();
    return {
      nodes: nodeFiles.map((file) => file.path),
      relationships: relationshipFiles.map((file) => file.path),
      documents: documents.length,
      items: this.items.rows,
      units: units.length,
      responsibilities: this.responsibilities.rows,
    };
  }

  private file(name: string, header: readonly string[]): CsvFile {
    return new CsvFile(join(this.dir, `${name}.csv`), header);
  }
}
