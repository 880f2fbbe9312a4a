/**
 * Analytics by parts: what each document contributes to the workload, the gaps and the coordination
 * projection, computed once per document content and added up for any set of documents. Items belong
 * to one document each, so these measures decompose exactly: the counts, the gap list and the ties
 * of a set of documents are the sums (in document order) of theirs. Louvain, betweenness and the
 * other network measures do not decompose; they run whole on the graph the merged ties make. The
 * where-and-by-when reports (places, deadlines, unmeasured items) join per-document parts the same way
 * (graph/analytics/commitments.ts), read with the items' commitments only when one of them is asked.
 * tests/analytics/partials.test.ts holds every merge equal to the whole computation.
 */
import { ROLES, type DocumentScope, type GraphFilter, type ItemCommitments, type Snapshot } from '../model';
import { commitmentPart, mergeCommitmentParts, type CommitmentPart } from './commitments';
import { graphFromTies, projectTies, tieKey, type CoordinationGraph, type ProjectedTie, type Projection } from './coordination';
import { findGaps } from './gaps';
import { compareText } from '../store/order';
import { CoordinationOptionsSchema, GapOptionsSchema, GapReasonCodeSchema, type CoordinationOptions, type GapOptions, type GapReport } from './types';
import { countHeld, type HeldCounts } from './workload';
import { appendTo } from './snapshotIndex';
import { concatGapReports, packGapReport, type PackedGapReport } from './pages';

/** A document as the parts know it: its content key is its id, its bytes and its title (gaps quote the title). */
export interface DocumentRef {
  id: string;
  sha256: string;
  title: string;
}

const contentKey = (document: DocumentRef): string => JSON.stringify([document.id, document.sha256, document.title]);

/** Parameter sets kept per document beside the defaults: each is one more copy of the document's ties or gaps. */
const KEPT_PARAMETER_SETS = 2;

interface DocumentParts {
  hasItems: boolean;
  held: HeldCounts;
  /**
   * Per parameter set (JSON of the parsed options), most recently used last. Packed (graph/analytics/packedRows.ts):
   * as objects, the corpus's 266,410 gaps were about 600 MB of the analytics thread's heap; as bytes, 167 MB.
   */
  gaps: Map<string, PackedGapReport>;
  projections: Map<string, PackedProjection>;
  /** Read only once a where-and-by-when report asks for it. */
  commitments?: CommitmentPart;
}

/**
 * A document's projection as the cache keeps it: the ties' ends, weights and items in typed arrays over the
 * document's own unit and item lists. Kept as objects with three arrays each, the ties were 930 MB of the
 * analytics worker's 1.1 GB at 250,000 items (a heap profile, BENCHMARKS.md); packed, a tie's item is 4 bytes.
 */
interface PackedProjection {
  units: Projection['units'];
  unitIds: string[];
  source: Uint32Array;
  target: Uint32Array;
  weight: Float64Array;
  /** Tie t's items are at itemAt[itemStart[t]] up to itemAt[itemStart[t + 1]]: indexes into the three lists below. */
  itemStart: Uint32Array;
  itemAt: Uint32Array;
  itemIds: string[];
  labels: string[];
  documentIds: string[];
}

function packProjection({ units, ties }: Projection): PackedProjection {
  const unitIds: string[] = [];
  const unitAt = new Map<string, number>();
  const indexOfUnit = (id: string): number => {
    let at = unitAt.get(id);
    if (at === undefined) unitAt.set(id, (at = unitIds.push(id) - 1));
    return at;
  };
  const itemIds: string[] = [];
  const labels: string[] = [];
  const documentIds: string[] = [];
  const itemIndex = new Map<string, number>();
  const source = new Uint32Array(ties.length);
  const target = new Uint32Array(ties.length);
  const weight = new Float64Array(ties.length);
  const itemStart = new Uint32Array(ties.length + 1);
  const itemAt = new Uint32Array(ties.reduce((sum, tie) => sum + tie.sharedItemIds.length, 0));
  let next = 0;
  ties.forEach((tie, t) => {
    source[t] = indexOfUnit(tie.source);
    target[t] = indexOfUnit(tie.target);
    weight[t] = tie.weight;
    itemStart[t] = next;
    tie.sharedItemIds.forEach((id, k) => {
      let at = itemIndex.get(id);
      if (at === undefined) {
        itemIndex.set(id, (at = itemIds.push(id) - 1));
        labels.push(tie.labels[k] as string);
        documentIds.push(tie.documentIds[k] as string);
      }
      itemAt[next++] = at;
    });
  });
  itemStart[ties.length] = next;
  return { units, unitIds, source, target, weight, itemStart, itemAt, itemIds, labels, documentIds };
}

/** Where parts come from: a store's snapshot of some documents (a `document` filter) and their items' commitments. */
export interface PartsReader {
  snapshot(filter: GraphFilter): Promise<Snapshot>;
  commitments(scope: DocumentScope): Promise<ItemCommitments[]>;
}

/** Each document's own snapshot: a multi-document snapshot split by document. */
export function splitByDocument(snapshot: Snapshot): Map<string, Snapshot> {
  const units = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const parts = new Map(
    snapshot.documents.map((document) => [
      document.id,
      { documents: [document], sections: [], units: [], items: [], responsibilities: [] } as Snapshot,
    ]),
  );
  const partOf = (documentId: string) => parts.get(documentId);
  for (const section of snapshot.sections) partOf(section.documentId)?.sections.push(section);
  for (const item of snapshot.items) partOf(item.documentId)?.items.push(item);
  for (const edge of snapshot.responsibilities) partOf(edge.documentId)?.responsibilities.push(edge);
  for (const part of parts.values()) {
    const unitIds = [...new Set(part.responsibilities.map((edge) => edge.unitId))];
    part.units = unitIds.flatMap((id) => units.get(id) ?? []);
  }
  return parts;
}

/** Counts summed over documents; a unit is described as its last document has it. */
export function mergeHeld(parts: HeldCounts[]): HeldCounts {
  const merged: HeldCounts = new Map();
  for (const held of parts) {
    for (const [unitId, { unit, counts }] of held) {
      const sum = merged.get(unitId)?.counts;
      merged.set(unitId, { unit, counts: sum ? (Object.fromEntries(ROLES.map((role) => [role, sum[role] + counts[role]])) as typeof counts) : counts });
    }
  }
  return merged;
}

/** Gap reports of documents, in document order, as one: their packed rows end to end. */
export function mergeGaps(reports: PackedGapReport[], options: GapOptions): PackedGapReport {
  const parameters = GapOptionsSchema.parse(options);
  const counts = Object.fromEntries(GapReasonCodeSchema.options.map((code) => [code, 0])) as GapReport['counts'];
  for (const report of reports) for (const code of GapReasonCodeSchema.options) counts[code] += report.counts[code];
  return {
    parameters,
    itemsExamined: reports.reduce((sum, report) => sum + report.itemsExamined, 0),
    counts,
    ...concatGapReports(reports),
  };
}

/** Projections of documents, in document order, as one: weights and items added up, ties in first-met order. */
function mergeProjections(parts: PackedProjection[]): Projection {
  const units = new Map<string, Projection['units'] extends Map<string, infer U> ? U : never>();
  const ties = new Map<string, ProjectedTie>();
  for (const part of parts) {
    for (const [id, unit] of part.units) units.set(id, unit);
    for (let t = 0; t < part.weight.length; t++) {
      const [source, target] = [part.unitIds[part.source[t] as number] as string, part.unitIds[part.target[t] as number] as string];
      const key = tieKey(source, target);
      let sum = ties.get(key);
      if (!sum) ties.set(key, (sum = { source, target, weight: 0, sharedItemIds: [], labels: [], documentIds: [] }));
      sum.weight += part.weight[t] as number;
      for (let k = part.itemStart[t] as number; k < (part.itemStart[t + 1] as number); k++) {
        const item = part.itemAt[k] as number;
        sum.sharedItemIds.push(part.itemIds[item] as string);
        sum.labels.push(part.labels[item] as string);
        sum.documentIds.push(part.documentIds[item] as string);
      }
    }
  }
  return { units: new Map([...units].sort(([a], [b]) => compareText(a, b))), ties: [...ties.values()] };
}

/**
 * The parts of every document seen, by content: a document read once is not read again until its bytes
 * or title change. Parts of documents no longer loaded are dropped whenever the whole corpus is computed;
 * with `maxDocuments`, the least recently used beyond that many are dropped too (the small-task lane's
 * cache, graph/precompute/pool.ts, which never sees the whole corpus and must not grow into a copy of it).
 */
export class DocumentPartsCache {
  /** Least recently used first. */
  private readonly parts = new Map<string, DocumentParts>();

  /** Documents read per snapshot: a few hundred keep one read well under the store's deadline and memory small. */
  constructor(
    private readonly read: PartsReader,
    private readonly documentsPerRead = 200,
    private readonly maxDocuments = Infinity,
  ) {}

  get size(): number {
    return this.parts.size;
  }

  /** Drops the parts of documents not among `documents` (the whole corpus as it now is). */
  retainOnly(documents: DocumentRef[]): void {
    const keep = new Set(documents.map(contentKey));
    for (const key of this.parts.keys()) if (!keep.has(key)) this.parts.delete(key);
  }

  async held(documents: DocumentRef[]): Promise<HeldCounts> {
    return mergeHeld((await this.ensure(documents, {})).map((parts) => parts.held));
  }

  async gaps(documents: DocumentRef[], options: GapOptions): Promise<PackedGapReport> {
    const key = JSON.stringify(GapOptionsSchema.parse(options));
    const all = await this.ensure(documents, { gaps: options });
    return mergeGaps(
all.map((parts) => kept(parts.gaps, key) as PackedGapReport), options);
  }

  /** The coordination graph of the documents, from their ties. */
  async coordination(documents: DocumentRef[], options: CoordinationOptions): Promise<CoordinationGraph> {
    const key = JSON.stringify(CoordinationOptionsSchema.parse(options));
    const all = await this.ensure(documents, { projection: options });
    const merged = mergeProjections(all.map((parts) => kept(parts.projections, key) as PackedProjection));
    return graphFromTies(merged, all.filter((parts) => parts.hasItems).length > 1);
  }

  /** The documents' places, deadlines and unmeasured items, joined: what the where-and-by-when reports are made from. */
  async commitments(documents: DocumentRef[]): Promise<CommitmentPart> {
    return mergeCommitmentParts((await this.ensure(documents, { commitments: true })).map((parts) => parts.commitments as CommitmentPart));
  }

  /**
   * Every document's parts, with the gaps or the projection for the options asked. A document lacking
   * them is read from the store: its snapshot is not kept (it is most of the memory), so a new parameter
   * set for a document seen before reads it again.
   */
  async ensure(documents: DocumentRef[], asked: PartsAsked): Promise<DocumentParts[]> {
    const { gapsKey, projectionKey } = keysOf(asked);
    // Held apart from the cache for this call: with `maxDocuments` below the scope, what it drops is still answered.
    const found = new Map<string, DocumentParts>();
    for (const document of documents) {
      const key = contentKey(document);
      const parts = kept(this.parts, key);
      if (parts) found.set(key, parts);
    }
    const lacking = this.lacking(documents, asked);
    for (let start = 0; start < lacking.length; start += this.documentsPerRead) {
      const batch = lacking.slice(start, start + this.documentsPerRead);
      const ids = batch.map((document) => document.id);
      const snapshots = splitByDocument(await this.read.snapshot({ document: ids }));
      const commitments = asked.commitments ? byDocument(await this.read.commitments({ document: ids })) : undefined;
      for (const document of batch) {
        const key = contentKey(document);
        const snapshot = snapshots.get(document.id);
        // Parts are kept under the content they were computed from: never under a key the data no longer has.
        if (!snapshot || contentKey(snapshot.documents[0] as DocumentRef) !== key) {
          throw new Error(`document '${document.id}' changed while the analytics read it; the computation of the new data follows`);
        }
        const parts = found.get(key) ?? {
          hasItems: snapshot.items.length > 0,
          held: countHeld(snapshot),
          gaps: new Map([[DEFAULT_GAPS, packGapReport(findGaps(snapshot))]]),
          projections: new Map([[DEFAULT_PROJECTION, packProjection(projectTies(snapshot))]]),
        };
        if (gapsKey !== undefined && !parts.gaps.has(gapsKey)) keep(parts.gaps, gapsKey, packGapReport(findGaps(snapshot, asked.gaps)), DEFAULT_GAPS);
        if (projectionKey !== undefined && !parts.projections.has(projectionKey)) {
          keep(parts.projections, projectionKey, packProjection(projectTies(snapshot, asked.projection)), DEFAULT_PROJECTION);
        }
        if (commitments && !parts.commitments) parts.commitments = commitmentPart(snapshot, commitments.get(document.id) ?? []);
        found.set(key, parts);
        this.parts.delete(key);
        this.parts.set(key, parts);
        // This call's documents were touched first, so the least recently used are others while the scope fits.
        for (const oldest of this.parts.keys()) {
          if (this.parts.size <= this.maxDocuments) break;
          this.parts.delete(oldest);
        }
      }
    }
    return documents.map((document) => found.get(contentKey(document)) as DocumentParts);
  }

  /** The documents whose parts (with the gaps or the projection asked) are not held: what a computation reads. */
  lacking(documents: DocumentRef[], asked: PartsAsked): DocumentRef[] {
    const { gapsKey, projectionKey } = keysOf(asked);
    return documents.filter((document) => {
      const parts = this.parts.get(contentKey(document));
      return (
        !parts ||
        (gapsKey !== undefined && !parts.gaps.has(gapsKey)) ||
        (projectionKey !== undefined && !parts.projections.has(projectionKey)) ||
        (asked.commitments === true && !parts.commitments)
      );
    });
  }
}

/** Which parameter sets of the gaps or the projection a computation needs besides the workload counts, and whether the commitments. */
export interface PartsAsked {
  gaps?: GapOptions;
  projection?: CoordinationOptions;
  commitments?: boolean;
}

function byDocument(commitments: ItemCommitments[]): Map<string, ItemCommitments[]> {
  const grouped = new Map<string, ItemCommitments[]>();
  for (const item of commitments) appendTo(grouped, item.documentId, item);
  return grouped;
}

const keysOf = (asked: PartsAsked) => ({
  gapsKey: asked.gaps && JSON.stringify(GapOptionsSchema.parse(asked.gaps)),
  projectionKey: asked.projection && JSON.stringify(CoordinationOptionsSchema.parse(asked.projection)),
});

const DEFAULT_GAPS = JSON.stringify(GapOptionsSchema.parse({}));
const DEFAULT_PROJECTION = JSON.stringify(CoordinationOptionsSchema.parse({}));

/** The value under `key`, marked most recently used. */
function kept<T>(map: Map<string, T>, key: string): T | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

/** Adds `value`, dropping the least recently used parameter sets beyond the defaults and KEPT_PARAMETER_SETS others. */
function keep<T>(map: Map<string, T>, key: string, value: T, defaultKey: string): void {
  map.set(key, value);
  for (const old of map.keys()) {
    if (map.size <= KEPT_PARAMETER_SETS + 1) break;
    if (old !== defaultKey && old !== key) map.delete(old);
  }
}
