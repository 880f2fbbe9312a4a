/**
 * Jest global setup (project "node"): when NEO4J_URI is not set, start a real Neo4j on a free port for this run,
 * so that parallel runs never collide, and export NEO4J_URI to the tests. Without Java/Maven the run goes on
 * without Neo4j and the Neo4j suites skip with the reason (tests/support/neo4j.ts), except under CI=true,
 * where that is a failure.
 */
import { freePort, missingPrerequisite, startNeo4j } from '../../scripts/neo4j/server';
import { MANAGED_PORT_VARIABLE, UNAVAILABLE_VARIABLE } from '../support/neo4jEnvironment';

const ATTEMPTS = 3;

export default async function neo4jGlobalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const missing = missingPrerequisite();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(`Neo4j is required under CI=true, but ${missing}.`);
    process.env[UNAVAILABLE_VARIABLE] = missing;
    process.stderr.write(`\nNo Neo4j for this run: ${missing}. The Neo4j suites will be skipped.\n`);
    return;
  }
  const log = (line: string) => process.stderr.write(`\n${line}`);
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      const server = await startNeo4j({ port, parentPid: process.pid, quickStart: true, log });
      process.env.NEO4J_URI = server.uri;
      process.env[MANAGED_PORT_VARIABLE] = String(port);
      process.stderr.write(`\nNeo4j ready on ${server.uri}\n`);
      return;
    } catch (error) {
      // Another process may take the free port between our probe and the JVM's bind: try another port.
      const lostTheRace = error instanceof Error && /already in use|BindException/.test(error.message);
      if (!lostTheRace || attempt === ATTEMPTS) throw error;
    }
  }
}
