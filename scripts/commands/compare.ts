/**
 * `compare <old> <new>` and `lineage <plans…>`: plans over time (issue 17). A plan is a file (parsed
 * with the registry) or the id of a document in the store (NEO4J_URI, else the embedded store with the
 * seeds loaded); the store is opened only when an argument is not a file.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  buildLineages,
  comparePairsCsv,
  comparePlans,
  compareProvenance,
  compareUnitsCsv,
  CompareOptionsSchema,
  planFromParsed,
  planFromStore,
  totalLoad,
  unitNames,
  type ComparablePlan,
  type CompareOptions,
  type Comparison,
  type LineageReport,
} from '../../graph/compare';
import { InvalidInputError } from '../../graph/errors';
import { loadSeeds } from '../../graph/ingest';
import { readDocumentFile } from '../../graph/parse';
import { loadRegistry, type UnitRegistry } from '../../graph/registry';
import { withStore } from '../../graph/store';
import { asJson, textTable } from './analyticsCli';

const COMPARE_FORMATS = ['json', 'table', 'csv-pairs', 'csv-units'] as const;
const LINEAGE_FORMATS = ['json', 'table'] as const;

interface CompareFlags {
  format: string;
  threshold?: string;
  registry?: string;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** Files parsed, document ids read from the store, in the order given. */
export async function loadPlans(references: string[], registry: UnitRegistry): Promise<ComparablePlan[]> {
  const fromFiles = new Map(references.filter(isFile).map((path) => [path, planFromParsed(readDocumentFile(path, registry), registry)]));
  const ids = references.filter((reference) => !fromFiles.has(reference));
  if (ids.length === 0) return references.map((reference) => fromFiles.get(reference)!);
  return withStore(async (store) => {
    if (store.kind === 'memory') await loadSeeds(store, registry);
    const known = new Set((await store.listDocuments()).map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new InvalidInputError(unknown[0]!, `neither a file nor a loaded document id; loaded: ${[...known].join(', ') || 'none'}`);
    }
    const fromStore = new Map<string, ComparablePlan>();
    for (const id of new Set(ids)) fromStore.set(id, await planFromStore(store, id, registry));
    return references.map((reference) => fromFiles.get(reference) ?? fromStore.get(reference)!);
  });
}

function options(flags: CompareFlags, formats: readonly string[]): CompareOptions {
  if (!formats.includes(flags.format)) throw new InvalidInputError('--format', `expected ${formats.join(', ')}, got '${flags.format}'`);
  const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
  const parsed = CompareOptionsSchema.safeParse({ threshold });
  if (!parsed.success || (threshold !== undefined && flags.threshold!.trim() === '')) {
    throw new InvalidInputError('--threshold', `expected a number from 0 to 1, got '${flags.threshold}'`);
  }
  return parsed.data;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const shortId = (itemId: string) => itemId.slice(itemId.lastIndexOf('/') + 1);

export function formatComparison(comparison: Comparison, names: Record<string, string>): string {
  const name = (id: string) => names[id] ?? id;
  const changes = (c: Comparison['pairs'][number]['changes']) =>
    [
      ...c.leadsAdded.map((id) => `+lead ${name(id)}`),
      ...c.leadsRemoved.map((id) => `-lead ${name(id)}`),
      ...c.coAdded.map((id) => `+co ${name(id)}`),
      ...c.coRemoved.map((id) => `-co ${name(id)}`),
    ].join(', ');
  const counts = (status: string) => comparison.pairs.filter((p) => p.status === status).length;
  const units = comparison.units.filter((u) => totalLoad(u.after) !== totalLoad(u.before) || u.after.lead !== u.before.lead);
  return [
    `${comparison.old.id} (${comparison.old.sha256.slice(0, 12)}) → ${comparison.new.id} (${comparison.new.sha256.slice(0, 12)}), threshold ${comparison.threshold}`,
    `${counts('continued')} continued, ${counts('revised')} revised, ${comparison.added.length} added, ${comparison.dropped.length} dropped`,
    '',
    textTable(
      ['status', 'old', 'new', 'similarity', 'owner changes'],
      [
        ...comparison.pairs.map((p) => [p.status, shortId(p.oldItem), shortId(p.newItem), p.similarity.toFixed(4), changes(p.changes)]),
        ...comparison.added.map((id) => ['added', '', shortId(id), '', '']),
        ...comparison.dropped.map((id) => ['dropped', shortId(id), '', '', '']),
      ],
    ),
    '',
    units.length === 0
      ? 'no unit’s load changed'
      : textTable(
          ['unit', 'lead', 'co', 'other', 'total'],
          units.map(({ unitId, before, after }) => {
            const other = (c: typeof before) => c.support + c.implement + c.guide;
            return [name(unitId), signed(after.lead - before.lead), signed(after.co - before.co), signed(other(after) - other(before)), signed(totalLoad(after) - totalLoad(before))];
          }),
        ),
  ].join('\n');
}

export function formatLineages(report: LineageReport): string {
  const header = ['#', ...report.documents.map((d) => String(d.year ?? d.id))];
  const mark = { continued: '=', revised: '~', added: '+' } as const;
  return textTable(
    header,
    report.lineages.map((lineage, row) => [
      String(row + 1),
      ...lineage.cells.map((cell) => (cell === null ? '·' : `${shortId(cell.itemId)}${cell.status ? ` ${mark[cell.status]}` : ''}`)),
    ]),
  );
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two plans (files or loaded document ids): matched items, added, dropped, owner changes, unit loads')
    .argument('<old>', 'the earlier plan: a file, or a document id in the store')
    .argument('<new>', 'the later plan: a file, or a document id in the store')
    .option('--format <format>', COMPARE_FORMATS.join(' | '), 'json')
    .option('--threshold <similarity>', 'least text similarity of a matched pair (default 0.3)')
    .option('--registry <path>', 'unit registry file (default seeds/units.json)')
    .option('--provenance <file>', 'also write the provenance (both documents with their sha256, the parameters) to this JSON file')
    .action(async (oldPlan: string, newPlan: string, flags: CompareFlags & { provenance?: string }) => {
      const parameters = options(flags, COMPARE_FORMATS);
      const registry = loadRegistry(flags.registry);
      const [a, b] = (await loadPlans([oldPlan, newPlan], registry)) as [ComparablePlan, ComparablePlan];
      const comparison = comparePlans(a, b, parameters);
      const names = unitNames(a, b);
      const write = {
        json: () => asJson(comparison),
        table: () => formatComparison(comparison, names),
        'csv-pairs': () => comparePairsCsv(comparison).trimEnd(),
        'csv-units': () => compareUnitsCsv(comparison, names).trimEnd(),
      }[flags.format as (typeof COMPARE_FORMATS)[number]];
      process.stdout.write(`${write()}\n`);
      if (flags.provenance) writeFileSync(flags.provenance, `${JSON.stringify(compareProvenance(comparison, parameters), null, 2)}\n`, 'utf8');
    });
  program
    .command('lineage')
    .description('follow tasks across several plans (ordered by year): one row per task, one column per plan')
    .argument('<plans...>', 'two or more plans: files, or document ids in the store')
    .option('--format <format>', LINEAGE_FORMATS.join(' | '), 'json')
    .option('--threshold <similarity>', 'least text similarity of a matched pair (default 0.3)')
    .option('--registry <path>', 'unit registry file (default seeds/units.json)')
    .action(async (plans: string[], flags: CompareFlags) => {
      const parameters = options(flags, LINEAGE_FORMATS);
      const registry = loadRegistry(flags.registry);
      const report = buildLineages(await loadPlans(plans, registry), parameters);
      process.stdout.write(`${flags.format === 'json' ? asJson(report) : formatLineages(report)}\n`);
    });
}
