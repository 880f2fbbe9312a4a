/**
 * The OpenAPI 3.1 document, generated from the endpoint declarations and the zod schemas of
 * graph/api (z.toJSONSchema): the schemas are written once, in zod, and only there.
 */
import { z } from 'zod';
import * as contract from '../graph/api';
import { isJsonResponse, type Endpoint } from './endpoint';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

const COMPONENTS = '#/components/schemas/';

/** Every schema of the contract named with `.meta({ id })` (the responses and the JSON bodies), by id in alphabetical order. */
function namedSchemas(): Map<z.ZodType, string> {
  const named = Object.values(contract).flatMap((value) => {
    const id = value instanceof z.ZodType ? z.globalRegistry.get(value)?.id : undefined;
    return id ? [[value as z.ZodType, id] as const] : [];
  });
  return new Map(named.sort(([, a], [, b]) => a.localeCompare(b, 'en')));
}

/** Drop the per-schema `$schema`/`$id` keys: inside an OpenAPI document the dialect is the document's. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

const inputSchema = (schema: z.ZodType): JsonSchema =>
  bare(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema);

const STATUS_TEXT: Record<number, string> = {
  400: 'A parameter or the body is invalid; the message names the field.',
  401: 'No bearer token was sent.',
  403: 'The token is wrong, or writes are disabled (no ADMIN_TOKEN).',
  404: 'No such id (or route).',
  408: 'The request headers (or the whole request) did not arrive within the server\'s timeout.',
  413: 'The body is over the size limit.',
  415: 'The body has an unsupported Content-Type.',
  422: 'The document cannot be parsed (details give the line and column), or its parse ran past the PARSE_TIMEOUT_MS deadline (code parse_timeout, details give limitMs).',
  429: 'Too many requests; wait for the window given in the RateLimit headers.',
  500: 'An unexpected server error (no internals are disclosed).',
  503: 'The graph store is unavailable, or (analytics and exports) the server is computing as many analyses as it allows at once (`analytics_busy`); retry after the Retry-After seconds. `analytics_out_of_memory`: the analysis reached the heap limit of its thread and was stopped.',
};

function parameters(location: 'path' | 'query', schema: z.ZodType | undefined): JsonSchema[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { description, ...fieldSchema } = inputSchema(field);
    return {
      name,
      in: location,
      required: location === 'path' || !field.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: fieldSchema,
    };
  });
}

function operation(endpoint: Endpoint, ref: (schema: z.ZodType) => JsonSchema): JsonSchema {
  const errorStatuses = [
    ...(endpoint.query || endpoint.params || endpoint.requestBody ? [400] : []),
    ...endpoint.errors,
    // Any request whose headers arrive too slowly (HEADERS_TIMEOUT_MS) is answered 408 before it is routed.
    408,
    ...(endpoint.rateLimit ? [429] : []),
    500,
    ...(endpoint.tag === 'meta' ? [] : [503]),
  ];
  const responses: Record<string, JsonSchema> = {};
  for (const response of endpoint.responses) {
    responses[String(response.status)] = {
      description: response.description,
      content: isJsonResponse(response)
        ? { 'application/json': { schema: ref(response.schema) } }
        : Object.fromEntries(
            Object.entries(response.content).map(([type, schema]) => [type, { schema: schema ? ref(schema) : { type: 'string' } }]),
          ),
    };
  }
  for (const status of [...new Set(errorStatuses)].sort()) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Error.',
      content: { 'application/json': { schema: ref(contract.ErrorResponseSchema) } },
    };
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    parameters: [...parameters('path', endpoint.params), ...parameters('query', endpoint.query)],
    ...(endpoint.requestBody
      ? {
          requestBody: {
            required: true,
            description: endpoint.requestBody.description,
            content: Object.fromEntries(
              Object.entries(endpoint.requestBody.content).map(([type, body]) => [
                type,
                { schema: 'schema' in body ? ref(body.schema) : body.jsonSchema },
              ]),
            ),
          },
        }
      : {}),
    ...(endpoint.auth ? { security: [{ adminToken: [] }] } : {}),
    responses,
  };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[], version: string): OpenApiDocument {
  const names = namedSchemas();
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `${COMPONENTS}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const ref = (schema: z.ZodType): JsonSchema => {
    const name = names.get(schema);
    if (!name) throw new Error('every response and body schema must be exported by graph/api with a .meta({ id })');
    return { $ref: `${COMPONENTS}${name}` };
  };

  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation(endpoint, ref) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'accountability-graph API',
      version,
      description:
        'Who answers for what in Chinese government work plans: documents, items and their responsibility ' +
        'clauses, units, workload, accountability gaps and the coordination network. Errors are ' +
        '`{ "error": { "code", "message", "details" } }`.',
    },
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(generated.schemas).map(([name, schema]) => [name, bare(schema)])),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN the server was started with.' },
      },
    },
  };
}
