/**
 * An endpoint is declared once, as data: its path, its zod schemas, its access rule and its
 * handler. The router mounts it (parse → handle → answer through the response schema) and the
 * OpenAPI document is generated from the same declaration, so the docs cannot disagree with
 * what the server does.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { HttpError } from './errors';

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** A JSON answer, checked against its schema before it leaves. */
export interface JsonResponse {
  status: number;
  description: string;
  schema: z.ZodType;
}
/**
 * A file or page the handler writes itself: its media types, each with the zod schema of its body
 * when the body is JSON (documented as such), or null for text and XML (documented as a string).
 */
export interface FileResponse {
  status: number;
  description: string;
  content: Record<string, z.ZodType | null>;
}

/** A request body, for the OpenAPI document; `accept` lists the media types the server takes. */
export interface RequestBody {
  description: string;
  content: Record<string, { schema: z.ZodType } | { jsonSchema: Record<string, unknown> }>;
}

export interface EndpointSpec<Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** OpenAPI form: `/api/items/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: Q;
  params?: P;
  /** A path parameter whose values contain `/` (item ids): the route also matches it unencoded. */
  slashParam?: string;
  /**
   * The admin check (throws 401/403). It runs before the query, the path and the body are read, so an
   * anonymous caller never gets the server to validate or parse anything; its presence documents the
   * operation as needing the bearer token.
   */
  auth?: RequestHandler;
  /** Which rate limiter guards it. */
  rateLimit?: 'write' | 'export';
  requestBody?: RequestBody;
  /** Middleware between input parsing and the handler (body parsing); sees res.locals.input. */
  before?: RequestHandler[];
  responses: (JsonResponse | FileResponse)[];
  /** Error statuses this endpoint can answer besides 400, 429, 500 and 503. */
  errors: number[];
  /**
   * Returns the body of the JSON response whose status the handler set (200 unless it set another),
   * or undefined after writing a file response itself.
   */
  handle(input: { query: z.output<Q>; params: z.output<P>; req: Request; res: Response }): Promise<unknown>;
}

export type Endpoint = EndpointSpec<z.ZodType, z.ZodType>;

const NO_INPUT = z.strictObject({});

/** Ties the handler's input types to the declared schemas, then erases them for the route table. */
export function defineEndpoint<Q extends z.ZodType = typeof NO_INPUT, P extends z.ZodType = typeof NO_INPUT>(
  spec: EndpointSpec<Q, P>,
): Endpoint {
  return spec as unknown as Endpoint;
}

export const isJsonResponse = (response: JsonResponse | FileResponse): response is JsonResponse =>
  'schema' in response;

export interface ParsedInput {
  query: unknown;
  params: unknown;
}

/** `/api/items/{id}` → `/api/items/:id`, or `/api/items/*id` for a slash-carrying parameter. */
function expressPath(endpoint: Endpoint): string {
  return endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    name === endpoint.slashParam ? `*${name}` : `:${name}`,
  );
}

function parseInput(endpoint: Endpoint): RequestHandler {
  return (req, res, next) => {
    const rawParams = Object.fromEntries(
      Object.entries(req.params as Record<string, string | string[]>).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join('/') : value,
      ]),
    );
    const input: ParsedInput = {
      params: (endpoint.params ?? NO_INPUT).parse(rawParams),
      query: (endpoint.query ?? NO_INPUT).parse(req.query),
    };
    res.locals.input = input;
    next();
  };
}

interface Serialised {
  status: number;
  bytes: Buffer;
  etag: string | undefined;
  /**
   * Made on the first request that accepts gzip, then sent again: a large answer is compressed once, not per
   * request, and in libuv's thread pool, not on the event loop (a 1.7 MB workload ranking takes tens of ms).
   */
  gzipped?: Promise<Buffer>;
}

const gzipAsync = promisify(gzip);

/**
 * Bodies of one family differ only in their last top-level fields: an analysis served fresh, then stale, is
 * the same report with another `stale`. Once one member is serialised, another is its JSON with the tail
 * replaced, and only the tail is checked: a whole corpus's answer is not checked and serialised again for a flag.
 */
const families = new WeakMap<object, { family: object; tail: Record<string, unknown> }>();

/** Declares `body` a member of `family` (any object standing for it) whose own fields are `tail`, its last keys in order. */
export function declareFamilyMember(body: object, family: object, tail: Record<string, unknown>): void {
  families.set(body, { family, tail });
}

/** `{"a":1,"b":2}` as the end of an object with keys before them: `,"a":1,"b":2}`. */
const tailBytes = (tail: Record<string, unknown>): Buffer => Buffer.from(`,${JSON.stringify(tail).slice(1)}`, 'utf8');

/**
 * The member's JSON from a sibling's, or null when the sibling's JSON does not end with its tail (the schema
 * orders the keys otherwise) or the new tail breaks the schema: then the body is serialised in full.
 */
function fromSibling(schema: z.ZodType, sibling: Buffer, siblingTail: Record<string, unknown>, tail: Record<string, unknown>): Buffer | null {
  if (!(schema instanceof z.ZodObject)) return null;
  const ending = tailBytes(siblingTail);
  if (sibling.length <= ending.length || !sibling.subarray(-ending.length).equals(ending)) return null;
  const shape = schema.shape as Record<string, z.ZodType | undefined>;
  if (!Object.entries(tail).every(([key, value]) => shape[key]?.safeParse(value).success)) return null;
  return Buffer.concat([sibling.subarray(0, -ending.length), tailBytes(tail)]);
}

/** The body checked against its schema, as JSON. */
function serialise(operationId: string, schema: z.ZodType, body: unknown): Buffer {
  const checked = schema.safeParse(body);
  // A body that breaks its own schema is a server bug: a 500, never a 400 blaming the caller.
  if (!checked.success) throw new Error(`response of ${operationId} breaks its schema: ${checked.error.message}`);
  return Buffer.from(JSON.stringify(checked.data), 'utf8');
}

/** Smaller answers go as they are: compressing them costs more than it saves on any link. */
const GZIP_FROM_BYTES = 8 * 1024;

function run(endpoint: Endpoint): RequestHandler {
  // Bodies already checked and serialised, by identity: the read cache (server/readCache.ts) hands out the
  // same object while the data is unchanged, and for a large answer (a 1 MB workload table) the schema check,
  // JSON.stringify, the UTF-8 encoding and the ETag hash cost far more than the lookup. Per endpoint, as two
  // endpoints may answer one object differently.
  const serialised = new WeakMap<object, Serialised>();
  /** The last member of each family serialised here, with its tail. */
  const familySerialised = new WeakMap<object, { known: Serialised; tail: Record<string, unknown> }>();
  return async (req, res) => {
    const { query, params } = res.locals.input as ParsedInput;
    const body = await endpoint.handle({ query, params, req, res });
    if (res.headersSent) return;
    let known = typeof body === 'object' && body !== null ? serialised.get(body) : undefined;
    if (known?.status !== res.statusCode) {
      // The handler sets another status (201) when it means another documented response.
      const response = endpoint.responses.find((candidate) => candidate.status === res.statusCode);
      if (!response || !isJsonResponse(response)) throw new Error(`${endpoint.operationId} has no JSON response ${res.statusCode}`);
      const member = typeof body === 'object' && body !== null ? families.get(body) : undefined;
      const sibling = member && familySerialised.get(member.family);
      const derived =
        member && sibling?.known.status === res.statusCode ? fromSibling(response.schema, sibling.known.bytes, sibling.tail, member.tail) : null;
      const bytes = derived ?? serialise(endpoint.operationId, response.schema, body);
      // Express's own ETag function, computed once: res.send skips it when the header is set, and still answers 304.
      const etagOf = req.app.get('etag fn') as ((body: Buffer) => string) | undefined;
      known = { status: res.statusCode, bytes, etag: etagOf?.(bytes) };
      if (typeof body === 'object' && body !== null) serialised.set(body, known);
      if (member) familySerialised.set(member.family, { known, tail: member.tail });
    }
    res.type('json');
    res.vary('Accept-Encoding');
    if (known.etag) res.set('ETag', known.etag);
    if (known.bytes.length >= GZIP_FROM_BYTES && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.set('Content-Encoding', 'gzip');
      const compressing = (known.gzipped ??= gzipAsync(known.bytes));
      // A failed compression (out of memory) is not kept: the next request tries again.
      compressing.catch(() => {
        if (known.gzipped === compressing) known.gzipped = undefined;
      });
      res.send(await compressing);
      return;
    }
    res.send(known.bytes);
  };
}

/** 405 with an Allow header for a known path asked with a method it does not have. */
function methodNotAllowed(methods: Method[]): RequestHandler {
  const allow = [...methods, ...(methods.includes('get') ? ['head'] : [])].map((method) => method.toUpperCase()).join(', ');
  return (req, _res, next) =>
    next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allow}.`, { allow }, { Allow: allow }));
}

export function mountEndpoints(
  router: Router,
  endpoints: readonly Endpoint[],
  rateLimiters: Record<'write' | 'export', RequestHandler>,
): void {
  const methodsByPath = new Map<string, Method[]>();
  for (const endpoint of endpoints) {
    const path = expressPath(endpoint);
    // The rate limit first (it also bounds token guessing), then the token, and only then the input.
    const guards = [...(endpoint.rateLimit ? [rateLimiters[endpoint.rateLimit]] : []), ...(endpoint.auth ? [endpoint.auth] : [])];
    router[endpoint.method](path, ...guards, parseInput(endpoint), ...(endpoint.before ?? []), run(endpoint));
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), endpoint.method]);
  }
  for (const [path, methods] of methodsByPath) router.all(path, methodNotAllowed(methods));
}
