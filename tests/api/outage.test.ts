/**
 * Neo4j going away under a running server, on a Neo4j of this test's own (its own port, so the
 * other suites' server is never touched): /readyz and the data endpoints answer 503 with a clear
 * message instead of hanging, and the server recovers by itself, without a restart, when Neo4j is back.
 */
import { pino } from 'pino';
import request from 'supertest';
import { boltUri, freePort, startNeo4j, stopNeo4j } from '../../scripts/neo4j/server';
import { startServer, stopServer } from '../../server/main';
import { describeNeo4j } from '../support/neo4j';
import { ADMIN_TOKEN, SEED_ID } from './harness';

/** Far above the driver's time-outs (seconds), far below a hang. */
const ANSWER_BOUND_MS = 20_000;

async function timed(url: string, path: string) {
  const started = Date.now();
  const response = await request(url).get(path);
  return { response, elapsedMs: Date.now() - started };
}

describeNeo4j('HTTP API when Neo4j goes down and comes back', () => {
  let port: number;
  let url: string;
  let documentsBefore: unknown;

  beforeAll(async () => {
    port = await freePort();
    // keepData: the restarted server reopens the same database, as a real restart would.
    await startNeo4j({ port, parentPid: process.pid, keepData: true });
    ({ url } = await startServer({
      env: { PORT: '0', NEO4J_URI: boltUri(port), ADMIN_TOKEN },
      logger: pino({ level: 'silent' }),
      clientDir: null,
    }));
  }, 300_000);

  afterAll(async () => {
    await stopServer();
    await stopNeo4j(port, { removeFiles: true });
  }, 120_000);

  test('When Neo4j is up, then the server is ready and serves the seed', async () => {
    expect((await request(url).get('/readyz')).body).toMatchObject({ status: 'ready', store: 'neo4j' });
    const documents = await request(url).get('/api/documents');
    expect(documents.body.documents.map((document: { id: string }) => document.id)).toContain(SEED_ID);
    documentsBefore = documents.body;
  });

  test('When Neo4j stops, then /readyz and every data endpoint answer 503 promptly, naming no internals', async () => {
    await stopNeo4j(port);
    const ready = await timed(url, '/readyz');
    expect(ready.response.status).toBe(503);
    expect(ready.response.body.error.code).toBe('not_ready');
    // The operator's endpoint names the store and why it cannot be reached.
    expect(ready.response.body.error.message).toContain(boltUri(port));
    expect(ready.elapsedMs).toBeLessThan(ANSWER_BOUND_MS);

    for (const path of ['/api/documents', `/api/items?q=${encodeURIComponent('数据')}`, '/api/workload', '/api/units/gd.dept.industry-it']) {
      const { response, elapsedMs } = await timed(url, path);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.body.error).toMatchObject({ code: 'store_unavailable', message: expect.stringContaining('unavailable') });
      expect(JSON.stringify(response.body)).not.toMatch(/bolt:|Neo4jError|ServiceUnavailable|at .*\.(ts|js):\d+/);
      expect(elapsedMs).toBeLessThan(ANSWER_BOUND_MS);
    }
    expect((await request(url).get('/healthz')).status).toBe(200);
  }, 120_000);

  test('When Neo4j is back, then the same server recovers by itself and nothing is lost', async () => {
    await startNeo4j({ port, parentPid: process.pid, keepData: true });
    let status = 0;
    for (let attempt = 0; attempt < 60 && status !== 200; attempt++) {
      status = (await request(url).get('/readyz')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(status).toBe(200);
    expect((await request(url).get('/api/documents')).body).toEqual(documentsBefore);
    const item = await request(url).get(`/api/items/${SEED_ID}/item-12`);
    expect(item.status).toBe(200);
  }, 300_000);
});
