/**
 * The analytics worker (graph/precompute/pool.ts): one thread holding the per-document parts between
 * tasks. On Neo4j it reads the graph over its own driver, so no snapshot ever crosses the server's
 * event loop. The in-memory store's data lives in the server's thread: the worker says which documents
 * it lacks, and the server sends those (or, for an analysis made whole, the scope's snapshot). Parts are
 * keyed by document content, so one worker serves any number of stores (a test file's apps) correctly.
 */
import { workerData } from 'node:worker_threads';
import { StoreUnavailableError } from '../errors';
import type { DocumentScope, GraphFilter, ItemCommitments, Snapshot } from '../model';
import { Neo4jStore, type Neo4jConfig } from '../store/neo4j/store';
import { AnalyticsEngine, type AnalysisTask } from './engine';
import { lowerThisThreadsPriority } from './priority';

/** Where the task's graph comes from: a Neo4j the worker reads, or snapshots the server sends on request. */
export type WorkerSource = { neo4j: Neo4jConfig } | { given: GivenSnapshot | null };

/**
 * A snapshot the server sent: of the documents the worker said it lacked, or of the task's whole scope; with
 * their items' commitments when the task is a where-and-by-when report.
 */
export interface GivenSnapshot {
  snapshot: Snapshot;
  whole: boolean;
  commitments: ItemCommitments[] | null;
}

export type AnalyticsWorkerTask = AnalysisTask & WorkerSource;

/** What a lane tells its thread (graph/precompute/pool.ts): how many documents' parts it keeps; null: every one loaded. */
export interface LaneData {
  maxDocuments: number | null;
}

export type AnalyticsOutcome =
  | { ok: true; report: unknown; computeMs: number }
  | { ok: false; needs: string[] | 'whole' }
  | { ok: false; unavailable: { target: string; message: string } };

lowerThisThreadsPriority();

/** A driver per Neo4j the tasks name (a server has one). */
const stores = new Map<string, Neo4jStore>();
/** The source of the task being run (tasks run one at a time). */
let source: WorkerSource | undefined;

/** The documents asked for, out of the given snapshot: what the store's `documents` filter would return. */
function restrict(snapshot: Snapshot, documentIds: string[] | undefined): Snapshot {
  if (!documentIds) return snapshot;
  const ids = new Set(documentIds);
  const responsibilities = snapshot.responsibilities.filter((edge) => ids.has(edge.documentId));
  const unitIds = new Set(responsibilities.map((edge) => edge.unitId));
  return {
    documents: snapshot.documents.filter((document) => ids.has(document.id)),
    sections: snapshot.sections.filter((section) => ids.has(section.documentId)),
    units: snapshot.units.filter((unit) => unitIds.has(unit.id)),
    items: snapshot.items.filter((item) => ids.has(item.documentId)),
    responsibilities,
  };
}

function neo4jStore(config: Neo4jConfig): Neo4jStore {
  const key = JSON.stringify(config);
  let store = stores.get(key);
  if (!store) {
    store = new Neo4jStore(config);
    stores.set(key, store);
  }
  return store;
}

/** The running task's Neo4j, or what the server sent of the in-memory store. */
function taskSource(): { neo4j: Neo4jStore } | { given: GivenSnapshot } {
  if (!source) throw new Error('no task is running');
  if ('neo4j' in source) return { neo4j: neo4jStore(source.neo4j) };
  if (!source.given) throw new Error('the server sends the in-memory store’s snapshot when asked');
  return { given: source.given };
}

const engine = new AnalyticsEngine(
  {
    snapshot: async (filter: GraphFilter) => {
      const from = taskSource();
      return 'neo4j' in from ? from.neo4j.snapshot(filter) : restrict(from.given.snapshot, filter.document);
    },
    commitments: async (scope: DocumentScope) => {
      const from = taskSource();
      if ('neo4j' in from) return from.neo4j.commitments(scope);
      if (!from.given.commitments) throw new Error('the server sends the commitments with the snapshot of a where-and-by-when report');
      const ids = scope.document && new Set(scope.document);
      return ids ? from.given.commitments.filter((item) => ids.has(item.documentId)) : from.given.commitments;
    },
  },
  (workerData as LaneData).maxDocuments ?? Infinity,
);

/**
 * Documents asked of the in-memory store at once: the server builds and copies a snapshot of them, so a
 * corpus never seen (at start-up) crosses in slices, not as one copy of everything.
 */
const DOCUMENTS_PER_ROUND = 200;

/**
 * What the server must send before `task` can run on the in-memory store, after the parts of what it sent
 * are computed; null when nothing is lacking any more.
 */
async function lacking(task: AnalysisTask, given: GivenSnapshot | null): Promise<string[] | 'whole' | null> {
  let needs = engine.needs(task);
  if (needs === 'whole') return given?.whole ? null : 'whole';
  if (given && needs.length > 0) {
    const sent = new Set(given.snapshot.documents.map((document) => document.id));
    await engine.prepare(task, needs.filter((document) => sent.has(document.id)));
    needs = engine.needs(task) as typeof needs;
  }
  return needs.length > 0 ? needs.slice(0, DOCUMENTS_PER_ROUND).map((document) => document.id) : null;
}

export default async function run(task: AnalyticsWorkerTask): Promise<AnalyticsOutcome> {
  const started = performance.now();
  source = 'neo4j' in task ? { neo4j: task.neo4j } : { given: task.given };
  try {
    if ('given' in source) {
      const needs = await lacking(task, source.given);
      if (needs) return { ok: false, needs };
    }
    return { ok: true, report: await engine.run(task), computeMs: performance.now() - started };
  } catch (error) {
    // A class does not survive the thread boundary: an outage travels as data, to be a 503 again.
    if (error instanceof StoreUnavailableError) {
      return { ok: false, unavailable: { target: String(error.details?.target), message: error.message } };
    }
    throw error;
  } finally {
    source = undefined;
  }
}
