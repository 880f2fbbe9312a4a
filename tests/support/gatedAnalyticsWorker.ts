/**
 * The analytics worker (graph/precompute/worker.ts) with a gate for tests: a whole-corpus task holds its
 * thread, as a long Louvain would, until the test opens the gate. It says 'held' on the channel when it
 * starts waiting, and waits for an 'open' sent after that. Only the first round of an in-memory task is held
 * (the later ones bring the documents the worker asked for).
 */
import run from '../../graph/precompute/worker';
import type { AnalyticsWorkerTask } from '../../graph/precompute/worker';
import { ANALYTICS_GATE } from './analyticsGate';

export default async function gated(task: AnalyticsWorkerTask) {
  if (task.wholeCorpus && !('given' in task && task.given)) {
    const channel = new BroadcastChannel(ANALYTICS_GATE);
    await new Promise<void>((resolve) => {
      channel.onmessage = (event) => {
        if ((event as MessageEvent).data === 'open') resolve();
      };
      channel.postMessage('held');
    });
    channel.close();
  }
  return run(task);
}
