/**
 * The Express application: hardening (helmet, CORS allowlist, rate limits, body limits,
 * request ids, structured logs), the endpoints, the built client, and one error handler.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ParsePool } from '../graph/parse';
import type { AnalyticsPool } from '../graph/precompute';
import type { UnitRegistry } from '../graph/registry';
import type { GraphStore } from '../graph/store';
import packageJson from '../package.json';
import { PrecomputedAnalytics } from './precomputed';
import { DEFAULT_READ_CACHE, ReadCache, type ReadCacheOptions } from './readCache';
import { DEFAULT_LIMITS, type Limits, type ServerContext } from './context';
import { mountEndpoints, type Endpoint } from './endpoint';
import { apiNotFound, errorHandler, HttpError } from './errors';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { analyticsEndpoints, COMMUNITY_REQUEST, defaultAnalysisRequests } from './routes/analytics';
import { browseEndpoints } from './routes/browse';
import { compareEndpoints } from './routes/compare';
import { exportEndpoints } from './routes/exports';
import { viewEndpoints } from './routes/views';
import { ingestEndpoints } from './routes/ingest';
import { metaEndpoints } from './routes/meta';
import { placeEndpoints } from './routes/places';

export const DEFAULT_CLIENT_DIR = resolve(__dirname, '..', 'dist', 'client');

export interface AppOptions {
  store: GraphStore;
  registry: UnitRegistry;
  /** The worker pool uploads and dry runs parse in; its owner closes it. */
  parsePool: ParsePool;
  /** Writes (ingest, delete) are refused unless this is set. */
  adminToken?: string;
  /** Origins allowed to call the API from a browser; none by default (CORS closed). */
  corsOrigins?: string[];
  logger?: Logger;
  limits?: Partial<Limits>;
  /** The built client to serve; null to serve the API only. */
  clientDir?: string | null;
  /** Express `trust proxy`, for client IPs (rate limits, logs) behind a load balancer. */
  trustProxy?: boolean | number | string;
  /** Sizes of the read cache and how long one data-version read serves (DEFAULT_READ_CACHE). */
  readCache?: ReadCacheOptions;
  /** The worker every analysis and export is computed in; its owner closes it. */
  analyticsPool: AnalyticsPool;
  /** How often to look for writes of other instances and precompute (ANALYTICS_REFRESH_MS); 0 never. */
  analyticsRefreshMs?: number;
}

/** Distinct requests recomputed after each write, most recently asked first (the default views among them). */
const REMEMBERED_ANALYSES = 16;

/** The app's precomputed analytics, to stop their refresh when the server stops. */
export const analyticsOf = (app: Express): PrecomputedAnalytics => app.locals.analytics as PrecomputedAnalytics;

/**
 * A path segment that looks like a secret pasted into the URL: the admin token itself, a `Bearer …` value, or
 * a long random-looking run (16+ characters mixing letters and digits between separators, as tokens, keys and
 * JWTs have; ids such as `guangdong-digital-economy-2023` or `gd.dept.industry-it` do not).
 */
const RANDOM_RUN = /[A-Za-z0-9+/=]{16,}/g;
function looksSecret(segment: string, adminToken: string | undefined): boolean {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // A malformed escape is logged as sent.
  }
  if (adminToken && text.includes(adminToken)) return true;
  if (/^bearer(?:\s|$)/i.test(text)) return true;
  return (text.match(RANDOM_RUN) ?? []).some((run) => /[0-9]/.test(run) && /[A-Za-z]/.test(run));
}

/** The path as logged: each secret-looking segment becomes `[redacted]`. */
export function redactPath(path: string, adminToken: string | undefined): string {
  return path
    .split('/')
    .map((segment) => (looksSecret(segment, adminToken) ? '[redacted]' : segment))
    .join('/');
}

/** An incoming X-Request-Id is kept when it looks like an id, so traces join up across services. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

function rateLimiter(perMinute: number, what: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next, options) =>
      next(
        new HttpError(429, 'rate_limited', `Too many ${what} requests: at most ${perMinute} a minute. Try again shortly.`, {
          limitPerMinute: options.limit,
        }),
      ),
  });
}

/** The SPA: static files, and index.html for any other GET outside the API so client routes load. */
function serveClient(app: Express, clientDir: string): void {
  const index = join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|api$).*/, (_req, res) => res.sendFile(index));
}

export function createApp(options: AppOptions): Express {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? pino({ level: 'info' });
  const readCache = options.readCache ?? DEFAULT_READ_CACHE;
  const cache = new ReadCache(options.store, readCache);
  const analytics = new PrecomputedAnalytics(
    options.store,
    options.analyticsPool,
    cache,
    {
      answerBytes: readCache.analysisBytes,
      maxWaiting: readCache.maxConcurrentAnalyses,
      refreshIntervalMs: options.analyticsRefreshMs ?? 0,
      remembered: REMEMBERED_ANALYSES,
    },
    logger,
    defaultAnalysisRequests,
    COMMUNITY_REQUEST,
  );
  const context: ServerContext = {
    store: options.store,
    registry: options.registry,
    parsePool: options.parsePool,
    cache,
    analytics,
    adminToken: options.adminToken || undefined,
    limits,
  };

  let openApi: OpenApiDocument | undefined;
  const endpoints: Endpoint[] = [
    ...metaEndpoints(context, () => (openApi ??= buildOpenApiDocument(endpoints, packageJson.version))),
    ...browseEndpoints(context),
    ...ingestEndpoints(context),
    ...analyticsEndpoints(context),
    ...exportEndpoints(context),
    ...viewEndpoints(context),
    ...compareEndpoints(context),
    ...placeEndpoints(context),
  ];

  const app = express();
  app.locals.analytics = analytics;
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Method, path and the names of query parameters only: headers carry the admin token, bodies carry
      // document text, and query values may carry search text or a token sent in the wrong place. A token
      // pasted into the path is redacted from it.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => {
          const [path = '', query] = req.url.split('?', 2);
          const params = query === undefined ? [] : [...new Set([...new URLSearchParams(query).keys()])];
          return { id: req.id, method: req.method, url: redactPath(path, context.adminToken), ...(params.length > 0 ? { params } : {}) };
        },
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // 503 is load shed or the store away (whose cause the error handler logs): a warning, not a failure.
      customLogLevel: (_req, res, error) =>
        (error || res.statusCode >= 500) && res.statusCode !== 503 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(
    helmet({
      // Served over plain HTTP on a workstation or behind a TLS proxy: upgrading would break local use.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  const allowed = new Set(options.corsOrigins ?? []);
  // Whether an answer carries CORS headers depends on the Origin, for refused origins too (the cors package
  // adds Vary only when it allows one): a shared cache must not hand one origin's answer to another.
  app.use((_req, res, next) => {
    res.vary('Origin');
    next();
  });
  app.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Content-Disposition', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
      maxAge: 600,
    }),
  );

  const router = express.Router();
  mountEndpoints(router, endpoints, {
    write: rateLimiter(limits.writesPerMinute, 'write'),
    export: rateLimiter(limits.exportsPerMinute, 'export'),
  });
  app.use(router);
  app.use('/api', apiNotFound);
  const clientDir = options.clientDir === undefined ? DEFAULT_CLIENT_DIR : options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) serveClient(app, clientDir);
  app.use(apiNotFound);
  app.use(errorHandler(limits.bodyBytes));
  analytics.start();
  return app;
}
