/** GEXF of the coordination network, written by graphology-gexf; provenance in <meta>. */
import { UndirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Snapshot } from '../model';
import { analyse, type Analysis } from './analysis';
import type { ExportFile, ExportOptions } from './types';
import { joinItems, unitAttributeValues } from './unitAttributes';

export function toGexf(snapshot: Snapshot, options: ExportOptions = {}, analysis: Analysis = analyse(snapshot, options)): ExportFile {
  const { provenance } = analysis;
  const graph = new UndirectedGraph();
  graph.replaceAttributes({
    creator: `${provenance.software.name} ${provenance.software.version}`,
    description: JSON.stringify(provenance),
    lastModifiedDate: provenance.generatedAt.slice(0, 10),
  });
  for (const u of analysis.units) {
    graph.addNode(u.unit.id, { label: u.unit.shortName, ...unitAttributeValues('graph', u) });
  }
  analysis.graph.forEachEdge((key, tie, source, target) => {
    graph.addEdgeWithKey(key, source, target, {
      weight: tie.weight,
      sharedItemCount: tie.sharedItemCount,
      sharedItems: joinItems(tie.sharedItems),
    });
  });
  const content = write(graph, { pedantic: true, version: '1.3' });
  return { kind: 'gexf', fileName: 'coordination.gexf', mediaType: 'application/gexf+xml; charset=utf-8', content, provenance };
}
