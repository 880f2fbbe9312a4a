/** Jest global teardown: stop the Neo4j that the global setup started (none when NEO4J_URI came from outside). */
import { stopNeo4j } from '../../scripts/neo4j/server';
import { MANAGED_PORT_VARIABLE } from '../support/neo4jEnvironment';

export default async function neo4jGlobalTeardown(): Promise<void> {
  const port = process.env[MANAGED_PORT_VARIABLE];
  if (port) await stopNeo4j(Number(port), { removeFiles: true });
}
