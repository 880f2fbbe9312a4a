/**
 * `npm run fuzz [-- --cases 1000000 --workers 2 --seed n]`: the parser fuzzing campaign. Splits the
 * cases over worker processes (the parser is synchronous CPU work, so processes, not async), each
 * running fast-check with its own seed over tests/reliability/fuzzDocuments.ts, and prints the
 * total, the outcome tally, the time and any counterexample (already shrunk, with its seed and path
 * to replay). Exit 1 on any failure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import fc from 'fast-check';
import { loadRegistry } from '../graph/registry';
import { checkParse, fuzzInput } from '../tests/reliability/fuzzDocuments';

interface WorkerResult {
  worker: number;
  seed: number;
  cases: number;
  tally: Record<string, number>;
  failure?: string;
  ms: number;
}

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got '${value}'`);
  return n;
};

/** Counterexamples can be 10 MB long: the report gets its start and the error, the file all of it. */
const REPORTED_CHARACTERS = 600;
const FUZZ_DIR = path.join(__dirname, '..', '.fuzz');

function describeFailure(worker: number, details: fc.RunDetails<[string | Uint8Array]>): string {
  const [input] = details.counterexample ?? [];
  const file = path.join(FUZZ_DIR, `counterexample-worker-${worker}.${typeof input === 'string' ? 'txt' : 'bin'}`);
  if (input !== undefined) {
    fs.mkdirSync(FUZZ_DIR, { recursive: true });
    fs.writeFileSync(file, input);
  }
  const shown = typeof input === 'string' ? JSON.stringify(input.slice(0, REPORTED_CHARACTERS)) : `${input?.length ?? 0} bytes`;
  const error = details.errorInstance instanceof Error ? `${details.errorInstance.name}: ${details.errorInstance.message}` : String(details.errorInstance);
  return [
    `after ${details.numRuns} cases, replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }`,
    `error: ${error.slice(0, 1000)}`,
    `input (${typeof input === 'string' ? `${input.length} characters` : 'bytes'}, whole in ${path.relative(process.cwd(), file)}): ${shown}${typeof input === 'string' && input.length > REPORTED_CHARACTERS ? '…' : ''}`,
  ].join('\n');
}

function runWorker(worker: number, cases: number, seed: number): WorkerResult {
  const registry = loadRegistry();
  const tally: Record<string, number> = {};
  const started = Date.now();
  let done = 0;
  const details = fc.check(
    fc.property(fuzzInput({ hugeLines: true }), (input) => {
      const outcome = checkParse(input, registry);
      const key = outcome.code ? `${outcome.kind}:${outcome.code}` : outcome.kind;
      tally[key] = (tally[key] ?? 0) + 1;
      if (++done % 5_000 === 0) process.stderr.write(`worker ${worker}: ${done}/${cases}\n`);
    }),
    { numRuns: cases, seed, endOnFailure: false },
  );
  const failure = details.failed ? describeFailure(worker, details) : undefined;
  return { worker, seed, cases: details.numRuns, tally, ...(failure ? { failure } : {}), ms: Date.now() - started };
}

function spawnWorker(worker: number, cases: number, seed: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--worker', String(worker), '--cases', String(cases), '--seed', String(seed)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(out) as WorkerResult);
      } catch {
        reject(new Error(`fuzz worker ${worker} exited with ${code} and no result (out of memory?)`));
      }
    });
  });
}

async function main() {
  const options = new Command()
    .name('fuzz-parser')
    .option('--cases <n>', 'generated documents in all', positive, 1_000_000)
    .option('--workers <n>', 'worker processes', positive, Math.max(1, Math.min(2, os.availableParallelism())))
    .option('--seed <n>', 'base seed (worker k uses seed + k)', positive, Date.now() % 2_147_483_647)
    .option('--worker <k>', 'internal: run as worker k and print its result as JSON')
    .parse()
    .opts<{ cases: number; workers: number; seed: number; worker?: string }>();

  if (options.worker !== undefined) {
    process.stdout.write(JSON.stringify(runWorker(Number(options.worker), options.cases, options.seed)));
    return;
  }
  const started = Date.now();
  const share = (k: number) => Math.floor(options.cases / options.workers) + (k < options.cases % options.workers ? 1 : 0);
  process.stderr.write(`fuzz: ${options.cases} documents on ${options.workers} workers, seed ${options.seed}\n`);
  const results = await Promise.all(Array.from({ length: options.workers }, (_, k) => spawnWorker(k, share(k), options.seed + k)));
  const seconds = (Date.now() - started) / 1000;
  const total = results.reduce((sum, r) => sum + r.cases, 0);
  const tally: Record<string, number> = {};
  for (const r of results) for (const [key, n] of Object.entries(r.tally)) tally[key] = (tally[key] ?? 0) + n;
  const failures = results.filter((r) => r.failure);
  process.stdout.write(
    [
      `fuzz: ${total} documents in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s) on ${options.workers} workers, base seed ${options.seed}`,
      `outcomes: ${Object.entries(tally).sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key} ${n}`).join(', ')}`,
      failures.length === 0 ? 'failures: 0 (no exception other than ParseError, every result valid and in range)' : `failures: ${failures.length}`,
      ...failures.map((r) => `worker ${r.worker} (seed ${r.seed}):\n${r.failure}`),
      '',
    ].join('\n'),
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
