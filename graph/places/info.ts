import { chainOf, getJurisdiction, NATIONAL_JURISDICTION, parentOf, type Jurisdiction } from '../jurisdiction';
import type { PlaceLevel } from '../model';
import { EXTRA_PROVINCES, REGIONS } from './lists';

/** What the stores and exports keep of a place: its name and level, where it lies, and a region's members. */
export interface PlaceInfo {
  code: string;
  name: string;
  level: PlaceLevel;
  /** The code of the government it lies WITHIN (national for provinces); null for regions. */
  within: string | null;
  /** A region's member places (GB/T 2260 codes); empty for governments. */
  members: string[];
}

/** The place a code names: a government of the division table, a province the table lacks (香港), or a region (R-GBA). */
export function placeInfo(code: string): PlaceInfo | undefined {
  const region = REGIONS.find((r) => r.code === code);
  if (region) return { code, name: region.name, level: 'region', within: null, members: [...region.members] };
  const extra = EXTRA_PROVINCES.find((p) => p.code === code);
  if (extra) return { code, name: extra.name, level: 'province', within: NATIONAL_JURISDICTION.code, members: [] };
  const jurisdiction = getJurisdiction(code);
  if (!jurisdiction || jurisdiction.level === 'national' || jurisdiction.level === 'township') return undefined;
  return { code, name: jurisdiction.name, level: jurisdiction.level, within: parentOf(code)?.code ?? null, members: [] };
}

/** The code of the government a place lies within, null for regions and unknown codes. */
export const placeParent = (code: string): string | null => placeInfo(code)?.within ?? null;

/**
 * The government a code names and every one above it, as chainOf, for the provinces the
 * division table lacks too (香港特别行政区 → 全国). Empty for regions and unknown codes.
 */
export function chainOfPlace(code: string): readonly Jurisdiction[] {
  const chain = chainOf(code);
  if (chain.length > 0) return chain;
  const extra = EXTRA_PROVINCES.find((p) => p.code === code);
  return extra ? [{ code, name: extra.name, level: 'province' }, NATIONAL_JURISDICTION] : [];
}
