/**
 * The comparison as CSV: one row per item (pairs, then added, then dropped) and one row per unit
 * with its load before and after by role, the header row first. Their provenance (both documents with
 * their sha256, the parameters, the software version and the time) travels beside them: an HTTP
 * header, or the CLI's --provenance file.
 */
import packageJson from '../../package.json';
import { csvContent, type Cell, type CsvLayout } from '../export';
import { ROLES } from '../model';
import { totalLoad } from './load';
import type { CompareOptions, Comparison, RoleChange } from './types';

export const PAIR_COLUMNS = ['status', 'oldItem', 'newItem', 'similarity', 'leadsAdded', 'leadsRemoved', 'coAdded', 'coRemoved', 'roleChanges'] as const;
export const UNIT_COLUMNS = [
  'unitId',
  'name',
  ...ROLES.flatMap((role) => [`${role}Before`, `${role}After`, `${role}Change`]),
  'totalBefore',
  'totalAfter',
  'totalChange',
] as const;

export interface CompareProvenance {
  software: { name: string; version: string };
  generatedAt: string;
  documents: { role: 'old' | 'new'; id: string; title: string; year?: number; sha256: string }[];
  parameters: CompareOptions;
}

export function compareProvenance(comparison: Comparison, parameters: CompareOptions, now: Date = new Date()): CompareProvenance {
  const side = (role: 'old' | 'new') => {
    const { id, title, year, sha256 } = comparison[role];
    return { role, id, title, ...(year === undefined ? {} : { year }), sha256 };
  };
  return {
    software: { name: packageJson.name, version: packageJson.version },
    generatedAt: now.toISOString(),
    documents: [side('old'), side('new')],
    parameters,
  };
}

const list = (ids: string[]) => ids.join('; ');
const roleChange = ({ unitId, before, after }: RoleChange) => `${unitId}: ${before.join('+') || '-'} > ${after.join('+') || '-'}`;

export function comparePairsCsv(comparison: Comparison, layout: CsvLayout = {}): string {
  const rows: Cell[][] = [
    ...comparison.pairs.map(({ status, oldItem, newItem, similarity, changes }) => [
      status, oldItem, newItem, similarity,
      list(changes.leadsAdded), list(changes.leadsRemoved), list(changes.coAdded), list(changes.coRemoved),
      changes.roleChanges.map(roleChange).join('; '),
    ]),
    ...comparison.added.map((id) => ['added', null, id, null, '', '', '', '', '']),
    ...comparison.dropped.map((id) => ['dropped', id, null, null, '', '', '', '', '']),
  ];
  return csvContent([...PAIR_COLUMNS], rows, layout);
}

export function compareUnitsCsv(comparison: Comparison, unitNames: Record<string, string>, layout: CsvLayout = {}): string {
  const rows: Cell[][] = comparison.units.map(({ unitId, before, after }) => [
    unitId,
    unitNames[unitId] ?? '',
    ...ROLES.flatMap((role) => [before[role], after[role], after[role] - before[role]]),
    totalLoad(before),
    totalLoad(after),
    totalLoad(after) - totalLoad(before),
  ]);
  return csvContent([...UNIT_COLUMNS], rows, layout);
}
