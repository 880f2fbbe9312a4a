/**
 * Which jurisdiction the explorer shows when the reader has chosen none. Plans of several governments
 * are not added together by default: the one with the most plans is shown, its own plans only. The
 * client applies the rule (client/src/core/scope/scope.ts) and the server computes those views before
 * anyone asks (server/precomputed.ts), so both take it from here.
 */
import type { Jurisdiction } from '../model';

export interface JurisdictionPlans<J extends Pick<Jurisdiction, 'code'> = Jurisdiction> {
  jurisdiction: J;
  plans: number;
}

/** The jurisdictions of the plans, most plans first (ties by code), each with its count. */
export function jurisdictionsOf<J extends Pick<Jurisdiction, 'code'>>(documents: ReadonlyArray<{ jurisdiction?: J | null }>): JurisdictionPlans<J>[] {
  const counts = new Map<string, JurisdictionPlans<J>>();
  for (const { jurisdiction } of documents) {
    if (!jurisdiction) continue;
    const entry = counts.get(jurisdiction.code) ?? { jurisdiction, plans: 0 };
    entry.plans += 1;
    counts.set(jurisdiction.code, entry);
  }
  return [...counts.values()].sort((a, b) => b.plans - a.plans || (a.jurisdiction.code < b.jurisdiction.code ? -1 : 1));
}

/**
 * The default jurisdiction: none while the plans name at most one jurisdiction (nothing would be
 * added together); otherwise the one with the most plans. A plan of unknown jurisdiction is not
 * taken for another place: nothing says it is one, and hiding a fresh upload by default would
 * surprise its reader more than showing it.
 */
export function defaultJurisdiction<J extends Pick<Jurisdiction, 'code'>>(documents: ReadonlyArray<{ jurisdiction?: J | null }>): JurisdictionPlans<J> | null {
  const known = jurisdictionsOf(documents);
  return known.length > 1 ? (known[0] ?? null) : null;
}
