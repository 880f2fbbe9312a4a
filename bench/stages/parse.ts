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
  // One warm-up pass over a few files so the JIT has compiled the hot paths, as it would in a long ingest.
  for (const f of files.slice(0, 20)) parseDocument(f.bytes, { source: f.path, registry, sidecar: f.sidecar });
  const documents: ParsedDocument[] = [];
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
  const cpuBefore = process.cpuUsage();
  const run = await timed(() => {
    let items = 0;
    let assignments = 0;
    for (const f of files) {
      const parsed = parseDocument(f.bytes, { source: f.path, registry, sidecar: f.sidecar });
      items += parsed.items.length;
      for (const item of parsed.items) assignments += item.assignments.length;
      documents.push(parsed);
    }
    return { items, assignments };
  });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mbPerSecond = bytes / 1e6 / (run.ms / 1000);
  const result: StageResult = {
    stage: 'parse',
    mode,
    figures: [{ name: 'parse throughput, single process', value: mbPerSecond, unit: 'MB/s', target: '≥ 20 MB/s', met: mbPerSecond >= 20 }],
    details: {
      documents: files.length,
      corpusDocuments: all.length,
      megabytes: bytes / 1e6,
      seconds: run.ms / 1000,
      cpuSeconds,
      megabytesPerCpuSecond: bytes / 1e6 / cpuSeconds,
      itemsParsed: run.value.items,
      assignmentsParsed: run.value.assignments,
      itemsPerSecond: run.value.items / (run.ms / 1000),
    },
  };
  return { result, registry, documents };
}
