/**
 * The API's shapes, as types derived from the zod contract in graph/api (type-only imports:
 * nothing of it is bundled). One place, so a contract change shows up here at typecheck time.
 */
import type {
  ItemDetailResponse,
  MetricsResponse,
  NetworkResponse,
  WorkloadResponse,
} from '../../../../graph/api';

export type {
  CommunitiesResponse,
  CompareResponse,
  LineageResponse,
  DeleteDocumentResponse,
  DocumentDetailResponse,
  DocumentListResponse,
  DocumentMetadataJsonBody,
  DocumentMetadataResponse,
  SnapshotFileKind,
  GapsResponse,
  IngestPreviewResponse,
  IngestResultResponse,
  ItemDetailResponse,
  ItemPageResponse,
  MetricsResponse,
  NetworkMode,
  NetworkResponse,
  SavedViewInput,
  SavedViewListResponse,
  SavedViewResponse,
  UnitDetailResponse,
  UnitListResponse,
  UnknownUnit,
  WorkloadResponse,
  PlacesResponse,
  PlaceItemsResponse,
  TimelineResponse,
  DueResponse,
  UnmeasuredResponse,
} from '../../../../graph/api';

export type Owner = ItemDetailResponse['owners'][number];
export type Role = Owner['role'];
export type UnitSummary = Owner['unit'];
export type UnitKind = UnitSummary['kind'];
export type WorkloadRow = WorkloadResponse['rows'][number];
export type RoleWeights = WorkloadResponse['parameters']['weights'];
export type NodeMetrics = MetricsResponse['nodes'][number];
export type NetworkNodeData = NetworkResponse['elements']['nodes'][number]['data'];
export type UnitNodeData = Extract<NetworkNodeData, { type: 'unit' }>;
