/**
 * Saved views of the explorer: anyone may list and open them (a shared link opens the view);
 * saving and deleting need the admin token, as every other write does.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../graph/errors';
import {
  DeleteViewResponseSchema,
  IdParamsSchema,
  SavedViewJsonBodySchema,
  SavedViewListResponseSchema,
  SavedViewResponseSchema,
} from '../../graph/api';
import { requireAdmin } from '../auth';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { jsonBodyOf } from '../jsonBody';

/** 5,000 positions of long ids and the parameters fit well within this. */
const VIEW_BODY_BYTES = 1024 * 1024;
const readViewBody = jsonBodyOf('the view', VIEW_BODY_BYTES);

export function viewEndpoints({ store, adminToken }: ServerContext): Endpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/api/views',
      operationId: 'listViews',
      tag: 'views',
      summary: 'Saved views of the explorer, newest first (without their node positions).',
      responses: [{ status: 200, description: 'The saved views.', schema: SavedViewListResponseSchema }],
      errors: [],
      handle: async () => ({ views: await store.listViews() }),
    }),
    defineEndpoint({
      method: 'get',
      path: '/api/views/{id}',
      operationId: 'getView',
      tag: 'views',
      summary: 'One saved view: its parameters and the node positions of its layout.',
      params: IdParamsSchema,
      responses: [{ status: 200, description: 'The view.', schema: SavedViewResponseSchema }],
      errors: [404],
      handle: async ({ params }) => {
        const view = await store.getView(params.id);
        if (!view) throw new NotFoundError('view', params.id);
        return { view };
      },
    }),
    defineEndpoint({
      method: 'post',
      path: '/api/views',
      operationId: 'saveView',
      tag: 'views',
      summary: 'Save a view: name, description, the view’s URL parameters and its node positions. Answers it with its new id.',
      auth: requireAdmin(adminToken),
      rateLimit: 'write',
      requestBody: { description: 'The view.', content: { 'application/json': { schema: SavedViewJsonBodySchema } } },
      before: [readViewBody],
      responses: [{ status: 201, description: 'Saved.', schema: SavedViewResponseSchema }],
      errors: [401, 403, 413, 415],
      handle: async ({ req, res }) => {
        const view = { ...SavedViewJsonBodySchema.parse(req.body), id: randomUUID(), createdAt: new Date().toISOString() };
        await store.saveView(view);
        res.status(201);
        return { view };
      },
    }),
    defineEndpoint({
      method: 'delete',
      path: '/api/views/{id}',
      operationId: 'deleteView',
      tag: 'views',
      summary: 'Delete a saved view.',
      params: IdParamsSchema,
      auth: requireAdmin(adminToken),
      rateLimit: 'write',
      responses: [{ status: 200, description: 'Deleted.', schema: DeleteViewResponseSchema }],
      errors: [401, 403, 404],
      handle: async ({ params }) => {
        if (!(await store.deleteView(params.id))) throw new NotFoundError('view', params.id);
        return { id: params.id, removed: true };
      },
    }),
  ];
}
