/**
 * Limits and switches that need an app configured otherwise than the main suite's: writes off,
 * a small body limit, low rate limits, a CORS allowlist, the built client; and the real process
 * entry point (startServer on port 0), including a curl-style raw UTF-8 query.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { StoreUnavailableError } from '../../graph/errors';
import { loadSeeds } from '../../graph/ingest';
import { MemoryStore } from '../../graph/store';
import { tokenMatches } from '../../server/auth';
import { readServerEnv } from '../../server/config';
import { startServer, stopServer } from '../../server/main';
import { ADMIN_TOKEN, createTestApp, registry, SEED_ID, smallPlan } from './harness';

jest.setTimeout(30_000);

let store: MemoryStore;

beforeAll(async () => {
  store = new MemoryStore();
  await store.init();
  await loadSeeds(store, registry());
});

describe('configuration from the environment', () => {
  test('When nothing is set, then the defaults are port 8080 on loopback, read-only, CORS closed, 5 MiB bodies', () => {
    const env = readServerEnv({});
    expect(env.ADMIN_TOKEN).toBeUndefined();
    expect(env).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      CORS_ORIGINS: [],
      MAX_UPLOAD_BYTES: 5 * 1024 * 1024,
      TRUST_PROXY: false,
      LOAD_SEEDS: true,
    });
  });

  test('When variables are set, then they are read; when one is wrong, then the error names it', () => {
    const env = readServerEnv({ PORT: '9000', CORS_ORIGINS: 'https://a.example, https://b.example', TRUST_PROXY: '1', LOAD_SEEDS: 'false' });
    expect(env).toMatchObject({ PORT: 9000, CORS_ORIGINS: ['https://a.example', 'https://b.example'], TRUST_PROXY: 1, LOAD_SEEDS: false });
    expect(readServerEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => readServerEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readServerEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

describe('writes switched off', () => {
  test('When the server has no ADMIN_TOKEN, then commits, dry runs and deletes answer 403 with the reason', async () => {
    const { app } = createTestApp(store, { adminToken: undefined });
    const before = await store.listDocuments();
    const commit = await request(app).post('/api/documents?id=off').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(smallPlan('关'));
    expect(commit.status).toBe(403);
    expect(commit.body.error).toMatchObject({ code: 'writes_disabled', message: expect.stringContaining('ADMIN_TOKEN') });
    const remove = await request(app).delete(`/api/documents/${SEED_ID}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(remove.status).toBe(403);
    // No token can open a dry run here, so none is asked for: it is refused like a commit (docs/api.md).
    const preview = await request(app).post('/api/documents?dryRun=true&id=off').type('text/plain').send(smallPlan('关'));
    expect(preview.status).toBe(403);
    expect(preview.body.error.code).toBe('writes_disabled');
    expect(await store.listDocuments()).toEqual(before);
  });

  test('When tokens are compared, then only the exact token matches, whatever the lengths', () => {
    expect(tokenMatches(ADMIN_TOKEN, ADMIN_TOKEN)).toBe(true);
    for (const guess of ['', 'x', ADMIN_TOKEN.slice(0, -1), `${ADMIN_TOKEN}x`, ADMIN_TOKEN.toUpperCase()]) {
      expect(tokenMatches(ADMIN_TOKEN, guess)).toBe(false);
    }
  });
});

describe('cached answers', () => {
  test('When an analysis is asked again, then the same bytes come back with the same ETag, gzipped when accepted, and 304 to If-None-Match', async () => {
    const { app } = createTestApp(store);
    const first = await request(app).get('/api/workload').set('Accept-Encoding', 'identity').expect(200);
    const again = await request(app).get('/api/workload').set('Accept-Encoding', 'identity').expect(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.text).toBe(first.text);
    const conditional = await request(app).get('/api/workload').set('If-None-Match', first.headers.etag as string);
    expect(conditional.status).toBe(304);
    expect(conditional.text).toBe('');
    // A client that accepts gzip (every browser) gets the same bytes compressed, compressed once.
    const gzipped = await request(app).get('/api/workload').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(gzipped.text).toBe(first.text);
    expect(first.headers['content-encoding']).toBeUndefined();
    // Small answers go uncompressed.
    const small = await request(app).get('/api/documents').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    // Other parameters, another answer and another tag.
    const weighted = await request(app).get('/api/workload?weights=lead:5').expect(200);
    expect(weighted.headers.etag).not.toBe(first.headers.etag);
  });
});

describe('failures inside the server', () => {
  /** A memory store whose reads fail the given way: what a broken or unreachable store looks like from above. */
  class FailingStore extends MemoryStore {
    constructor(private readonly failure: () => Error) {
      super();
    }
    override async listDocuments(): Promise<never> {
      throw this.failure();
    }
    override async ping(): Promise<never> {
      throw this.failure();
    }
  }

  test('When something unexpected breaks, then 500 gives the request id and no internals', async () => {
    const { app, logs } = createTestApp(new FailingStore(() => new Error('secret detail at /srv/graph/store.ts:42')));
    const response = await request(app).get('/api/documents').set('X-Request-Id', 'req-500');
    expect(response.status).toBe(500);
    expect(response.body.error).toEqual({ code: 'internal_error', message: expect.stringContaining('req-500') });
    expect(JSON.stringify(response.body)).not.toContain('secret');
    // The operator still finds the cause in the log, under the same request id.
    expect(logs.join('')).toContain('secret detail');
  });

  test('When the store is unreachable, then data endpoints say 503 plainly and /readyz gives the cause', async () => {
    const { app } = createTestApp(new FailingStore(() => new StoreUnavailableError('bolt://db.internal:7687', 'connection refused')));
    const data = await request(app).get('/api/documents');
    expect(data.status).toBe(503);
    expect(data.headers['retry-after']).toBe('5');
    expect(data.body.error.code).toBe('store_unavailable');
    expect(JSON.stringify(data.body)).not.toMatch(/db\.internal|refused/);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.error.message).toContain('connection refused');
  });
});

describe('body size limit', () => {
  const limit = 2048;
  const big = smallPlan('大'.repeat(limit));

  test.each([
    ['text/plain', (r: request.Test) => r.type('text/plain').send(big)],
    ['application/json', (r: request.Test) => r.type('application/json').send({ text: big })],
    ['multipart/form-data', (r: request.Test) => r.attach('file', Buffer.from(big), 'big.txt')],
  ])('When a %s upload is over the limit, then 413 names the limit', async (_type, send) => {
    const { app } = createTestApp(store, { limits: { bodyBytes: limit } });
    const response = await send(request(app).post('/api/documents?dryRun=true').set('Authorization', `Bearer ${ADMIN_TOKEN}`));
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'payload_too_large', details: { limitBytes: limit } });
  });

  test('When a chunked multipart upload has no Content-Length, then it is cut off at the limit', async () => {
    const { app } = createTestApp(store, { limits: { bodyBytes: limit } });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const boundary = 'xBOUNDARYx';
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: '/api/documents?dryRun=true', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`);
        // Ten times the limit, in pieces; the server answers before it has all of it.
        for (let i = 0; i < 10; i++) req.write(Buffer.alloc(limit, 0x61));
        req.end(`\r\n--${boundary}--\r\n`);
      });
      expect(status).toBe(413);
    } finally {
      server.close();
    }
  });
});

describe('rate limits', () => {
  test('When writes or exports come too fast, then 429 with RateLimit headers', async () => {
    const { app } = createTestApp(store, { limits: { writesPerMinute: 2, exportsPerMinute: 2 } });
    const writes = [];
    for (let i = 0; i < 3; i++) writes.push(await request(app).post('/api/documents?dryRun=true').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(smallPlan('限')));
    expect(writes.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(writes[2]!.body.error.code).toBe('rate_limited');
    expect(writes[2]!.headers.ratelimit).toBeDefined();
    const exports = [];
    for (let i = 0; i < 3; i++) exports.push((await request(app).get('/api/export/csv-edges')).status);
    expect(exports).toEqual([200, 200, 429]);
    // Reads are not rate limited.
    for (let i = 0; i < 5; i++) expect((await request(app).get('/api/documents')).status).toBe(200);
  });
});

describe('CORS allowlist', () => {
  test('When an origin is on the list, then it may call the API; others get no CORS headers', async () => {
    const { app } = createTestApp(store, { corsOrigins: ['https://planner.example'] });
    const allowed = await request(app).get('/api/documents').set('Origin', 'https://planner.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://planner.example');
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
    const preflight = await request(app)
      .options('/api/documents')
      .set('Origin', 'https://planner.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'Authorization, Content-Type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    const other = await request(app).get('/api/documents').set('Origin', 'https://planner.example.evil');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the built client', () => {
  test('When dist/client exists, then files are served, client routes fall back to index.html and /api stays JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'client-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const { app } = createTestApp(store, { clientDir: dir });
    expect((await request(app).get('/app.js')).text).toBe('console.log(1)');
    for (const path of ['/', '/workload', '/items/x%2Fitem-1']) {
      const page = await request(app).get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('id="root"');
    }
    const api = await request(app).get('/api/unknown');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('route_not_found');
  });
});

describe('the server process', () => {
  let url: string;

  beforeAll(async () => {
    // The embedded store, seeded at start-up as `npm start` does; PORT=0 takes a free port.
    ({ url } = await startServer({ env: { PORT: '0', ADMIN_TOKEN }, logger: pino({ level: 'silent' }), clientDir: null }));
  });
  afterAll(async () => {
    await stopServer();
  });

  /** What curl sends for `curl 'host/api/items?q=数据要素'`: the query as raw UTF-8 bytes. */
  function rawGet(path: string): Promise<{ status: number; body: string }> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(Buffer.concat([Buffer.from('GET '), Buffer.from(path, 'utf8'), Buffer.from(` HTTP/1.1\r\nHost: ${hostname}\r\nAccept: */*\r\n\r\n`)]));
      });
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const [head = '', body = ''] = text.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), body });
      });
    });
  }

  test('When curl sends 数据要素 unencoded, then items (十二) and (十三) are found', async () => {
    const response = await rawGet('/api/items?q=数据要素');
    expect(response.status).toBe(200);
    const ids = (JSON.parse(response.body) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([`${SEED_ID}/item-12`, `${SEED_ID}/item-13`]));
  });

  test('When curl asks for item (十二) by its raw id, then 省政务服务数据管理局 leads it with the clause quoted', async () => {
    const response = await request(url).get(`/api/items/${SEED_ID}/item-12`);
    expect(response.status).toBe(200);
    const lead = response.body.owners.find((owner: { role: string }) => owner.role === 'lead');
    expect(lead.unit.shortName).toBe('省政务服务数据管理局');
    expect(response.body.item.clause.text).toContain('省政务服务数据管理局牵头');
  });

  test('When a raw request is malformed in other ways, then it is still refused', async () => {
    expect((await rawGet('/api/items?q=a b')).status).toBe(400);
    expect((await rawGet('/api/items?q=\u0001数据')).status).toBe(400);
  });

  test('When the server runs, then writes need the token given in the environment', async () => {
    const anonymous = await request(url).post('/api/documents?id=process-check').type('text/plain').send(smallPlan('进程'));
    expect(anonymous.status).toBe(401);
    const admin = await request(url)
      .post('/api/documents?id=process-check')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .type('text/plain')
      .send(smallPlan('进程'));
    expect(admin.status).toBe(201);
    expect((await request(url).delete('/api/documents/process-check').set('Authorization', `Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
  });
});
