/**
 * One process for users: the API and the built client on one port, on the embedded store, or on
 * Neo4j when NEO4J_URI is set. `startServer`/`stopServer` are exported for tests (port 0).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { DomainError } from '../graph/errors';
import { loadSeeds } from '../graph/ingest';
import { ParsePool } from '../graph/parse';
import { AnalyticsPool } from '../graph/precompute';
import { loadRegistry, type UnitRegistry } from '../graph/registry';
import { createStore, type GraphStore } from '../graph/store';
import { analyticsOf, createApp, DEFAULT_CLIENT_DIR } from './app';
import { ensureClientBuilt } from './clientBuild';
import { readServerEnv } from './config';
import { installProcessGuard, requestScope, withinExchange } from './processGuard';
import { acceptRawUtf8Urls } from './rawUtf8Urls';

export interface StartOptions {
  /** Defaults to process.env; PORT=0 picks a free port. */
  env?: NodeJS.ProcessEnv;
  /** A store to serve instead of the one the environment names (left open by stopServer). */
  store?: GraphStore;
  registry?: UnitRegistry;
  logger?: Logger;
  clientDir?: string | null;
}

export interface RunningServer {
  server: Server;
  url: string;
  store: GraphStore;
}

let running: (RunningServer & { ownsStore: boolean; parsePool: ParsePool; analyticsPool: AnalyticsPool; stopAnalytics: () => void }) | undefined;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (running) throw new Error('the server is already running; stopServer() first');
  const config = readServerEnv(options.env ?? process.env);
  // Written asynchronously: a line per request is not a blocking write on the event loop, and lines logged while
  // one write is under way go out together. Pino flushes the buffer on exit.
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL }, pino.destination({ sync: false }));
  const registry = options.registry ?? loadRegistry(config.UNIT_REGISTRY);
  const store = options.store ?? createStore(options.env ?? process.env);
  const ownsStore = !options.store;
  try {
    await store.init();
    if (config.LOAD_SEEDS && (await store.listDocuments()).length === 0) {
      const seeded = await loadSeeds(store, registry, config.SEEDS_DIR);
      logger.info({ documents: seeded.map((seed) => seed.load.documentId) }, 'loaded seed documents');
    }
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  if (config.ADMIN_TOKEN && config.ADMIN_TOKEN.length < 16) {
    logger.warn('ADMIN_TOKEN is shorter than 16 characters; use a long random token');
  }

  const parsePool = new ParsePool({ registry, timeoutMs: config.PARSE_TIMEOUT_MS });
  // V8 applies a process-wide heap limit to every thread, over the analytics threads' own (ANALYTICS_HEAP_MIB).
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--max-old-space-size'))) {
    logger.warn('--max-old-space-size is set on the server process: it overrides ANALYTICS_HEAP_MIB and ANALYTICS_SMALL_HEAP_MIB in the analytics threads');
  }
  const analyticsPool = new AnalyticsPool({
    smallScopeDocuments: config.ANALYTICS_SMALL_SCOPE_DOCUMENTS,
    smallLaneDocuments: config.ANALYTICS_SMALL_LANE_DOCUMENTS,
    wholeCorpusHeapMib: config.ANALYTICS_HEAP_MIB,
    smallHeapMib: config.ANALYTICS_SMALL_HEAP_MIB,
  });
  const app = createApp({
    store,
    registry,
    parsePool,
    analyticsPool,
    analyticsRefreshMs: config.ANALYTICS_REFRESH_MS,
    logger,
    adminToken: config.ADMIN_TOKEN,
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    clientDir: options.clientDir,
    readCache: {
      versionMaxAgeMs: config.DATA_VERSION_MAX_AGE_MS,
      analysisBytes: config.ANALYSIS_CACHE_MIB,
      lookupBytes: config.LOOKUP_CACHE_MIB,
      maxConcurrentAnalyses: config.ANALYTICS_CONCURRENCY,
    },
    limits: {
      bodyBytes: config.MAX_UPLOAD_BYTES,
      writesPerMinute: config.WRITE_RATE_PER_MINUTE,
      exportsPerMinute: config.EXPORT_RATE_PER_MINUTE,
    },
  });
  // Each request runs in its own exchange scope, so an error escaping its handlers fails it and nothing else.
  const server = createServer(
    {
      headersTimeout: config.HEADERS_TIMEOUT_MS,
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      // How often Node looks for requests past those deadlines (30 s by default, longer than a short deadline).
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(config.HEADERS_TIMEOUT_MS / 4))),
    },
    (req, res) => withinExchange(requestScope(req, res, logger), () => app(req, res)),
  );
  acceptRawUtf8Urls(server, logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  logger.info({ url, store: store.kind, writes: config.ADMIN_TOKEN ? 'enabled' : 'disabled' }, 'serving');
  running = { server, url, store, ownsStore, parsePool, analyticsPool, stopAnalytics: () => analyticsOf(app).stop() };
  return { server, url, store };
}

export async function stopServer(): Promise<void> {
  if (!running) return;
  const { server, store, ownsStore, parsePool, analyticsPool, stopAnalytics } = running;
  running = undefined;
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  stopAnalytics();
  await parsePool.close();
  await analyticsPool.close();
  if (ownsStore) await store.close();
}

if (require.main === module) {
  installProcessGuard(pino({ level: process.env.LOG_LEVEL ?? 'info' }));
  const shutdown = () => {
    stopServer().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (process.env.CLIENT_BUILD !== 'skip') ensureClientBuilt(DEFAULT_CLIENT_DIR, pino({ level: process.env.LOG_LEVEL ?? 'info' }));
  startServer().catch((error: unknown) => {
    // One line for a person (e.g. Neo4j unreachable: its URI and the cause), never a stack trace.
    const message = error instanceof DomainError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`accountability-graph server: ${message}\n`);
    process.exit(1);
  });
}
