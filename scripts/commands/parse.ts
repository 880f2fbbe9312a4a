/**
 * `parse <file> [--format json|table]`: one work plan through the parser. JSON is the
 * ParsedDocument record other tools rely on; the table is a summary for a person.
 */
import type { Command } from 'commander';
import { ParseError } from '../../graph/errors';
import { ROLES, type ParsedDocument } from '../../graph/model';
import { readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { jurisdictionOption } from './jurisdictionOption';

const FORMATS = ['json', 'table'] as const;

/** Items with their units by role, then the warnings with where they are. */
export function formatTable(parsed: ParsedDocument): string {
  const { document } = parsed;
  const lines = [
    `${document.title}${document.issuer ? ` — ${document.issuer}` : ''}${document.publishedAt ? ` (${document.publishedAt})` : ''}`,
    `${parsed.sections.length} sections, ${parsed.items.length} items, ${parsed.warnings.length} warnings` +
      (document.firstListedLeads ? '; the document declares that the first-listed unit leads' : ''),
    '',
  ];
  for (const item of parsed.items) {
    lines.push(`${item.label} ${item.title}`);
    if (item.clause === null) lines.push('    (no clause)');
    for (const role of ROLES) {
      const units = item.assignments.filter((a) => a.role === role);
      if (units.length === 0 && role !== 'lead') continue;
      const names = units.map((a) => `${a.nameAsWritten}${a.inferred ? ' (inferred)' : ''}${a.generic ? ' (generic)' : ''}${a.provisional ? ' (unregistered)' : ''}`);
      lines.push(`    ${role.padEnd(9)} ${names.length > 0 ? names.join('、') : '—'}`);
    }
  }
  if (parsed.warnings.length > 0) {
    lines.push('', 'warnings:');
    for (const w of parsed.warnings) lines.push(`  ${w.file ?? document.source}:${w.line}:${w.column}: ${w.code}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse one work plan (UTF-8 or GB18030) and print its items, responsibilities and warnings')
    .argument('<file>', 'the document; a <name>.meta.json sidecar beside it is read when present')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'json')
    .option('--registry <path>', 'unit registry file (default seeds/units.json)')
    .option(...jurisdictionOption)
    .action((file: string, options: { format: string; registry?: string; jurisdiction?: string }) => {
      if (!FORMATS.includes(options.format as (typeof FORMATS)[number]))
        throw new Error(`--format must be one of ${FORMATS.join(', ')}, not '${options.format}'`);
      let parsed: ParsedDocument;
      try {
        parsed = readDocumentFile(file, loadRegistry(options.registry), options.jurisdiction ? { jurisdiction: options.jurisdiction } : {});
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        // Already `file:line:column: message`, the form editors and CI logs link to.
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(parsed, null, 2)}\n` : formatTable(parsed));
    });
}
