/**
 * Every Cypher statement of the Neo4j store, as named transaction functions. Values always
 * travel as $parameters. The only text spliced into a statement is a label or relationship
 * type taken from the model's fixed tables (UNIT_KIND_LABEL, ROLE_RELATIONSHIP), because
 * Cypher 5 cannot take those as parameters; nothing a user types ever reaches query text.
 * Results come back as plain domain records (the driver runs with disableLosslessIntegers).
 *
 * One folder, one module per concern: schema (constraints, indexes), version (the data version),
 * writes (load, remove, correct), rows (result rows → records), reads, views (explorer state);
 * fragments holds the Cypher pieces several of them splice in.
 */
export * from './schema';
export * from './version';
export * from './writes';
export * from './reads';
export * from './views';
export type { SingleStatementRunner } from './fragments';
