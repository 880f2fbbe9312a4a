/**
 * What Neo4j test suites use: the URI of this run's real Neo4j (started by tests/setup/neo4jGlobalSetup.ts, or
 * given as NEO4J_URI), a describe that refuses to skip under CI=true, a driver from the standard variables, a
 * wipe for isolation between tests, and stop/start of the run's own server for outage and crash tests.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { startNeo4j, stopNeo4j, type StopOptions } from '../../scripts/neo4j/server';
import { MANAGED_PORT_VARIABLE, UNAVAILABLE_VARIABLE } from './neo4jEnvironment';

const NEO4J_TEST_TIMEOUT_MS = 120_000;

/** The Bolt URI of this run's Neo4j, or undefined when there is none (only possible outside CI). */
export function neo4jUri(): string | undefined {
  return process.env.NEO4J_URI || undefined;
}

/** The database to use (NEO4J_DATABASE), undefined for the server's default. */
export function neo4jDatabase(): string | undefined {
  return process.env.NEO4J_DATABASE || undefined;
}

/**
 * `describe` for suites that need Neo4j. Without one it skips with the reason in the suite name, except under
 * CI=true, where it throws: there the Neo4j suites must run.
 */
export function describeNeo4j(name: string, fn: () => void): void {
  if (neo4jUri()) {
    // A hang guard, not a speed target: real round trips on a machine shared with other runs (first queries
    // plan and JIT, loads queue behind other Neo4j instances) take far longer than jest's 5 s.
    jest.setTimeout(NEO4J_TEST_TIMEOUT_MS);
    describe(name, fn);
    return;
  }
  const reason = process.env[UNAVAILABLE_VARIABLE] ?? 'NEO4J_URI is not set and no Neo4j was started for this run';
  if (process.env.CI === 'true') throw new Error(`${name}: Neo4j is required under CI=true, but ${reason}.`);
  process.stderr.write(`Skipping "${name}": no Neo4j (${reason}).\n`);
  describe.skip(`${name} [skipped: no Neo4j: ${reason}]`, fn);
}

/** A driver on this run's Neo4j, with NEO4J_USER/NEO4J_PASSWORD when set (the test server has auth off). */
export function openTestDriver(): Driver {
  const uri = neo4jUri();
  if (!uri) throw new Error('No Neo4j for this run: use describeNeo4j around suites that need one.');
  const user = process.env.NEO4J_USER;
  const auth = user ? neo4j.auth.basic(user, process.env.NEO4J_PASSWORD ?? '') : undefined;
  return neo4j.driver(uri, auth);
}

/**
 * Empties the database so that each test starts from nothing: every node and relationship, and with
 * dropSchema also every constraint and index (for tests of schema creation at start-up).
 */
export async function wipeNeo4j(driver: Driver, options: { dropSchema?: boolean } = {}): Promise<void> {
  const database = neo4jDatabase();
  // Batched in an auto-commit transaction (executeQuery cannot run IN TRANSACTIONS), so large graphs wipe too.
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  if (!options.dropSchema) return;
  // Schema names cannot be parameters; they come from the server itself, quoted with backticks.
  const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;
  const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name', {}, { database });
  for (const record of constraints.records) {
    await driver.executeQuery(`DROP CONSTRAINT ${quote(record.get('name'))} IF EXISTS`, {}, { database });
  }
  const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", {}, { database });
  for (const record of indexes.records) {
    await driver.executeQuery(`DROP INDEX ${quote(record.get('name'))} IF EXISTS`, {}, { database });
  }
}

function managedPort(): number {
  const port = process.env[MANAGED_PORT_VARIABLE];
  if (!port) throw new Error('This run uses an external Neo4j (NEO4J_URI was set): a test cannot stop or start it.');
  return Number(port);
}

/**
 * Stops this run's Neo4j, for outage tests. With { kill: true } it is SIGKILLed as in a crash and its data
 * stays on disk; a clean stop deletes the data unless the server was started with keepData.
 */
export async function stopTestNeo4j(options: StopOptions = {}): Promise<void> {
  await stopNeo4j(managedPort(), options);
}

/** Starts this run's Neo4j again on the same port (NEO4J_URI stays valid); keepData reopens the data left behind. */
export async function startTestNeo4j(options: { keepData?: boolean } = {}): Promise<void> {
  await startNeo4j({ port: managedPort(), parentPid: process.pid, quickStart: true, keepData: options.keepData });
}
