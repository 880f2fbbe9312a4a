/**
 * Export files by kind (single-file downloads) and by format (the CLI's `export --format`).
 * CSV sets travel with a `provenance.json` sidecar rather than a comment line, so that every
 * CSV reader opens them as they are; a single-file download carries a `# provenance:` line.
 */
import { findGaps } from '../analytics';
import type { Snapshot } from '../store/types';
import { analyse, type Analysis } from './analysis';
import { toNodesCsv, toEdgesCsv, toResponsibilitiesCsv, toWorkloadCsv } from './csv';
import { toCytoscape } from './cytoscape';
import { toGexf } from './gexf';
import { toGraphML } from './graphml';
import type { CommitmentFileKind } from './places';
import type { ExportFile, ExportFileKind, ExportFormat, ExportOptions, Provenance } from './types';

const json = (kind: ExportFileKind, fileName: string, value: unknown, provenance: Provenance): ExportFile => ({
  kind,
  fileName,
  mediaType: 'application/json; charset=utf-8',
  content: `${JSON.stringify(value, null, 2)}\n`,
  provenance,
});

/** The files made from a snapshot alone; the place, deadline and target files (places.ts) need the items' commitments too. */
export type SnapshotFileKind = Exclude<ExportFileKind, CommitmentFileKind>;

const WRITERS: Record<SnapshotFileKind, (snapshot: Snapshot, options: ExportOptions, analysis: Analysis) => ExportFile> = {
  'nodes-csv': (snapshot, options, analysis) => toNodesCsv(snapshot, options, analysis),
  'edges-csv': (snapshot, options, analysis) => toEdgesCsv(snapshot, options, analysis),
  'responsibilities-csv': (snapshot, options) => toResponsibilitiesCsv(snapshot, options),
  'workload-csv': (snapshot, options, analysis) => toWorkloadCsv(snapshot, options, analysis),
  graphml: (snapshot, options, analysis) => toGraphML(snapshot, options, analysis),
  gexf: (snapshot, options, analysis) => toGexf(snapshot, options, analysis),
  'cytoscape-json': (snapshot, options, analysis) => {
    const graph = toCytoscape(snapshot, { ...options, mode: 'bipartite' });
    return json('cytoscape-json', 'cytoscape.json', graph, analysis.provenance);
  },
  'report-json': (snapshot, options, { provenance, workload, network }) =>
    json('report-json', 'report.json', { provenance, workload, gaps: findGaps(snapshot, options), network }, provenance),
  'provenance-json': (_snapshot, _options, { provenance }) => json('provenance-json', 'provenance.json', provenance, provenance),
};

export const FORMAT_FILES: Record<ExportFormat, SnapshotFileKind[]> = {
  csv: ['nodes-csv', 'edges-csv', 'responsibilities-csv', 'workload-csv', 'provenance-json'],
  graphml: ['graphml'],
  gexf: ['gexf'],
  json: ['report-json', 'cytoscape-json'],
};

/** One file, e.g. for an HTTP download. */
export function exportFile(snapshot: Snapshot, kind: SnapshotFileKind, options: ExportOptions = {}): ExportFile {
  return WRITERS[kind](snapshot, options, analyse(snapshot, options));
}

/** The files of one format, analysed once. */
export function exportFiles(snapshot: Snapshot, format: ExportFormat, options: ExportOptions = {}): ExportFile[] {
  const analysis = analyse(snapshot, options);
  return FORMAT_FILES[format].map((kind) => WRITERS[kind](snapshot, options, analysis));
}
