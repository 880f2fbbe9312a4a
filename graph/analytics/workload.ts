/**
 * Workload per unit (planners): counts by role, a weighted load, its share and rank, an
 * overload rule against peers of the same jurisdiction, level and kind, and the concentration
 * of the whole load.
 */
import { getJurisdiction, parentOf } from '../jurisdiction';
import { ROLES, type Role, type Snapshot, type UnitSummary } from '../model';
import { compareText } from '../store/order';
import { indexSnapshot, isGeneric } from './snapshotIndex';
import { gini, herfindahl, quantile } from './statistics';
import {
  WorkloadOptionsSchema,
  type Concentration,
  type PeerGroupThreshold,
  type RoleCounts,
  type WorkloadOptions,
  type WorkloadParameters,
  type WorkloadReport,
  type WorkloadRow,
} from './types';

export const QUARTILE_METHOD =
  'linear interpolation between order statistics (Hyndman–Fan type 7: numpy.quantile default, Excel QUARTILE.INC)';

export function computeWorkload(snapshot: Snapshot, options: WorkloadOptions = {}): WorkloadReport {
  return workloadReport(countHeld(snapshot), options);
}

/**
 * Distinct items each unit holds per role, generic placeholders included (the report leaves them out
 * unless asked). Items belong to one document each, so the counts of several documents add up to the
 * counts of them together: the per-document part of the workload (graph/analytics/partials.ts).
 */
export function countHeld(snapshot: Snapshot): HeldCounts {
  const index = indexSnapshot(snapshot);
  const held = new Map<string, Map<Role, Set<string>>>();
  for (const item of index.items) {
    for (const r of index.ownersOf(item.id)) {
      const byRole = held.get(r.unitId) ?? new Map<Role, Set<string>>();
      byRole.set(r.role, (byRole.get(r.role) ?? new Set<string>()).add(item.id));
      held.set(r.unitId, byRole);
    }
  }
  return new Map(
    [...held].map(([unitId, byRole]) => [
      unitId,
      { unit: index.unit(unitId), counts: Object.fromEntries(ROLES.map((role) => [role, byRole.get(role)?.size ?? 0])) as RoleCounts },
    ]),
  );
}

/** Per unit id: the unit and the distinct items it holds in each role. */
export type HeldCounts = Map<string, { unit: UnitSummary; counts: RoleCounts }>;

/** The ranked report from counts (of one snapshot, or summed over documents). */
export function workloadReport(held: HeldCounts, options: WorkloadOptions = {}): WorkloadReport {
  const parameters = WorkloadOptionsSchema.parse(options);
  const unranked = [...held.values()]
    .filter(({ unit }) => parameters.includeGeneric || !isGeneric(unit))
    .map(({ unit, counts }) => {
      const weightedLoad = ROLES.reduce((sum, role) => sum + parameters.weights[role] * counts[role], 0);
      const assignments = ROLES.reduce((sum, role) => sum + counts[role], 0);
      return { unit, counts, assignments, weightedLoad };
    });
  unranked.sort(
    (a, b) => b.weightedLoad - a.weightedLoad || b.counts.lead - a.counts.lead || compareText(a.unit.id, b.unit.id),
  );
  const totalLoad = unranked.reduce((sum, row) => sum + row.weightedLoad, 0);
  const peerGroups = peerGroupThresholds(unranked, parameters);
  const thresholdOf = new Map(peerGroups.map((group) => [group.peerGroup, group.threshold]));

  let rank = 0;
  const rows: WorkloadRow[] = unranked.map((row, position) => {
    // Competition ranking: equal loads share a rank, the next rank skips (1, 2, 2, 4).
    if (position === 0 || row.weightedLoad !== unranked[position - 1]?.weightedLoad) rank = position + 1;
    const peerGroup = peerGroupOf(row.unit);
    const threshold = thresholdOf.get(peerGroup) ?? null;
    return {
      ...row,
      share: totalLoad > 0 ? row.weightedLoad / totalLoad : 0,
      rank,
      peerGroup,
      overloaded: threshold !== null && row.weightedLoad > threshold,
    };
  });

  return {
    parameters,
    rows,
    overloadRule: {
      rule:
        `A unit is overloaded when its weighted load is above Q3 + ${parameters.overloadFactor} × IQR of the weighted loads ` +
        'of the units of the same jurisdiction, level and kind (its peer group: a ministry is never the peer of a ' +
        "province's department, nor a city bureau of a provincial one). " +
        `Peer groups with fewer than ${parameters.minPeerGroupSize} units ` +
        'have no threshold, and nobody in them is flagged.',
      quartileMethod: QUARTILE_METHOD,
      overloadFactor: parameters.overloadFactor,
      minPeerGroupSize: parameters.minPeerGroupSize,
      peerGroups,
    },
    concentration: concentration(rows, totalLoad),
  };
}

type PeerUnit = Pick<UnitSummary, 'jurisdiction' | 'level' | 'kind'>;

/**
 * The jurisdiction a unit is compared within: its own for a department (Guangdong's departments with each
 * other), the one above it for a government named as a unit (广州市政府 and 深圳市政府 are both Guangdong's
 * prefecture-level governments, peers of each other rather than each alone).
 */
function peerJurisdictionOf(unit: PeerUnit): string {
  return unit.kind === 'city' ? (parentOf(unit.jurisdiction)?.code ?? unit.jurisdiction) : unit.jurisdiction;
}

/** The peer group's name: `<jurisdiction code>/<level>/<kind>`, e.g. `440000/province/department`, `440000/prefecture/city`. */
export const peerGroupOf = (unit: PeerUnit): string => `${peerJurisdictionOf(unit)}/${unit.level ?? 'unknown'}/${unit.kind}`;

function peerGroupThresholds(rows: { unit: PeerUnit; weightedLoad: number }[], parameters: WorkloadParameters): PeerGroupThreshold[] {
  const loads = new Map<string, { unit: PeerUnit; values: number[] }>();
  for (const row of rows) {
    const peerGroup = peerGroupOf(row.unit);
    const group = loads.get(peerGroup);
    if (group) group.values.push(row.weightedLoad);
    else loads.set(peerGroup, { unit: row.unit, values: [row.weightedLoad] });
  }
  return [...loads]
    .map(([peerGroup, { unit, values }]) => {
      const jurisdiction = peerJurisdictionOf(unit);
      const jurisdictionName = getJurisdiction(jurisdiction)?.name;
      const sorted = [...values].sort((a, b) => a - b);
      const q1 = quantile(sorted, 0.25);
      const q3 = quantile(sorted, 0.75);
      const iqr = q3 - q1;
      const threshold = sorted.length >= parameters.minPeerGroupSize ? q3 + parameters.overloadFactor * iqr : null;
      return {
        peerGroup,
        jurisdiction,
        ...(jurisdictionName === undefined ? {} : { jurisdictionName }),
        ...(unit.level === undefined ? {} : { level: unit.level }),
        kind: unit.kind,
        units: sorted.length,
        q1,
        median: quantile(sorted, 0.5),
        q3,
        iqr,
        threshold,
        overloaded: threshold === null ? 0 : sorted.filter((x) => x > threshold).length,
      };
    })
    .sort((a, b) => b.units - a.units || compareText(a.peerGroup, b.peerGroup));
}

function concentration(rows: WorkloadRow[], totalLoad: number): Concentration {
  const shares = rows.map((row) => row.share);
  const topShare = (k: number) => Math.min(1, shares.slice(0, k).reduce((sum, s) => sum + s, 0));
  return {
    units: rows.length,
    totalLoad,
    top1Share: topShare(1),
    top3Share: topShare(3),
    gini: gini(rows.map((row) => row.weightedLoad)),
    hhi: herfindahl(shares),
  };
}
