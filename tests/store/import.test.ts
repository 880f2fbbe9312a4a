/**
 * `cli import` against real Neo4j: the bulk import into a dedicated, stopped instance (launched by
 * scripts/neo4j on a free port, with its own data directory) gives the very graph `cli ingest` writes
 * through transactions into this run's Neo4j: the same nodes, labels, properties and relationships, the
 * same snapshot, statistics and data version. A second import into the now filled database is refused
 * with a message and changes nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jStore } from '../../graph/store';
import { boltUri, freePort, stopNeo4j } from '../../scripts/neo4j/server';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { COMMITMENT_PLANS_DIR, SCOPE_PLANS_DIR, SECOND_PATH, SEED_PATH } from './fixtures';

const ROOT = join(__dirname, '..', '..');
/** Each run starts the CLI (tsx compiles it), and the import a JVM for neo4j-admin and one for Neo4j. */
const RUN_TIMEOUT_MS = 400_000;
/** Plans with sections and loose items, places, regions, deadlines and targets, and units of several governments. */
const PATHS = [SEED_PATH, SECOND_PATH, COMMITMENT_PLANS_DIR, SCOPE_PLANS_DIR];

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/cli.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: RUN_TIMEOUT_MS },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Every node and relationship as sorted JSON lines, nodes keyed by id (code for places). Empty lists are left
 * out (the import writes none, which every query reads alike); the version node is compared by its digest.
 */
async function graphDump(driver: Driver): Promise<{ nodes: string[]; relationships: string[] }> {
  const clean = (properties: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(properties)
        .filter(([, value]) => !(Array.isArray(value) && value.length === 0))
        .map(([name, value]): [string, unknown] => [name, neo4j.isInt(value) ? value.toNumber() : value])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const nodes = await driver.executeQuery('MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS labels, properties(n) AS properties');
  const relationships = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.code) AS from, coalesce(b.id, b.code) AS to, properties(r) AS properties',
  );
  return {
    nodes: nodes.records.map((record) => JSON.stringify([[...(record.get('labels') as string[])].sort(), clean(record.get('properties'))])).sort(),
    relationships: relationships.records
      .map((record) => JSON.stringify([record.get('type'), record.get('from'), record.get('to'), clean(record.get('properties'))]))
      .sort(),
  };
}

describeNeo4j('cli import: neo4j-admin bulk import into an empty Neo4j', () => {
  let port: number;
  let loadedDriver: Driver;
  let importedDriver: Driver;

  beforeAll(async () => {
    port = await freePort();
    loadedDriver = openTestDriver();
    await wipeNeo4j(loadedDriver);
    const ingested = await cli(['ingest', ...PATHS], { NEO4J_URI: process.env.NEO4J_URI });
    expect(ingested).toMatchObject({ code: 0 });
    const imported = await cli(['import', ...PATHS], { NEO4J_PORT: String(port), NEO4J_URI: '' });
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toMatch(/neo4j-admin import: \d+ documents, \d+ items, \d+ units, \d+ responsibility edges in [\d.]+ s/);
    importedDriver = neo4j.driver(boltUri(port), undefined, { disableLosslessIntegers: true });
  }, 2 * RUN_TIMEOUT_MS);

  afterAll(async () => {
    await importedDriver?.close();
    await loadedDriver?.close();
    if (port) await stopNeo4j(port, { removeFiles: true });
  });

  it('writes the graph the transactional loader writes, node for node and edge for edge', async () => {
    const [imported, loaded] = await Promise.all([graphDump(importedDriver), graphDump(loadedDriver)]);
    // The plans exercise every kind of relationship, so each file of the import is compared.
    const types = new Set(loaded.relationships.map((line) => (JSON.parse(line) as string[])[0]));
    expect([...types].sort()).toEqual(expect.arrayContaining(['CONCERNS', 'INCLUDES', 'IN_SECTION', 'LEADS', 'OF', 'PART_OF', 'SUPPORTS', 'WITHIN']));
    expect(imported.nodes).toEqual(loaded.nodes);
    expect(imported.relationships).toEqual(loaded.relationships);
  });

  it('answers reads as the loaded store does: snapshot, statistics and data version', async () => {
    const importedStore = new Neo4jStore({ uri: boltUri(port) });
    const loadedStore = new Neo4jStore({ uri: process.env.NEO4J_URI! });
    try {
      expect(await importedStore.stats()).toEqual(await loadedStore.stats());
      expect(await importedStore.dataVersion()).toEqual(await loadedStore.dataVersion());
      expect(await importedStore.snapshot()).toEqual(await loadedStore.snapshot());
      expect(await importedStore.listDocuments()).toEqual(await loadedStore.listDocuments());
    } finally {
      await importedStore.close();
      await loadedStore.close();
    }
  });

  it('refuses a database that holds data, and leaves it as it was', async () => {
    const before = await graphDump(importedDriver);
    const again = await cli(['import', SEED_PATH], { NEO4J_PORT: String(port), NEO4J_URI: '' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`the Neo4j on ${boltUri(port)} already holds data: import only fills an empty database`);
    expect(await graphDump(importedDriver)).toEqual(before);
  }, RUN_TIMEOUT_MS);

  it('with --csv, only writes the files and prints the neo4j-admin command naming each of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-csv-'));
    try {
      const run = await cli(['import', '--csv', dir, SEED_PATH], { NEO4J_PORT: String(port), NEO4J_URI: '' });
      expect(run.code).toBe(0);
      const files = readdirSync(dir).filter((name) => name.endsWith('.csv'));
      expect(files.length).toBe(15);
      const command = run.stdout.split('\n').find((line) => line.startsWith('neo4j-admin database import full '))!;
      for (const file of files) expect(command).toMatch(new RegExp(`--(nodes|relationships)=${join(dir, file)}( |$)`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, RUN_TIMEOUT_MS);
});
