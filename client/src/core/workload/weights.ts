import type { Role, RoleWeights } from '../api';
import { ROLE_ORDER } from '../domain/vocabulary';

/** `lead:3,co:1` (the API's `weights` parameter) → { lead: 3, co: 1 }; malformed pairs are skipped. */
export function parseWeights(text: string): Partial<RoleWeights> {
  const weights: Partial<RoleWeights> = {};
  for (const pair of text.split(',')) {
    const [role, value] = pair.split(':');
    const weight = Number(value);
    if (ROLE_ORDER.includes(role as Role) && value !== undefined && value !== '' && Number.isFinite(weight) && weight >= 0) {
      weights[role as Role] = weight;
    }
  }
  return weights;
}

/** The inverse of parseWeights, in role order, so equal weights give equal URLs. */
export function formatWeights(weights: Partial<RoleWeights>): string {
  return ROLE_ORDER.filter((role) => weights[role] !== undefined)
    .map((role) => `${role}:${weights[role]}`)
    .join(',');
}
