/**
 * What the analytics commands (workload, gaps, metrics, export) share: the filter and parameter
 * options, their validation with messages naming the option, and the snapshot they run on.
 * On the embedded store the seeds are loaded first, since it starts empty.
 */
import type { Command } from 'commander';
import { decodeWeights, type RoleWeights } from '../../graph/analytics';
import { ExportParametersSchema, type ExportParameters } from '../../graph/export';
import { describeZodIssues, InvalidInputError } from '../../graph/errors';
import { loadSeeds } from '../../graph/ingest';
import { ROLES, UnitKindSchema, type GraphFilter, type Snapshot } from '../../graph/model';
import { loadRegistry } from '../../graph/registry';
import { withStore, type GraphStore } from '../../graph/store';

export interface AnalyticsFlags {
  document?: string[];
  section?: string[];
  kind?: string[];
  weights?: string;
  includeGeneric?: boolean;
  weighting?: string;
  resolution?: string;
  seed?: string;
  diffusionThreshold?: string;
  overloadFactor?: string;
  format: string;
}

export function addAnalyticsOptions(command: Command, formats: string[]): Command {
  return command
    .option('--format <format>', formats.join(' | '), formats[0])
    .option('--document <id...>', 'only these documents')
    .option('--section <id...>', 'only these sections')
    .option('--kind <kind...>', `only units of these kinds (${UnitKindSchema.options.join(', ')})`)
    .option('--weights <role:weight,...>', 'role weights, e.g. lead:3,co:1 (omitted roles keep their defaults)')
    .option('--include-generic', 'count generic placeholders (相关市政府…) as units')
    .option('--weighting <weighting>', 'coordination tie weight: shared-items | role-weighted')
    .option('--resolution <number>', 'Louvain resolution (default 1)')
    .option('--seed <integer>', 'Louvain random seed (default 42)')
    .option('--overload-factor <number>', 'k in "load > Q3 + k × IQR" (default 1.5)')
    .option('--diffusion-threshold <integer>', 'co-responsible units without a lead that count as diffusion (default 3)');
}

export function checkFormat(flags: AnalyticsFlags, formats: string[]): void {
  if (!formats.includes(flags.format)) throw new InvalidInputError('--format', `expected ${formats.join(', ')}, got '${flags.format}'`);
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidInputError(flag, `expected a number, got '${value}'`);
  return parsed;
}

/** `lead:3,co:1` → { lead: 3, co: 1 } (the API's syntax), naming the first bad pair when there is one. */
export function parseWeights(text: string | undefined): Partial<RoleWeights> | undefined {
  if (text === undefined) return undefined;
  const { weights, invalid } = decodeWeights(text, ROLES);
  if (invalid.length > 0) {
    throw new InvalidInputError('--weights', `expected role:weight with a role among ${ROLES.join(', ')} and a weight ≥ 0 such as 3 or 0.5, got '${invalid[0]}'`);
  }
  return weights;
}

const FLAG_OF: Record<string, string> = {
  weights: '--weights',
  includeGeneric: '--include-generic',
  weighting: '--weighting',
  resolution: '--resolution',
  seed: '--seed',
  overloadFactor: '--overload-factor',
  diffusionThreshold: '--diffusion-threshold',
};

/** The analytics parameters named by the flags, validated, defaults filled in; errors name the flag. */
export function analyticsParameters(flags: AnalyticsFlags): ExportParameters {
  const parsed = ExportParametersSchema.safeParse({
    weights: parseWeights(flags.weights),
    includeGeneric: flags.includeGeneric ?? false,
    weighting: flags.weighting,
    resolution: number('--resolution', flags.resolution),
    seed: number('--seed', flags.seed),
    overloadFactor: number('--overload-factor', flags.overloadFactor),
    diffusionThreshold: number('--diffusion-threshold', flags.diffusionThreshold),
  });
  if (!parsed.success) {
    // Named by the flag the person typed, not the parameter's field.
    const [issue] = describeZodIssues(parsed.error);
    const flag = FLAG_OF[String(parsed.error.issues[0]?.path[0])];
    throw new InvalidInputError(flag ?? issue?.field ?? '(root)', issue?.message ?? 'invalid value');
  }
  return parsed.data;
}

function graphFilter(flags: AnalyticsFlags): GraphFilter {
  const kinds = flags.kind?.map((kind) => {
    const parsed = UnitKindSchema.safeParse(kind);
    if (!parsed.success) throw new InvalidInputError('--kind', `expected one of ${UnitKindSchema.options.join(', ')}, got '${kind}'`);
    return parsed.data;
  });
  return { document: flags.document, section: flags.section, kind: kinds };
}

/** The filtered snapshot from the configured store; an unknown document id is an error, not an empty answer. */
export async function loadSnapshot(flags: AnalyticsFlags): Promise<Snapshot> {
  return readLoadedStore(flags, (store, filter) => store.snapshot(filter));
}

/** `read(store, filter)` on the store (the embedded one with the seeds loaded), once the --document ids are known to be there. */
export async function readLoadedStore<T>(flags: AnalyticsFlags, read: (store: GraphStore, filter: GraphFilter) => Promise<T>): Promise<T> {
  const filter = graphFilter(flags);
  return withStore(async (store) => {
    if (store.kind === 'memory') await loadSeeds(store, loadRegistry());
    const known = new Set((await store.listDocuments()).map((d) => d.id));
    const unknown = (flags.document ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new InvalidInputError('--document', `unknown document ${unknown.join(', ')}; loaded: ${[...known].join(', ') || 'none'}`);
    }
    return read(store, filter);
  });
}

/** Writers of one report command, by --format value; the first is the default. */
export type ReportWriters = Record<string, (snapshot: Snapshot, parameters: ExportParameters) => string>;

/** A command that prints one report of the filtered snapshot in the format asked for. */
export function registerReportCommand(program: Command, name: string, description: string, writers: ReportWriters): void {
  const formats = Object.keys(writers);
  addAnalyticsOptions(program.command(name).description(description), formats).action(async (flags: AnalyticsFlags) => {
    checkFormat(flags, formats);
    const parameters = analyticsParameters(flags);
    const write = writers[flags.format] as ReportWriters[string];
    process.stdout.write(`${write(await loadSnapshot(flags), parameters)}\n`);
  });
}

export const asJson = (value: unknown): string => JSON.stringify(value, null, 2);

/** Columns in a terminal count CJK and full-width characters as two cells. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
const displayWidth = (text: string): number => text.length + (text.match(WIDE)?.length ?? 0);

/** A plain text table; numbers right-aligned, text left-aligned. */
export function textTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_h, c) => Math.max(...cells.map((row) => displayWidth(row[c] ?? ''))));
  const numeric = header.map((_h, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number'));
  return cells
    .map((row) =>
      row
        .map((cell, c) => {
          const padding = ' '.repeat((widths[c] ?? 0) - displayWidth(cell));
          return numeric[c] ? padding + cell : cell + padding;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
export const fixed = (value: number, digits = 4): number => Number(value.toFixed(digits));
