/**
 * What the API suites share: an app on a given store with a captured log, and a request helper
 * that checks every answer against the OpenAPI document the app itself publishes (ajv), so each
 * test is also a conformance test of the response it received.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import { pino } from 'pino';
import request, { type Response } from 'supertest';
import { ParsePool } from '../../graph/parse';
import { AnalyticsPool } from '../../graph/precompute';
import { loadRegistry, type UnitRegistry } from '../../graph/registry';
import type { GraphStore } from '../../graph/store';
import { createApp, type AppOptions } from '../../server/app';
import type { OpenApiDocument } from '../../server/openapi';

export const ADMIN_TOKEN = 'test-admin-token-5f1d7c2a9b3e4d60';
export const SEED_ID = 'guangdong-digital-economy-2023';
export const itemId = (no: number, documentId = SEED_ID) => `${documentId}/item-${no}`;

let sharedRegistry: UnitRegistry | undefined;
export const registry = (): UnitRegistry => (sharedRegistry ??= loadRegistry());

/** One parse pool and one analytics worker per test file, as a server has one; closed when the file's tests are done. */
let sharedParsePool: ParsePool | undefined;
export const parsePool = (): ParsePool => (sharedParsePool ??= new ParsePool({ registry: registry() }));
let sharedAnalyticsPool: AnalyticsPool | undefined;
export const analyticsPool = (): AnalyticsPool => (sharedAnalyticsPool ??= new AnalyticsPool());
afterAll(async () => {
  await sharedParsePool?.close();
  sharedParsePool = undefined;
  await sharedAnalyticsPool?.close();
  sharedAnalyticsPool = undefined;
});

export interface TestApp {
  app: Express;
  /** Every log line the app wrote (pino JSON). */
  logs: string[];
}

/** An app with generous rate limits (tests send many writes) unless the options say otherwise. */
export function createTestApp(store: GraphStore, options: Partial<AppOptions> = {}): TestApp {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = createApp({
    store,
    registry: registry(),
    parsePool: parsePool(),
    analyticsPool: analyticsPool(),
    adminToken: ADMIN_TOKEN,
    logger: pino({ level: 'debug' }, sink),
    clientDir: null,
    ...options,
    limits: { writesPerMinute: 100_000, exportsPerMinute: 100_000, ...options.limits },
  });
  return { app, logs };
}

type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * The OpenAPI 3.1 specification's own JSON Schema, as shipped by @seriousme/openapi-schema-validator
 * (its validator class is ESM-only, which jest's CommonJS run cannot load, so its schema is used directly).
 */
const OAS_31_SCHEMA = join(__dirname, '..', '..', 'node_modules', '@seriousme', 'openapi-schema-validator', 'schemas', 'v3.1', 'schema.json');

/** Why a document is not valid OpenAPI 3.1 (empty when it is). */
export function openApiSpecificationErrors(document: OpenApiDocument): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('media-range', true);
  const validate = ajv.compile(JSON.parse(readFileSync(OAS_31_SCHEMA, 'utf8')) as object);
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** Validates responses against the app's own /api/openapi.json. */
export class OpenApiConformance {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: { method: string; template: string; pattern: RegExp }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  /** `METHOD template status` of every response checked, to prove coverage. */
  readonly checked = new Set<string>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...document, $id: 'openapi.json' });
    for (const [template, operations] of Object.entries(document.paths)) {
      // Item ids carry a slash, so a path parameter may span segments (the server accepts both forms).
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '.+')}$`);
      for (const method of Object.keys(operations)) this.templates.push({ method, template, pattern });
    }
    // Literal paths (/api/items) before templates that could also match them, and the longer of two templates
    // first (/api/export/places/{format} before /api/export/{format}, whose parameter could span the rest).
    this.templates.sort((a, b) => a.template.split('{').length - b.template.split('{').length || b.template.length - a.template.length);
  }

  static async of(app: Express): Promise<OpenApiConformance> {
    const response = await request(app).get('/api/openapi.json').expect(200);
    return new OpenApiConformance(response.body as OpenApiDocument);
  }

  /** Throws with ajv's errors when a JSON response breaks its documented schema or status. */
  check(method: Method, url: string, response: Response): void {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    const operation = this.templates.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!operation) return; // unknown routes answer route_not_found, which no operation documents
    const status = String(response.status);
    const responses = this.document.paths[operation.template]![method]!.responses as Record<string, { content?: Record<string, unknown> }>;
    const documented = responses[status];
    if (!documented) throw new Error(`${method.toUpperCase()} ${operation.template} answered ${status}, which the OpenAPI document does not list`);
    this.checked.add(`${method.toUpperCase()} ${operation.template} ${status}`);
    if (!documented.content?.['application/json'] || !/json/.test(response.type) || operation.template === '/api/openapi.json') return;
    const pointer = `openapi.json#/paths/${operation.template.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`;
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(pointer);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      this.validators.set(pointer, validate);
    }
    // A download read as text (exports) is checked as the JSON it is.
    const body: unknown = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
    if (!validate(body)) {
      throw new Error(`${method.toUpperCase()} ${url} ${status} breaks the OpenAPI schema: ${this.ajv.errorsText(validate.errors)}`);
    }
  }
}

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  /** A JSON body, or raw text sent as text/plain. */
  json?: unknown;
  text?: string;
  /** A multipart upload: the file's bytes and name. */
  file?: { bytes: Buffer; name: string };
}

/** Sends one request and checks the answer against the OpenAPI document. */
export function caller(app: Express, conformance: OpenApiConformance) {
  return async (method: Method, url: string, options: CallOptions = {}): Promise<Response> => {
    let pending = request(app)[method](url);
    if (options.token) pending = pending.set('Authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) pending = pending.set(name, value);
    if (options.json !== undefined) pending = pending.send(options.json as object);
    if (options.text !== undefined) pending = pending.set('Content-Type', 'text/plain; charset=utf-8').send(options.text);
    if (options.file) pending = pending.attach('file', options.file.bytes, options.file.name);
    const response = await pending;
    conformance.check(method, url, response);
    return response;
  };
}

/** A small work plan in the genre, varied by `variant`, for ingest tests that must not touch the seeds. */
export function smallPlan(variant: string, units = '省发展改革委牵头，省科技厅按职责分工负责'): string {
  return [
    `${variant}工作要点`,
    '',
    '一、推进数据治理',
    '',
    `（一）建设数据平台。完善${variant}数据共享机制。（${units}）`,
    '',
    '（二）培育数据市场。推动数据交易规范发展。（省政务服务数据管理局牵头，相关市政府落实）',
    '',
  ].join('\n');
}
