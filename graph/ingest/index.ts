/** From document bytes to the graph: parse, resolve units, load. */
export {
  DEFAULT_SEEDS_DIR,
  ingestFiles,
  ingestDocument,
  loadSeeds,
  type FileIngest,
  type IngestProgress,
  type Ingested,
} from './ingest';
