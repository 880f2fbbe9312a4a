/** `cli export`: write the graph and its analytics as CSV, GraphML, GEXF or JSON files, with provenance. */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitmentFile, exportFiles, ExportFileSetSchema, type CommitmentFileKind, type ExportFileSet } from '../../graph/export';
import { InvalidInputError } from '../../graph/errors';
import { addAnalyticsOptions, analyticsParameters, checkFormat, readLoadedStore, type AnalyticsFlags } from './analyticsCli';

const FORMATS = ExportFileSetSchema.options;

/** Where and by when, written beside each format: tables with csv, the unit–item–place graph with graphml and gexf. */
const COMMITMENT_FILES_OF: Record<ExportFileSet, CommitmentFileKind[]> = {
  csv: ['csv-places', 'csv-deadlines', 'csv-targets'],
  graphml: ['places-graphml'],
  gexf: ['places-gexf'],
  json: [],
};

export function registerExport(program: Command): void {
  addAnalyticsOptions(
    program
      .command('export')
      .description('write nodes/edges/responsibilities CSV (+ places, deadlines, targets and provenance.json), GraphML, GEXF (+ the unit–item–place graph) or JSON into a folder'),
    [...FORMATS],
  )
    .option('--out <dir>', 'folder to write into (created if missing)')
    .action(async (flags: AnalyticsFlags & { out?: string }) => {
      checkFormat(flags, [...FORMATS]);
      if (!flags.out) throw new InvalidInputError('--out', 'a folder to write into is required');
      const format = ExportFileSetSchema.parse(flags.format);
      const parameters = analyticsParameters(flags);
      const files = await readLoadedStore(flags, async (store, filter) => {
        const snapshot = await store.snapshot(filter);
        const commitments = await store.commitments(filter);
        return [...exportFiles(snapshot, format, parameters), ...COMMITMENT_FILES_OF[format].map((kind) => commitmentFile(snapshot, commitments, kind, parameters))];
      });
      mkdirSync(flags.out, { recursive: true });
      for (const file of files) {
        const path = join(flags.out, file.fileName);
        writeFileSync(path, file.content, 'utf8');
        process.stdout.write(`${path}\n`);
      }
    });
}
