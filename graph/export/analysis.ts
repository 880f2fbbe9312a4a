/**
 * The analytics every export draws on, computed once per export with one parameter set, and
 * joined into one row per unit (workload + network metrics).
 */
import {
  buildCoordinationNetwork,
  computeWorkload,
  networkReport,
  NetworkOptionsSchema,
  type CommunityAssignment,
  type CoordinationGraph,
  type NetworkReport,
  type NodeMetrics,
  type WorkloadReport,
  type WorkloadRow,
} from '../analytics';
import type { Snapshot } from '../store/types';
import { buildProvenance, exportParameters } from './provenance';
import type { ExportOptions, ExportParameters, Provenance } from './types';

export type UnitRow = WorkloadRow & Omit<NodeMetrics, 'unit'>;

export interface Analysis {
  parameters: ExportParameters;
  provenance: Provenance;
  workload: WorkloadReport;
  graph: CoordinationGraph;
  network: NetworkReport;
  /** One row per unit of the network, in workload order (highest load first). */
  units: UnitRow[];
  /** The remembered partition the community numbers were matched to, if any. */
  previousCommunities?: CommunityAssignment | null;
}

/** `previousCommunities`: the remembered partition whose numbers the communities keep (see computeNetworkMetrics). */
export function analyse(snapshot: Snapshot, options: ExportOptions = {}, previousCommunities?: CommunityAssignment | null): Analysis {
  const { parameters } = exportParameters(options);
  const workload = computeWorkload(snapshot, parameters);
  const graph = buildCoordinationNetwork(snapshot, parameters);
  const network = networkReport(graph, NetworkOptionsSchema.parse(parameters), previousCommunities);
  const metricsOf = new Map(network.nodes.map(({ unit, ...metrics }) => [unit.id, metrics]));
  const units = workload.rows.flatMap((row) => {
    const metrics = metricsOf.get(row.unit.id);
    return metrics ? [{ ...row, ...metrics }] : [];
  });
  return { parameters, provenance: buildProvenance(snapshot, options), workload, graph, network, units, previousCommunities };
}
