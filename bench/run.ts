/**
 * `npm run bench` (full: 250,000 items, 3,000 units) and `npm run bench -- --quick` (small, under
 * two minutes once Neo4j is up). Runs every stage, writes bench/results/[quick-]<stage>.json and
 * prints every figure with its baseline and target. `--only parse,load,api,analytics,client`
 * runs a subset (api needs load, load needs parse; a full run's load stage begins with `cli import`'s bulk load).
 */
import { Command } from 'commander';
import type { ParsedDocument } from '../graph/model';
import type { UnitRegistry } from '../graph/registry';
import { ensureCorpus } from './lib/corpus';
import { startBenchNeo4j, type BenchNeo4j } from './lib/neo4j';
import { formatFigure, writeResult, type StageResult } from './lib/results';
import { analyticsStage } from './stages/analytics';
import { apiStage } from './stages/api';
import { clientStage } from './stages/client';
import { loadStage } from './stages/load';
import { importStage } from './stages/import';
import { parseStage } from './stages/parse';

const STAGES = ['parse', 'load', 'api', 'analytics', 'client'] as const;
type Stage = (typeof STAGES)[number];

const options = new Command()
  .name('bench')
  .option('--quick', 'small sizes, for CI-like runs under two minutes')
  .option('--only <stages>', `comma-separated subset of ${STAGES.join(',')}`)
  .option('--load-budget <seconds>', 'stop the batched Neo4j load after this long (the rate stays exact)', Number)
  .option('--documents <n>', 'parse, load and serve only n documents of the corpus (every k-th)', Number)
  .parse()
  .opts<{ quick?: boolean; only?: string; loadBudget?: number; documents?: number }>();

const mode = options.quick ? 'quick' : 'full';
const selected = new Set<Stage>(options.only ? (options.only.split(',') as Stage[]) : STAGES);
const log = (line: string) => process.stderr.write(`${line}\n`);

function report(result: StageResult): void {
  const file = writeResult(result);
  process.stdout.write(`\n== ${result.stage} (${mode}) → ${file}\n`);
  for (const figure of result.figures) process.stdout.write(`  ${formatFigure(figure)}\n`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const failures: string[] = [];
  const attempt = async (stage: string, work: () => Promise<void>) => {
    log(`[bench] ${stage}…`);
    try {
      await work();
    } catch (error) {
      failures.push(stage);
      process.stdout.write(`\n== ${stage} FAILED: ${(error as Error).stack ?? String(error)}\n`);
    }
  };

  let parsed: { registry: UnitRegistry; documents: ParsedDocument[] } | undefined;
  let neo4j: BenchNeo4j | undefined;
  if (selected.has('parse') || selected.has('load') || selected.has('api')) {
    const { dir, summary } = ensureCorpus(mode);
    log(`[bench] corpus: ${summary.documents} documents, ${summary.itemsGenerated} items, ${summary.assignments} assignments, ${(summary.bytes / 1e6).toFixed(1)} MB`);
    await attempt('parse', async () => {
      const { result, ...rest } = await parseStage(mode, dir, options.documents);
      parsed = rest;
      report(result);
    });
  }
  try {
    if (parsed && (selected.has('load') || selected.has('api'))) {
      // Held only until the load: autocannon runs in this process, and a heap holding the parsed corpus (hundreds
      // of MB) would put its own garbage collection pauses into every latency it measures.
      let corpus: typeof parsed | undefined = parsed;
      parsed = undefined;
      await attempt('neo4j', async () => {
        neo4j = startBenchNeo4j();
        log(`[bench] Neo4j at ${neo4j.uri}`);
      });
      if (neo4j) {
        const { uri } = neo4j;
        let loaded = false;
        if (mode === 'full') await attempt('import', async () => report(await importStage(neo4j!, corpus!.registry, corpus!.documents)));
        await attempt('load', async () => {
          report(await loadStage(mode, uri, corpus!.registry, corpus!.documents, options.loadBudget));
          loaded = true;
        });
        const itemIds = corpus.documents.flatMap((d) => d.items.filter((i) => i.assignments.length > 0).map((i) => i.id));
        corpus = undefined; // the server holds what it needs
        // Collected now, not during the API stage: the parse, import and load left a gigabyte of garbage here (1,436 MB
        // of heap as the API runs began in a run without this), and a major GC in the load generator counts as latency.
        global.gc?.();
        if (loaded && selected.has('api')) {
          await attempt('api', async () => {
            const { api, memory } = await apiStage(mode, uri, itemIds);
            report(api);
            report(memory);
          });
        }
      }
    }
  } finally {
    neo4j?.stop();
  }
  if (selected.has('analytics')) await attempt('analytics', async () => report(await analyticsStage(mode)));
  if (selected.has('client')) await attempt('client', async () => report(await clientStage(mode)));

  process.stdout.write(`\nbench (${mode}) finished in ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join(', ')}` : ''}\n`);
  return failures.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
