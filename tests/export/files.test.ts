import { exportFile, exportFiles, ExportFileSchema, FILE_SETS, ProvenanceSchema } from '../../graph/export';
import { NOW, TRICKY } from './fixtures';

describe('exportFiles', () => {
  it('writes a CSV set with a provenance.json sidecar sharing one provenance', () => {
    const files = exportFiles(TRICKY, 'csv', { now: NOW, seed: 3 }).map((f) => ExportFileSchema.parse(f));
    expect(files.map((f) => f.fileName)).toEqual(['nodes.csv', 'edges.csv', 'responsibilities.csv', 'workload.csv', 'provenance.json']);
    const sidecar = ProvenanceSchema.parse(JSON.parse(files.at(-1)!.content));
    for (const file of files) expect(file.provenance).toEqual(sidecar);
    expect(sidecar.parameters.seed).toBe(3);
  });

  it('writes the report and the bipartite Cytoscape graph as JSON', () => {
    const [report, cytoscape] = exportFiles(TRICKY, 'json', { now: NOW });
    const parsed = JSON.parse(report!.content);
    expect(Object.keys(parsed).sort()).toEqual(['gaps', 'network', 'provenance', 'workload']);
    expect(parsed.gaps.gaps.map((g: { item: { label: string } }) => g.item.label)).toEqual(['（三）', '（四）']);
    expect(JSON.parse(cytoscape!.content).mode).toBe('bipartite');
  });

  it('gives the same bytes for the same input and clock', () => {
    for (const format of Object.keys(FILE_SETS) as (keyof typeof FILE_SETS)[]) {
      expect(exportFiles(TRICKY, format, { now: NOW })).toEqual(exportFiles(TRICKY, format, { now: NOW }));
    }
    expect(exportFile(TRICKY, 'graphml', { now: NOW })).toEqual(exportFiles(TRICKY, 'graphml', { now: NOW })[0]);
  });
});
