/** The server's settings, read once from the environment and checked, with a message per bad variable. */
import { z } from 'zod';
import { formatZodIssues } from '../graph/errors';
import { DEFAULT_PARSE_TIMEOUT_MS } from '../graph/parse';
import { DEFAULT_ANALYTICS_POOL } from '../graph/precompute';
import { DEFAULT_LIMITS } from './context';
import { DEFAULT_READ_CACHE } from './readCache';

const list = z
  .string()
  .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const MIB = 1024 * 1024;
/** A size in MiB, read as bytes. */
const mebibytes = (fallbackBytes: number) =>
  z.coerce.number().positive().default(fallbackBytes / MIB).transform((mib) => Math.round(mib * MIB));

export const ServerEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** 127.0.0.1 by default; 0.0.0.0 inside a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Enables writes (ingest, delete) for callers presenting it as a bearer token. */
  ADMIN_TOKEN: z.string().optional(),
  /** Comma-separated origins allowed by CORS; unset means no cross-origin access. */
  CORS_ORIGINS: list.default([]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_BYTES: positiveInt(DEFAULT_LIMITS.bodyBytes),
  WRITE_RATE_PER_MINUTE: positiveInt(DEFAULT_LIMITS.writesPerMinute),
  EXPORT_RATE_PER_MINUTE: positiveInt(DEFAULT_LIMITS.exportsPerMinute),
  /** Express `trust proxy`: true/false, a hop count, or a list of proxy addresses/subnets. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value): boolean | number | string => {
      if (value === undefined || value === 'false') return false;
      if (value === 'true') return true;
      return /^\d+$/.test(value) ? Number(value) : value;
    }),
  /**
   * How long one read of the data version serves later requests, in ms: the longest an answer can trail a
   * write made through another server instance. 0 reads it on every request (one more store round trip each).
   */
  DATA_VERSION_MAX_AGE_MS: z.coerce.number().int().min(0).default(DEFAULT_READ_CACHE.versionMaxAgeMs),
  /** Estimated memory for kept analyses and their serialised answers, in MiB. */
  ANALYSIS_CACHE_MIB: mebibytes(DEFAULT_READ_CACHE.analysisBytes),
  /**
   * How often the data version is read to notice writes made through another server instance and compute
   * the analytics again before anyone asks, in ms; 0 never (each instance still does after its own writes).
   */
  ANALYTICS_REFRESH_MS: z.coerce.number().int().min(0).default(5_000),
  /** Estimated memory for cached lookups (item details), in MiB. */
  LOOKUP_CACHE_MIB: mebibytes(DEFAULT_READ_CACHE.lookupBytes),
  /** Analyses never answered before (and exports) waiting for the analytics worker at once; one more is answered 503 with Retry-After. */
  ANALYTICS_CONCURRENCY: positiveInt(DEFAULT_READ_CACHE.maxConcurrentAnalyses),
  /** Scopes of at most this many documents run in the small-task analytics lane, beside the whole corpus's recomputation. */
  ANALYTICS_SMALL_SCOPE_DOCUMENTS: positiveInt(DEFAULT_ANALYTICS_POOL.smallScopeDocuments),
  /** Documents whose parts the small-task lane keeps (least recently used dropped); at least ANALYTICS_SMALL_SCOPE_DOCUMENTS. */
  ANALYTICS_SMALL_LANE_DOCUMENTS: positiveInt(DEFAULT_ANALYTICS_POOL.smallLaneDocuments),
  /** V8 heap limit of the whole-corpus analytics thread, in MiB: past it the thread is stopped and the analysis answered 503. */
  ANALYTICS_HEAP_MIB: positiveInt(DEFAULT_ANALYTICS_POOL.wholeCorpusHeapMib),
  /** V8 heap limit of the small-task analytics thread, in MiB. */
  ANALYTICS_SMALL_HEAP_MIB: positiveInt(DEFAULT_ANALYTICS_POOL.smallHeapMib),
  /** Node's headersTimeout: a client that has not sent its request headers by then is answered 408. */
  HEADERS_TIMEOUT_MS: positiveInt(60_000),
  /** Node's requestTimeout: a request (headers and body) not received whole by then is answered 408. */
  REQUEST_TIMEOUT_MS: positiveInt(300_000),
  /** Deadline of one document's parse (upload or dry run) in a worker thread, in ms; past it the answer is 422 parse_timeout. */
  PARSE_TIMEOUT_MS: positiveInt(DEFAULT_PARSE_TIMEOUT_MS),
  /** Load the bundled seed documents at start-up when the store holds no document. */
  LOAD_SEEDS: z.stringbool().default(true),
  /** The folder of seed documents (`*.txt`, sidecars beside them) to load instead of the bundled ones. */
  SEEDS_DIR: z.string().min(1).optional(),
  /** The unit registry (units.json) to resolve names with instead of the bundled seeds/units.json. */
  UNIT_REGISTRY: z.string().min(1).optional(),
}).refine((env) => env.ANALYTICS_SMALL_LANE_DOCUMENTS >= env.ANALYTICS_SMALL_SCOPE_DOCUMENTS, {
  // A small scope must fit the lane's cache, or it would drop its own parts while they are gathered.
  path: ['ANALYTICS_SMALL_LANE_DOCUMENTS'],
  message: 'must be at least ANALYTICS_SMALL_SCOPE_DOCUMENTS',
});
export type ServerEnv = z.output<typeof ServerEnvSchema>;

export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(`invalid server environment: ${formatZodIssues(parsed.error)}`);
}
