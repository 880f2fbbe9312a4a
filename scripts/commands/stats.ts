/** `cli stats`: how many nodes of each label and relationships of each type the graph holds. */
import type { Command } from 'commander';
import { loadSeeds } from '../../graph/ingest';
import { loadRegistry } from '../../graph/registry';
import { withStore, type StoreStats } from '../../graph/store';

export function formatStats(stats: StoreStats): string {
  const section = (title: string, counts: Record<string, number>) => {
    const width = Math.max(...Object.keys(counts).map((key) => key.length));
    return [title, ...Object.entries(counts).map(([key, count]) => `  ${key.padEnd(width)}  ${String(count).padStart(7)}`)];
  };
  return [...section('nodes', stats.nodes), ...section('relationships', stats.relationships)].join('\n');
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('count nodes by label and relationships by type')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { format: string }) => {
      if (options.format !== 'table' && options.format !== 'json') {
        throw new Error(`--format: expected table or json, got ${options.format}`);
      }
      const stats = await withStore(async (store) => {
        // A fresh embedded store is empty: count what `npm start` would serve from it, the seeds.
        if (store.kind === 'memory') {
          process.stderr.write('note: NEO4J_URI is not set; counting the seeds as the embedded store would serve them\n');
          await loadSeeds(store, loadRegistry());
        }
        return store.stats();
      });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : `${formatStats(stats)}\n`);
    });
}
