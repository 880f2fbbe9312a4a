/** `cli ingest <files…>`: parse work plans and load them into the configured store. */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { basename } from 'node:path';
import { ingestFiles, type FileIngest } from '../../graph/ingest';
import { loadRegistry } from '../../graph/registry';
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

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('parse work plans and load them into the graph (Neo4j when NEO4J_URI is set)')
    .argument('<files...>', 'document files (a <name>.meta.json sidecar beside a file is read too)')
    .option('--registry <path>', 'unit registry file (default: seeds/units.json)')
    .option(...jurisdictionOption)
    .action(async (files: string[], options: { registry?: string; jurisdiction?: string }) => {
      const registry = loadRegistry(options.registry);
      if (!process.env.NEO4J_URI) {
        process.stderr.write('note: NEO4J_URI is not set; the embedded store checks the load and keeps nothing after this command\n');
      }
      const results = await withStore(async (store) => {
        const bar = new SingleBar({ format: '{bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true });
        bar.start(files.length, 0, { file: '' });
        try {
          return await ingestFiles(store, registry, files, (done, _total, result) => bar.update(done, { file: basename(result.path) }), {
            ...(options.jurisdiction ? { jurisdiction: options.jurisdiction } : {}),
          });
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(`${formatIngestReport(results)}\n`);
      if (results.some((result) => !result.ok)) process.exitCode = 1;
    });
}
