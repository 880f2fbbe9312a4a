/** Cypher fragments and row types more than one group of statements uses. */
import type { ManagedTransaction } from 'neo4j-driver';
import { RESPONSIBILITY_TYPES } from '../../vocabulary';

export type Properties = Record<string, unknown>;

/**
 * What a function of a single statement needs: a transaction or a session, whose `run` is an auto-commit
 * transaction (one round trip, no BEGIN/COMMIT). Only functions that read once take it, so an auto-commit
 * read never sees two states of the graph.
 */
export type SingleStatementRunner = Pick<ManagedTransaction, 'run'>;

/** `LEADS|CO_RESPONSIBLE|…`: any responsibility edge. */
export const ANY_ROLE = RESPONSIBILITY_TYPES.join('|');

/** `d`'s properties with its jurisdiction (from its OF edge) in place of the code. */
export const DOCUMENT_OF_D = `d {.*, jurisdiction: COLLECT { MATCH (d)-[:OF]->(j:Jurisdiction) RETURN j {.code, .name, .level} }[0]}`;
