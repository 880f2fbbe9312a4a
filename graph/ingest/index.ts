/** From document bytes to the graph: parse, resolve units, load. */
export {
  DEFAULT_SEEDS_DIR,
  LOAD_BATCH_EDGES,
  LoadBatcher,
  ingestFiles,
  ingestDocument,
  loadParsed,
  loadSeeds,
  type DocumentSink,
  type FileIngest,
  type IngestProgress,
  type Ingested,
} from './ingest';
export { documentPaths } from './documentPaths';
