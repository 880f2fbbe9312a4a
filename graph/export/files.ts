/**
 * Export files by kind (single-file downloads) and by format (the CLI's `export --format`).
 * CSV sets travel with a `provenance.json` beside them, so that every CSV reader opens them as they
 * are; a single-file HTTP download carries its provenance in a response header.
 */
import { findGaps, type CommunityAssignment } from '../analytics';
import type { Snapshot } from '../model';
import { analyse, type Analysis } from './analysis';
import { toNodesCsv, toEdgesCsv, toResponsibilitiesCsv, toWorkloadCsv } from './csv';
import { drawCytoscape } from './cytoscape';
import { toGexf } from './gexf';
import { toGraphML } from './graphml';
import type { CsvOptions, ExportFile, ExportFileKind, ExportFileSet, Provenance, SnapshotFileKind } from './types';

const json = (kind: ExportFileKind, fileName: string, value: unknown, provenance: Provenance): ExportFile => ({
  kind,
  fileName,
  mediaType: 'application/json; charset=utf-8',
  content: `${JSON.stringify(value, null, 2)}\n`,
  provenance,
});

const WRITERS: Record<SnapshotFileKind, (snapshot: Snapshot, options: CsvOptions, analysis: Analysis) => ExportFile> = {
  'csv-nodes': (snapshot, options, analysis) => toNodesCsv(snapshot, options, analysis),
  'csv-edges': (snapshot, options, analysis) => toEdgesCsv(snapshot, options, analysis),
  'csv-responsibilities': (snapshot, options) => toResponsibilitiesCsv(snapshot, options),
  'csv-workload': (snapshot, options, analysis) => toWorkloadCsv(snapshot, options, analysis),
  graphml: (snapshot, options, analysis) => toGraphML(snapshot, options, analysis),
  gexf: (snapshot, options, analysis) => toGexf(snapshot, options, analysis),
  'json': (snapshot, options, analysis) => {
    const graph = drawCytoscape(analysis, { ...options, mode: 'bipartite' }, snapshot);
    return json('json', 'cytoscape.json', graph, analysis.provenance);
  },
  'report': (snapshot, options, { provenance, workload, network }) =>
    json('report', 'report.json', { provenance, workload, gaps: findGaps(snapshot, options), network }, provenance),
  'provenance': (_snapshot, _options, { provenance }) => json('provenance', 'provenance.json', provenance, provenance),
};

export const FILE_SETS: Record<ExportFileSet, SnapshotFileKind[]> = {
  csv: ['csv-nodes', 'csv-edges', 'csv-responsibilities', 'csv-workload', 'provenance'],
  graphml: ['graphml'],
  gexf: ['gexf'],
  json: ['report', 'json'],
};

/** One file, e.g. for an HTTP download. */
/** `previousCommunities`: the remembered partition whose numbers communities keep (graph/analytics/communityMatching.ts). */
export function exportFile(
  snapshot: Snapshot,
  kind: SnapshotFileKind,
  options: CsvOptions = {},
  previousCommunities?: CommunityAssignment | null,
): ExportFile {
  return WRITERS[kind](snapshot, options, analyse(snapshot, options, previousCommunities));
}

/** The files of one set, analysed once. */
export function exportFiles(snapshot: Snapshot, set: ExportFileSet, options: CsvOptions = {}): ExportFile[] {
  const analysis = analyse(snapshot, options);
  return FILE_SETS[set].map((kind) => WRITERS[kind](snapshot, options, analysis));
}
