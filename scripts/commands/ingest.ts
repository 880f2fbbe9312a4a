/** `cli ingest <paths…>`: parse work plans (files, folders, patterns, or a list on stdin) and load them into the configured store. */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidInputError } from '../../graph/errors';
import { documentPaths, ingestFiles, type DocumentSink, type FileIngest } from '../../graph/ingest';
import { DEFAULT_PARSE_TIMEOUT_MS, ParsePool, type ParseThroughput } from '../../graph/parse';
import { loadRegistry, type UnitRegistry } from '../../graph/registry';
import { withStore } from '../../graph/store';
import { jurisdictionOption } from './jurisdictionOption';

const pad = (value: string | number, width: number) =>
  typeof value === 'number' ? String(value).padStart(width) : value.padEnd(width);

/** The end-of-run report: one row per file, what was written in total, then every warning. */
export function formatIngestReport(results: FileIngest[]): string {
  const width = Math.max(4, ...results.map((result) => result.path.length));
  const lines = [`${pad('file', width)}  ${pad('outcome', 9)} ${pad('items', 6)} ${pad('units', 6)} ${pad('edges', 6)} warnings`];
  const written = { items: 0, units: 0, edges: 0 };
  const outcomes = { created: 0, replaced: 0, unchanged: 0, failed: 0 };
  for (const result of results) {
    if (!result.ok) {
      outcomes.failed += 1;
      lines.push(`${pad(result.path, width)}  failed    ${result.error}`);
      continue;
    }
    const { outcome, items, units, responsibilities } = result.load;
    outcomes[outcome] += 1;
    if (outcome !== 'unchanged') {
      written.items += items;
      written.units += units;
      written.edges += responsibilities;
    }
    lines.push(
      `${pad(result.path, width)}  ${pad(outcome, 9)} ${pad(items, 5)}  ${pad(units, 5)}  ${pad(responsibilities, 5)}  ${pad(result.warnings.length, 8)}`,
    );
  }
  lines.push(
    `written: ${written.items} items, ${written.units} units, ${written.edges} responsibility edges ` +
      `(${outcomes.created} created, ${outcomes.replaced} replaced, ${outcomes.unchanged} unchanged, ${outcomes.failed} failed)`,
  );
  for (const result of results) {
    if (!result.ok || result.warnings.length === 0) continue;
    lines.push(`warnings in ${result.path}:`);
    for (const warning of result.warnings) {
      lines.push(`  ${warning.line}:${warning.column} ${warning.code}: ${warning.message}`);
    }
  }
  return lines.join('\n');
}

/** `parse: 12.3 MB in 1.4 s on 2 workers: 8.8 MB/s in total, 4.6 MB/s per core`. */
export function formatThroughput({ bytes, workerSeconds, wallSeconds }: ParseThroughput, workers: number): string {
  const rate = (seconds: number) => (seconds > 0 ? (bytes / 1e6 / seconds).toFixed(2) : '–');
  return `parse: ${(bytes / 1e6).toFixed(2)} MB in ${wallSeconds.toFixed(1)} s on ${workers} workers: ${rate(wallSeconds)} MB/s in total, ${rate(workerSeconds)} MB/s per core`;
}

/** What `<paths…>` of `ingest` and `import` may be. */
export const DOCUMENT_PATHS_HELP =
  'document files, folders (every *.txt below them), quoted patterns with * ** ?, or - to read paths from standard input, one a line; ' +
  'a <name>.meta.json sidecar beside a file is read too';

/** Paths on standard input, one a line (`-`): a list no command line could hold. */
const standardInputPaths = () =>
  readFileSync(0, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** The document files `<paths…>` name (`-` reads a list from standard input); none at all is refused. */
export function targetFiles(targets: string[], command: string): string[] {
  const files = documentPaths(targets.flatMap((target) => (target === '-' ? standardInputPaths() : [target])));
  if (files.length === 0) throw new InvalidInputError(command, `no document to ${command} (standard input was empty)`);
  return files;
}

/** The worker pool `ingest` and `import` parse on, with the server's PARSE_TIMEOUT_MS. */
export const parsePool = (registry: UnitRegistry) => new ParsePool({ registry, timeoutMs: parseTimeoutMs(process.env) });

/** ingestFiles on the pool, with a progress bar over the whole run on standard error. */
export async function ingestWithProgress(
  sink: DocumentSink,
  registry: UnitRegistry,
  files: string[],
  pool: ParsePool,
  jurisdiction: string | undefined,
): Promise<FileIngest[]> {
  const bar = new SingleBar({ format: '{bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true });
  bar.start(files.length, 0, { file: '' });
  try {
    return await ingestFiles(sink, registry, files, (done, _total, result) => bar.update(done, { file: basename(result.path) }), {
      pool,
      ...(jurisdiction ? { jurisdiction } : {}),
    });
  } finally {
    bar.stop();
  }
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'parse work plans on every core and load them into the graph (Neo4j when NEO4J_URI is set); ' +
        'a parse past PARSE_TIMEOUT_MS (default 10,000 ms) is reported as failed and the others go on',
    )
    .argument('<paths...>', DOCUMENT_PATHS_HELP)
    .option('--registry <path>', 'unit registry file (default: seeds/units.json)')
    .option(...jurisdictionOption)
    .action(async (targets: string[], options: { registry?: string; jurisdiction?: string }) => {
      const registry = loadRegistry(options.registry);
      const files = targetFiles(targets, 'ingest');
      if (!process.env.NEO4J_URI) {
        process.stderr.write('note: NEO4J_URI is not set; the embedded store checks the load and keeps nothing after this command\n');
      }
      const pool = parsePool(registry);
      try {
        const results = await withStore((store) => ingestWithProgress(store, registry, files, pool, options.jurisdiction));
        process.stdout.write(`${formatIngestReport(results)}\n${formatThroughput(pool.throughput(), pool.threads)}\n`);
        if (results.some((result) => !result.ok)) process.exitCode = 1;
      } finally {
        await pool.close();
      }
    });
}

/** PARSE_TIMEOUT_MS as the server reads it: a positive whole number of ms. */
function parseTimeoutMs(env: NodeJS.ProcessEnv): number {
  const value = env.PARSE_TIMEOUT_MS;
  if (value === undefined || value === '') return DEFAULT_PARSE_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new InvalidInputError('PARSE_TIMEOUT_MS', `expected a positive whole number of ms, got '${value}'`);
  return ms;
}
