/**
 * The server's read cache: lookups such as an item's detail, kept per data version (store.dataVersion(),
 * a digest of the loaded documents), and the data version itself. The key is derived from the data, so any
 * number of server instances give the same answers. Analyses are not here: they are computed in a worker
 * and kept by server/precomputed.ts, which reads the version through this cache.
 *
 * Reading the version costs a round trip to the store, about what a lookup costs itself, so the
 * version read is reused for up to `versionMaxAgeMs` (1 s): an answer can trail a write made
 * through another server instance by that long, never more, and never this instance's own writes,
 * which call `dataChanged()`. Data read after a version was seen is at least that new, so an entry
 * never holds data older than its key. Nothing is kept while the version is pending (a Neo4j write being
 * made visible, graph/store isPendingDataVersion): what is read then may hold part of that write. For the
 * same reason the entries go whenever the version moves, so data that returns to an earlier version (a
 * document loaded, then removed) is read afresh. Every cache is bounded in (estimated) bytes, not entries.
 */
import { InvalidInputError } from '../graph/errors';
import type { z } from 'zod';
import { isPendingDataVersion, type DocumentSummary, type GraphStore } from '../graph/store';
import type { DocumentScope, GraphFilter } from '../graph/model';
import type { FilterQuerySchema } from '../graph/api';

type ScopeQuery = Pick<z.output<typeof FilterQuerySchema>, 'document' | 'jurisdiction' | 'includeWithin' | 'year' | 'yearFrom' | 'yearTo'>;

/** The scope parameters as the store takes them: `year` is the range of one year; a range must not run backwards. */
export function toDocumentScope(query: ScopeQuery): DocumentScope {
  const { document, jurisdiction, includeWithin, year, yearFrom, yearTo } = query;
  if (year !== undefined && (yearFrom !== undefined || yearTo !== undefined)) {
    throw new InvalidInputError('year', 'give either year or yearFrom/yearTo, not both');
  }
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    throw new InvalidInputError('yearFrom', `${yearFrom} is after yearTo ${yearTo}`);
  }
  if (includeWithin !== undefined && jurisdiction === undefined) {
    throw new InvalidInputError('includeWithin', 'applies only with jurisdiction');
  }
  return {
    document,
    jurisdiction,
    includeWithin,
    yearFrom: year ?? yearFrom,
    yearTo: year ?? yearTo,
  };
}

/** The HTTP filter parameters as the store takes them: the same names, with the year read as a range. */
export function toGraphFilter(query: z.output<typeof FilterQuerySchema>): GraphFilter {
  return { ...toDocumentScope(query), section: query.section, role: query.role, kind: query.kind, unit: query.unit };
}

export interface ReadCacheOptions {
  /** How long one read of the data version serves later requests. 0 reads it for every request. */
  versionMaxAgeMs: number;
  /** Estimated bytes of analyses kept (server/precomputed.ts), with the serialised answers the endpoints keep beside them. */
  analysisBytes: number;
  /** Estimated bytes of lookups kept (item details, a few kB each). */
  lookupBytes: number;
  /** Analyses and exports waiting for the analytics worker; a request that would wait beyond them is answered 503. */
  maxConcurrentAnalyses: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_READ_CACHE: ReadCacheOptions = {
  versionMaxAgeMs: 1_000,
  analysisBytes: 128 * MIB,
  lookupBytes: 32 * MIB,
  maxConcurrentAnalyses: 4,
};

/** Elements of a long array that are weighed; the rest are taken to weigh as much on average. */
const SAMPLED_ELEMENTS = 512;

/**
 * Roughly what `value` holds on V8's heap: strings at two bytes a character (one-byte strings take half, so this
 * errs high), numbers and pointers at 8 bytes, object and array headers. A long array (a snapshot's 200,000
 * responsibilities) is weighed by an evenly spread sample of its elements, scaled up: the arrays cached here
 * hold rows of one shape, and walking every row of a whole-graph snapshot would itself hold the event loop
 * for a quarter of a second.
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (typeof value !== 'object' || value === null) return 8;
  if (ArrayBuffer.isView(value)) return 32 + value.byteLength;
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  const own = 32 + 8 * children.length;
  if (children.length <= SAMPLED_ELEMENTS) return children.reduce<number>((sum, child) => sum + estimateBytes(child), own);
  const step = children.length / SAMPLED_ELEMENTS;
  let sampled = 0;
  for (let i = 0; i < SAMPLED_ELEMENTS; i++) sampled += estimateBytes(children[Math.floor(i * step)]);
  return own + Math.round((sampled / SAMPLED_ELEMENTS) * children.length);
}

/** A Map kept in least-recently-used order, dropping the oldest entries beyond `capacityBytes`. */
export class ByteBoundedLru {
  private readonly entries = new Map<string, { value: unknown; bytes: number }>();
  private totalBytes = 0;
  constructor(private readonly capacityBytes: number) {}

  get(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { value: entry.value };
  }

  /** Keeps `value` unless it alone is over the capacity (it is still returned to its callers, just not kept): whether it was kept. */
  set(key: string, value: unknown, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.capacityBytes) return false;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.totalBytes <= this.capacityBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}

/** A byte-bounded cache whose misses are read once however many callers ask at the same time. */
class SharedReads {
  private readonly kept: ByteBoundedLru;
  private readonly reading = new Map<string, Promise<unknown>>();

  constructor(capacityBytes: number, private readonly weigh: (value: unknown) => number = estimateBytes) {
    this.kept = new ByteBoundedLru(capacityBytes);
  }

  get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.kept.get(key);
    if (hit) return Promise.resolve(hit.value as T);
    const pending = this.reading.get(key);
    if (pending) return pending as Promise<T>;
    // A failed read is not kept: the next caller asks again.
    const reading = read()
      .then((value) => {
        this.kept.set(key, value, this.weigh(value));
        return value;
      })
      .finally(() => this.reading.delete(key));
    this.reading.set(key, reading);
    return reading;
  }

  get bytes(): number {
    return this.kept.bytes;
  }

  /** Drops what is kept; reads under way finish for their callers. */
  clear(): void {
    this.kept.clear();
  }
}

export class ReadCache {
  private readonly lookups: SharedReads;
  /**
   * Lists every view asks for (the document list: megabytes and a second of Neo4j at full scale), apart from the
   * lookups and as large, so a burst of item lookups never pushes them out.
   */
  private readonly listings: SharedReads;
  private versionRead: { at: number; version: Promise<string> } | undefined;
  /** The settled version the kept entries belong to, and a count of its changes that is part of every key. */
  private keptFor = { version: '', generation: 0 };
  private readonly changeListeners: (() => void)[] = [];

  constructor(
    private readonly store: GraphStore,
    private readonly options: ReadCacheOptions = DEFAULT_READ_CACHE,
  ) {
    this.lookups = new SharedReads(options.lookupBytes);
    this.listings = new SharedReads(options.lookupBytes);
  }

  /** This instance wrote: the next request reads the version again, and the listeners hear of it. */
  dataChanged(): void {
    this.versionRead = undefined;
    for (const listener of this.changeListeners) listener();
  }

  /** Called after each write of this instance (the analytics recompute then). */
  onDataChanged(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Estimated bytes held by the lookups and the listings, for tests and operators. */
  get heldBytes(): { lookups: number; listings: number } {
    return { lookups: this.lookups.bytes, listings: this.listings.bytes };
  }

  /** `read()` (one record by id, or null), memoised per data version. */
  lookup<T>(name: string, id: string, read: () => Promise<T>): Promise<T> {
    return this.memoised(this.lookups, name, id, read);
  }

  /**
   * `read()` (a list such as the documents in a scope, `key` naming the scope), memoised per data version: read
   * once per write however many views ask. The same object is returned each time, so the endpoint serialises
   * and compresses it once too.
   */
  listing<T>(name: string, key: string, read: () => Promise<T>): Promise<T> {
    return this.memoised(this.listings, name, key, read);
  }

  /**
   * `read()` kept in `reads` under the current version with the generation of the run it belongs to; read and not
   * kept while the version is pending. When the version moves, what was kept goes, and a read finishing late keeps
   * its answer under the old generation, which no later request asks for.
   */
  private async memoised<T>(reads: SharedReads, name: string, key: string, read: () => Promise<T>): Promise<T> {
    const version = await this.dataVersion();
    if (isPendingDataVersion(version)) return read();
    if (version !== this.keptFor.version) {
      this.keptFor = { version, generation: this.keptFor.generation + 1 };
      this.lookups.clear();
      this.listings.clear();
    }
    return reads.get(JSON.stringify([this.keptFor.generation, version, name, key]), read);
  }

  /**
   * The documents in a scope, read once per data version: every view of the explorer asks for the whole list, and
   * the precomputed analytics work out the default scope from it after each write.
   */
  documents(scope: DocumentScope): Promise<{ documents: DocumentSummary[] }> {
    return this.listing('documents', JSON.stringify(scope), async () => ({ documents: await this.store.listDocuments(scope) }));
  }

  /** The data version, read at most once per `versionMaxAgeMs` (and again after this instance writes). */
  dataVersion(): Promise<string> {
    const now = Date.now();
    if (!this.versionRead || now - this.versionRead.at >= this.options.versionMaxAgeMs) {
      const version = this.store.dataVersion();
      this.versionRead = { at: now, version };
      // A failed read (store down) is not reused: the next request asks again.
      version.catch(() => {
        if (this.versionRead?.version === version) this.versionRead = undefined;
      });
    }
    return this.versionRead.version;
  }
}
