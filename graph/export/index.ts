/** Public door of the exports: CSV, GraphML, GEXF and Cytoscape JSON, each with its provenance. */
export * from './types';
