/**
 * Runs three tasks (two whole-corpus, one small) in an analytics pool with 16 MiB threads running the worker
 * file named on the command line, and prints how each ended, one JSON line each. It runs as a process of its
 * own: V8 applies a `--max-old-space-size` of the process (jest runs with one) to every thread, over the
 * threads' own limits.
 */
import { join } from 'node:path';
import { AnalyticsPool, type AnalysisTask } from '../../graph/precompute';

const documents = [{ id: 'a', sha256: '0', title: 'a' }];
const tasks: AnalysisTask[] = [
  { name: 'workload', options: {}, documents, wholeCorpus: true, edgeFilter: {} },
  { name: 'gaps', options: {}, documents, wholeCorpus: true, edgeFilter: {} },
  { name: 'network', options: {}, documents, wholeCorpus: false, edgeFilter: {} },
];

void (async () => {
  const pool = new AnalyticsPool({ wholeCorpusHeapMib: 16, smallHeapMib: 16, workerFile: join(__dirname, process.argv[2] as string) });
  for (const task of tasks) {
    try {
      const asked = () => Promise.reject(new Error('the worker asked for a snapshot'));
      await pool.run(task, { snapshotOf: asked, commitmentsOf: asked });
      console.log(JSON.stringify({ ok: true }));
    } catch (error) {
      console.log(JSON.stringify({ ok: false, name: (error as Error).name, message: (error as Error).message }));
    }
  }
  await pool.close();
})();
