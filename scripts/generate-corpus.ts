#!/usr/bin/env -S npx tsx
/**
 * Writes the synthetic corpus: `npm run generate -- --out bench/corpus/full --items 250000 --units 3000`.
 * Documents, sidecars and the ground truth per document; the registry as units.json.
 */
import { Command } from 'commander';
import { DEFAULT_CORPUS_OPTIONS, writeCorpus } from '../bench/synth';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got '${value}'`);
  return n;
};

const options = new Command()
  .name('generate-corpus')
  .description('Write a deterministic synthetic corpus of work plans with ground truth.')
  .option('--out <dir>', 'output directory', 'bench/corpus/full')
  .option('--seed <n>', 'PRNG seed', positive, DEFAULT_CORPUS_OPTIONS.seed)
  .option('--units <n>', 'unit pool size (generic placeholders not counted)', positive, DEFAULT_CORPUS_OPTIONS.units)
  .option('--items <n>', 'clause-carrying items to generate', positive, DEFAULT_CORPUS_OPTIONS.items)
  .parse()
  .opts<{ out: string; seed: number; units: number; items: number }>();

const started = Date.now();
const summary = writeCorpus(options.out, { seed: options.seed, units: options.units, items: options.items }, (s) =>
  process.stderr.write(`\r${s.documents} documents, ${s.itemsGenerated} items`),
);
process.stderr.write('\n');
process.stdout.write(
  `${summary.documents} documents, ${summary.itemsGenerated} items, ${summary.assignments} assignments, ` +
    `${(summary.bytes / 1e6).toFixed(1)} MB in ${options.out} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
);
