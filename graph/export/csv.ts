/**
 * CSV exports: UTF-8, a header row, RFC 4180 quoting, and safe to open in a spreadsheet. Cells
 * are written here rather than through a CSV library because the writing side is a few lines;
 * the tests read every file back with csv-parse.
 */
import { indexSnapshot } from '../analytics';
import type { Snapshot } from '../store/types';
import { analyse, type Analysis } from './analysis';
import { buildProvenance } from './provenance';
import type { CsvOptions, ExportFile, ExportFileKind, Provenance } from './types';

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
    content: csvContent(header, rows, options.provenanceComment ? provenance : undefined),
    provenance,
  };
}

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8; header=present';

/** Header and rows as CSV text; with a provenance, a leading `# provenance:` comment line carries it. */
export function csvContent(header: string[], rows: Cell[][], provenance?: unknown): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  // The comment line is opt-in: pandas (comment='#') and R (comment.char='#') skip it, Excel does not.
  if (provenance !== undefined) lines.unshift(`# provenance: ${JSON.stringify(provenance)}`);
  return `${lines.join('\r\n')}\r\n`;
}

export const NODE_COLUMNS = [
  'id', 'name', 'nameEn', 'kind', 'lead', 'co', 'support', 'implement', 'guide', 'weightedLoad', 'overloaded',
  'degree', 'weightedDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'coreNumber', 'community',
] as const;

/** One row per unit of the coordination network, highest workload first. */
export function toNodesCsv(snapshot: Snapshot, options: CsvOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const rows = analysis.units.map((u) => [
    u.unit.id, u.unit.name, u.unit.nameEn ?? '', u.unit.kind,
    u.counts.lead, u.counts.co, u.counts.support, u.counts.implement, u.counts.guide, u.weightedLoad, u.overloaded,
    u.degree, u.weightedDegree, u.betweenness, u.closeness, u.eigenvector, u.pagerank, u.coreNumber, u.community,
  ]);
  return csvFile('nodes-csv', 'nodes.csv', [...NODE_COLUMNS], rows, analysis.provenance, options);
}

/** One row per tie; sharedItems lists the item labels, separated by "; ". */
export function toEdgesCsv(snapshot: Snapshot, options: CsvOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const rows = analysis.graph.mapEdges((_key, tie, source, target) => [source, target, tie.weight, tie.sharedItems.join('; ')]);
  return csvFile('edges-csv', 'edges.csv', ['source', 'target', 'weight', 'sharedItems'], rows, analysis.provenance, options);
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
  return csvFile('workload-csv', 'workload.csv', [...WORKLOAD_COLUMNS], rows, analysis.provenance, options);
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
  return csvFile('responsibilities-csv', 'responsibilities.csv', [...RESPONSIBILITY_COLUMNS], rows, provenance, options);
}
