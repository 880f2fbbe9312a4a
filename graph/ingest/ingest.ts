/**
 * Parse documents and load them into a store: the one path every entry point (CLI, server,
 * seeds) takes from bytes to graph, so they all resolve units and report warnings alike.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, StoreUnavailableError } from '../errors';
import type { DocumentSidecar, ParseWarning, ParsedDocument, WarningsOmitted } from '../model';
import { parseDocument, readDocumentFile, readDocumentBytes, type ParsePool } from '../parse';
import type { UnitRegistry } from '../registry';
import type { GraphStore, LoadResult } from '../store';

export const DEFAULT_SEEDS_DIR = join(__dirname, '..', '..', 'seeds', 'documents');

export interface Ingested {
  load: LoadResult;
  warnings: ParseWarning[];
  warningsOmitted?: WarningsOmitted;
}

/** One file's outcome: loaded (with the parser's warnings), or refused with a message for a person. */
export type FileIngest = ({ ok: true } & Ingested & { path: string }) | { ok: false; path: string; error: string };

export type IngestProgress = (done: number, total: number, result: FileIngest) => void;

/** What a parse reported besides the graph: the warnings, and how many were left out of them. */
const reported = (parsed: ParsedDocument) => ({ warnings: parsed.warnings, ...(parsed.warningsOmitted ? { warningsOmitted: parsed.warningsOmitted } : {}) });

export async function loadParsed(store: GraphStore, registry: UnitRegistry, parsed: ParsedDocument): Promise<Ingested> {
  const load = await store.loadDocument(parsed, registry.unitsFor(parsed));
  return { load, ...reported(parsed) };
}

/** Where ingestFiles puts the documents: a store, or the files of a bulk import (graph/store/neo4j/importFiles). */
export type DocumentSink = Pick<GraphStore, 'loadDocuments'>;

/** Bad input the store or parser refused, as opposed to an outage or a bug, which stop the run. */
const refused = (error: unknown): error is DomainError => error instanceof DomainError && !(error instanceof StoreUnavailableError);

/**
 * Responsibility edges per write transaction on the bulk path: enough that round trips and
 * commits stop mattering (BENCHMARKS.md, load stage), few enough that one transaction's state
 * stays small in the database's heap.
 */
export const LOAD_BATCH_EDGES = 20_000;

/**
 * Groups documents, in order, into load batches of about LOAD_BATCH_EDGES edges, each id at
 * most once per batch (a later file with the same id then replaces the earlier one, in order).
 */
export class LoadBatcher<T extends { parsed: ParsedDocument }> {
  private pending: T[] = [];
  private edges = 0;
  private readonly ids = new Set<string>();

  constructor(private readonly maxEdges = LOAD_BATCH_EDGES) {}

  /** Adds `entry`; returns the batch to load first when `entry` does not fit in it, else null. */
  add(entry: T): T[] | null {
    const edges = entry.parsed.items.reduce((sum, item) => sum + item.assignments.length, 0);
    const full = this.pending.length > 0 && (this.edges + edges > this.maxEdges || this.ids.has(entry.parsed.document.id));
    const flushed = full ? this.drain() : null;
    this.pending.push(entry);
    this.edges += edges;
    this.ids.add(entry.parsed.document.id);
    return flushed;
  }

  /** The batch so far (possibly empty), and a fresh start. */
  drain(): T[] {
    const batch = this.pending;
    this.pending = [];
    this.edges = 0;
    this.ids.clear();
    return batch;
  }
}

/**
 * Load parsed documents in one write transaction. When the store refuses the batch as bad
 * input, each document is loaded on its own, so the broken one is reported and the rest land.
 */
async function loadBatch(store: DocumentSink, registry: UnitRegistry, batch: Array<{ path: string; parsed: ParsedDocument }>): Promise<FileIngest[]> {
  try {
    const loads = await store.loadDocuments(batch.map(({ parsed }) => ({ document: parsed, units: registry.unitsFor(parsed) })));
    return loads.map((load, index) => ({ ok: true, path: batch[index]!.path, load, ...reported(batch[index]!.parsed) }));
  } catch (error) {
    if (!refused(error)) throw error;
    if (batch.length === 1) return [{ ok: false, path: batch[0]!.path, error: error.message }];
    const results: FileIngest[] = [];
    for (const entry of batch) results.push(...(await loadBatch(store, registry, [entry])));
    return results;
  }
}

type Parsing = { ok: true; parsed: ParsedDocument } | { ok: false; error: unknown };

/**
 * Ingest files in order, in batches of about LOAD_BATCH_EDGES edges per write transaction. A
 * file that cannot be read or parsed (or whose parse passes the pool's deadline) is reported and
 * skipped; a store outage stops the run (every later file would fail too). With a pool, files
 * parse on every core, a few per worker ahead of the one being loaded, and load in order.
 */
export async function ingestFiles(
  store: DocumentSink,
  registry: UnitRegistry,
  paths: string[],
  onProgress?: IngestProgress,
  options: {
    /** Parses on worker threads when given; in this thread otherwise. */
    pool?: ParsePool;
    /** Whose plans they are (a code or place name), overriding sidecars and detection. */
    jurisdiction?: string;
  } = {},
): Promise<FileIngest[]> {
  const results: FileIngest[] = [];
  const report = (result: FileIngest) => {
    results.push(result);
    onProgress?.(results.length, paths.length, result);
  };
  const batcher = new LoadBatcher<{ path: string; parsed: ParsedDocument }>();
  const flush = async (batch: Array<{ path: string; parsed: ParsedDocument }>) => {
    if (batch.length > 0) for (const result of await loadBatch(store, registry, batch)) report(result);
  };
  const { pool, jurisdiction } = options;
  // Never rejects, so that a parse failing while it waits its turn is no unhandled rejection.
  const parse = async (path: string): Promise<Parsing> => {
    try {
      if (!pool) return { ok: true, parsed: readDocumentFile(path, registry, { jurisdiction }) };
      const { bytes, sidecar } = readDocumentBytes(path);
      return { ok: true, parsed: await pool.parse(bytes, { source: path, sidecar, jurisdiction }) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  const ahead = pool ? 2 * pool.threads : 1;
  const parsing: Promise<Parsing>[] = paths.slice(0, ahead).map(parse);
  for (const [index, path] of paths.entries()) {
    const outcome = await parsing.shift()!;
    if (index + ahead < paths.length) parsing.push(parse(paths[index + ahead]!));
    if (!outcome.ok) {
      if (!refused(outcome.error)) throw outcome.error;
      await flush(batcher.drain()); // keeps the results in file order
      report({ ok: false, path, error: outcome.error.message });
      continue;
    }
    const { parsed } = outcome;
    const full = batcher.add({ path, parsed });
    if (full) await flush(full);
  }
  await flush(batcher.drain());
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
  options: { source: string; id?: string; sidecar?: DocumentSidecar; jurisdiction?: string },
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
