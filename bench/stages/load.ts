/**
 * Load into the real Neo4j: responsibility edges per second through the store's bulk path
 * (Neo4jStore.loadDocuments in the batches graph/ingest's LoadBatcher makes, as `cli ingest`
 * does: one write transaction per ~LOAD_BATCH_EDGES edges, with UNWIND statements), against the
 * naive one-MERGE-per-edge loader (bench/naive-loader.ts) in the same run, on the same server.
 * The documents are parsed beforehand: this stage times the writes only.
 */
import type { ParsedDocument } from '../../graph/model';
import type { UnitRegistry } from '../../graph/registry';
import neo4j from 'neo4j-driver';
import { LOAD_BATCH_EDGES, LoadBatcher } from '../../graph/ingest';
import { Neo4jStore } from '../../graph/store';
import { naiveLoad } from '../naive-loader';
import { BENCH_NEO4J_MEMORY, wipe } from '../lib/neo4j';
import { timed, type StageResult } from '../lib/results';

/**
 * The floor under every per-transaction cost: the median time of an empty write transaction
 * (`RETURN 1`) on this server, right now. The naive loader pays it once per node and edge.
 */
async function emptyWriteMs(uri: string): Promise<number> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  const times: number[] = [];
  try {
    for (let i = 0; i < 25; i++) times.push((await timed(() => session.executeWrite((tx) => tx.run('RETURN 1')))).ms);
  } finally {
    await session.close();
    await driver.close();
  }
  return times.sort((a, b) => a - b)[12]!;
}

const edgesOf = (documents: ParsedDocument[]) =>
  documents.reduce((sum, d) => sum + d.items.reduce((n, item) => n + item.assignments.length, 0), 0);

/**
 * `budgetSeconds` stops the batched load after the batch that crosses it (the rate stays
 * exact; the details say how much of the corpus was loaded).
 */
export async function loadStage(
  mode: 'quick' | 'full',
  uri: string,
  registry: UnitRegistry,
  documents: ParsedDocument[],
  budgetSeconds = Infinity,
): Promise<StageResult> {
  await wipe(uri);
  const store = new Neo4jStore({ uri });
  try {
    await store.init();
    const roundTripMs = await emptyWriteMs(uri);
    // The naive loader on a sample large enough for a stable rate; then the database is emptied again.
    const sampleEdges = mode === 'quick' ? 300 : 2_000;
    const sample: ParsedDocument[] = [];
    for (const d of documents) {
      if (edgesOf(sample) >= sampleEdges) break;
      sample.push(d);
    }
    const naive = await timed(() => naiveLoad(uri, sample));
    const naiveRate = naive.value.edges / (naive.ms / 1000);
    await wipe(uri);

    const deadline = Date.now() + budgetSeconds * 1000;
    let loadedDocuments = 0;
    let transactions = 0;
    const batched = await timed(async () => {
      let edges = 0;
      const batcher = new LoadBatcher<{ parsed: ParsedDocument }>();
      const load = async (batch: Array<{ parsed: ParsedDocument }>) => {
        if (batch.length === 0) return;
        const results = await store.loadDocuments(batch.map(({ parsed }) => ({ document: parsed, units: registry.unitsFor(parsed) })));
        edges += results.reduce((sum, result) => sum + result.responsibilities, 0);
        loadedDocuments += batch.length;
        transactions++;
      };
      for (const parsed of documents) {
        const full = batcher.add({ parsed });
        if (full) await load(full);
        if (Date.now() > deadline) break;
      }
      if (Date.now() <= deadline) await load(batcher.drain());
      return edges;
    });
    const rate = batched.value / (batched.ms / 1000);
    const stats = await store.stats();
    return {
      stage: 'load',
      mode,
      figures: [
        { name: 'Neo4j load, batched store loader (loadDocuments)', value: rate, unit: 'edges/s', target: '≥ 20,000 edges/s', met: rate >= 20_000 },
        {
          name: 'Neo4j load, batched vs naive one-MERGE-per-edge',
          value: rate,
          unit: 'edges/s',
          baseline: { name: 'naive loader', value: naiveRate },
          ratio: rate / naiveRate,
          target: '≥ 20× naive',
          met: rate / naiveRate >= 20,
        },
      ],
      details: {
        documents: loadedDocuments,
        corpusDocuments: documents.length,
        budgetSeconds: Number.isFinite(budgetSeconds) ? budgetSeconds : null,
        edges: batched.value,
        seconds: batched.ms / 1000,
        documentsPerSecond: loadedDocuments / (batched.ms / 1000),
        writeTransactions: transactions,
        edgesPerTransaction: LOAD_BATCH_EDGES,
        emptyWriteTransactionMs: roundTripMs,
        neo4jMemory: BENCH_NEO4J_MEMORY,
        naive: { documents: sample.length, edges: naive.value.edges, seconds: naive.ms / 1000 },
        graphAfterLoad: stats,
      },
    };
  } finally {
    await store.close();
  }
}
