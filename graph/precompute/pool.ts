/**
 * The analytics off the event loop, in two lanes of one worker thread each:
 *
 * - the whole-corpus lane computes the whole corpus's views and every large scope, and keeps the parts of
 *   every loaded document (graph/analytics/partials.ts), so a write costs the parts of the documents it
 *   changed plus the measures that must run whole (Louvain, betweenness …): about 13 s at full scale;
 * - the small-task lane computes scopes of at most `smallScopeDocuments` documents, which take milliseconds,
 *   so that a scope asked for the first time right after an ingest never queues behind that recomputation.
 *   It keeps the parts of the `smallLaneDocuments` documents used most recently, not a second copy of the corpus.
 *
 * One thread per lane, not one per core: the parts live in the thread, and more threads would hold more
 * copies; the other cores parse (graph/parse/pool.ts) and serve. Each thread has a V8 heap limit, so that
 * garbage cannot grow the process to Node's default of about 4 GB a thread; a thread that reaches it dies,
 * its task fails with AnalyticsOutOfMemoryError, and the lane starts a new thread for the next task.
 */
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { AnalyticsOutOfMemoryError, StoreUnavailableError } from '../errors';
import { TSX_LOADER } from '../parse/pool';
import { COMMITMENT_ANALYSES, type AnalysisTask } from './engine';
import type { DocumentScope, GraphFilter, ItemCommitments, Snapshot } from '../model';
import type { Neo4jConfig } from '../store/neo4j/store';
import type { AnalyticsOutcome, AnalyticsWorkerTask, GivenSnapshot, LaneData } from './worker';

/** Where a task's graph comes from: a Neo4j the worker reads itself, or the in-memory store's snapshots and commitments. */
export type AnalysisSource =
  | { neo4j: Neo4jConfig }
  | { snapshotOf: (filter: GraphFilter) => Promise<Snapshot>; commitmentsOf: (scope: DocumentScope) => Promise<ItemCommitments[]> };

export type LaneName = 'whole-corpus' | 'small';

export interface AnalyticsPoolOptions {
  /** Scopes of at most this many documents (and never the whole corpus) run in the small-task lane. */
  smallScopeDocuments: number;
  /** Documents whose parts the small-task lane keeps, the least recently used dropped beyond; at least `smallScopeDocuments`. */
  smallLaneDocuments: number;
  /** V8 old-generation heap limit of the whole-corpus lane's thread, in MiB. */
  wholeCorpusHeapMib: number;
  /** V8 old-generation heap limit of the small-task lane's thread, in MiB. */
  smallHeapMib: number;
  /** The module the threads run: worker.ts, or a test's wrapper of it that holds tasks while they are looked at. */
  workerFile: string;
}

/**
 * At the bench's full corpus (8,000 documents, 1,000,000 edges) 64 documents are about 8,000 edges: their parts
 * take milliseconds. 512 documents' parts are a few tens of MB. The heap limits: BENCHMARKS.md and docs/api.md
 * give the retained sizes and the peak of a whole-corpus computation they are chosen from.
 */
export const DEFAULT_ANALYTICS_POOL: AnalyticsPoolOptions = {
  smallScopeDocuments: 64,
  smallLaneDocuments: 512,
  wholeCorpusHeapMib: 1536,
  smallHeapMib: 256,
  workerFile: join(__dirname, 'worker.ts'),
};

export class AnalyticsPool {
  private readonly lanes = new Map<LaneName, Lane>();
  private readonly options: AnalyticsPoolOptions;
  private closed = false;

  constructor(options: Partial<AnalyticsPoolOptions> = {}) {
    this.options = { ...DEFAULT_ANALYTICS_POOL, ...options };
    const { smallScopeDocuments, smallLaneDocuments } = this.options;
    // A scope larger than the lane's cache would drop its own parts while they are gathered.
    if (smallLaneDocuments < smallScopeDocuments) {
      throw new Error(`the small analytics lane keeps ${smallLaneDocuments} documents, fewer than the ${smallScopeDocuments} of a small scope`);
    }
  }

  /** Tasks waiting for a thread, beside the ones running. */
  get queued(): number {
    return [...this.lanes.values()].reduce((sum, lane) => sum + lane.pool.queueSize, 0);
  }

  /**
   * Starts both threads now: a thread loads its modules for a second or more on a busy machine, which the
   * first scope asked after an ingest must not wait for.
   */
  start(): void {
    for (const name of ['whole-corpus', 'small'] as const) this.lane(name);
  }

  /** The lane `task` runs in: a small scope in the small-task lane, the whole corpus and large scopes in the other. */
  laneOf(task: Pick<AnalysisTask, 'documents' | 'wholeCorpus'>): LaneName {
    return !task.wholeCorpus && task.documents.length <= this.options.smallScopeDocuments ? 'small' : 'whole-corpus';
  }

  /**
   * The report, with how long the worker took; StoreUnavailableError when it cannot read the store,
   * AnalyticsOutOfMemoryError when its thread reached its heap limit. The worker reads a Neo4j store over a
   * driver of its own. From the in-memory store it gets only what it lacks: the documents it has no parts
   * of (usually those just written), or the scope's snapshot for an analysis made whole, so an unchanged
   * corpus is not copied to it again.
   */
  async run(task: AnalysisTask, source: AnalysisSource): Promise<{ report: unknown; computeMs: number }> {
    const lane = this.laneOf(task);
    let given: GivenSnapshot | null = null;
    let asked = '';
    for (;;) {
      const outcome = await this.runIn(lane, 'neo4j' in source ? { ...task, neo4j: source.neo4j } : { ...task, given });
      if (outcome.ok) return outcome;
      if ('unavailable' in outcome) {
        const { target, message } = outcome.unavailable;
        throw new StoreUnavailableError(target, message.replace(/^graph store at .* is unavailable: /s, ''));
      }
      // Each round the worker computes the parts of what it was sent and asks for the next slice; asking
      // for the same again means it made no progress.
      const needs = JSON.stringify(outcome.needs);
      if (!('snapshotOf' in source) || needs === asked) throw new Error(`the analytics worker kept lacking documents for ${task.name}`);
      asked = needs;
      const whole = outcome.needs === 'whole';
      const documents = whole ? task.documents.map((document) => document.id) : (outcome.needs as string[]);
      given = {
        snapshot: await source.snapshotOf({ document: documents, ...(whole ? task.edgeFilter : {}) }),
        whole,
        commitments: COMMITMENT_ANALYSES.has(task.name) ? await source.commitmentsOf({ document: documents }) : null,
      };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const lanes = [...this.lanes.values()];
    this.lanes.clear();
    await Promise.all(lanes.map((lane) => lane.pool.close({ force: true })));
  }

  private async runIn(name: LaneName, task: AnalyticsWorkerTask): Promise<AnalyticsOutcome> {
    const lane = this.lane(name);
    try {
      return await lane.pool.run(task);
    } catch (error) {
      // Node stops a thread past its resourceLimits with this code: mid-task, piscina rejects the task and starts
      // another thread for the next; while starting, the lane is given up (below) and its tasks rejected.
      const cause = lane.failed ?? error;
      if ((cause as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new AnalyticsOutOfMemoryError(name, this.heapMib(name), task.name, task.documents.length);
      }
      throw cause;
    }
  }

  /**
   * A thread that dies while starting fails no task: piscina emits 'error' (unhandled, it would end the process)
   * and starts no other thread, so the tasks queued for it would wait forever. The lane is given up instead:
   * its tasks fail with the cause, and the next task starts a new lane.
   */
  private giveUp(name: LaneName, lane: Lane, error: Error): void {
    lane.failed = error;
    if (this.lanes.get(name) === lane) this.lanes.delete(name);
    void lane.pool.destroy();
  }

  private heapMib(lane: LaneName): number {
    return lane === 'small' ? this.options.smallHeapMib : this.options.wholeCorpusHeapMib;
  }

  /** Started on first use or by start(); it stays (its parts are the point), but never keeps the process alive alone. */
  private lane(name: LaneName): Lane {
    if (this.closed) throw new Error('the analytics pool is closed');
    let lane = this.lanes.get(name);
    if (!lane) {
      const workerData: LaneData = { maxDocuments: name === 'small' ? this.options.smallLaneDocuments : null };
      const started: Lane = {
        pool: new Piscina({
          filename: this.options.workerFile,
          execArgv: ['--import', TSX_LOADER],
          workerData,
          resourceLimits: { maxOldGenerationSizeMb: this.heapMib(name) },
          // Started with the lane, and again at once after a thread died mid-task.
          minThreads: 1,
          maxThreads: 1,
          // The longest timer Node keeps (about 24 days): the parts outlive any idle spell.
          idleTimeout: 2 ** 31 - 1,
        }),
      };
      started.pool.on('error', (error: Error) => this.giveUp(name, started, error));
      this.lanes.set(name, (lane = started));
    }
    return lane;
  }
}

interface Lane {
  pool: Piscina<AnalyticsWorkerTask, AnalyticsOutcome>;
  /** Why the lane was given up: its thread died while starting. */
  failed?: Error;
}
