/**
 * CSV exports: UTF-8, the header row first, RFC 4180 quoting, and safe to open in a spreadsheet, so that
 * csv.DictReader, pandas and R's read.csv read them with no options. The provenance travels beside the table
 * (provenance.json, or an HTTP header), never inside it. Cells are written here rather than through a CSV
 * library because the writing side is a few lines; the tests read every file back with csv-parse and Python.
 */
import { indexSnapshot } from '../analytics';
import type { Snapshot } from '../model';
import { analyse, type Analysis } from './analysis';
import { buildProvenance } from './provenance';
import { unitAttributesIn } from './unitAttributes';
import type { CsvLayout, CsvOptions, ExportFile, ExportFileKind, Provenance } from './types';

export type Cell = string | number | boolean | null;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvFile(
  kind: ExportFileKind,
  fileName: string,
  header: string[],
  rows: Cell[][],
  provenance: Provenance,
  options: CsvOptions,
): ExportFile {
  return {
    kind,
    fileName,
    mediaType: CSV_MEDIA_TYPE,
    content: csvContent(header, rows, options),
    provenance,
  };
}

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * The UTF-8 byte order mark, for Excel only: without it Excel reads a CSV in the system's ANSI code page and
 * garbles Chinese, while Python's csv module (without encoding='utf-8-sig') keeps it in the first column's name.
 */
const EXCEL_BOM = '\uFEFF';

/** Header and rows as CSV text, CRLF line ends (RFC 4180); with `excel`, a leading byte order mark. */
export function csvContent(header: string[], rows: Cell[][], options: CsvLayout = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${options.excel ? EXCEL_BOM : ''}${lines.join('\r\n')}\r\n`;
}

const NODE_ATTRIBUTES = unitAttributesIn('csv');
export const NODE_COLUMNS = NODE_ATTRIBUTES.map((a) => a.name);

/** One row per unit of the coordination network, highest workload first. */
export function toNodesCsv(snapshot: Snapshot, options: CsvOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const rows = analysis.units.map((u) => NODE_ATTRIBUTES.map((a) => a.value(u)));
  return csvFile('csv-nodes', 'nodes.csv', [...NODE_COLUMNS], rows, analysis.provenance, options);
}

/** One row per tie; sharedItems lists the item labels, separated by "; ". */
export function toEdgesCsv(snapshot: Snapshot, options: CsvOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const rows = analysis.graph.mapEdges((_key, tie, source, target) => [source, target, tie.weight, tie.sharedItems.join('; ')]);
  return csvFile('csv-edges', 'edges.csv', ['source', 'target', 'weight', 'sharedItems'], rows, analysis.provenance, options);
}

export const WORKLOAD_COLUMNS = [
  'rank', 'id', 'name', 'nameEn', 'kind', 'lead', 'co', 'support', 'implement', 'guide', 'assignments', 'weightedLoad',
  'share', 'peerGroup', 'overloaded',
] as const;

/** The workload table, one row per unit, highest load first. */
export function toWorkloadCsv(snapshot: Snapshot, options: CsvOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const rows = analysis.workload.rows.map((r) => [
    r.rank, r.unit.id, r.unit.name, r.unit.nameEn ?? '', r.unit.kind,
    r.counts.lead, r.counts.co, r.counts.support, r.counts.implement, r.counts.guide, r.assignments, r.weightedLoad,
    r.share, r.peerGroup, r.overloaded,
  ]);
  return csvFile('csv-workload', 'workload.csv', [...WORKLOAD_COLUMNS], rows, analysis.provenance, options);
}

export const RESPONSIBILITY_COLUMNS = [
  'documentId', 'itemId', 'itemLabel', 'unitId', 'unitName', 'unitKind', 'provisional', 'role', 'inferred',
  'nameAsWritten', 'start', 'end',
] as const;

/**
 * The item–unit edge list, every unit included (generic ones too), with the provenance of each
 * edge: the name as written and its offsets in the source document.
 */
export function toResponsibilitiesCsv(snapshot: Snapshot, options: CsvOptions = {}): ExportFile {
  const index = indexSnapshot(snapshot);
  const rows = index.items.flatMap((item) =>
    index.ownersOf(item.id).map((r) => {
      const unit = index.unit(r.unitId);
      return [
        item.documentId, item.id, item.label, unit.id, unit.name, unit.kind, unit.provisional, r.role, r.inferred,
        r.nameAsWritten, r.start, r.end,
      ];
    }),
  );
  const provenance = buildProvenance(snapshot, options);
  return csvFile('csv-responsibilities', 'responsibilities.csv', [...RESPONSIBILITY_COLUMNS], rows, provenance, options);
}
