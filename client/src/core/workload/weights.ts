import { decodeWeights, encodeWeights } from '../../../../graph/analytics/weightsText';
import type { RoleWeights } from '../api';
import { ROLE_ORDER } from '../domain/vocabulary';

/** `lead:3,co:1` (the API's `weights` parameter, in the URL) → { lead: 3, co: 1 }; malformed pairs are skipped. */
export function parseWeights(text: string): Partial<RoleWeights> {
  return decodeWeights(text, ROLE_ORDER).weights;
}

/** The inverse of parseWeights, in role order, so equal weights give equal URLs. */
export function formatWeights(weights: Partial<RoleWeights>): string {
  return encodeWeights(weights, ROLE_ORDER);
}
