/**
 * The first bulk load as `cli import` makes it (scripts/commands/import.ts), on the bench's Neo4j: the parsed
 * corpus written into neo4j-admin's import files (graph/store/neo4j/importFiles.ts), `neo4j-admin database import
 * full` into the stopped, empty database, then the server started on it with its schema and data version.
 * Parsing is the parse stage's and is not timed. The database is started empty again afterwards, as the load
 * stage expects. Full runs only: the two JVM starts would take the quick run past its 2 minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedDocument } from '../../graph/model';
import type { UnitRegistry } from '../../graph/registry';
import { Neo4jStore } from '../../graph/store';
import { Neo4jImportFiles } from '../../graph/store/neo4j/importFiles';
import { importIntoNeo4j, startNeo4j, stopNeo4j } from '../../scripts/neo4j/server';
import { BENCH_NEO4J_MEMORY, type BenchNeo4j } from '../lib/neo4j';
import { timed, type StageResult } from '../lib/results';

const TARGET_EDGES_PER_SECOND = 20_000;

export async function importStage(neo4j: BenchNeo4j, registry: UnitRegistry, documents: ParsedDocument[]): Promise<StageResult> {
  const dir = mkdtempSync(join(tmpdir(), 'accountability-graph-bench-import-'));
  try {
    const files = await timed(async () => {
      const sink = new Neo4jImportFiles(dir);
      await sink.loadDocuments(documents.map((document) => ({ document, units: registry.unitsFor(document) })));
      return sink.finish();
    });
    const written = files.value;
    await stopNeo4j(neo4j.port);
    const imported = await timed(() => importIntoNeo4j({ port: neo4j.port, nodes: written.nodes, relationships: written.relationships }));
    const started = await timed(async () => {
      await startNeo4j({ port: neo4j.port, keepData: true, memory: BENCH_NEO4J_MEMORY });
      const store = new Neo4jStore({ uri: neo4j.uri });
      try {
        await store.init(); // constraints, indexes and the data version, as `cli import` does
        return await store.stats();
      } finally {
        await store.close();
      }
    });
    // Empty again for the load stage: a stop without keepData drops the database.
    await stopNeo4j(neo4j.port);
    await startNeo4j({ port: neo4j.port, memory: BENCH_NEO4J_MEMORY });
    const edges = written.responsibilities;
    const rate = edges / (imported.ms / 1000);
    return {
      stage: 'import',
      mode: 'full',
      figures: [
        { name: 'Neo4j first load, cli import (neo4j-admin database import full)', value: rate, unit: 'edges/s', target: '≥ 20,000 edges/s', met: rate >= TARGET_EDGES_PER_SECOND },
        { name: 'the same with the server’s start, schema and data version', value: edges / ((imported.ms + started.ms) / 1000), unit: 'edges/s' },
      ],
      details: {
        documents: written.documents,
        items: written.items,
        units: written.units,
        edges,
        writingFilesSeconds: files.ms / 1000,
        importSeconds: imported.ms / 1000,
        startSchemaAndVersionSeconds: started.ms / 1000,
        graphAfterImport: started.value,
        method:
          'the parse stage’s documents written by Neo4jImportFiles (not timed in the rate), neo4j-admin database import full into the stopped, empty bench database (the JVM start included), then the server started on it and Neo4jStore.init(), as cli import does',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
