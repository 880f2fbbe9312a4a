/** Environment variables through which the jest global setup tells the tests about the Neo4j of this run. */

/** Port of the Neo4j the global setup started for this run (unset when NEO4J_URI was given from outside). */
export const MANAGED_PORT_VARIABLE = 'NEO4J_TEST_MANAGED_PORT';

/** Why no Neo4j could be started for this run (Java or Maven missing). */
export const UNAVAILABLE_VARIABLE = 'NEO4J_TEST_UNAVAILABLE';
