/**
 * `cli import <paths…>`: a first bulk load of a whole corpus into an empty Neo4j through `neo4j-admin database
 * import full`, many times faster than `ingest`'s transactions. Documents parse on every core into CSV files in
 * Neo4j's import format (graph/store/neo4j/importFiles.ts); the embedded Neo4j on NEO4J_PORT (scripts/neo4j) is
 * stopped, imported into and started again, then given its schema and data version. A database that holds
 * anything is refused: the import creates a database, it cannot add to one. `--csv <dir>` only writes the files
 * and prints the neo4j-admin command, for a Neo4j server of one's own.
 */
import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidInputError } from '../../graph/errors';
import { loadRegistry } from '../../graph/registry';
import { Neo4jStore } from '../../graph/store';
import { Neo4jImportFiles } from '../../graph/store/neo4j/importFiles';
import { boltUri, importIntoNeo4j, portFromEnv, startNeo4j, stopNeo4j } from '../neo4j/server';
import { DOCUMENT_PATHS_HELP, formatIngestReport, formatThroughput, ingestWithProgress, parsePool, targetFiles } from './ingest';
import { jurisdictionOption } from './jurisdictionOption';

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Refuses a running database that holds data; stops an empty one, which the import then replaces. */
async function stopIfEmpty(port: number): Promise<void> {
  const store = new Neo4jStore({ uri: boltUri(port) });
  let holdsData: boolean | undefined;
  try {
    holdsData = await store.holdsData();
  } catch {
    holdsData = undefined; // nothing answers on this port: importIntoNeo4j checks the stopped database's directory
  } finally {
    await store.close();
  }
  if (holdsData) {
    throw new InvalidInputError(
      'import',
      `the Neo4j on ${boltUri(port)} already holds data: import only fills an empty database (use ingest to add documents, or stop it with \`npm run neo4j:stop\` for a fresh one)`,
    );
  }
  if (holdsData === false) await stopNeo4j(port);
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'first bulk load of many work plans into an EMPTY embedded Neo4j (NEO4J_PORT, default 7687) with neo4j-admin database import; ' +
        'parses on every core; refuses a database that holds data',
    )
    .argument('<paths...>', DOCUMENT_PATHS_HELP)
    .option('--registry <path>', 'unit registry file (default: seeds/units.json)')
    .option(...jurisdictionOption)
    .option('--csv <dir>', 'only write the import files into <dir> and print the neo4j-admin command (for a Neo4j server of your own)')
    .action(async (targets: string[], options: { registry?: string; jurisdiction?: string; csv?: string }) => {
      const registry = loadRegistry(options.registry);
      const files = targetFiles(targets, 'import');
      const port = portFromEnv();
      if (!options.csv) await stopIfEmpty(port);
      const dir = options.csv ? resolve(options.csv) : mkdtempSync(join(tmpdir(), 'accountability-graph-import-'));
      const pool = parsePool(registry);
      try {
        const sink = new Neo4jImportFiles(dir);
        const results = await ingestWithProgress(sink, registry, files, pool, options.jurisdiction);
        const written = sink.finish();
        process.stdout.write(`${formatIngestReport(results)}\n${formatThroughput(pool.throughput(), pool.threads)}\n`);
        if (results.some((result) => !result.ok)) process.exitCode = 1;
        if (options.csv) {
          const fileArguments = [...written.nodes.map((file) => `--nodes=${file}`), ...written.relationships.map((file) => `--relationships=${file}`)];
          process.stdout.write(`import files in ${dir}; with the database stopped:\nneo4j-admin database import full ${fileArguments.join(' ')} --multiline-fields=true neo4j\n`);
          return;
        }
        const importStarted = performance.now();
        await importIntoNeo4j({ port, nodes: written.nodes, relationships: written.relationships, log: progress });
        const importSeconds = seconds(importStarted);
        const startStarted = performance.now();
        const server = await startNeo4j({ port, keepData: true, log: progress });
        const store = new Neo4jStore({ uri: server.uri });
        try {
          await store.init(); // constraints, indexes and the data version, as on any start
        } finally {
          await store.close();
        }
        const startSeconds = seconds(startStarted);
        const rate = (value: number) => Math.round(written.responsibilities / value).toLocaleString('en');
        process.stdout.write(
          `neo4j-admin import: ${written.documents} documents, ${written.items} items, ${written.units} units, ${written.responsibilities} responsibility edges ` +
            `in ${importSeconds.toFixed(1)} s (${rate(importSeconds)} edges/s); start, schema and data version ${startSeconds.toFixed(1)} s ` +
            `(${rate(importSeconds + startSeconds)} edges/s with them)\nNeo4j serves the imported graph at ${server.uri}\n`,
        );
      } finally {
        await pool.close();
        if (!options.csv) rmSync(dir, { recursive: true, force: true });
      }
    });
}
