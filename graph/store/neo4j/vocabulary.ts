/**
 * How the model's kinds and roles are spelt in Neo4j. The in-memory store reports its counts
 * under the same names (graph/store/vocabulary.ts), so both stores' statistics agree.
 */
import type { Role, UnitKind } from '../../model';

/** The second label of a :Unit, by kind: (:Unit:Department) and so on. */
export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  department: 'Department',
  party: 'PartyOrgan',
  'central-branch': 'CentralBranch',
  city: 'City',
  generic: 'Generic',
};

/** The Neo4j relationship type of each role: (:Unit)-[:LEADS]->(:Item) and so on. */
export const ROLE_RELATIONSHIP: Record<Role, string> = {
  lead: 'LEADS',
  co: 'CO_RESPONSIBLE',
  support: 'SUPPORTS',
  implement: 'IMPLEMENTS',
  guide: 'GUIDES',
};
