/** Liveness, readiness, and the API's own description. */
import { StoreUnavailableError } from '../../graph/errors';
import { HealthResponseSchema, OpenApiResponseSchema, ReadyResponseSchema } from '../../graph/api';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { HttpError } from '../errors';
import type { OpenApiDocument } from '../openapi';
import { renderApiPage } from '../apiPage';

export function metaEndpoints({ store, analytics }: ServerContext, openApi: () => OpenApiDocument): Endpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      tag: 'meta',
      summary: 'Liveness: the process answers (the store is not consulted).',
      responses: [{ status: 200, description: 'Alive.', schema: HealthResponseSchema }],
      errors: [],
      handle: async () => ({ status: 'ok' }),
    }),
    defineEndpoint({
      method: 'get',
      path: '/readyz',
      operationId: 'ready',
      tag: 'meta',
      summary: 'Readiness: the graph store answers. 503 names the cause (the store and why it cannot be reached).',
      responses: [{ status: 200, description: 'Ready to serve.', schema: ReadyResponseSchema }],
      errors: [503],
      handle: async () => {
        try {
          await store.ping();
        } catch (error) {
          // Operators read this: the store's own message names the target and the cause.
          const cause = error instanceof StoreUnavailableError ? error.message : `the ${store.kind} store did not answer`;
          throw new HttpError(503, 'not_ready', cause, { store: store.kind }, { 'Retry-After': '5' });
        }
        return { status: 'ready', store: store.kind, analyticsComputing: analytics.computingCount };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openApi',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document, generated from its zod schemas.',
      responses: [{ status: 200, description: 'The OpenAPI document.', content: { 'application/json': OpenApiResponseSchema } }],
      errors: [],
      handle: async ({ res }) => {
        res.json(openApi());
      },
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/docs',
      operationId: 'apiPage',
      tag: 'meta',
      summary: 'This API as a page to read: every endpoint, parameter, response and schema.',
      responses: [{ status: 200, description: 'The API page.', content: { 'text/html': null } }],
      errors: [],
      handle: async ({ res }) => {
        res.type('html').send(renderApiPage(openApi()));
      },
    }),
  ];
}
