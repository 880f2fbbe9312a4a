/**
 * The analytics every export draws on, computed once per export with one parameter set, and
 * joined into one row per unit (workload + network metrics).
 */
import {
  buildCoordinationNetwork,
  countHeld,
  networkReport,
  NetworkOptionsSchema,
  type CommunityAssignment,
  type CoordinationGraph,
  type HeldCounts,
  type NetworkReport,
  type WorkloadReport,
  workloadReport,
} from '../analytics';
import type { Snapshot } from '../model';
import { buildProvenance, exportParameters } from './provenance';
import type { ExportOptions, ExportParameters, Provenance } from './types';

import type { UnitRow } from './unitAttributes';

export type { UnitRow };

export interface Analysis {
  parameters: ExportParameters;
  provenance: Provenance;
  workload: WorkloadReport;
  graph: CoordinationGraph;
  network: NetworkReport;
  /** One row per unit of the network, in workload order (highest load first). */
  units: UnitRow[];
}

/** `previousCommunities`: the remembered partition whose numbers the communities keep (see computeNetworkMetrics). */
export function analyse(snapshot: Snapshot, options: ExportOptions = {}, previousCommunities?: CommunityAssignment | null): Analysis {
  const { parameters } = exportParameters(options);
  return analyseParts({ held: countHeld(snapshot), graph: buildCoordinationNetwork(snapshot, parameters), documents: snapshot.documents }, options, previousCommunities);
}

/** What an analysis is made of: the workload counts, the coordination graph and the documents they come from. */
export interface AnalysisParts {
  held: HeldCounts;
  graph: CoordinationGraph;
  documents: Pick<Snapshot['documents'][number], 'id' | 'title' | 'sha256'>[];
}

/** The analysis of parts already computed (per document, by graph/precompute) rather than of one snapshot. */
export function analyseParts(
  { held, graph, documents }: AnalysisParts,
  options: ExportOptions = {},
  previousCommunities?: CommunityAssignment | null,
): Analysis {
  const { parameters } = exportParameters(options);
  const workload = workloadReport(held, parameters);
  const network = networkReport(graph, NetworkOptionsSchema.parse(parameters), previousCommunities);
  const metricsOf = new Map(network.nodes.map(({ unit, ...metrics }) => [unit.id, metrics]));
  const units = workload.rows.flatMap((row) => {
    const metrics = metricsOf.get(row.unit.id);
    return metrics ? [{ ...row, ...metrics }] : [];
  });
  return { parameters, provenance: buildProvenance({ documents }, options), workload, graph, network, units };
}
