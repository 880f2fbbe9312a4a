/**
 * Analytics per request, from `store.snapshot(filter)`, behind a small cache keyed on the
 * store's data version (the loaded documents and their sha256). The key is derived from the
 * data itself, so any number of server instances give the same answers, and a result computed
 * while a write landed is never cached under the version it did not see.
 */
import type { GraphFilter, GraphStore, Snapshot } from '../graph/store';
import type { z } from 'zod';
import type { FilterQuerySchema } from './contract';

/** The HTTP filter parameters, named as the store names them. */
export function toGraphFilter(query: z.output<typeof FilterQuerySchema>): GraphFilter {
  return {
    documents: query.document,
    sections: query.section,
    roles: query.role,
    unitKinds: query.kind,
    units: query.unit,
  };
}

/** Results kept; each is a few hundred kB at most for the corpora this tool is for. */
const DEFAULT_CACHE_ENTRIES = 64;

export class Analysis {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly store: GraphStore,
    private readonly maxEntries = DEFAULT_CACHE_ENTRIES,
  ) {}

  /** `compute(snapshot)` for this filter, memoised per data version, analysis name and parameters. */
  async run<T>(name: string, filter: GraphFilter, parameters: unknown, compute: (snapshot: Snapshot) => T): Promise<T> {
    const before = await this.store.dataVersion();
    const key = JSON.stringify([before, name, filter, parameters]);
    if (this.cache.has(key)) {
      const hit = this.cache.get(key) as T;
      // Re-insert so the Map's order is least-recently-used first.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const result = compute(await this.store.snapshot(filter));
    if ((await this.store.dataVersion()) === before) {
      this.cache.set(key, result);
      if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    }
    return result;
  }
}
