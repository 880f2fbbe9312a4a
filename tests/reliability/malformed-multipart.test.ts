/**
 * A multipart body the reader cannot take apart is bad input (400), not a server fault.
 * Found by Schemathesis: a part name made of control characters answered 500.
 */
import request from 'supertest';
import { MemoryStore } from '../../graph/store';
import { ADMIN_TOKEN, createTestApp } from '../api/harness';

test.each([
  ['control characters in the part name', '--XX\r\nContent-Disposition: form-data; name="\x11\x15-"\r\n\r\nabc\r\n--XX--\r\n'],
  ['a part without headers', '--XX\r\n\r\nabc\r\n--XX--\r\n'],
])('When a multipart upload has %s, then 400 and nothing is written', async (_case, body) => {
  const store = new MemoryStore();
  await store.init();
  const { app } = createTestApp(store);
  const response = await request(app)
    .post('/api/documents')
    .set('Content-Type', 'multipart/form-data; boundary=XX')
    .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
    .send(body);
  expect(response.status).toBe(400);
  expect(response.body.error.code).toMatch(/^invalid_/);
  expect(await store.listDocuments()).toEqual([]);
});
