/**
 * Accountability gaps (auditors): every item whose ownership is missing, vague, assumed or
 * diluted, with its reasons and its clause quoted with source offsets.
 */
import type { Responsibility, Snapshot, UnitSummary } from '../model';
import { indexSnapshot, isGeneric, type SnapshotIndex } from './snapshotIndex';
import {
  GapOptionsSchema,
  GapReasonCodeSchema,
  type Gap,
  type GapOptions,
  type GapParameters,
  type GapReason,
  type GapReasonCode,
  type GapReport,
} from './types';

export function findGaps(snapshot: Snapshot, options: GapOptions = {}): GapReport {
  const parameters = GapOptionsSchema.parse(options);
  const index = indexSnapshot(snapshot);
  const gaps: Gap[] = [];
  for (const item of index.items) {
    const reasons = gapReasons(index, index.ownersOf(item.id), item.clause === null, parameters);
    if (reasons.length === 0) continue;
    gaps.push({
      item: {
        id: item.id,
        documentId: item.documentId,
        documentTitle: index.documentTitle(item.documentId),
        label: item.label,
        title: item.title,
        sectionId: item.sectionId,
      },
      clause: item.clause && { text: item.clause.text, start: item.clause.start, end: item.clause.end },
      reasons,
    });
  }
  const counts = Object.fromEntries(
    GapReasonCodeSchema.options.map((code) => [code, gaps.filter((g) => g.reasons.some((r) => r.code === code)).length]),
  ) as Record<GapReasonCode, number>;
  return { parameters, itemsExamined: index.items.length, counts, gaps };
}

function gapReasons(
  index: SnapshotIndex,
  owners: Responsibility[],
  withoutClause: boolean,
  parameters: GapParameters,
): GapReason[] {
  const unitsOf = (rs: Responsibility[]): UnitSummary[] => [...new Set(rs.map((r) => r.unitId))].map(index.unit);
  const named = owners.filter((r) => !isGeneric(index.unit(r.unitId)));
  const leads = owners.filter((r) => r.role === 'lead');
  const namedLeads = named.filter((r) => r.role === 'lead');
  const namedCo = unitsOf(named.filter((r) => r.role === 'co'));
  const reasons: GapReason[] = [];

  if (namedLeads.length === 0) {
    const genericLeads = unitsOf(leads);
    reasons.push({
      code: 'no-lead',
      message: withoutClause
        ? 'The item has no responsibility clause, so nobody leads it.'
        : genericLeads.length > 0
          ? `Only a generic placeholder leads (${genericLeads.map((u) => u.shortName).join('、')}): no named unit is accountable.`
          : 'No unit leads (牵头) this item.',
      units: genericLeads,
    });
  }
  if (owners.length > 0 && named.length === 0) {
    const generic = unitsOf(owners);
    reasons.push({
      code: 'generic-only',
      message: `Every owner is a generic placeholder (${generic.map((u) => u.shortName).join('、')}), naming nobody in particular.`,
      units: generic,
    });
  }
  const inferred = leads.filter((r) => r.inferred);
  if (inferred.length > 0) {
    reasons.push({
      code: 'inferred-lead',
      message: 'The lead is inferred from the document’s convention (列第一位的为牵头单位), not stated in the clause.',
      units: unitsOf(inferred),
    });
  }
  if (namedLeads.length === 0 && namedCo.length >= parameters.diffusionThreshold) {
    reasons.push({
      code: 'diffusion',
      message:
        `${namedCo.length} units are co-responsible and none leads (threshold ${parameters.diffusionThreshold}): ` +
        'responsibility is diffused.',
      units: namedCo,
    });
  }
  const unknown = unitsOf(owners.filter((r) => index.unit(r.unitId).provisional));
  if (unknown.length > 0) {
    reasons.push({
      code: 'unknown-unit',
      message: `The registry does not know ${unknown.map((u) => u.name).join('、')}; a provisional unit stands in.`,
      units: unknown,
    });
  }
  return reasons;
}
