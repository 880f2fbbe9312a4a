/**
 * The one text form of role weights, `lead:3,co:0.5`: the API's `weights` parameter, the explorer's URLs and the
 * CLI's `--weights` all read and write it here. Free of zod and of the rest of graph/, so the client bundles only
 * this module; callers pass the role list (graph's ROLES, the client's ROLE_ORDER) so that it is not copied here.
 */

/** A weight as text: a plain decimal ≥ 0 below 10⁹ (so always finite); no sign, exponent or hex. */
export const WEIGHT_TEXT = '[0-9]{1,9}(?:\\.[0-9]+)?';
const WEIGHT = new RegExp(`^${WEIGHT_TEXT}$`);

/** `lead : 3` → ['lead', 3]; undefined when the role is not one of `roles` or the weight is not a plain decimal ≥ 0. */
export function decodeWeightPair<R extends string>(pair: string, roles: readonly R[]): [R, number] | undefined {
  const separator = pair.indexOf(':');
  if (separator < 0) return undefined;
  const role = pair.slice(0, separator).trim();
  const weight = pair.slice(separator + 1).trim();
  if (!(roles as readonly string[]).includes(role) || !WEIGHT.test(weight)) return undefined;
  return [role as R, Number(weight)];
}

/** `lead:3,co:1` → { lead: 3, co: 1 }, with the pairs that are not role:weight listed apart; empty parts are ignored. */
export function decodeWeights<R extends string>(
  text: string,
  roles: readonly R[],
): { weights: Partial<Record<R, number>>; invalid: string[] } {
  const weights: Partial<Record<R, number>> = {};
  const invalid: string[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const decoded = decodeWeightPair(part, roles);
    if (decoded) weights[decoded[0]] = decoded[1];
    else invalid.push(part.trim());
  }
  return { weights, invalid };
}

/** The inverse of decodeWeights, in the order of `roles`, so equal weights give equal text (and equal URLs). */
export function encodeWeights<R extends string>(weights: Partial<Record<R, number>>, roles: readonly R[]): string {
  return roles
    .filter((role) => weights[role] !== undefined)
    .map((role) => `${role}:${weights[role]}`)
    .join(',');
}
