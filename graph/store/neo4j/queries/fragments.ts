/** Cypher fragments and row types more than one group of statements uses. */
import { RESPONSIBILITY_TYPES } from '../../vocabulary';

export type Properties = Record<string, unknown>;

/** `LEADS|CO_RESPONSIBLE|…`: any responsibility edge. */
export const ANY_ROLE = RESPONSIBILITY_TYPES.join('|');

/** `d`'s properties with its jurisdiction (from its OF edge) in place of the code. */
export const DOCUMENT_OF_D = `d {.*, jurisdiction: COLLECT { MATCH (d)-[:OF]->(j:Jurisdiction) RETURN j {.code, .name, .level} }[0]}`;
