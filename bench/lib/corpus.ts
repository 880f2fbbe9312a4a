/**
 * The corpus each mode benchmarks, generated once into bench/corpus/<mode>/ (git-ignored) and
 * reused while its manifest matches the options.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPaths, writeCorpus, type CorpusOptions, type CorpusSummary } from '../synth';

export const CORPUS_OPTIONS: Record<'quick' | 'full', CorpusOptions> = {
  quick: { seed: 20230401, units: 500, items: 2_000 },
  full: { seed: 20230401, units: 3000, items: 250_000 },
};

export function ensureCorpus(mode: 'quick' | 'full'): { dir: string; summary: CorpusSummary } {
  const dir = join(__dirname, '..', 'corpus', mode);
  const options = CORPUS_OPTIONS[mode];
  const { manifest } = corpusPaths(dir);
  if (existsSync(manifest)) {
    const summary = JSON.parse(readFileSync(manifest, 'utf8')) as CorpusSummary;
    if (summary.seed === options.seed && summary.units === options.units && summary.items === options.items) return { dir, summary };
  }
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`generating the ${mode} corpus in ${dir}…\n`);
  return { dir, summary: writeCorpus(dir, options) };
}
