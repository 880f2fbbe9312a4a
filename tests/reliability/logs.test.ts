/**
 * What the server writes down and answers on its failure paths: the admin token never reaches the log
 * (right, wrong, or sent where no token is expected), no document text reaches the log (not even from a
 * document that fails to parse or names unknown units), and no answer carries a stack trace or an internal path.
 */
import request from 'supertest';
import { MemoryStore } from '../../graph/store';
import { ADMIN_TOKEN, createTestApp, smallPlan } from '../api/harness';

const SECRET_TEXT = '机密正文不得入日志';
jest.setTimeout(120_000);

const STACK = /at \S+ \(|at \S+\.(ts|js):\d+|node_modules|\/work\/|Error: /;

test('When writes succeed and fail, then the log holds neither token nor document text, and no answer a stack', async () => {
  const store = new MemoryStore();
  await store.init();
  const { app, logs } = createTestApp(store);
  const wrong = 'wrong-token-that-must-not-be-logged';
  const answers = [
    await request(app).post('/api/documents?id=log-a').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(smallPlan(SECRET_TEXT, `${SECRET_TEXT}局牵头`)),
    await request(app).post('/api/documents?id=log-b').set('Authorization', `Bearer ${wrong}`).type('text/plain').send(smallPlan(SECRET_TEXT)),
    await request(app).post('/api/documents?id=log-c').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(`${SECRET_TEXT}\n没有编号`),
    await request(app).post('/api/documents?id=log-d').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('application/json').send(`{"text": "${SECRET_TEXT}`),
    await request(app).post('/api/documents?dryRun=true').set('Authorization', `Basic ${ADMIN_TOKEN}`).type('text/plain').send(smallPlan(SECRET_TEXT)),
    await request(app).get(`/api/items?q=${encodeURIComponent(SECRET_TEXT)}&token=${ADMIN_TOKEN}`),
    await request(app).get('/api/items/%E0%A4%A').set('Cookie', `token=${ADMIN_TOKEN}`),
    await request(app).delete('/api/documents/log-a').set('Authorization', `Bearer ${ADMIN_TOKEN}`),
  ];
  expect(answers.map((a) => a.status)).toEqual([201, 403, 422, 400, 401, 400, 400, 200]);
  for (const answer of answers) expect(answer.text).not.toMatch(STACK);
  const log = logs.join('');
  expect(log).toContain('/api/documents');
  expect(log).not.toContain(ADMIN_TOKEN);
  expect(log).not.toContain(wrong);
  expect(log).not.toContain(SECRET_TEXT);
});

test('When a token is pasted into the path, then the logged path has it redacted, and ordinary ids stay readable', async () => {
  const store = new MemoryStore();
  await store.init();
  const { app, logs } = createTestApp(store);
  const randomKey = 'q9X2vL7pR4sT8wZ1mN6bC3dF';
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2Nzg5';
  for (const path of [
    `/api/documents/${ADMIN_TOKEN}`,
    `/api/items/Bearer%20${randomKey}`,
    `/api/units/${randomKey}`,
    `/api/nothing/${jwt}/more`,
    '/api/documents/guangdong-digital-economy-2023',
    '/api/units/gd.dept.industry-it',
  ]) {
    expect((await request(app).get(path)).status).toBe(404);
  }
  const log = logs.join('');
  for (const secret of [ADMIN_TOKEN, randomKey, jwt, 'Bearer']) expect(log).not.toContain(secret);
  expect(log).toContain('/api/documents/[redacted]');
  expect(log).toContain('/api/nothing/[redacted]/more');
  expect(log).toContain('/api/documents/guangdong-digital-economy-2023');
  expect(log).toContain('/api/units/gd.dept.industry-it');
});
