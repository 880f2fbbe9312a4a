/**
 * What the whole corpus's analytics thread holds, and why: the server's memory miss explained with a heap
 * profile. Runs the AnalyticsEngine the server's worker runs (graph/precompute) on the whole-corpus
 * analyses the server computes at start (server/routes/analytics.ts), built into tasks as the server
 * builds them, in a process of its own under V8's sampling heap profiler, on the bench's Neo4j.
 *
 * The bench's api stage runs it once the server is gone (`analyticsHeapProfile`); alone:
 *
 *   node --expose-gc --import tsx bench/lib/heapProfile.ts <bolt uri> <out.heapprofile>
 *
 * Prints JSON on stdout: memory after each analysis (after a full GC), and the live bytes by the
 * function that allocated them and by the innermost project frame on the allocation's stack. The
 * .heapprofile opens in Chrome DevTools (Memory › Load). Typed arrays' contents are outside V8's heap and
 * not sampled: `arrayBuffersMB` counts them.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { AnalyticsEngine } from '../../graph/precompute';
import { Neo4jStore } from '../../graph/store';
import { analysisTask, documentScopeOf } from '../../server/precomputed';
import { defaultAnalysisRequests } from '../../server/routes/analytics';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

export interface HeapProfileResult {
  documents: number;
  analyses: Array<{ name: string; seconds: number; heapUsedMB: number; arrayBuffersMB: number; rssMB: number }>;
  peakRssMB: number;
  liveByAllocatingFunction: Array<{ site: string; MB: number }>;
  liveByProjectFrame: Array<{ site: string; MB: number }>;
}

const MB = 1024 * 1024;
const round = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

const ROOT = `${join(__dirname, '..', '..')}/`;

/**
 * `function file`, the file from the repository's root or node_modules. Lines only for Node's own files: tsx
 * compiles each project file without mapping the profile's lines back to its source.
 */
function siteOf({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const file = url.replace(/^file:\/\//, '').replace(ROOT, '').replace(/^.*\/node_modules\//, '');
  return `${functionName || '(anonymous)'} ${file ? (file.startsWith('node:') ? `${file}:${lineNumber + 1}` : file) : '(native)'}`;
}

/** The sampled live bytes summed by allocation site and by the innermost graph/ or server/ frame of each stack. */
function liveBytes(head: ProfileNode, top: number): Pick<HeapProfileResult, 'liveByAllocatingFunction' | 'liveByProjectFrame'> {
  const bySite = new Map<string, number>();
  const byProjectFrame = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, bytes: number) => map.set(key, (map.get(key) ?? 0) + bytes);
  const walk = (node: ProfileNode, innermostProjectFrame: string | undefined) => {
    const site = siteOf(node.callFrame);
    const projectFrame = /^\S+ (graph|server)\//.test(site) ? site : innermostProjectFrame;
    if (node.selfSize > 0) {
      add(bySite, site, node.selfSize);
      add(byProjectFrame, projectFrame ?? '(outside the project)', node.selfSize);
    }
    for (const child of node.children) walk(child, projectFrame);
  };
  walk(head, undefined);
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([site, bytes]) => ({ site, MB: round(bytes) }));
  return { liveByAllocatingFunction: ranked(bySite), liveByProjectFrame: ranked(byProjectFrame) };
}

async function main(uri: string, out: string): Promise<HeapProfileResult> {
  if (!global.gc) throw new Error('run with node --expose-gc');
  const store = new Neo4jStore({ uri });
  const session = new Session();
  session.connect();
  try {
    const plans = await store.listDocuments();
    const refs = (scopeDocuments: typeof plans) => scopeDocuments.map(({ id, sha256, title }) => ({ id, sha256, title }));
    // The whole-corpus lane's tasks: the scoped ones run on the small lane, whose thread keeps few documents.
    const tasks = await Promise.all(
      defaultAnalysisRequests(plans).map(async (request) => analysisTask(request, refs(await store.listDocuments(documentScopeOf(request.filter))), null)),
    );
    await session.post('HeapProfiler.startSampling', { samplingInterval: 32 * 1024 });
    const engine = new AnalyticsEngine({ snapshot: (filter) => store.snapshot(filter), commitments: (scope) => store.commitments(scope) });
    const analyses: HeapProfileResult['analyses'] = [];
    for (const task of tasks.filter((one) => one.wholeCorpus)) {
      const started = performance.now();
      await engine.run(task);
      const seconds = (performance.now() - started) / 1000;
      global.gc();
      const memory = process.memoryUsage();
      analyses.push({ name: task.name, seconds, heapUsedMB: round(memory.heapUsed), arrayBuffersMB: round(memory.arrayBuffers), rssMB: round(memory.rss) });
    }
    const { profile } = await session.post('HeapProfiler.getSamplingProfile');
    writeFileSync(out, JSON.stringify(profile));
    // maxRSS is in KiB: the process's high-water mark, transient peaks between the samples included.
    return { documents: plans.length, analyses, peakRssMB: round(process.resourceUsage().maxRSS * 1024), ...liveBytes(profile.head as ProfileNode, 15) };
  } finally {
    session.disconnect();
    await store.close();
  }
}

/** The profile of the analytics on the corpus in the Neo4j at `uri`, taken in a process of its own; the .heapprofile goes to `out`. */
export function analyticsHeapProfile(uri: string, out: string): HeapProfileResult {
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, uri, out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(output) as HeapProfileResult;
}

if (require.main === module) {
  const [uri, out] = process.argv.slice(2);
  if (!uri || !out) {
    process.stderr.write('usage: node --expose-gc --import tsx bench/lib/heapProfile.ts <bolt uri> <out.heapprofile>\n');
    process.exit(2);
  }
  main(uri, out).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
