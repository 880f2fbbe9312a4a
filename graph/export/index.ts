/** Public door of the exports: CSV, GraphML, GEXF and Cytoscape JSON, each with its provenance. */
export * from './types';
export {
  toNodesCsv,
  toEdgesCsv,
  toResponsibilitiesCsv,
  toWorkloadCsv,
  NODE_COLUMNS,
  RESPONSIBILITY_COLUMNS,
  WORKLOAD_COLUMNS,
} from './csv';
export { toGraphML } from './graphml';
export { toGexf } from './gexf';
export { drawCytoscape, toCytoscape } from './cytoscape';
export { analyseParts, type Analysis, type AnalysisParts } from './analysis';
export { exportFile, exportFiles, FORMAT_FILES } from './files';
export { buildProvenance } from './provenance';
