/**
 * The server's read cache: analytics computed from `store.snapshot(filter)`, and lookups such as
 * an item's detail, kept per data version (store.dataVersion(), a digest of the loaded documents).
 * The key is derived from the data, so any number of server instances give the same answers.
 *
 * Reading the version costs a round trip to the store, about what a lookup costs itself, so the
 * version read is reused for up to `versionMaxAgeMs` (1 s): an answer can trail a write made
 * through another server instance by that long, never more, and never this instance's own writes,
 * which call `dataChanged()`. Data read after a version was seen is at least that new, so an entry
 * never holds data older than its key.
 */
import { InvalidInputError } from '../graph/errors';
import type { DocumentScope, GraphFilter, GraphStore, Snapshot } from '../graph/store';
import type { z } from 'zod';
import type { FilterQuerySchema } from './contract';

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
    documents: document,
    jurisdiction,
    includeWithin,
    yearFrom: year ?? yearFrom,
    yearTo: year ?? yearTo,
  };
}

/** The HTTP filter parameters, named as the store names them. */
export function toGraphFilter(query: z.output<typeof FilterQuerySchema>): GraphFilter {
  return {
    ...toDocumentScope(query),
    sections: query.section,
    roles: query.role,
    unitKinds: query.kind,
    units: query.unit,
  };
}

export interface ReadCacheOptions {
  /** How long one read of the data version serves later requests. 0 reads it for every request. */
  versionMaxAgeMs: number;
  /** Analyses kept; each is a few hundred kB to a few MB at the planned scale. */
  analyses: number;
  /** Lookups kept (item details, a few kB each). */
  lookups: number;
}

export const DEFAULT_READ_CACHE: ReadCacheOptions = { versionMaxAgeMs: 1_000, analyses: 64, lookups: 20_000 };

/** A Map kept in least-recently-used order, dropping the oldest beyond `capacity`. */
class Lru {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly capacity: number) {}

  get(key: string): { value: unknown } | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, value);
    return { value };
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export class ReadCache {
  private readonly analyses: Lru;
  private readonly lookups: Lru;
  private versionRead: { at: number; version: Promise<string> } | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly options: ReadCacheOptions = DEFAULT_READ_CACHE,
  ) {
    this.analyses = new Lru(options.analyses);
    this.lookups = new Lru(options.lookups);
  }

  /** This instance wrote: the next request reads the version again. */
  dataChanged(): void {
    this.versionRead = undefined;
  }

  /** `compute(snapshot)` for this filter, memoised per data version, analysis name and parameters. */
  async analysis<T>(name: string, filter: GraphFilter, parameters: unknown, compute: (snapshot: Snapshot) => T): Promise<T> {
    const key = JSON.stringify([await this.version(), name, filter, parameters]);
    const hit = this.analyses.get(key);
    if (hit) return hit.value as T;
    const result = compute(await this.store.snapshot(filter));
    this.analyses.set(key, result);
    return result;
  }

  /** `read()` (one record by id, or null), memoised per data version. */
  async lookup<T>(name: string, id: string, read: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([await this.version(), name, id]);
    const hit = this.lookups.get(key);
    if (hit) return hit.value as T;
    const result = await read();
    this.lookups.set(key, result);
    return result;
  }

  private version(): Promise<string> {
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
