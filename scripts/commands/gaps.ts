/** `cli gaps`: every item with an accountability gap, its reasons, and its clause quoted. */
import type { Command } from 'commander';
import { findGaps, type GapReport } from '../../graph/analytics';
import { addAnalyticsOptions, analyticsParameters, checkFormat, loadSnapshot, type AnalyticsFlags } from './analyticsCli';

const FORMATS = ['text', 'json'];

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
  addAnalyticsOptions(program.command('gaps').description('list items with no lead, only generic owners, inferred leads, diffused or unknown owners'), FORMATS).action(
    async (flags: AnalyticsFlags) => {
      checkFormat(flags, FORMATS);
      const report = findGaps(await loadSnapshot(flags), analyticsParameters(flags));
      process.stdout.write(`${flags.format === 'json' ? JSON.stringify(report, null, 2) : formatGaps(report)}\n`);
    },
  );
}
