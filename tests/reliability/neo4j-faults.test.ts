/**
 * Faults against a real Neo4j: SIGKILL in the middle of a large ingest (the graph holds all of the document or
 * none of it, the caller gets an actionable 503, the retry succeeds), a server restart that loses nothing, and
 * 20 concurrent ingests of 10 documents checked with Cypher counts against the parser's output.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import request from 'supertest';
import { parseDocument } from '../../graph/parse';
import { Neo4jStore, neo4jConfigFromEnv } from '../../graph/store';
import { boltUri, freePort, startNeo4j, stopNeo4j } from '../../scripts/neo4j/server';
import { startServer, stopServer } from '../../server/main';
import { ADMIN_TOKEN, createTestApp, registry, smallPlan } from '../api/harness';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { largePlan } from './plans';

const LARGE_ITEMS = 20_000;

/** Items and responsibility edges of one document, counted in Cypher. */
async function countsOf(driver: Driver, documentId: string) {
  const result = await driver.executeQuery(
    `OPTIONAL MATCH (i:Item) WHERE i.id STARTS WITH $prefix
     OPTIONAL MATCH (i)<-[r:LEADS|CO_RESPONSIBLE|SUPPORTS|IMPLEMENTS|GUIDES]-(:Unit)
     RETURN count(DISTINCT i) AS items, count(r) AS edges`,
    { prefix: `${documentId}/` },
  );
  const record = result.records[0]!;
  return { items: Number(record.get('items')), edges: Number(record.get('edges')) };
}

/** What the parser says the document holds. */
function expectedCounts(text: string, id: string) {
  const parsed = parseDocument(text, { source: 'upload', id, registry: registry() });
  return { items: parsed.items.length, edges: parsed.items.reduce((sum, item) => sum + item.assignments.length, 0) };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return false;
}

describeNeo4j('Neo4j killed mid-ingest, and a server restart', () => {
  let port: number;
  let url: string;
  let driver: Driver;
  const env = () => ({ PORT: '0', NEO4J_URI: boltUri(port), ADMIN_TOKEN, MAX_UPLOAD_BYTES: String(64 * 1024 * 1024), LOAD_SEEDS: 'true' });

  beforeAll(async () => {
    port = await freePort();
    // keepData: the killed server's data directory is reopened by the restart, as after a real crash.
    await startNeo4j({ port, parentPid: process.pid, keepData: true });
    driver = neo4j.driver(boltUri(port));
    ({ url } = await startServer({ env: env(), logger: pino({ level: 'silent' }), clientDir: null }));
  }, 300_000);

  afterAll(async () => {
    await stopServer();
    await driver?.close();
    await stopNeo4j(port, { removeFiles: true });
  }, 120_000);

  test('When Neo4j is SIGKILLed during a large ingest, then the caller gets 503, the graph holds none of it, and the retry lands whole', async () => {
    const text = largePlan('崩溃', LARGE_ITEMS);
    const expected = expectedCounts(text, 'crash-plan');
    const statsBefore = await countsOf(driver, 'guangdong-digital-economy-2023');
    const ingest = request(url).post('/api/documents?id=crash-plan').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(text);
    const settled = ingest.then((response) => response);
    // Kill when the load's write transaction is running on the server.
    const writing = await waitUntil(async () => {
      const result = await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery, status WHERE currentQuery CONTAINS 'UNWIND' AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN count(*) AS n");
      return Number(result.records[0]!.get('n')) > 0;
    }, 240_000, 50);
    expect(writing).toBe(true);
    await stopNeo4j(port, { kill: true });
    const response = await settled;
    expect({ status: response.status, code: response.body.error?.code, message: response.body.error?.message }).toEqual({
      status: 503,
      code: 'store_unavailable',
      message: expect.any(String),
    });
    expect(response.headers['retry-after']).toBeDefined();

    await startNeo4j({ port, parentPid: process.pid, keepData: true });
    const after = await countsOf(driver, 'crash-plan');
    // All or nothing; an uncommitted transaction leaves nothing.
    expect([0, expected.items]).toContain(after.items);
    expect(after).toEqual(after.items === 0 ? { items: 0, edges: 0 } : expected);
    expect(await countsOf(driver, 'guangdong-digital-economy-2023')).toEqual(statsBefore);

    // The same server recovers by itself; the retried ingest lands whole.
    expect(await waitUntil(async () => (await request(url).get('/readyz')).status === 200, 120_000, 1_000)).toBe(true);
    const retry = await request(url).post('/api/documents?id=crash-plan').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(text);
    expect([200, 201]).toContain(retry.status);
    expect(await countsOf(driver, 'crash-plan')).toEqual(expected);
  }, 900_000);

  test('When the server restarts on Neo4j, then every document and count is still there', async () => {
    const before = { documents: (await request(url).get('/api/documents')).body, stats: await new Neo4jStore({ uri: boltUri(port) }).stats() };
    await stopServer();
    ({ url } = await startServer({ env: env(), logger: pino({ level: 'silent' }), clientDir: null }));
    expect((await request(url).get('/api/documents')).body).toEqual(before.documents);
    const store = new Neo4jStore({ uri: boltUri(port) });
    try {
      expect(await store.stats()).toEqual(before.stats);
    } finally {
      await store.close();
    }
  }, 300_000);
});

describeNeo4j('20 concurrent ingests of 10 documents', () => {
  test('When 20 ingests of 10 different documents run at once, then exactly those 10 stand with the parser’s counts', async () => {
    const config = neo4jConfigFromEnv()!;
    const driver = openTestDriver();
    const store = new Neo4jStore(config);
    try {
      await wipeNeo4j(driver);
      await store.init();
      const { app } = createTestApp(store);
      const documents = Array.from({ length: 10 }, (_, k) => ({ id: `concurrent-${k}`, text: smallPlan(`并发${k}`, k % 2 ? '省科技厅牵头，省财政厅配合' : undefined) }));
      // Documents 0–9 once each, and 0–9 again: 20 requests in flight together.
      const requests = [...documents, ...documents].map(({ id, text }) =>
        request(app).post(`/api/documents?id=${id}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(text),
      );
      const statuses = (await Promise.all(requests)).map((response) => response.status);
      expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
      const listed = await driver.executeQuery('MATCH (d:Document) RETURN d.id AS id ORDER BY id');
      expect(listed.records.map((record) => record.get('id'))).toEqual(documents.map((d) => d.id).sort());
      for (const { id, text } of documents) expect(await countsOf(driver, id)).toEqual(expectedCounts(text, id));
    } finally {
      await store.close();
      await driver.close();
    }
  }, 300_000);
});
