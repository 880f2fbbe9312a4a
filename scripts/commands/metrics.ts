/** `cli metrics`: the coordination network's graph figures, communities and node centralities. */
import type { Command } from 'commander';
import { computeNetworkMetrics, type NetworkReport } from '../../graph/analytics';
import { asJson, fixed, registerReportCommand, textTable } from './analyticsCli';

export function formatMetrics(report: NetworkReport): string {
  const { graph, partition, parameters } = report;
  const names = new Map(report.nodes.map((n) => [n.unit.id, n.unit.shortName]));
  return [
    `coordination network (${parameters.weighting}${parameters.includeGeneric ? ', generic placeholders included' : ''}): ` +
      `${graph.nodes} units, ${graph.edges} ties (total weight ${graph.totalWeight}), density ${fixed(graph.density)}, ` +
      `${graph.components} components, average clustering ${fixed(graph.averageClustering)}`,
    `Louvain (resolution ${parameters.resolution}, seed ${parameters.seed}): ${partition.count} communities, modularity ${fixed(partition.modularity)}`,
    ...partition.communities.map((c) => `  ${c.id} (${c.size}): ${c.members.map((m) => names.get(m) ?? m).join('、')}`),
    '',
    textTable(
      ['unit', 'degree', 'wdegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'core', 'community'],
      report.nodes.map((n) => [
        n.unit.shortName, n.degree, n.weightedDegree, fixed(n.betweenness), fixed(n.closeness), fixed(n.eigenvector),
        fixed(n.pagerank), n.coreNumber, n.community,
      ]),
    ),
  ].join('\n');
}

export function registerMetrics(program: Command): void {
  registerReportCommand(program, 'metrics', 'centralities, k-cores and Louvain communities of the unit coordination network', {
    table: (snapshot, parameters) => formatMetrics(computeNetworkMetrics(snapshot, parameters)),
    json: (snapshot, parameters) => asJson(computeNetworkMetrics(snapshot, parameters)),
  });
}
