/**
 * The analytics worker (graph/precompute/pool.ts): one thread holding the per-document parts between
 * tasks. On Neo4j it reads the graph over its own driver, so no snapshot ever crosses the server's
 * event loop; on the in-memory store the server hands it the snapshot with the task. Parts are keyed
 * by document content, so one worker serves any number of stores (a test file's apps) correctly.
 */
import { StoreUnavailableError } from '../errors';
import type { GraphFilter, Snapshot } from '../store/types';
import { Neo4jStore, type Neo4jConfig } from '../store/neo4j/store';
import { AnalyticsEngine, type AnalysisTask } from './engine';

/** Where the task's graph comes from: a Neo4j the worker reads, or the in-memory store's snapshot. */
export type AnalysisSource = { neo4j: Neo4jConfig } | { snapshot: Snapshot };
export type AnalyticsWorkerTask = AnalysisTask & AnalysisSource;

export type AnalyticsOutcome = { ok: true; report: unknown; computeMs: number } | { ok: false; unavailable: { target: string; message: string } };

/** A driver per Neo4j the tasks name (a server has one). */
const stores = new Map<string, Neo4jStore>();
/** The source of the task being run (tasks run one at a time). */
let source: AnalysisSource | undefined;

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

const engine = new AnalyticsEngine(async (filter: GraphFilter) => {
  if (!source) throw new Error('no task is running');
  if ('snapshot' in source) return restrict(source.snapshot, filter.documents);
  const key = JSON.stringify(source.neo4j);
  let store = stores.get(key);
  if (!store) {
    store = new Neo4jStore(source.neo4j);
    stores.set(key, store);
  }
  return store.snapshot(filter);
});

export default async function run({ neo4j, snapshot, ...task }: AnalysisTask & Partial<{ neo4j: Neo4jConfig; snapshot: Snapshot }>): Promise<AnalyticsOutcome> {
  const started = performance.now();
  source = neo4j ? { neo4j } : snapshot ? { snapshot } : undefined;
  try {
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
