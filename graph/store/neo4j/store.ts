/**
 * The Neo4j store, the system of record. Work runs through executeRead/executeWrite, and single-statement
 * lookups as auto-commit reads in a READ session, so routing clusters and Aura (neo4j+s://) work unchanged
 * (a READ session routes to readers); the Cypher lives in ./queries.
 */
import DataLoader from 'dataloader';
import neo4j, { isRetryableError, Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { InvalidInputError, StoreUnavailableError } from '../../errors';
import { DocumentScopeSchema, type DocumentScope, type GraphFilter, type ItemCommitments, type UnitSummary } from '../../model';
import { ROLE_RELATIONSHIP } from './vocabulary';
import { activeList, loadCounts, normaliseQuery, toBatchRecords, toUnitSummary, validated } from '../records';
import {
  buildDocumentDetail,
  buildDocumentSummary,
  buildItemDetail,
  buildItemPage,
  buildUnitPage,
  isPendingDataVersion,
  type SnapshotParts,
} from '../results';
import { byId } from '../order';
import {
  byNewest,
  CommunityMemorySchema,
  SavedViewSchema,
  SavedViewSummarySchema,
  type CommunityMemory,
  type SavedView,
  type SavedViewSummary,
} from '../explorerState';
import {
  DocumentMetadataPatchSchema,
  ItemQuerySchema,
  UnitPageQuerySchema,
  UnitQuerySchema,
  type DocumentDetail,
  type DocumentLoad,
  type DocumentMetadataPatch,
  type DocumentSummary,
  type GraphStore,
  type ItemDetail,
  type ItemPage,
  type ItemQuery,
  type LoadResult,
  type StoreStats,
  type UnitPage,
  type UnitPageQuery,
  type UnitQuery,
} from '../types';
import * as queries from './queries';
import { StoreBase } from '../storeBase';
import type { FoundItem, LoadOutcome, SingleStatementRunner } from './queries';

export interface Neo4jConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Overrides READ_DEADLINE_MS (tests of a stalled server use a short one). */
  readDeadlineMs?: Partial<typeof READ_DEADLINE_MS>;
  /** Overrides SETTLE_PENDING_AFTER_MS (tests of a writer that died before settling use 0). */
  settlePendingAfterMs?: number;
}

/** The standard variables; null when NEO4J_URI is unset (the embedded store applies). */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  if (!env.NEO4J_URI) return null;
  return {
    uri: env.NEO4J_URI,
    ...(env.NEO4J_USER ? { user: env.NEO4J_USER } : {}),
    ...(env.NEO4J_PASSWORD ? { password: env.NEO4J_PASSWORD } : {}),
    ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
  };
}

/**
 * Short enough that an outage becomes a StoreUnavailableError within seconds (a request
 * answers 503 instead of hanging); long enough to ride out a leader switch in a cluster.
 */
const DRIVER_TIMEOUTS = {
  connectionTimeout: 3_000,
  connectionAcquisitionTimeout: 5_000,
  maxTransactionRetryTime: 2_000,
};

/**
 * How long a read may wait for its answer. The driver has no such bound: a query sent on a
 * connection whose server stalls (shutting down, paused, a network partition without a reset)
 * waits for TCP to give up, minutes later. Reads are safe to abandon, so past this deadline the
 * caller gets StoreUnavailableError (503). A snapshot of the whole graph legitimately takes
 * longer than a lookup. Writes get no client deadline: abandoning one that may still commit
 * would tell the caller "not written" when it was.
 */
export const READ_DEADLINE_MS = { lookup: 10_000, snapshot: 120_000 };

/**
 * How long a pending data version may stand before a reader settles it. A writer settles its own in the next
 * moment, or after the writers queued ahead of it, so one standing this long lost its writer (a crash between its
 * two transactions, Neo4j down after the first).
 */
const SETTLE_PENDING_AFTER_MS = 5_000;

/** Codes meaning "not now": the driver already retried them for maxTransactionRetryTime. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const isUnavailable = (error: Neo4jError) =>
  UNAVAILABLE_CODES.has(error.code) ||
  // Transient by definition (DatabaseUnavailable while the database starts or stops, leader switches, lock timeouts).
  error.code.startsWith('Neo.TransientError.') ||
  error.message.startsWith('Connection acquisition timed out');

export class Neo4jStore extends StoreBase implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  /**
   * Item lookups that arrive in the same turn of the event loop (the requests read from the sockets in one poll
   * phase) go to Neo4j as one statement: at 50 connections the cost is Neo4j's per transaction, not the seek.
   * No cache (`cache: false`): an answer must reflect the graph as it is when asked, on every instance.
   */
  private readonly items = new DataLoader<string, FoundItem | null>(
    async (ids) => {
      const found = await this.readOnce((tx) => queries.getItems(tx, { itemIds: ids }));
      return ids.map((id) => found.get(id) ?? null);
    },
    { cache: false, maxBatchSize: 256, batchScheduleFn: (run) => setImmediate(run) },
  );
  /** The pending data version this store has seen standing, since when, and a settle of it under way. */
  private pendingSeen: { version: string; since: number } | undefined;
  private settling = false;

  /** `config` is public so that a worker thread can open its own driver to the same database (graph/precompute). */
  constructor(readonly config: Neo4jConfig) {
    super();
    const auth = config.user || config.password ? neo4j.auth.basic(config.user ?? 'neo4j', config.password ?? '') : undefined;
    this.driver = neo4j.driver(config.uri, auth, { ...DRIVER_TIMEOUTS, disableLosslessIntegers: true });
  }

  async init(): Promise<void> {
    for (const statement of queries.schemaStatements()) {
      try {
        await this.write(statement);
      } catch (error) {
        // IF NOT EXISTS still loses a race with another process creating the same rule at that moment: it exists, so fine.
        if (!(error instanceof Neo4jError && /AlreadyExists/.test(error.code))) throw error;
      }
    }
    await this.write(queries.initDataVersion);
    // A version a writer left pending is settled now. Only then is the lock taken: opening a store (the server's
    // start, every CLI command) must not queue behind another instance's long write.
    if (isPendingDataVersion(await this.readOnce(queries.dataVersion))) await this.write(queries.settleDataVersion);
    await this.write(queries.storeMissingDocumentCounts);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async ping(): Promise<void> {
    await this.readOnce(queries.ping);
  }

  async loadDocuments(batch: DocumentLoad[]): Promise<LoadResult[]> {
    const records = toBatchRecords(batch);
    // Bytes already loaded: answer without opening a write transaction for them at all.
    const loaded = await this.read((tx) => queries.documentSha256s(tx, { documentIds: records.map(({ document }) => document.id) }));
    const changed = records.filter(({ document }) => loaded.get(document.id) !== document.sha256);
    const outcomes = changed.length > 0 ? await this.writeVersioned((tx) => queries.writeDocuments(tx, changed)) : new Map<string, LoadOutcome>();
    return records.map((record) => ({ ...loadCounts(record), outcome: outcomes.get(record.document.id) ?? 'unchanged' }));
  }

  async removeDocument(id: string): Promise<boolean> {
    return this.writeVersioned((tx) => queries.deleteDocument(tx, { documentId: id }));
  }

  async listDocuments(input: DocumentScope = {}): Promise<DocumentSummary[]> {
    const scope = validated(DocumentScopeSchema, input, 'scope');
    const rows = await this.read((tx) => queries.listScopedDocuments(tx, scope));
    return rows.map(({ document, ...counts }) => buildDocumentSummary(document, counts)).sort(byId);
  }

  async updateDocumentMetadata(id: string, input: DocumentMetadataPatch): Promise<DocumentSummary | null> {
    const patch = validated(DocumentMetadataPatchSchema, input, 'metadata');
    const found = await this.writeVersioned((tx) => queries.updateDocumentMetadata(tx, { documentId: id, patch }));
    if (!found) return null;
    const { document, ...counts } = found;
    return buildDocumentSummary(document, counts);
  }

  /** Whether the database holds anything but the version node (`cli import` refuses to replace data). */
  async holdsData(): Promise<boolean> {
    return this.readOnce(queries.holdsData);
  }

  /** The version as stored: pending (isPendingDataVersion) while a write is being made visible. */
  async dataVersion(): Promise<string> {
    const version = await this.readOnce(queries.dataVersion);
    if (isPendingDataVersion(version)) this.settleIfAbandoned(version);
    else this.pendingSeen = undefined;
    return version;
  }

  /** A pending version standing past SETTLE_PENDING_AFTER_MS is settled by this reader, in the background. */
  private settleIfAbandoned(version: string): void {
    const now = Date.now();
    if (this.pendingSeen?.version !== version) this.pendingSeen = { version, since: now };
    if (this.settling || now - this.pendingSeen.since < (this.config.settlePendingAfterMs ?? SETTLE_PENDING_AFTER_MS)) return;
    this.settling = true;
    // Nobody waits on this: if it fails (Neo4j down), a later read tries again.
    void this.write(queries.settleDataVersion)
      .catch(() => undefined)
      .finally(() => {
        this.settling = false;
      });
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const found = await this.readOnce((tx) => queries.getDocument(tx, { documentId: id }));
    return found && buildDocumentDetail(found.document, found.sections);
  }

  async getItem(id: string): Promise<ItemDetail | null> {
    const found = await this.items.load(id);
    return found && buildItemDetail(found.item, found.document, found.section, found.owners);
  }

  async getUnit(id: string, input: UnitPageQuery): Promise<UnitPage | null> {
    const query = validated(UnitPageQuerySchema, input, 'query');
    const found = await this.read((tx) =>
      queries.getUnitPage(tx, {
        unitId: id,
        roleType: query.role ? ROLE_RELATIONSHIP[query.role] : null,
        skip: query.offset,
        limit: query.limit,
      }),
    );
    return found && buildUnitPage(found, query);
  }

  async searchItems(query: ItemQuery): Promise<ItemPage> {
    const { q, section, role, unit, page, pageSize, ...scope } = validated(ItemQuerySchema, query, 'query');
    const found = await this.read((tx) =>
      queries.searchItems(tx, {
        needle: normaliseQuery(q),
        scope,
        sections: activeList(section),
        roleType: role ? ROLE_RELATIONSHIP[role] : null,
        unit: unit ?? null,
        skip: (page - 1) * pageSize,
        limit: pageSize,
      }),
    );
    return buildItemPage(found.total, page, pageSize, found.items);
  }

  async searchUnits(query: UnitQuery): Promise<UnitSummary[]> {
    const { q, kind, function: unitFunction, level, unitJurisdiction, ...scope } = validated(UnitQuerySchema, query, 'query');
    const units = await this.read((tx) =>
      queries.searchUnits(tx, {
        needle: normaliseQuery(q),
        kind: kind ?? null,
        unitFunction: unitFunction ?? null,
        level: level ?? null,
        unitJurisdiction: unitJurisdiction ?? null,
        scope,
      }),
    );
    return units.sort(byId).map(toUnitSummary);
  }

  protected async snapshotParts(filter: GraphFilter): Promise<SnapshotParts> {
    const { section, role, kind, unit, ...scope } = filter;
    const selection = {
      scope,
      sections: activeList(section),
      roleTypes: activeList(role)?.map((one) => ROLE_RELATIONSHIP[one]) ?? null,
      unitKinds: activeList(kind),
      units: activeList(unit),
    };
    return this.read((tx) => queries.snapshotParts(tx, selection), 'snapshot');
  }

  async commitments(input: DocumentScope = {}): Promise<ItemCommitments[]> {
    const scope = validated(DocumentScopeSchema, input, 'scope');
    return this.read((tx) => queries.commitmentsOf(tx, scope), 'snapshot');
  }

  async stats(): Promise<StoreStats> {
    return this.read(queries.countGraph);
  }

  async saveView(input: SavedView): Promise<void> {
    const { parameters, positions, ...view } = SavedViewSchema.parse(input);
    const row = { ...view, parameters: JSON.stringify(parameters), positions: JSON.stringify(positions) };
    const created = await this.write((tx) => queries.createView(tx, { view: row }));
    if (!created) throw new InvalidInputError('id', `a saved view ${view.id} already exists`);
  }

  async listViews(): Promise<SavedViewSummary[]> {
    const rows = await this.read(queries.listViews);
    return rows.map(({ parameters, ...view }) => SavedViewSummarySchema.parse({ ...view, parameters: JSON.parse(parameters) })).sort(byNewest);
  }

  async getView(id: string): Promise<SavedView | null> {
    const row = await this.read((tx) => queries.getView(tx, { id }));
    if (!row) return null;
    return SavedViewSchema.parse({ ...row, parameters: JSON.parse(row.parameters), positions: JSON.parse(row.positions ?? '{}') });
  }

  async deleteView(id: string): Promise<boolean> {
    return this.write((tx) => queries.deleteView(tx, { id }));
  }

  async communityMemory(): Promise<CommunityMemory | null> {
    const stored = await this.read(queries.communityMemory);
    return stored === null ? null : CommunityMemorySchema.parse(JSON.parse(stored));
  }

  async rememberCommunities(memory: CommunityMemory): Promise<void> {
    const assignment = JSON.stringify(CommunityMemorySchema.parse(memory));
    await this.write((tx) => queries.rememberCommunities(tx, { assignment }));
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>, kind: keyof typeof READ_DEADLINE_MS = 'lookup'): Promise<T> {
    return this.withDeadline(kind, () => this.inReadSession((session) => session.executeRead(work)));
  }

  /**
   * A single-statement read as an auto-commit transaction: one round trip (RUN and PULL) instead of BEGIN, RUN,
   * COMMIT, which took an uncached item lookup at 50 connections from about 660 to 950 a second here. The driver
   * retries only transaction functions, so this retries a retriable failure (a leader switch, an expired session,
   * a transient error) itself, in a fresh session that routes afresh, for as long as executeRead would.
   */
  private async readOnce<T>(work: (runner: SingleStatementRunner) => Promise<T>): Promise<T> {
    return this.withDeadline('lookup', async () => {
      const giveUpAt = Date.now() + DRIVER_TIMEOUTS.maxTransactionRetryTime;
      for (let delayMs = 100; ; delayMs *= 2) {
        try {
          return await this.inReadSession(work);
        } catch (error) {
          if (!isRetryableError(error) || Date.now() + delayMs > giveUpAt) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    });
  }

  private async inReadSession<T>(use: (session: Session) => Promise<T>): Promise<T> {
    const session = this.openSession('READ');
    try {
      return await use(session);
    } finally {
      // Not awaited: after a missed deadline, closing waits on the stalled query; the caller has its answer already.
      session.close().catch(() => undefined);
    }
  }

  private async withDeadline<T>(kind: keyof typeof READ_DEADLINE_MS, run: () => Promise<T>): Promise<T> {
    const deadlineMs = this.config.readDeadlineMs?.[kind] ?? READ_DEADLINE_MS[kind];
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError(this.config.uri, `no answer within ${deadlineMs} ms`)), deadlineMs);
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (error) {
      throw this.translate(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.openSession('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw this.translate(error);
    } finally {
      await session.close();
    }
  }

  /**
   * A write that moves the data version: its transaction stages the new digest as pending, and a second one settles
   * it once the first is visible whole (queries/version.ts). The write stands whether or not the second succeeds: a
   * version left pending is settled by the next write, the next store to open, or a reader.
   */
  private async writeVersioned<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const result = await this.write(work);
    await this.write(queries.settleDataVersion).catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
    });
    return result;
  }

  private openSession(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.config.database ? { database: this.config.database } : {}),
    });
  }

  /** Outages become StoreUnavailableError (503 upstream); a broken uniqueness rule is bad input. */
  private translate(error: unknown): unknown {
    if (!(error instanceof Neo4jError)) return error;
    if (isUnavailable(error)) {
      // The driver appends the socket's own reason ("Caused by: connect ECONNREFUSED …"): that is the cause a person needs.
      return new StoreUnavailableError(this.config.uri, /Caused by: (.*)$/s.exec(error.message)?.[1] ?? error.message);
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new InvalidInputError('document', `an id in this document is already used by another document (${error.message})`);
    }
    return error;
  }
}
