/**
 * The embedded store: the whole graph in process memory, for a newcomer with no database.
 * Every write builds the next state beside the current one and swaps it in at the end, so a
 * failed load leaves nothing behind, as a rolled-back Neo4j transaction does. Nothing persists
 * across restarts; the server reloads the seeds at start-up.
 */
import { InvalidInputError } from '../errors';
import { DocumentScopeSchema, type DocumentScope, type GraphFilter, type ItemCommitments, type Role, type Unit, type UnitSummary } from '../model';
import { ROLE_RELATIONSHIP, UNIT_KIND_LABEL } from './neo4j/vocabulary';
import {
  byNewest,
  CommunityMemorySchema,
  SavedViewSchema,
  summariseView,
  type CommunityMemory,
  type SavedView,
  type SavedViewSummary,
} from './explorerState';
import { byId, byItemOrder, byUnitPageOrder } from './order';
import {
  activeList,
  inJurisdictionScope,
  inYearScope,
  jurisdictionChains,
  loadCounts,
  normaliseQuery,
  scopesDocuments,
  toBatchRecords,
  toUnitSummary,
  validated,
  placeNodes,
  type DocumentRecords,
  type ItemRecord,
  type ResponsibilityRecord,
  type SectionRecord,
} from './records';
import {
  buildDocumentDetail,
  buildDocumentSummary,
  buildItemDetail,
  buildItemPage,
  applyMetadataPatch,
  buildUnitPage,
  toggleDataVersion,
  versionEntry,
  type Owned,
  type SnapshotParts,
} from './results';
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
} from './types';
import { StoreBase } from './storeBase';
import { emptyStats } from './vocabulary';

/** `metadataEdit`: the digest of a metadata correction, once one was made (results.ts versionEntry). */
type StoredDocument = Omit<DocumentRecords, 'units'> & { metadataEdit?: string };

interface MemoryState {
  documents: Map<string, StoredDocument>;
  units: Map<string, Unit>;
  items: Map<string, ItemRecord>;
  sections: Map<string, SectionRecord>;
  edgesByItem: Map<string, ResponsibilityRecord[]>;
  edgesByUnit: Map<string, ResponsibilityRecord[]>;
  /** The data version (toggleDataVersion), kept up to date by attach and detach. */
  version: string;
}

const emptyState = (): MemoryState => ({
  documents: new Map(),
  units: new Map(),
  items: new Map(),
  sections: new Map(),
  edgesByItem: new Map(),
  edgesByUnit: new Map(),
  version: '',
});

/** Shallow copies: records are never mutated, only the maps and the per-unit edge lists. */
const copyState = (state: MemoryState): MemoryState => ({
  documents: new Map(state.documents),
  units: new Map(state.units),
  items: new Map(state.items),
  sections: new Map(state.sections),
  edgesByItem: new Map(state.edgesByItem),
  edgesByUnit: new Map(state.edgesByUnit),
  version: state.version,
});

/** Take a document out of `next`; returns the units it referenced (candidates for orphan removal). */
function detachDocument(next: MemoryState, documentId: string): Set<string> {
  const stored = next.documents.get(documentId);
  const touched = new Set<string>();
  if (!stored) return touched;
  next.documents.delete(documentId);
  next.version = toggleDataVersion(next.version, versionEntry(stored.document, stored.metadataEdit));
  for (const section of stored.sections) next.sections.delete(section.id);
  for (const item of stored.items) {
    next.items.delete(item.id);
    next.edgesByItem.delete(item.id);
  }
  for (const edge of stored.responsibilities) touched.add(edge.unitId);
  for (const unitId of touched) {
    const remaining = (next.edgesByUnit.get(unitId) ?? []).filter((edge) => edge.documentId !== documentId);
    if (remaining.length > 0) next.edgesByUnit.set(unitId, remaining);
    else next.edgesByUnit.delete(unitId);
  }
  return touched;
}

/** Map.groupBy arrives in Node 21; the engines field pins Node 20. */
function groupEdges(edges: ResponsibilityRecord[], key: 'itemId' | 'unitId'): Map<string, ResponsibilityRecord[]> {
  const groups = new Map<string, ResponsibilityRecord[]>();
  for (const edge of edges) {
    const group = groups.get(edge[key]);
    if (group) group.push(edge);
    else groups.set(edge[key], [edge]);
  }
  return groups;
}

function attachDocument(next: MemoryState, records: DocumentRecords): void {
  const { units, ...stored } = records;
  for (const item of stored.items) {
    if (next.items.has(item.id)) {
      throw new InvalidInputError('document', `item id ${item.id} already belongs to document ${next.items.get(item.id)?.documentId}`);
    }
    next.items.set(item.id, item);
  }
  for (const section of stored.sections) {
    if (next.sections.has(section.id)) {
      throw new InvalidInputError('document', `section id ${section.id} already belongs to document ${next.sections.get(section.id)?.documentId}`);
    }
    next.sections.set(section.id, section);
  }
  for (const unit of units) next.units.set(unit.id, unit);
  // Grouped first, so that a unit named on thousands of items gets one new list, not thousands of copies.
  for (const [itemId, edges] of groupEdges(stored.responsibilities, 'itemId')) {
    next.edgesByItem.set(itemId, [...(next.edgesByItem.get(itemId) ?? []), ...edges]);
  }
  for (const [unitId, edges] of groupEdges(stored.responsibilities, 'unitId')) {
    next.edgesByUnit.set(unitId, [...(next.edgesByUnit.get(unitId) ?? []), ...edges]);
  }
  next.documents.set(stored.document.id, stored);
  next.version = toggleDataVersion(next.version, stored.document);
}

function dropOrphans(next: MemoryState, candidates: Iterable<string>): void {
  for (const unitId of candidates) if (!next.edgesByUnit.has(unitId)) next.units.delete(unitId);
}

export class MemoryStore extends StoreBase implements GraphStore {
  readonly kind = 'memory' as const;
  private state = emptyState();
  /** Beside the graph state: views and the community memory are not part of the data version. */
  private views = new Map<string, SavedView>();
  private communities: CommunityMemory | null = null;

  async init(): Promise<void> {}
  async close(): Promise<void> {}
  async ping(): Promise<void> {}

  async loadDocuments(batch: DocumentLoad[]): Promise<LoadResult[]> {
    const next = copyState(this.state);
    const results = toBatchRecords(batch).map((records): LoadResult => {
      const counts = loadCounts(records);
      const previous = next.documents.get(records.document.id);
      if (previous?.document.sha256 === records.document.sha256) return { ...counts, outcome: 'unchanged' };
      const touched = detachDocument(next, records.document.id);
      attachDocument(next, records);
      dropOrphans(next, touched);
      return { ...counts, outcome: previous ? 'replaced' : 'created' };
    });
    // Swapped in only now: a document refused part-way through leaves the batch unloaded, as a rolled-back transaction would.
    this.state = next;
    return results;
  }

  async removeDocument(id: string): Promise<boolean> {
    if (!this.state.documents.has(id)) return false;
    const next = copyState(this.state);
    dropOrphans(next, detachDocument(next, id));
    this.state = next;
    return true;
  }

  async listDocuments(input: DocumentScope = {}): Promise<DocumentSummary[]> {
    const documentIds = this.documentsInScope(validated(DocumentScopeSchema, input, 'scope'));
    return [...this.state.documents.values()]
      .filter(({ document }) => !documentIds || documentIds.has(document.id))
      .map((stored) => this.summaryOf(stored))
      .sort(byId);
  }

  async updateDocumentMetadata(id: string, input: DocumentMetadataPatch): Promise<DocumentSummary | null> {
    const patch = validated(DocumentMetadataPatchSchema, input, 'metadata');
    const stored = this.state.documents.get(id);
    if (!stored) return null;
    const { document, metadataEdit } = applyMetadataPatch(stored.document, patch);
    const next = copyState(this.state);
    next.documents.set(id, { ...stored, document, metadataEdit });
    next.version = toggleDataVersion(toggleDataVersion(next.version, versionEntry(stored.document, stored.metadataEdit)), versionEntry(document, metadataEdit));
    this.state = next;
    return this.summaryOf(next.documents.get(id)!);
  }

  async dataVersion(): Promise<string> {
    return this.state.version;
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const stored = this.state.documents.get(id);
    if (!stored) return null;
    return buildDocumentDetail(
      stored.document,
      stored.sections.map((section) => ({
        section,
        items: stored.items.filter((item) => item.sectionId === section.id).length,
      })),
    );
  }

  async getItem(id: string): Promise<ItemDetail | null> {
    const item = this.state.items.get(id);
    const stored = item && this.state.documents.get(item.documentId);
    if (!item || !stored) return null;
    const section = item.sectionId === null ? null : (this.state.sections.get(item.sectionId) ?? null);
    return buildItemDetail(item, stored.document, section, this.owners(item.id));
  }

  async getUnit(id: string, input: UnitPageQuery): Promise<UnitPage | null> {
    const query = validated(UnitPageQuerySchema, input, 'query');
    const unit = this.state.units.get(id);
    if (!unit) return null;
    const edges = this.state.edgesByUnit.get(id) ?? [];
    const sectionOf = (item: ItemRecord) => (item.sectionId === null ? null : (this.state.sections.get(item.sectionId) ?? null));
    const entries = edges
      .filter((edge) => query.role === undefined || edge.role === query.role)
      .sort(byUnitPageOrder)
      .slice(query.offset, query.offset + query.limit)
      .map((edge) => {
        const item = this.itemOf(edge);
        return { edge, item, section: sectionOf(item) };
      });
    const counts = new Map<string, { role: Role; documentId: string; items: number }>();
    const sections = new Map<string, { section: SectionRecord; items: Set<string> }>();
    const shared = new Map<string, Set<string>>();
    for (const edge of edges) {
      const key = JSON.stringify([edge.role, edge.documentId]);
      const counted = counts.get(key) ?? { role: edge.role, documentId: edge.documentId, items: 0 };
      counted.items += 1;
      counts.set(key, counted);
      const section = sectionOf(this.itemOf(edge));
      if (section) sections.set(section.id, { section, items: (sections.get(section.id)?.items ?? new Set()).add(edge.itemId) });
      for (const other of this.state.edgesByItem.get(edge.itemId) ?? []) {
        if (other.unitId !== id) shared.set(other.unitId, (shared.get(other.unitId) ?? new Set()).add(edge.itemId));
      }
    }
    return buildUnitPage(
      {
        unit,
        entries,
        counts: [...counts.values()],
        sections: [...sections.values()].map(({ section, items }) => ({ section, items: items.size })),
        sectionCount: sections.size,
        partners: [...shared].map(([unitId, items]) => ({ unit: this.unitOf(unitId), sharedItems: items.size })),
        documents: [...new Set(edges.map((edge) => edge.documentId))].flatMap((documentId) => this.state.documents.get(documentId)?.document ?? []),
      },
      query,
    );
  }

  async searchItems(query: ItemQuery): Promise<ItemPage> {
    const { q, section, role, unit, page, pageSize, ...scope } = validated(ItemQuerySchema, query, 'query');
    const needle = normaliseQuery(q);
    const documentIds = this.documentsInScope(scope);
    const sectionIds = activeList(section);
    const matches = [...this.state.items.values()].filter((item) => {
      if (documentIds && !documentIds.has(item.documentId)) return false;
      if (sectionIds && (item.sectionId === null || !sectionIds.includes(item.sectionId))) return false;
      if ((role || unit) && !(this.state.edgesByItem.get(item.id) ?? []).some(
        (edge) => (!role || edge.role === role) && (!unit || edge.unitId === unit),
      )) return false;
      return !needle || [item.label, item.title, item.text].some((text) => text.toLowerCase().includes(needle));
    });
    const pageItems = matches.sort(byItemOrder).slice((page - 1) * pageSize, page * pageSize);
    return buildItemPage(
      matches.length,
      page,
      pageSize,
      pageItems.map((item) => ({ item, leads: this.owners(item.id).filter(({ edge }) => edge.role === 'lead') })),
    );
  }

  async searchUnits(query: UnitQuery): Promise<UnitSummary[]> {
    const { q, kind, function: unitFunction, level, unitJurisdiction, ...scope } = validated(UnitQuerySchema, query, 'query');
    const needle = normaliseQuery(q);
    const documentIds = this.documentsInScope(scope);
    return [...this.state.units.values()]
      .filter((unit) => (!kind || unit.kind === kind) && (!unitFunction || unit.function === unitFunction) && (!level || unit.level === level))
      .filter((unit) => inJurisdictionScope(unit.jurisdiction, { jurisdiction: unitJurisdiction }))
      .filter((unit) => !documentIds || (this.state.edgesByUnit.get(unit.id) ?? []).some((edge) => documentIds.has(edge.documentId)))
      .filter((unit) => !needle || [unit.name, unit.shortName, unit.nameEn ?? '', ...unit.aliases].some((name) => name.toLowerCase().includes(needle)))
      .sort(byId)
      .map(toUnitSummary);
  }

  protected async snapshotParts(filter: GraphFilter): Promise<SnapshotParts> {
    const documentIds = this.documentsInScope(filter);
    const sectionIds = activeList(filter.section);
    const roles = activeList(filter.role);
    const unitKinds = activeList(filter.kind);
    const unitIds = activeList(filter.unit);
    const stored = [...this.state.documents.values()].filter(({ document }) => !documentIds || documentIds.has(document.id));
    const sections = stored.flatMap((doc) => doc.sections).filter((section) => !sectionIds || sectionIds.includes(section.id));
    const items = stored
      .flatMap((doc) => doc.items)
      .filter((item) => !sectionIds || (item.sectionId !== null && sectionIds.includes(item.sectionId)));
    const responsibilities = items.flatMap((item) =>
      (this.state.edgesByItem.get(item.id) ?? []).filter(
        (edge) =>
          (!roles || roles.includes(edge.role)) &&
          (!unitKinds || unitKinds.includes(this.unitOf(edge.unitId).kind)) &&
          (!unitIds || unitIds.includes(edge.unitId)),
      ),
    );
    return {
      documents: stored.map(({ document }) => document),
      sections,
      units: [...new Set(responsibilities.map((edge) => edge.unitId))].map((id) => this.unitOf(id)),
      items,
      responsibilities,
    };
  }

  async commitments(input: DocumentScope = {}): Promise<ItemCommitments[]> {
    const documentIds = this.documentsInScope(validated(DocumentScopeSchema, input, 'scope'));
    return [...this.state.documents.values()]
      .filter(({ document }) => !documentIds || documentIds.has(document.id))
      .sort((a, b) => (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0))
      .flatMap((stored) => stored.commitments);
  }

  async stats(): Promise<StoreStats> {
    const stats = emptyStats();
    const { documents, sections, items, units } = this.state;
    stats.nodes.Document = documents.size;
    stats.nodes.Section = sections.size;
    stats.nodes.Item = items.size;
    stats.nodes.Unit = units.size;
    for (const unit of units.values()) stats.nodes[UNIT_KIND_LABEL[unit.kind]] = (stats.nodes[UNIT_KIND_LABEL[unit.kind]] ?? 0) + 1;
    for (const item of items.values()) {
      const type = item.sectionId === null ? 'PART_OF' : 'IN_SECTION';
      stats.relationships[type] = (stats.relationships[type] ?? 0) + 1;
    }
    stats.relationships.PART_OF = (stats.relationships.PART_OF ?? 0) + sections.size;
    for (const edges of this.state.edgesByItem.values()) {
      for (const edge of edges) {
        const type = ROLE_RELATIONSHIP[edge.role];
        stats.relationships[type] = (stats.relationships[type] ?? 0) + 1;
      }
    }
    // The :Jurisdiction nodes Neo4j keeps: those something is OF or CONCERNS or a region INCLUDES, with their chains.
    const ofCodes = [
      ...[...documents.values()].flatMap(({ document }) => document.jurisdiction?.code ?? []),
      ...[...units.values()].map((unit) => unit.jurisdiction),
    ];
    const places = placeNodes([...documents.values()].flatMap((stored) => stored.commitments));
    const chains = jurisdictionChains([...ofCodes, ...places.jurisdictionCodes]);
    const known = new Set(chains.map(({ jurisdiction }) => jurisdiction.code));
    stats.nodes.Jurisdiction = chains.length;
    stats.relationships.OF = ofCodes.filter((code) => known.has(code)).length;
    stats.relationships.WITHIN = chains.filter(({ parent }) => parent !== null).length;
    stats.nodes.Place = places.places.length;
    stats.nodes.Region = places.regions.length;
    stats.relationships.CONCERNS = places.concerns;
    stats.relationships.INCLUDES = places.regions.reduce((sum, region) => sum + region.members.filter((code) => known.has(code)).length, 0);
    return stats;
  }

  async saveView(view: SavedView): Promise<void> {
    const valid = SavedViewSchema.parse(view);
    if (this.views.has(valid.id)) throw new InvalidInputError('id', `a saved view ${valid.id} already exists`);
    this.views.set(valid.id, valid);
  }

  async listViews(): Promise<SavedViewSummary[]> {
    return [...this.views.values()].map(summariseView).sort(byNewest);
  }

  async getView(id: string): Promise<SavedView | null> {
    return this.views.get(id) ?? null;
  }

  async deleteView(id: string): Promise<boolean> {
    return this.views.delete(id);
  }

  async communityMemory(): Promise<CommunityMemory | null> {
    return this.communities;
  }

  async rememberCommunities(memory: CommunityMemory): Promise<void> {
    this.communities = CommunityMemorySchema.parse(memory);
  }

  private summaryOf({ document, sections, items, responsibilities }: StoredDocument): DocumentSummary {
    return buildDocumentSummary(document, { sections: sections.length, items: items.length, responsibilities: responsibilities.length });
  }

  /** The ids of the documents a scope selects; null when it selects them all. */
  private documentsInScope(scope: DocumentScope): Set<string> | null {
    if (!scopesDocuments(scope)) return null;
    const listed = activeList(scope.document);
    const ids = [...this.state.documents.values()]
      .map(({ document }) => document)
      .filter((document) => !listed || listed.includes(document.id))
      .filter((document) => inYearScope(document.year, scope))
      .filter((document) => inJurisdictionScope(document.jurisdiction?.code, scope))
      .map((document) => document.id);
    return new Set(ids);
  }

  private owners(itemId: string): Owned[] {
    return (this.state.edgesByItem.get(itemId) ?? []).map((edge) => ({ edge, unit: this.unitOf(edge.unitId) }));
  }

  /** The state keeps every referenced unit and item; a miss is a bug in this module, not bad input. */
  private unitOf(id: string): Unit {
    const unit = this.state.units.get(id);
    if (!unit) throw new Error(`memory store: unit ${id} is referenced but missing`);
    return unit;
  }

  private itemOf(edge: ResponsibilityRecord): ItemRecord {
    const item = this.state.items.get(edge.itemId);
    if (!item) throw new Error(`memory store: item ${edge.itemId} is referenced but missing`);
    return item;
  }
}
