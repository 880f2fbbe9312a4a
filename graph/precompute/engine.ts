/**
 * What the analytics worker runs (graph/precompute/worker.ts): one analysis of the documents in scope,
 * from per-document parts where the measure decomposes (graph/analytics/partials.ts) and from one
 * snapshot where it does not (edge filters: sections, roles, unit kinds, units; the bipartite drawing).
 * The where-and-by-when reports (places, the timeline, what is due, unmeasured items) always come from parts:
 * they take a document scope and options, never an edge filter.
 */
import {
  computeNetworkMetrics,
  computeWorkload,
  DocumentPartsCache,
  DueOptionsSchema,
  dueReport,
  findGaps,
  networkReport,
  NetworkOptionsSchema,
  packGapReport,
  packUnmeasured,
  PlaceOptionsSchema,
  placeReport,
  TimelineOptionsSchema,
  timelineReport,
  unmeasuredItems,
  workloadReport,
  type CommunityAssignment,
  type DocumentRef,
  type PartsAsked,
  type PartsReader,
} from '../analytics';
import { analyseParts, CytoscapeOptionsSchema, drawCytoscape, exportFile, toCytoscape, type CsvOptions, type SnapshotFileKind } from '../export';
import type { GraphFilter, Snapshot } from '../model';

/**
 * `export` is a download (ExportOptions and its `kind`): made whole, from one snapshot, and never kept. The long
 * lists (gaps, unmeasured items) come packed (graph/analytics/packedRows.ts): the server parses a page at a time.
 */
export const ANALYSIS_NAMES = ['workload', 'gaps', 'network', 'cytoscape', 'export', 'places', 'timeline', 'due', 'unmeasured'] as const;
export type AnalysisName = (typeof ANALYSIS_NAMES)[number];

/** The where-and-by-when reports: made from the items' commitments besides the graph. */
export const COMMITMENT_ANALYSES: ReadonlySet<AnalysisName> = new Set(['places', 'timeline', 'due', 'unmeasured']);


/** The filters that select edges rather than documents: with any of them the parts do not apply. */
export type EdgeFilter = Pick<GraphFilter, 'section' | 'role' | 'kind' | 'unit'>;

export interface AnalysisTask {
  name: AnalysisName;
  /** The analysis's options as its schema takes them (WorkloadOptions, GapOptions, NetworkOptions, CytoscapeOptions, ExportOptions). */
  options: Record<string, unknown>;
  /** The documents in scope, in id order. */
  documents: DocumentRef[];
  /** Whether `documents` is every loaded document: parts of any other document are then dropped. */
  wholeCorpus: boolean;
  edgeFilter: EdgeFilter;
  /** The remembered partition whose numbers communities keep (graph/analytics/communityMatching.ts); null: Louvain's own. */
  communities?: CommunityAssignment | null;
}

const hasEdgeFilter = (filter: EdgeFilter): boolean =>
  Object.values(filter).some((value) => Array.isArray(value) && value.length > 0);

const partsAsked = ({ name, options }: AnalysisTask): PartsAsked =>
  name === 'gaps' ? { gaps: options } : name === 'workload' ? {} : COMMITMENT_ANALYSES.has(name) ? { commitments: true } : { projection: options };

/** Edge filters select within documents, the bipartite drawing draws items, a download is one file: one snapshot each. */
const runsWhole = (name: AnalysisName, options: Record<string, unknown>, edgeFilter: EdgeFilter): boolean =>
  (hasEdgeFilter(edgeFilter) && !COMMITMENT_ANALYSES.has(name)) || name === 'export' || (name === 'cytoscape' && CytoscapeOptionsSchema.parse(options).mode === 'bipartite');

export class AnalyticsEngine {
  private readonly parts: DocumentPartsCache;

  /** `maxDocuments`: documents whose parts are kept, the least recently used dropped beyond them (default: every one loaded). */
  constructor(
    private readonly read: PartsReader,
    maxDocuments = Infinity,
  ) {
    this.parts = new DocumentPartsCache(read, undefined, maxDocuments);
  }

  /** Documents whose parts are held (for tests and operators). */
  get documentsHeld(): number {
    return this.parts.size;
  }

  /** What running `task` would read: the documents whose parts it lacks, or 'whole' for one snapshot of its scope. */
  needs(task: AnalysisTask): DocumentRef[] | 'whole' {
    return runsWhole(task.name, task.options, task.edgeFilter) ? 'whole' : this.parts.lacking(task.documents, partsAsked(task));
  }

  /** Computes the parts `task` needs of some of its documents ahead of the run (the in-memory store sends them in batches). */
  async prepare(task: AnalysisTask, documents: DocumentRef[]): Promise<void> {
    await this.parts.ensure(documents, partsAsked(task));
  }

  async run(task: AnalysisTask): Promise<unknown> {
    if (task.wholeCorpus) this.parts.retainOnly(task.documents);
    const { name, options, documents } = task;
    if (runsWhole(name, options, task.edgeFilter)) return this.whole(task, await this.read.snapshot({ document: documents.map((d) => d.id), ...task.edgeFilter }));
    switch (name) {
      case 'workload':
        return workloadReport(await this.parts.held(documents), options);
      case 'gaps':
        return this.parts.gaps(documents, options);
      case 'network':
        return networkReport(await this.parts.coordination(documents, options), NetworkOptionsSchema.parse(options), task.communities);
      case 'cytoscape': {
        const [held, graph] = [await this.parts.held(documents), await this.parts.coordination(documents, options)];
        return drawCytoscape(analyseParts({ held, graph, documents }, options, task.communities), options);
      }
      case 'places':
        return placeReport(await this.parts.commitments(documents), PlaceOptionsSchema.parse(options));
      case 'timeline':
        return timelineReport(await this.parts.commitments(documents), TimelineOptionsSchema.parse(options));
      case 'due':
        return dueReport(await this.parts.commitments(documents), DueOptionsSchema.parse(options));
      case 'unmeasured':
        return packUnmeasured(unmeasuredItems(await this.parts.commitments(documents)));
    }
  }

  private whole({ name, options, communities }: AnalysisTask, snapshot: Snapshot): unknown {
    switch (name) {
      case 'workload':
        return computeWorkload(snapshot, options);
      case 'gaps':
        return packGapReport(findGaps(snapshot, options));
      case 'network':
        return computeNetworkMetrics(snapshot, options, communities);
      case 'cytoscape':
        return toCytoscape(snapshot, options, communities);
      case 'export': {
        const { kind, ...exportOptions } = options as CsvOptions & { kind: SnapshotFileKind };
        return exportFile(snapshot, kind, exportOptions, communities);
      }
    }
  }
}
