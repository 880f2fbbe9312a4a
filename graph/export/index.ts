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
  CSV_MEDIA_TYPE,
  csvContent,
  type Cell,
} from './csv';
export { toGraphML } from './graphml';
export { toGexf } from './gexf';
export { drawCytoscape, toCytoscape } from './cytoscape';
export { analyseParts, type Analysis, type AnalysisParts } from './analysis';
export { exportFile, exportFiles, FILE_SETS } from './files';
export { buildProvenance } from './provenance';
export {
  commitmentFile,
  DEADLINE_COLUMNS,
  PLACE_COLUMNS,
  TARGET_COLUMNS,
} from './places';
