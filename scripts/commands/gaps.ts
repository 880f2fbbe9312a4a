/** `cli gaps`: every item with an accountability gap, its reasons, and its clause quoted. */
import type { Command } from 'commander';
import { findGaps, type GapReport } from '../../graph/analytics';
import { asJson, registerReportCommand } from './analyticsCli';

export function formatGaps(report: GapReport): string {
  const lines = report.gaps.flatMap((gap) => [
    `${gap.item.label} ${gap.item.title}  [${gap.item.documentId}, ${gap.item.id}]`,
    gap.clause ? `  clause ${gap.clause.start}–${gap.clause.end}: ${gap.clause.text}` : '  no clause',
    ...gap.reasons.map((r) => `  - ${r.code}: ${r.message}`),
  ]);
  const counts = Object.entries(report.counts).map(([code, n]) => `${code} ${n}`).join(', ');
  return [...lines, '', `${report.gaps.length} of ${report.itemsExamined} items have gaps (${counts}).`].join('\n');
}

export function registerGaps(program: Command): void {
  registerReportCommand(
    program,
    'gaps',
    'list items with no lead, only generic owners, inferred leads, diffused or unknown owners',
    {
      text: (snapshot, parameters) => formatGaps(findGaps(snapshot, parameters)),
      json: (snapshot, parameters) => asJson(findGaps(snapshot, parameters)),
    },
  );
}
