// Straight from the types module: the bench imports the stylesheet, and must not pull in DOM-typed fetch code.
import type { Role, UnitKind } from '../api/types';

/** Roles in the order the clause grammar ranks them (lead first). */
export const ROLE_ORDER = ['lead', 'co', 'support', 'implement', 'guide'] as const satisfies readonly Role[];
export const UNIT_KINDS = ['department', 'party', 'central-branch', 'city', 'generic'] as const satisfies readonly UnitKind[];

// Fails to compile if the API gains a role or kind this list does not know about.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const rolesAreExhaustive: Exhaustive<Role, (typeof ROLE_ORDER)[number]> = true;
export const kindsAreExhaustive: Exhaustive<UnitKind, (typeof UNIT_KINDS)[number]> = true;

/**
 * Role colours, shared by the workload chart, badges and network edges. Chosen for contrast on
 * white (WCAG AA for text) and to stay apart for the common colour-vision deficiencies.
 */
export const ROLE_COLOURS: Record<Role, string> = {
  lead: '#b4232a',
  co: '#1f5fae',
  support: '#2f7d4f',
  implement: '#8a5a00',
  guide: '#6b3fa0',
};

/** Community colours (Tableau 10, darkened where white labels sit on them). */
export const COMMUNITY_COLOURS = [
  '#4e79a7',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#f28e2b',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
export const NO_COMMUNITY_COLOUR = '#c9ced6';

export const communityColour = (community: number | null | undefined): string =>
  community === null || community === undefined
    ? NO_COMMUNITY_COLOUR
    : (COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length] ?? NO_COMMUNITY_COLOUR);
