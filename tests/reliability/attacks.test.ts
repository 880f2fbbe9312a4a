/**
 * Issue 12, "Nothing anyone sends can stall or kill the server": each of the five findings of the probe,
 * replayed against a real server process (server/main.ts on the embedded store, as `npm start` runs it) loaded
 * with a generated corpus of 25,000 items, while /healthz is polled every 100 ms. For each: the process stays
 * alive, /healthz never waits a second, the answers are 4xx (or, for analytics over their cap, 503 with
 * Retry-After), and the server's RSS stays under RSS_CEILING_MIB. docs/reliability.md lists the findings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, createGzip, deflateSync } from 'node:zlib';
import { corpusPaths, writeCorpus } from '../../bench/synth';
import { probeHealth, rawRequest, requestHead, spawnServer, type ServerProcess } from './serverProcess';

jest.setTimeout(300_000);

const ADMIN_TOKEN = 'attack-suite-admin-token-7c41d9e2b5';
/**
 * 25,000 items (about 100,000 responsibilities). Large enough to matter: before the fix, each of 50 concurrent
 * analyses read its own snapshot of it. Not larger, as one workload computation over 50,000 items already
 * holds the event loop for 0.4–0.9 s on a loaded 2-core machine, too close to the 1 s bound on /healthz.
 */
const CORPUS = { seed: 20261204, units: 2_000, items: 25_000 };
/**
 * The ceiling asserted for the server's RSS throughout, with the 25,000-item corpus loaded and the default
 * cache sizes: measured peaks are in docs/reliability.md; this leaves room for a loaded machine. Raised from
 * 1,024 MiB by issue 14: the server now holds the analytics worker (its own V8 heap, with the per-document parts)
 * and the four default views computed at start, about 630 MiB steady at this size before any attack. Raised to
 * 2,048 MiB when the parser became twice as fast (2026-12-04): finding 3's 5 MiB line of `(` is now parsed within
 * its 2 s deadline, so the parse thread is no longer ended at the deadline and keeps the pages its parse grew
 * (RSS after finding 3: 710 MiB before, 1,284 after; finding 4 then peaked at 1,538). A regression to finding
 * 4's 4.4 GB still fails.
 */
const RSS_CEILING_MIB = 2_048;
const HEADERS_TIMEOUT_MS = 2_000;
/** The parse deadline (PARSE_TIMEOUT_MS, 10 s by default): "a 4xx within a couple of seconds" for finding 3. */
const PARSE_TIMEOUT_MS = 2_000;

let corpusDir: string;
let server: ServerProcess;

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), 'attack-corpus-'));
  writeCorpus(corpusDir, CORPUS);
  const paths = corpusPaths(corpusDir);
  server = await spawnServer({
    ADMIN_TOKEN,
    SEEDS_DIR: paths.documents,
    UNIT_REGISTRY: paths.registry,
    HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    PARSE_TIMEOUT_MS: String(PARSE_TIMEOUT_MS),
    WRITE_RATE_PER_MINUTE: '1000',
  });
});

afterAll(async () => {
  await server?.stop();
  if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
});

/** Runs `attack` while /healthz is polled, then checks that the server lived through it unharmed. */
async function underProbe<T>(attack: () => Promise<T>): Promise<T> {
  const probe = probeHealth(server);
  let result: T;
  try {
    result = await attack();
  } finally {
    const report = await probe.stop();
    expect(server.alive()).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.polls).toBeGreaterThan(0);
    expect(report.maxWaitMs).toBeLessThan(1_000);
    expect(report.peakRssMiB).toBeLessThan(RSS_CEILING_MIB);
  }
  return result;
}

const seconds = async <T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
  const started = Date.now();
  const value = await work();
  return { value, seconds: (Date.now() - started) / 1000 };
};

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

const dryRun = (body: Buffer | string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/documents?dryRun=true`, { method: 'POST', headers: { 'Content-Type': 'text/plain', ...headers }, body });

const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('finding 1: one request killed the process (raw UTF-8 target relayed with headers http.request refuses)', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  test('When a raw UTF-8 target comes with a header name or value Node refuses, then 400, and the process lives', async () => {
    const answers = await underProbe(async () => {
      const statuses: Record<string, number> = {};
      for (const [name, target] of [
        ['raw UTF-8 target', Buffer.concat([utf8('GET /api/items?q='), utf8('数据'), utf8(' HTTP/1.1')])],
        ['ASCII target', utf8('GET /api/items?q=abc HTTP/1.1')],
      ] as const) {
        for (const [header, line] of [
          ['X(Bad name', 'X(Bad: 1'],
          ['DEL in a value', 'X-Foo: a\x7fb'],
          ['NUL-free control in a value', 'X-Foo: a\x01b'],
        ] as const) {
          const { status } = await rawRequest(server.url, requestHead([target, 'Host: x', line, 'Connection: close']));
          statuses[`${name}, ${header}`] = status;
        }
      }
      return statuses;
    });
    for (const [what, status] of Object.entries(answers)) expect([what, status]).toEqual([what, 400]);
  });

  test('When the header value is UTF-8 (the reproduction, `-H "X-Foo: 数据"`), then it is served as Node serves it on any request', async () => {
    // UTF-8 bytes in a header value are obs-text, which Node accepts on every request; the relay used to decode
    // them to characters above U+00FF and hand those to http.request, which threw. It now passes the bytes on.
    const { relayed, plain } = await underProbe(async () => ({
      relayed: await rawRequest(server.url, requestHead([Buffer.concat([utf8('GET /api/items?q='), utf8('数据'), utf8(' HTTP/1.1')]), 'Host: x', Buffer.concat([utf8('X-Foo: '), utf8('数据')]), 'Connection: close'])),
      plain: await rawRequest(server.url, requestHead(['GET /api/items?q=%E6%95%B0%E6%8D%AE HTTP/1.1', 'Host: x', Buffer.concat([utf8('X-Foo: '), utf8('数据')]), 'Connection: close'])),
    }));
    expect(relayed.status).toBe(200);
    expect(plain.status).toBe(200);
    expect(JSON.parse(relayed.text.slice(relayed.text.indexOf('\r\n\r\n') + 4)).total).toBe(JSON.parse(plain.text.slice(plain.text.indexOf('\r\n\r\n') + 4)).total);
  });
});

describe('finding 2: a 58-byte list parameter blocked the event loop (exponential list pattern)', () => {
  const ATTACK = `${',++'.repeat(18)}!`;
  const PATHS = ['/api/items', '/api/workload', '/api/gaps', '/api/network', '/api/metrics', '/api/communities', '/api/export/csv-workload'];
  const LISTS = ['role', 'kind', 'document', 'weights'];

  test('When every list parameter of every endpoint gets `,++`×18 then `!`, or a list over the length cap, then each is 400 at once', async () => {
    const answers = await underProbe(async () => {
      const results: [string, number, number][] = [];
      for (const path of PATHS) {
        for (const name of LISTS) {
          // Items takes one role, not a list, and no kind or weights: those are refused as they are.
          for (const value of [ATTACK, 'lead:1,'.repeat(200)]) {
            const { value: status, seconds: took } = await seconds(async () => (await get(`${path}?${name}=${encodeURIComponent(value)}`)).status);
            results.push([`${path}?${name}=${value.slice(0, 12)}…`, status, took]);
          }
        }
      }
      return results;
    });
    for (const [request, status, took] of answers) {
      expect([request, status]).toEqual([request, 400]);
      expect(took).toBeLessThan(1);
    }
  });
});

describe('finding 3: an anonymous dry run took the server for half a minute', () => {
  // A 5 MiB one-line document of `(` after one item: at most the upload limit.
  const head = '标题\n（一）建设数据平台。（省科技厅牵头）\n';
  const parens = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.alloc(5 * 1024 * 1024 - Buffer.byteLength(head), '(')]);

  test('When a dry run comes without the token, then 401 at once, before its body is parsed', async () => {
    const { value: response, seconds: took } = await underProbe(() => seconds(() => dryRun(parens)));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect(took).toBeLessThan(2);
  });

  test('When the admin sends the 5 MiB line of `(`, then the preview or a parse timeout within the deadline, and /healthz answers throughout', async () => {
    const { value: response, seconds: took } = await underProbe(() => seconds(() => dryRun(parens, bearer)));
    // Parsed in a worker thread, in about 3 CPU-seconds: a quiet machine finishes (the preview of the one item),
    // a loaded one reaches the deadline (422 parse_timeout). Either way the event loop stayed free.
    const body = (await response.json()) as { error?: { code: string }; items?: Array<{ label: string }> };
    if (response.status === 422) expect(body.error?.code).toBe('parse_timeout');
    else expect([response.status, body.items?.map((item) => item.label)]).toEqual([200, ['（一）']]);
    expect(took).toBeLessThan(PARSE_TIMEOUT_MS / 1000 + 3);
  });
});

describe('finding 4: concurrent analytics exhausted memory', () => {
  test('When 50 workload requests with distinct overloadFactors come at once, then they share one snapshot: each is 200 or 503 with Retry-After, within the RSS ceiling', async () => {
    const answers = await underProbe(() =>
      Promise.all(
        Array.from({ length: 50 }, async (_, n) => {
          const response = await get(`/api/workload?overloadFactor=1.${String(n).padStart(2, '0')}`);
          await response.arrayBuffer();
          return { status: response.status, retryAfter: response.headers.get('retry-after') };
        }),
      ),
    );
    const served = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(served.length + refused.length).toBe(50);
    expect(served.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer.retryAfter).toBe('2');
    // Once the snapshot is cached, retried requests are served.
    const retried = await underProbe(async () => {
      const statuses = [];
      for (let n = 0; n < 10; n++) statuses.push((await get(`/api/workload?overloadFactor=2.${n}`)).status);
      return statuses;
    });
    expect(retried).toEqual(Array(10).fill(200));
  });
});

describe('finding 5: a malformed compressed body answered 500', () => {
  test.each(['gzip', 'deflate', 'br'])('When a %s body is not compressed, then 400 invalid_content_encoding', async (encoding) => {
    const response = await underProbe(() => dryRun('（一）这不是压缩的数据', { ...bearer, 'Content-Encoding': encoding }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_content_encoding');
  });

  test('When a well-formed compressed body is sent, then it is read (deflate and br, as gzip)', async () => {
    const plan = '广东省数据工作要点\n\n一、推进数据治理\n\n（一）建设数据平台。（省发展改革委牵头）\n';
    for (const [encoding, body] of [
      ['deflate', deflateSync(plan)],
      ['br', brotliCompressSync(plan, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } })],
    ] as const) {
      const response = await dryRun(body, { ...bearer, 'Content-Encoding': encoding });
      expect([encoding, response.status]).toEqual([encoding, 200]);
    }
  });

  test('When a gzip bomb (1 GB of zeros in about 1 MB) is sent, then 413 at the upload limit, within the RSS ceiling', async () => {
    const gzip = createGzip({ level: 9 });
    const compressed: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 1024; i++) if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
    await new Promise((resolve) => gzip.end(resolve));
    const bomb = Buffer.concat(compressed);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const response = await underProbe(() => dryRun(bomb, { ...bearer, 'Content-Encoding': 'gzip' }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});

describe('also seen', () => {
  test('When request headers stop coming, then 408 after the headers timeout (not 400)', async () => {
    const { value: answer, seconds: took } = await underProbe(() =>
      // The head never ends (no blank line): the server gives up at HEADERS_TIMEOUT_MS.
      seconds(() => rawRequest(server.url, Buffer.from('GET /api/documents HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n'), undefined, 15_000)),
    );
    expect(answer.status).toBe(408);
    expect(took).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS / 1000 - 0.1);
  });

  test('When an origin that is not allowed calls, then the answer says it varies by Origin', async () => {
    const response = await get('/api/documents', { Origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  test('When the admin token is pasted into a path, then the log shows the path with it redacted', async () => {
    expect((await get(`/api/documents/${ADMIN_TOKEN}`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const log = server.output.join('');
    expect(log).toContain('/api/documents/[redacted]');
    expect(log).not.toContain(ADMIN_TOKEN);
  });

  test('After all of it, the process has logged no error it did not answer, and nothing fatal', () => {
    const lines = server.output.join('').split('\n').filter((line) => line.startsWith('{'));
    const parsed = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(parsed.filter((line) => line.level >= 60)).toEqual([]);
    expect(server.alive()).toBe(true);
  });
});
