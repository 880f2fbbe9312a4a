/**
 * The labels and relationship types of the graph model (docs/graph-model.md), derived from the
 * model's tables so that a new role or unit kind needs no edit here.
 */
import { ROLES, type Role } from '../model';
import { ROLE_RELATIONSHIP, UNIT_KIND_LABEL } from './neo4j/vocabulary';
import type { StoreStats } from './types';

export const NODE_LABELS = ['Document', 'Section', 'Item', 'Unit', ...Object.values(UNIT_KIND_LABEL), 'Jurisdiction', 'Place', 'Region'];
export const RESPONSIBILITY_TYPES = ROLES.map((role) => ROLE_RELATIONSHIP[role]);
/**
 * OF: a unit or document to its jurisdiction; WITHIN: a jurisdiction to the one above it;
 * CONCERNS: an item to a place its body names; INCLUDES: a region to its member places.
 */
export const RELATIONSHIP_TYPES = ['IN_SECTION', 'PART_OF', ...RESPONSIBILITY_TYPES, 'OF', 'WITHIN', 'CONCERNS', 'INCLUDES'];

export const ROLE_OF_RELATIONSHIP: Record<string, Role> = Object.fromEntries(
  ROLES.map((role) => [ROLE_RELATIONSHIP[role], role]),
);

/** Every label and type, zero included, so both stores report the same keys. */
export const emptyStats = (): StoreStats => ({
  nodes: Object.fromEntries(NODE_LABELS.map((label) => [label, 0])),
  relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, 0])),
});
