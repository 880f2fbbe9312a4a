/**
 * Analyses ready before anyone asks. Every analysis (workload, gaps, the coordination network and its
 * metrics, the drawing) is computed in the analytics worker (graph/precompute), never on the event
 * loop, and kept per request (name, filter, options) with the data version it reflects.
 *
 * - After a write of this instance, and whenever the version read every `refreshIntervalMs` has moved
 *   (a write through another instance), the default views and the requests asked most recently are
 *   computed again at once, in the background. The default views are those the explorer opens on for
 *   the plans loaded (server/routes/analytics.ts `defaultAnalysisRequests`): the whole corpus's and,
 *   with plans of several jurisdictions, the default jurisdiction's, worked out again at each refresh.
 * - A read never waits for a recomputation: while a newer answer is on its way it gets the last complete
 *   one, tagged `stale: true` with its `dataVersion`, and the route adds Retry-After. Only a request never
 *   answered before waits for its first computation; more such waits than `maxWaiting` are refused
 *   with 503 before anything is read.
 *
 * Community numbers (issue 18): the network, drawing and download tasks match their Louvain partition to
 * the one the store remembers (graph/analytics/communityMatching.ts), so an ingest does not renumber or
 * recolour communities. What is remembered is the whole corpus's partition as the default network answer
 * numbers it: each time that answer is computed for a new version it is remembered in turn, so the next
 * version is matched to what was shown last, whether the write came through this server or not.
 *
 * Several instances on one Neo4j: each computes for itself. The answers are a function of the data (the
 * version is a digest of it), so every instance gives the same answer for the same version; keeping them
 * in Neo4j instead would write megabytes per view per write into the system of record and make every
 * read of a view a read of that blob, for work a worker thread does in seconds. docs/api.md says more.
 */
import type { Response } from 'express';
import type { Logger } from 'pino';
import { assignmentOf, type CommunityAssignment, type DocumentRef, type NetworkReport } from '../graph/analytics';
import type { ExportFile, SnapshotFileKind } from '../graph/export';
import { AnalyticsOutOfMemoryError } from '../graph/errors';
import type { AnalysisName, AnalysisSource, AnalysisTask, AnalyticsPool } from '../graph/precompute';
import { isPendingDataVersion, type GraphStore, type Neo4jStore } from '../graph/store';
import type { DocumentScope, GraphFilter } from '../graph/model';
import type { DocumentSummary } from '../graph/store';
import { declareFamilyMember } from './endpoint';
import { HttpError } from './errors';
import { ByteBoundedLru, estimateBytes, type ReadCache } from './readCache';

export interface Freshness {
  /** The data version the answer reflects. */
  dataVersion: string;
  /** A newer answer is being computed. */
  stale: boolean;
}

export interface AnalysisRequest {
  name: Exclude<AnalysisName, 'export'>;
  filter: GraphFilter;
  /** The analysis's options; fields left undefined are the defaults, and key alike. */
  options: Record<string, unknown>;
}

export interface PrecomputedOptions {
  /**
   * Estimated bytes of answers kept besides the default views' (the endpoints keep each one's JSON beside it, so
   * it weighs twice). The default views' last answers are always kept, whatever they weigh.
   */
  answerBytes: number;
  /** Requests waiting for a first answer (and exports) at once; one more is refused with 503. */
  maxWaiting: number;
  /** How often the data version is read to notice writes made through other instances; 0: never. */
  refreshIntervalMs: number;
  /** Distinct requests recomputed after a write, the most recently asked first. */
  remembered: number;
}

/** What a served answer carries: the body (the report with its freshness) and, when stale, when to ask again. */
export interface Served<T> {
  body: T & Freshness;
  retryAfterSeconds: number | null;
}

interface Answer {
  /** Order in which computations started: a slow old one never replaces a newer answer. */
  sequence: number;
  version: string;
  report: object;
  computeMs: number;
  tagged: { fresh?: object; stale?: object };
  /** Numbered after a partition older than `version` (a first answer does not wait for the whole corpus's): served stale, computed again. */
  provisional: boolean;
}

const keyOf = ({ name, filter, options }: AnalysisRequest): string => JSON.stringify([name, filter, options]);

/** The analyses whose answers number Louvain communities, and so match them to the remembered partition. */
const NUMBERS_COMMUNITIES: ReadonlySet<AnalysisName> = new Set(['network', 'cytoscape', 'export']);

/** The document part of a filter: which documents are in view. */
export function documentScopeOf({ document, jurisdiction, includeWithin, yearFrom, yearTo }: GraphFilter): DocumentScope {
  return { document, jurisdiction, includeWithin, yearFrom, yearTo };
}

const isEverything = (scope: DocumentScope): boolean =>
  Object.values(scope).every((value) => value === undefined || (Array.isArray(value) && value.length === 0));

/** The worker's task for `request` over the documents in its scope (bench/lib/heapProfile.ts builds the server's tasks with it too). */
export function analysisTask(
  { name, filter, options }: Omit<AnalysisRequest, 'name'> & { name: AnalysisName },
  documents: DocumentRef[],
  communities: CommunityAssignment | null,
): AnalysisTask {
  const { section, role, kind, unit } = filter;
  return { name, options, documents, wholeCorpus: isEverything(documentScopeOf(filter)), edgeFilter: { section, role, kind, unit }, communities };
}

export class PrecomputedAnalytics {
  /**
   * The last answer of each default view, whatever it weighs: they are recomputed after every write anyway, and a
   * default view dropped from the cache by other answers makes every read of it wait for a whole computation behind
   * the worker's queue (measured: /api/workload p99 116 s, with 503s, after an ingest at a quarter of the corpus).
   */
  private readonly defaultAnswers = new Map<string, Answer>();
  /** The default views for the plans loaded at the last refresh, computed first. */
  private defaults = new Map<string, AnalysisRequest>();
  /** Answers of any other request, bounded in estimated bytes. */
  private readonly answers: ByteBoundedLru;
  private readonly computing = new Map<string, { version: string; done: Promise<Answer> }>();
  /** Requests asked besides the defaults, most recent last. */
  private readonly asked = new Map<string, AnalysisRequest>();
  private sequence = 0;
  private waiting = 0;
  private refreshedFor: string | undefined;
  /** The data version of the whole corpus's partition last remembered by this instance: kept apart from the answers, which the cache may drop. */
  private partitionVersion: string | undefined;
  /**
   * The sequence of the whole corpus's computation last remembered: after writes in quick succession the partitions of
   * several versions are computed at once and may finish out of order. An older one finishing last would overwrite the
   * newer memory, and the newer version's partition would then be computed and remembered again, renumbering answers
   * already served as fresh at that version.
   */
  private partitionSequence = 0;
  /** Writes of the memory, one after another in the order they were decided. */
  private memoryWritten: Promise<void> = Promise.resolve();
  private readonly communityKey: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly pool: AnalyticsPool,
    private readonly cache: ReadCache,
    private readonly options: PrecomputedOptions,
    private readonly logger: Logger,
    /** The views the explorer opens with for these plans: computed before anyone asks, even on a fresh server. */
    private readonly defaultsFor: (plans: DocumentSummary[]) => AnalysisRequest[],
    /** The whole corpus's network as the explorer opens it: the partition the store remembers is its. */
    private readonly communityRequest: AnalysisRequest,
  ) {
    this.answers = new ByteBoundedLru(options.answerBytes);
    this.communityKey = keyOf(communityRequest);
    this.setDefaults(defaultsFor([]));
    cache.onDataChanged(() => this.refreshInBackground());
  }

  /** Computes the remembered requests now, then looks for other instances' writes every refreshIntervalMs. */
  start(): void {
    this.pool.start();
    this.refreshInBackground();
    if (this.options.refreshIntervalMs > 0) {
      this.timer = setInterval(() => this.refreshInBackground(), this.options.refreshIntervalMs);
      this.timer.unref();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The answer of the current data version, or the last complete one while it is computed. */
  async get<T extends object>(request: AnalysisRequest): Promise<Served<T>> {
    const key = keyOf(request);
    this.remember(key, request);
    const version = await this.cache.dataVersion();
    const kept = this.kept(key);
    if (kept?.version === version && !kept.provisional) return served<T>(kept, false);
    // A write is being made visible: its settled version follows within moments, and is computed then (refresh).
    if (kept && isPendingDataVersion(version)) return served<T>(kept, true);
    if (kept) {
      // A provisional answer is computed again once the whole corpus's partition is in: no need to start it here.
      const awaited = kept.provisional && kept.version === version && this.computing.get(this.communityKey)?.version === version;
      // Errors are logged by the refresh; this read is answered already.
      if (!awaited) this.computeAt(key, request, version).catch(() => undefined);
      return served<T>(kept, true);
    }
    const first = await this.waitFor(() => this.computeAt(key, request, version, true));
    return served<T>(first, first.provisional || isPendingDataVersion(version));
  }

  /** A download, made in the worker from one snapshot; never kept (it records when it was made). */
  exportFile(filter: GraphFilter, kind: SnapshotFileKind, options: Record<string, unknown>): Promise<ExportFile> {
    return this.waitFor(async () => {
      const { report } = await this.run({ name: 'export', filter, options: { ...options, kind } }, await this.cache.dataVersion());
      return report as ExportFile;
    });
  }

  /** Runs `work` as one of the `maxWaiting` requests allowed to wait, or refuses at once. */
  private async waitFor<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.options.maxWaiting) {
      const retryAfterSeconds = 2;
      throw new HttpError(
        503,
        'analytics_busy',
        `The server is computing ${this.options.maxWaiting} analyses for the first time already. Try again in ${retryAfterSeconds} s.`,
        { maxConcurrentAnalyses: this.options.maxWaiting, retryAfterSeconds },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
    this.waiting += 1;
    try {
      return await work();
    } finally {
      this.waiting -= 1;
    }
  }

  private remember(key: string, request: AnalysisRequest): void {
    if (this.defaults.has(key)) return;
    this.asked.delete(key);
    this.asked.set(key, request);
    for (const oldest of this.asked.keys()) {
      if (this.asked.size <= this.options.remembered) break;
      this.asked.delete(oldest);
    }
  }

  /** The computation of `request` at `version`: the one under way, or a new one. */
  private computeAt(key: string, request: AnalysisRequest, version: string, first = false): Promise<Answer> {
    const running = this.computing.get(key);
    if (running?.version === version) return running.done;
    const sequence = ++this.sequence;
    const done = this.run(request, version, key === this.communityKey, first).then(async ({ report, computeMs, provisional }) => {
      if (key === this.communityKey && sequence > this.partitionSequence) {
        this.partitionSequence = sequence;
        await (this.memoryWritten = this.memoryWritten.catch(() => undefined).then(() => this.rememberCommunities(report as NetworkReport)));
        // A newer partition may have been decided while this one was written: it is the one in force.
        if (this.partitionSequence === sequence) this.partitionVersion = version;
      }
      const answer: Answer = { sequence, version, report: report as object, computeMs, tagged: {}, provisional };
      const kept = this.kept(key);
      const bytes = 2 * estimateBytes(report);
      if ((!kept || kept.sequence < sequence) && !this.keep(key, answer, bytes)) {
        // Then every request for it waits for a computation of its own: say so, so that an operator raises the budget.
        this.logger.warn({ analysis: request.name, bytes, capacityBytes: this.options.answerBytes }, 'an analysis is larger than the answer cache (ANALYSIS_CACHE_MIB) and is not kept: each request for it computes it again');
      }
      return answer;
    });
    const entry = { version, done };
    this.computing.set(key, entry);
    const settle = () => {
      if (this.computing.get(key) === entry) this.computing.delete(key);
    };
    done.then(settle, settle);
    // Registered after `settle`, so that the computation again is a new one, not this one found running.
    done
      .then(async (answer) => {
        if (!answer.provisional) return;
        await this.communitiesAt(version);
        await this.computeAt(key, request, version);
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'computing an analysis after the whole corpus partition failed'));
    return done;
  }

  private kept(key: string): Answer | undefined {
    return this.defaults.has(key) ? this.defaultAnswers.get(key) : (this.answers.get(key)?.value as Answer | undefined);
  }

  /** Whether the answer is kept. */
  private keep(key: string, answer: Answer, bytes: number): boolean {
    if (!this.defaults.has(key)) return this.answers.set(key, answer, bytes);
    this.defaultAnswers.set(key, answer);
    return true;
  }

  /**
   * One task for the worker: the documents in scope are listed here, their parts are the worker's.
   * `remembering`: the task computes the partition to remember, so it matches to the memory as it is.
   * `first`: nobody has this answer yet, so it does not wait for the whole corpus's partition at `version` when a
   * partition is remembered already; it is then provisional.
   */
  private async run(
    request: Omit<AnalysisRequest, 'name'> & { name: AnalysisName },
    version: string,
    remembering = false,
    first = false,
  ): Promise<{ report: unknown; computeMs: number; provisional: boolean }> {
    const { name, filter } = request;
    const scope = documentScopeOf(filter);
    let communities: CommunityAssignment | null = null;
    let provisional = false;
    if (remembering) communities = await this.store.communityMemory();
    else if (NUMBERS_COMMUNITIES.has(name)) {
      const older = first && this.partitionVersion !== version ? await this.store.communityMemory() : null;
      provisional = older !== null;
      communities = older ?? (await this.communitiesAt(version));
    }
    // The listing every view reads, once per data version: a dozen analyses after a write share one read.
    const documents = (await this.cache.documents(scope)).documents.map(({ id, sha256, title }) => ({ id, sha256, title }));
    const task = analysisTask(request, documents, communities);
    // Neo4j: the worker reads it over its own driver. In memory: the data lives here, and what the worker lacks is sent.
    const source: AnalysisSource =
      this.store.kind === 'neo4j'
        ? { neo4j: (this.store as Neo4jStore).config }
        : { snapshotOf: (filter) => this.store.snapshot(filter), commitmentsOf: (scope) => this.store.commitments(scope) };
    try {
      return { ...(await this.pool.run(task, source)), provisional };
    } catch (error) {
      // An operator must hear of it: every request for this analysis fails the same way until the limit is raised.
      if (error instanceof AnalyticsOutOfMemoryError) this.logger.error({ err: error, ...error.details }, error.message);
      throw error;
    }
  }

  /**
   * The partition remembered from the whole corpus at `version`, computed first when it is older: an answer numbered
   * after an older partition would disagree with the whole corpus's at the same version. An answer of a version the
   * data has moved past takes the memory as it is: that version's partition would not be remembered over a newer one.
   */
  private async communitiesAt(version: string): Promise<CommunityAssignment | null> {
    if (this.partitionVersion !== version && version === (await this.cache.dataVersion())) {
      await this.computeAt(this.communityKey, this.communityRequest, version);
    }
    return this.store.communityMemory();
  }

  /** The partition as this answer numbers it becomes the one later answers match theirs to (a small write when it changed). */
  private async rememberCommunities(report: NetworkReport): Promise<void> {
    const assignment = assignmentOf(report.partition);
    const remembered = await this.store.communityMemory();
    if (JSON.stringify(remembered) !== JSON.stringify(assignment)) await this.store.rememberCommunities(assignment);
  }

  /**
   * The default views become `requests`. A view that stops being one (another jurisdiction now has the most plans)
   * is remembered as asked, its answer kept under the bounded cache's rules; one never answered is forgotten: the
   * views of no plans, set before the first refresh, must not outlive it (on a large corpus the whole corpus's place
   * report, unasked, would be computed after every write).
   */
  private setDefaults(requests: AnalysisRequest[]): void {
    const previous = this.defaults;
    this.defaults = new Map(requests.map((request) => [keyOf(request), request]));
    for (const [key, request] of previous) {
      if (this.defaults.has(key)) continue;
      const answer = this.defaultAnswers.get(key);
      this.defaultAnswers.delete(key);
      if (!answer) continue;
      this.answers.set(key, answer, 2 * estimateBytes(answer.report));
      this.remember(key, request);
    }
    for (const key of this.defaults.keys()) this.asked.delete(key);
  }

  /** Analyses being computed now (after a write, or asked for the first time): none when every answer is current. */
  get computingCount(): number {
    return this.computing.size;
  }

  /** Recomputes every remembered request if the data version moved since the last time. */
  private refreshInBackground(): void {
    this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'precomputing the analytics failed; reads keep the last answers'));
  }

  private async refresh(): Promise<void> {
    const version = await this.cache.dataVersion();
    // A pending version is settled within moments (or by the store, if its writer died): refresh for that one.
    if (version === this.refreshedFor || isPendingDataVersion(version)) return;
    this.refreshedFor = version;
    this.setDefaults(this.defaultsFor((await this.cache.documents({})).documents));
    const requests = [...this.defaults, ...[...this.asked].reverse()];
    const results = await Promise.allSettled(requests.map(([key, request]) => this.computeAt(key, request, version)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      // Try again at the next refresh rather than never.
      this.refreshedFor = undefined;
      throw (failed as PromiseRejectedResult).reason;
    }
  }
}

/** The body, with Retry-After while it is stale (a newer answer is being computed). */
export function answer<T>(res: Response, { body, retryAfterSeconds }: Served<T>): Served<T>['body'] {
  if (retryAfterSeconds !== null) res.set('Retry-After', String(retryAfterSeconds));
  return body;
}

/** The answer's report with its freshness, made once per answer and state (the endpoint serialises it once). */
function served<T>(answer: Answer, stale: boolean): Served<T> {
  const state = stale ? 'stale' : 'fresh';
  if (!answer.tagged[state]) {
    const freshness = { dataVersion: answer.version, stale } satisfies Freshness;
    answer.tagged[state] = { ...answer.report, ...freshness };
    // The stale body is the fresh one's JSON with another tail: the endpoint serialises the report once.
    declareFamilyMember(answer.tagged[state], answer.report, freshness);
  }
  return {
    body: answer.tagged[state] as T & Freshness,
    // About what the newer answer takes to compute: the last one took as long.
    retryAfterSeconds: stale ? Math.max(1, Math.ceil(answer.computeMs / 1000)) : null,
  };
}
