#!/usr/bin/env -S npx tsx
/**
 * Writes the synthetic corpus: `npm run generate -- --out bench/corpus/full --items 250000 --units 3000`.
 * Documents, sidecars and the ground truth per document; the registry as units.json.
 * With `--years <n>`: one plan and its next years instead, the edits between years in truth/sequence.json.
 */
import { Command } from 'commander';
import { DEFAULT_CORPUS_OPTIONS, DEFAULT_SEQUENCE_OPTIONS, writeCorpus, writePlanSequence } from '../bench/synth';

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
  .option('--years <n>', 'instead: one plan of --items items (default 60) and its next years, with the edits as ground truth', positive)
  .parse()
  .opts<{ out: string; seed: number; units: number; items: number; years?: number }>();

if (options.years !== undefined) {
  const items = process.argv.includes('--items') ? options.items : DEFAULT_SEQUENCE_OPTIONS.items;
  const sequence = writePlanSequence(options.out, { ...DEFAULT_SEQUENCE_OPTIONS, seed: options.seed, years: options.years, items });
  process.stdout.write(`${sequence.documents.length} plans (${sequence.documents.map((d) => d.year).join(', ')}) in ${options.out}\n`);
  process.exit(0);
}

const started = Date.now();
const summary = writeCorpus(options.out, { seed: options.seed, units: options.units, items: options.items }, (s) =>
  process.stderr.write(`\r${s.documents} documents, ${s.itemsGenerated} items`),
);
process.stderr.write('\n');
process.stdout.write(
  `${summary.documents} documents, ${summary.itemsGenerated} items, ${summary.assignments} assignments, ` +
    `${(summary.bytes / 1e6).toFixed(1)} MB in ${options.out} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
);
