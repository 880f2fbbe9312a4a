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
import type { UnitRegistry } from '../graph/registry';
import type { GraphStore } from '../graph/store';
import packageJson from '../package.json';
import { ReadCache, type ReadCacheOptions } from './readCache';
import { DEFAULT_LIMITS, type Limits, type ServerContext } from './context';
import { mountEndpoints, type Endpoint } from './endpoint';
import { apiNotFound, errorHandler, HttpError } from './errors';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { analyticsEndpoints } from './routes/analytics';
import { browseEndpoints } from './routes/browse';
import { exportEndpoints } from './routes/exports';
import { ingestEndpoints } from './routes/ingest';
import { metaEndpoints } from './routes/meta';
import { placeEndpoints } from './routes/places';

export const DEFAULT_CLIENT_DIR = resolve(__dirname, '..', 'dist', 'client');

export interface AppOptions {
  store: GraphStore;
  registry: UnitRegistry;
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
  const context: ServerContext = {
    store: options.store,
    registry: options.registry,
    cache: new ReadCache(options.store, options.readCache),
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
    ...placeEndpoints(context),
  ];

  const app = express();
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
      // document text, and query values may carry search text or a token sent in the wrong place.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => {
          const [path = '', query] = req.url.split('?', 2);
          const params = query === undefined ? [] : [...new Set([...new URLSearchParams(query).keys()])];
          return { id: req.id, method: req.method, url: path, ...(params.length > 0 ? { params } : {}) };
        },
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(
    helmet({
      // Served over plain HTTP on a workstation or behind a TLS proxy: upgrading would break local use.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  const allowed = new Set(options.corsOrigins ?? []);
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
  return app;
}
