/** `cli export`: write the graph and its analytics as CSV, GraphML, GEXF or JSON files, with provenance. */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportFiles, ExportFormatSchema } from '../../graph/export';
import { InvalidInputError } from '../../graph/errors';
import { addAnalyticsOptions, analyticsParameters, checkFormat, loadSnapshot, type AnalyticsFlags } from './analyticsCli';

const FORMATS = ExportFormatSchema.options;

export function registerExport(program: Command): void {
  addAnalyticsOptions(
    program
      .command('export')
      .description('write nodes/edges/responsibilities CSV (+ provenance.json), GraphML, GEXF or JSON into a folder'),
    [...FORMATS],
  )
    .option('--out <dir>', 'folder to write into (created if missing)')
    .action(async (flags: AnalyticsFlags & { out?: string }) => {
      checkFormat(flags, [...FORMATS]);
      if (!flags.out) throw new InvalidInputError('--out', 'a folder to write into is required');
      const files = exportFiles(await loadSnapshot(flags), ExportFormatSchema.parse(flags.format), analyticsParameters(flags));
      mkdirSync(flags.out, { recursive: true });
      for (const file of files) {
        const path = join(flags.out, file.fileName);
        writeFileSync(path, file.content, 'utf8');
        process.stdout.write(`${path}\n`);
      }
    });
}
