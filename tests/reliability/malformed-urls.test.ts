/**
 * Malformed percent-encoding in a path parameter is bad input (400 naming the parameter), not a server fault.
 * Found while sweeping the failure paths for tests/reliability/logs.test.ts.
 */
import request from 'supertest';
import { MemoryStore } from '../../graph/store';
import { ADMIN_TOKEN, createTestApp } from '../api/harness';

jest.setTimeout(120_000);

test.each([
  ['get', '/api/items/%E0%A4%A'],
  ['get', '/api/units/%'],
  ['get', '/api/documents/%ZZ'],
  ['get', '/api/export/%C0'],
  ['delete', '/api/documents/%E0%A4%A'],
] as const)('When %s %s has a malformed escape, then 400 and no stack', async (method, path) => {
  const store = new MemoryStore();
  await store.init();
  const { app } = createTestApp(store);
  const response = await request(app)[method](path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBeDefined();
  expect(response.text).not.toMatch(/URIError|at \S+\.(ts|js):\d+/);
});
