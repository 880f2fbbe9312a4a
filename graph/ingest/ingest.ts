/**
 * Parse documents and load them into a store: the one path every entry point (CLI, server,
 * seeds) takes from bytes to graph, so they all resolve units and report warnings alike.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, StoreUnavailableError } from '../errors';
import type { DocumentSidecar, ParseWarning, ParsedDocument } from '../model';
import { parseDocument, readDocumentFile } from '../parse';
import type { UnitRegistry } from '../registry';
import type { GraphStore, LoadResult } from '../store';

export const DEFAULT_SEEDS_DIR = join(__dirname, '..', '..', 'seeds', 'documents');

export interface Ingested {
  load: LoadResult;
  warnings: ParseWarning[];
}

/** One file's outcome: loaded (with the parser's warnings), or refused with a message for a person. */
export type FileIngest = ({ ok: true } & Ingested & { path: string }) | { ok: false; path: string; error: string };

export type IngestProgress = (done: number, total: number, result: FileIngest) => void;

async function loadParsed(store: GraphStore, registry: UnitRegistry, parsed: ParsedDocument): Promise<Ingested> {
  const load = await store.loadDocument(parsed, registry.unitsFor(parsed));
  return { load, warnings: parsed.warnings };
}

/**
 * Ingest files one by one, each in its own transaction. A file that cannot be read or parsed
 * is reported and skipped; a store outage stops the run (every later file would fail too).
 */
export async function ingestFiles(
  store: GraphStore,
  registry: UnitRegistry,
  paths: string[],
  onProgress?: IngestProgress,
): Promise<FileIngest[]> {
  const results: FileIngest[] = [];
  for (const path of paths) {
    let result: FileIngest;
    try {
      result = { ok: true, path, ...(await loadParsed(store, registry, readDocumentFile(path, registry))) };
    } catch (error) {
      if (error instanceof StoreUnavailableError || !(error instanceof DomainError)) throw error;
      result = { ok: false, path, error: error.message };
    }
    results.push(result);
    onProgress?.(results.length, paths.length, result);
  }
  return results;
}

/**
 * Ingest an uploaded document. Given its bytes (UTF-8 or GB18030), the stored sha256 is that of the
 * bytes, as for a file, so re-uploading a file the CLI ingested is `unchanged`. Parse errors propagate.
 */
export async function ingestDocument(
  store: GraphStore,
  registry: UnitRegistry,
  content: Uint8Array | string,
  options: { source: string; id?: string; sidecar?: DocumentSidecar },
): Promise<Ingested> {
  return loadParsed(store, registry, parseDocument(content, { ...options, registry }));
}

/**
 * Load every `*.txt` document of the seeds folder (sidecars beside them), in name order.
 * The seeds ship with the product, so one that fails to load is an error, not a warning.
 */
export async function loadSeeds(
  store: GraphStore,
  registry: UnitRegistry,
  dir: string = DEFAULT_SEEDS_DIR,
): Promise<Ingested[]> {
  const paths = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
  const results = await ingestFiles(store, registry, paths);
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) throw new DomainError('seed_failed', `seed ${failed.path} did not load: ${failed.error}`);
  return results.flatMap((result) => (result.ok ? [{ load: result.load, warnings: result.warnings }] : []));
}
