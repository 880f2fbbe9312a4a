/**
 * The steps both stores take the same way around their own reads and writes, so that neither
 * repeats them: one document loads as a batch of one, and a snapshot validates its filter, reads
 * its parts in the store's own way, then keeps only the items some kept edge reaches.
 */
import { GraphFilterSchema, type GraphFilter, type ParsedDocument, type Snapshot, type Unit } from '../model';
import { activeList, validated } from './records';
import { buildSnapshot, type SnapshotParts } from './results';
import type { DocumentLoad, LoadResult } from './types';

export abstract class StoreBase {
  abstract loadDocuments(batch: DocumentLoad[]): Promise<LoadResult[]>;

  /** The parts of the graph a validated filter selects; edges filtered, items not yet. */
  protected abstract snapshotParts(filter: GraphFilter): Promise<SnapshotParts>;

  async loadDocument(document: ParsedDocument, units: Unit[]): Promise<LoadResult> {
    const [result] = await this.loadDocuments([{ document, units }]);
    return result!;
  }

  async snapshot(input: GraphFilter = {}): Promise<Snapshot> {
    const filter = validated(GraphFilterSchema, input, 'filter');
    const parts = await this.snapshotParts(filter);
    // With a filter on edges, an item stays only if one of its edges does.
    const edgeFiltered = Boolean(activeList(filter.role) || activeList(filter.kind) || activeList(filter.unit));
    const kept = new Set(parts.responsibilities.map((edge) => edge.itemId));
    return buildSnapshot({ ...parts, items: edgeFiltered ? parts.items.filter((item) => kept.has(item.id)) : parts.items });
  }
}
