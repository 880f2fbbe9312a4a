/** `cli workload`: units ranked by weighted load, the overload rule and the concentration of the load. */
import type { Command } from 'commander';
import { computeWorkload, type WorkloadReport } from '../../graph/analytics';
import { toWorkloadCsv } from '../../graph/export';
import { asJson, fixed, percent, registerReportCommand, textTable } from './analyticsCli';

export function formatWorkload(report: WorkloadReport): string {
  const { weights } = report.parameters;
  const table = textTable(
    ['rank', 'unit', 'kind', 'lead', 'co', 'support', 'implement', 'guide', 'load', 'share', 'overloaded'],
    report.rows.map((r) => [
      r.rank, r.unit.shortName, r.unit.kind, r.counts.lead, r.counts.co, r.counts.support, r.counts.implement, r.counts.guide,
      r.weightedLoad, percent(r.share), r.overloaded ? 'yes' : '',
    ]),
  );
  const thresholds = report.overloadRule.peerGroups.map(
    (g) =>
      `  ${g.peerGroup}: ${g.units} units, Q1 ${fixed(g.q1)}, Q3 ${fixed(g.q3)}, IQR ${fixed(g.iqr)}, ` +
      (g.threshold === null ? 'too few to judge' : `threshold ${fixed(g.threshold)}, ${g.overloaded} overloaded`),
  );
  const c = report.concentration;
  return [
    `weights: ${Object.entries(weights).map(([role, w]) => `${role} ${w}`).join(', ')}${report.parameters.includeGeneric ? '; generic placeholders included' : ''}`,
    table,
    '',
    `overload rule: ${report.overloadRule.rule}`,
    `quartiles: ${report.overloadRule.quartileMethod}`,
    ...thresholds,
    '',
    `concentration over ${c.units} units (total load ${c.totalLoad}): top-1 ${percent(c.top1Share)}, top-3 ${percent(c.top3Share)}, ` +
      `Gini ${fixed(c.gini)}, HHI ${fixed(c.hhi)}`,
  ].join('\n');
}

export function registerWorkload(program: Command): void {
  registerReportCommand(program, 'workload', 'rank units by weighted load and flag the overloaded ones', {
    table: (snapshot, parameters) => formatWorkload(computeWorkload(snapshot, parameters)),
    json: (snapshot, parameters) => asJson(computeWorkload(snapshot, parameters)),
    csv: (snapshot, parameters) => toWorkloadCsv(snapshot, parameters).content.trimEnd(),
  });
}
