/**
 * The analytics off the event loop: one worker thread that computes every analysis the server serves
 * and keeps the per-document parts between them (graph/analytics/partials.ts), so a write costs the
 * parts of the documents it changed plus the measures that must run whole (Louvain, betweenness …).
 * One thread, not one per core: the parts live in it, and a second would hold a second copy; the other
 * cores parse (graph/parse/pool.ts) and serve.
 */
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { StoreUnavailableError } from '../errors';
import { TSX_LOADER } from '../parse/pool';
import type { AnalysisTask } from './engine';
import type { GraphFilter, Snapshot } from '../model';
import type { Neo4jConfig } from '../store/neo4j/store';
import type { AnalyticsOutcome, AnalyticsWorkerTask, GivenSnapshot } from './worker';

/** Where a task's graph comes from: a Neo4j the worker reads itself, or the in-memory store's snapshots. */
export type AnalysisSource = { neo4j: Neo4jConfig } | { snapshotOf: (filter: GraphFilter) => Promise<Snapshot> };

export class AnalyticsPool {
  private pool: Piscina<AnalyticsWorkerTask, AnalyticsOutcome> | undefined;
  private closed = false;

  /** Tasks waiting for the worker, beside the one it runs. */
  get queued(): number {
    return this.pool?.queueSize ?? 0;
  }

  /**
   * The report, with how long the worker took; StoreUnavailableError when it cannot read the store. The
   * worker reads a Neo4j store over a driver of its own. From the in-memory store it gets only what it
   * lacks: the documents it has no parts of (usually those just written), or the scope's snapshot for an
   * analysis made whole, so an unchanged corpus is not copied to it again.
   */
  async run(task: AnalysisTask, source: AnalysisSource): Promise<{ report: unknown; computeMs: number }> {
    let given: GivenSnapshot | null = null;
    let asked = '';
    for (;;) {
      const outcome = await this.worker().run('neo4j' in source ? { ...task, neo4j: source.neo4j } : { ...task, given });
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
      given = { snapshot: await source.snapshotOf({ document: documents, ...(whole ? task.edgeFilter : {}) }), whole };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    if (pool) await pool.close({ force: true });
  }

  /** Started on first use; it stays (its parts are the point), but never keeps the process alive alone. */
  private worker() {
    if (this.closed) throw new Error('the analytics pool is closed');
    this.pool ??= new Piscina({
      filename: join(__dirname, 'worker.ts'),
      execArgv: ['--import', TSX_LOADER],
      minThreads: 0,
      maxThreads: 1,
      // The longest timer Node keeps (about 24 days): the parts outlive any idle spell.
      idleTimeout: 2 ** 31 - 1,
    });
    return this.pool;
  }
}
