/**
 * Parse: MB/s over the whole corpus in one process. Files are read into memory first so the
 * figure is the parser's, not the disk's; the registry is the corpus's own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../graph/parse';
import { loadRegistry, type UnitRegistry } from '../../graph/registry';
import type { DocumentSidecar, ParsedDocument } from '../../graph/model';
import { corpusPaths } from '../synth';
import { timed, type StageResult } from '../lib/results';

export interface CorpusFile {
  path: string;
  bytes: Buffer;
  sidecar: DocumentSidecar;
}

export function readCorpusFiles(dir: string): CorpusFile[] {
  const { documents } = corpusPaths(dir);
  return readdirSync(documents)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      path: join(documents, name),
      bytes: readFileSync(join(documents, name)),
      sidecar: JSON.parse(readFileSync(join(documents, name.replace(/\.txt$/, '.meta.json')), 'utf8')) as DocumentSidecar,
    }));
}

/** Parsing this much before the timed pass lets the JIT settle. */
const WARM_UP_BYTES = 10e6;

/** The stage's figures, and the parsed corpus for the stages that load it. */
export async function parseStage(
  mode: 'quick' | 'full',
  dir: string,
  /** Parse (and hand on) only this many documents, every k-th of the corpus so all jurisdictions stay in. */
  limit = Infinity,
): Promise<{ result: StageResult; registry: UnitRegistry; documents: ParsedDocument[] }> {
  const registry = loadRegistry(corpusPaths(dir).registry);
  const all = readCorpusFiles(dir);
  const stride = Number.isFinite(limit) ? Math.max(1, Math.ceil(all.length / limit)) : 1;
  const files = all.filter((_, index) => index % stride === 0);
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
  // `keep` holds on to every result, as the later stages need; the timed pass does not, as an ingest does not
  // (it loads and drops them in batches): retaining a million assignments makes the figure the collector's.
  const parseAll = async (keep: boolean) => {
    const documents: ParsedDocument[] = [];
    const cpuBefore = process.cpuUsage();
    const run = await timed(() => {
      let items = 0;
      let assignments = 0;
      for (const f of files) {
        const parsed = parseDocument(f.bytes, { source: f.path, registry, sidecar: f.sidecar });
        items += parsed.items.length;
        for (const item of parsed.items) assignments += item.assignments.length;
        if (keep) documents.push(parsed);
      }
      return { items, assignments };
    });
    const cpu = process.cpuUsage(cpuBefore);
    return { documents, run, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
  // The figure is a warm process's, as in a long ingest. The JIT settles only after some 5-10 MB of
  // parsing, so untimed passes over the same documents come first, at least WARM_UP_BYTES of them (one pass
  // of the full corpus, ten of the 1 MB quick one); the first, cold pass is reported beside the figure.
  const warmUpPasses = Math.max(1, Math.ceil(WARM_UP_BYTES / bytes));
  const { run: firstRun, cpuSeconds: firstCpuSeconds } = await parseAll(false);
  for (let pass = 1; pass < warmUpPasses; pass++) await parseAll(false);
  const { run, cpuSeconds } = await parseAll(false);
  const { documents } = await parseAll(true);
  const mbPerSecond = bytes / 1e6 / (run.ms / 1000);
  const result: StageResult = {
    stage: 'parse',
    mode,
    // In total (wall clock: one process, so one core) and per core (CPU time: what the parser costs, whatever the
    // neighbours on a shared machine take). `cli ingest` reports both for its worker pool.
    figures: [
      { name: 'parse throughput in total, single process', value: mbPerSecond, unit: 'MB/s', target: '≥ 20 MB/s', met: mbPerSecond >= 20 },
      { name: 'parse throughput per core (MB per CPU-second)', value: bytes / 1e6 / cpuSeconds, unit: 'MB/s' },
    ],
    details: {
      timed:
        'the pass after warmUpPasses untimed passes over the same documents, results counted and dropped as an ingest drops them ' +
        'after loading; firstPass* is the first, cold one. A last, untimed pass keeps the results for the load stage.',
      warmUpPasses,
      documents: files.length,
      corpusDocuments: all.length,
      megabytes: bytes / 1e6,
      seconds: run.ms / 1000,
      cpuSeconds,
      megabytesPerCpuSecond: bytes / 1e6 / cpuSeconds,
      itemsParsed: run.value.items,
      assignmentsParsed: run.value.assignments,
      itemsPerSecond: run.value.items / (run.ms / 1000),
      firstPassSeconds: firstRun.ms / 1000,
      firstPassCpuSeconds: firstCpuSeconds,
      firstPassMegabytesPerSecond: bytes / 1e6 / (firstRun.ms / 1000),
    },
  };
  return { result, registry, documents };
}
