#!/usr/bin/env -S npx tsx
/**
 * accountability-graph CLI: a thin shell over graph/. Each command lives in scripts/commands/
 * and registers itself here; errors from the domain become one line for a person and exit 1.
 */
import { Command } from 'commander';
import { DomainError } from '../graph/errors';
import { registerIngest } from './commands/ingest';
import { registerImport } from './commands/import';
import { registerRemove } from './commands/remove';
import { registerStats } from './commands/stats';
import { registerParse } from './commands/parse';
import { registerWorkload } from './commands/workload';
import { registerGaps } from './commands/gaps';
import { registerMetrics } from './commands/metrics';
import { registerExport } from './commands/export';
import { registerCompare } from './commands/compare';

const program = new Command()
  .name('accountability-graph')
  .description('Parse work plans, load them into the accountability graph, and analyse it.')
  .showHelpAfterError();

// Commands register themselves below (one module each).
registerIngest(program);
registerImport(program);
registerRemove(program);
registerStats(program);
registerParse(program);
registerWorkload(program);
registerGaps(program);
registerMetrics(program);
registerExport(program);
registerCompare(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof DomainError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
