/** What every route can use: the domain objects and the limits the server was started with. */
import type { ParsePool } from '../graph/parse';
import type { UnitRegistry } from '../graph/registry';
import type { GraphStore } from '../graph/store';
import type { PrecomputedAnalytics } from './precomputed';
import type { ReadCache } from './readCache';

export interface Limits {
  /** Largest request body (an uploaded document), in bytes. */
  bodyBytes: number;
  /** Write requests (POST/DELETE) per client IP per minute. */
  writesPerMinute: number;
  /** Export downloads per client IP per minute. */
  exportsPerMinute: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 5 * 1024 * 1024,
  writesPerMinute: 30,
  exportsPerMinute: 60,
};

export interface ServerContext {
  store: GraphStore;
  registry: UnitRegistry;
  /** Parses uploads and dry runs off the event loop, under a deadline. */
  parsePool: ParsePool;
  cache: ReadCache;
  /** Every analysis and export, computed in the analytics worker and kept per data version. */
  analytics: PrecomputedAnalytics;
  adminToken: string | undefined;
  limits: Limits;
}
