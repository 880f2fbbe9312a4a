/**
 * Where every stage writes what it measured: bench/results/<stage>.json, with the machine, the
 * date and the git commit, so a figure can always be traced to the run that produced it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, '..', 'results');

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1/5/15-minute load averages when the stage finished: the machine is shared, figures vary with it. */
  loadAverage: number[];
}

export function machine(): Machine {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'graph', 'server', 'bench'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit}+uncommitted` : commit;
  } catch {
    return 'unknown';
  }
}

/** One line of the printed summary: what was measured against what, and whether the target holds. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** A baseline measured in the same run, in the same unit. */
  baseline?: { name: string; value: number };
  /** How many times better than the baseline (rates: ours/theirs; times: theirs/ours). */
  ratio?: number;
  target?: string;
  met?: boolean;
}

export interface StageResult {
  stage: string;
  mode: 'quick' | 'full';
  figures: Figure[];
  /** Stage-specific detail (sizes, per-endpoint numbers, notes). */
  details: Record<string, unknown>;
}

export function writeResult(result: StageResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${result.mode === 'quick' ? 'quick-' : ''}${result.stage}.json`);
  const record = { ...result, date: new Date().toISOString(), commit: gitCommit(), machine: machine() };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

export function formatFigure(f: Figure): string {
  const value = `${round(f.value)} ${f.unit}`;
  const ratio = f.baseline ? ` vs ${f.baseline.name} ${round(f.baseline.value)} ${f.unit}${f.ratio === undefined ? '' : ` → ×${round(f.ratio)}`}` : '';
  const target = f.target ? `  [target ${f.target}: ${f.met ? 'met' : 'MISSED'}]` : '';
  return `${f.name}: ${value}${ratio}${target}`;
}

export const round = (n: number): number => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/** Milliseconds spent in `fn`, and what it returned. */
/**
 * The median of repeated runs: runs again until `budgetMs` has passed or `maxRuns` are done, so a
 * fast step is not judged on its first, cold (not yet JIT-compiled) run, and a slow one runs once.
 * bench/networkx_bench.py applies the same rule to NetworkX.
 */
export async function timedMedian<T>(fn: () => T | Promise<T>, budgetMs = 1_000, maxRuns = 21): Promise<{ ms: number; runs: number; value: T }> {
  const times: number[] = [];
  let last: { ms: number; value: T };
  do {
    last = await timed(fn);
    times.push(last.ms);
  } while (times.length < maxRuns && times.reduce((sum, ms) => sum + ms, 0) < budgetMs);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, runs: times.length, value: last.value };
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}
