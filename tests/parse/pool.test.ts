/**
 * The parse pool: documents parsed in worker threads come back equal to the in-process parser's,
 * a ParseError keeps its code and location across the thread boundary, a parse past the deadline
 * is stopped with an error naming the limit (422 parse_timeout at the API), and a closed pool
 * refuses work and lets the process exit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ParseError, ParseTimeoutError } from '../../graph/errors';
import { loadSeeds } from '../../graph/ingest';
import { ParsePool, readDocumentBytes, readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { MemoryStore } from '../../graph/store';
import { ADMIN_TOKEN, createTestApp } from '../api/harness';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const SHARED_CORPUS = '/work/shared/corpus';
const documents = [
  join(ROOT, 'seeds', 'documents', 'guangdong-digital-economy-2023.txt'),
  join(ROOT, 'tests', 'fixtures', 'documents', 'guangdong-data-elements-2024.txt'),
  ...readdirSync(SHARED_CORPUS, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.txt'))
    .map((entry) => join(SHARED_CORPUS, entry.name)),
];
const registry = loadRegistry();
/** Ordinary text large enough that no worker parses it within a millisecond. */
const largePlan = readFileSync(documents[0]!, 'utf8').repeat(100);

/** The in-process outcome: the parsed document, or the ParseError's message and location. */
function inProcess(path: string) {
  try {
    return readDocumentFile(path, registry);
  } catch (error) {
    if (error instanceof ParseError) return { message: error.message, location: error.location };
    throw error;
  }
}

describe('a pool of one worker per core', () => {
  const pool = new ParsePool({ registry });
  afterAll(() => pool.close());

  test.each(documents)('parses %s exactly as the in-process parser does', async (path) => {
    const { bytes, sidecar } = readDocumentBytes(path);
    const pooled = await pool.parse(bytes, { source: path, sidecar }).catch((error: unknown) => {
      if (error instanceof ParseError) return { message: error.message, location: error.location };
      throw error;
    });
    expect(pooled).toEqual(inProcess(path));
  });

  test('several parses at once all come back, each its own', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const parsed = await Promise.all(ids.map((id) => pool.parse(readFileSync(documents[0]!), { source: `${id}.txt`, id })));
    expect(parsed.map((p) => p.document.id)).toEqual(ids);
  });

  test('a ParseError keeps its code, message and location', async () => {
    const error = await pool.parse('标题\n没有编号的文字', { source: 'plain.txt' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ code: 'no_items', message: expect.stringMatching(/^plain\.txt:\d+:\d+: the document has no numbered items/) });
  });

  test('the throughput counts every byte parsed and the time the workers spent', () => {
    const { documents: count, bytes, workerSeconds, wallSeconds } = pool.throughput();
    expect(count).toBeGreaterThan(documents.length);
    expect(bytes).toBeGreaterThan(0);
    expect(workerSeconds).toBeGreaterThan(0);
    expect(wallSeconds).toBeGreaterThan(0);
  });
});

describe('the deadline', () => {
  test('a parse past it is stopped with an error naming the limit', async () => {
    const pool = new ParsePool({ registry, threads: 1, timeoutMs: 1 });
    try {
      const error = await pool.parse(largePlan, { source: 'large.txt' }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ParseTimeoutError);
      expect(error).toMatchObject({ code: 'parse_timeout', message: 'large.txt: parse exceeded the 0.001 s limit' });
    } finally {
      await pool.close();
    }
  });

  test('the API answers 422 parse_timeout with the limit, and serves the next request', async () => {
    const store = new MemoryStore();
    await store.init();
    await loadSeeds(store, registry);
    const pool = new ParsePool({ registry, timeoutMs: 1 });
    try {
      const { app } = createTestApp(store, { parsePool: pool });
      const response = await request(app).post('/api/documents?dryRun=true').set('Authorization', `Bearer ${ADMIN_TOKEN}`).type('text/plain').send(largePlan);
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'parse_timeout', message: 'upload: parse exceeded the 0.001 s limit', details: { limitMs: 1 } });
      expect((await request(app).get('/healthz')).status).toBe(200);
    } finally {
      await pool.close();
      await store.close();
    }
  });
});

test('a closed pool refuses work', async () => {
  const pool = new ParsePool({ registry });
  await pool.parse(readFileSync(documents[0]!), { source: 'seed.txt' });
  await pool.close();
  await expect(pool.parse(readFileSync(documents[0]!), { source: 'seed.txt' })).rejects.toThrow('the parse pool is closed');
});
