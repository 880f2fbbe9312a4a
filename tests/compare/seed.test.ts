/**
 * The seed against itself, and against a hand-written 2024 edit of it (tests/fixtures/compare/): the
 * edits are listed here one by one, and the whole output is held in a golden file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  comparePairsCsv,
  comparePlans,
  compareProvenance,
  compareUnitsCsv,
  CompareOptionsSchema,
  PAIR_COLUMNS,
  planFromParsed,
  UNIT_COLUMNS,
  unitNames,
  type Comparison,
} from '../../graph/compare';
import { readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { registerCompare } from '../../scripts/commands/compare';
import { runCliInProcess } from '../support/cliInProcess';

const ROOT = join(__dirname, '..', '..');
const SEED_FILE = join(ROOT, 'seeds/documents/guangdong-digital-economy-2023.txt');
const EDIT_FILE = join(ROOT, 'tests/fixtures/compare/guangdong-digital-economy-2024.txt');
const registry = loadRegistry();
const seed = planFromParsed(readDocumentFile(SEED_FILE, registry), registry);
const edited = planFromParsed(readDocumentFile(EDIT_FILE, registry), registry);
const item = (year: number, no: number) => `guangdong-digital-economy-${year}/item-${no}`;
const noChanges = { leadsAdded: [], leadsRemoved: [], coAdded: [], coRemoved: [], roleChanges: [] };

/** The compare command in-process, on the embedded store (document ids) or files: its stdout, or its error thrown. */
async function cli(...args: string[]): Promise<string> {
  const { status, stdout, stderr } = await runCliInProcess([registerCompare], args);
  if (status !== 0) throw new Error(stderr);
  return stdout;
}

describe('compare on the seed', () => {
  it('reports 34 continued and nothing else against itself', () => {
    const comparison = comparePlans(seed, seed);
    expect(comparison.pairs).toHaveLength(34);
    expect(comparison.pairs.every((p) => p.status === 'continued' && p.oldItem === p.newItem && p.similarity === 1)).toBe(true);
    expect(comparison.pairs.every((p) => JSON.stringify(p.changes) === JSON.stringify(noChanges))).toBe(true);
    expect([comparison.added, comparison.dropped]).toEqual([[], []]);
    expect(comparison.units.every((u) => JSON.stringify(u.before) === JSON.stringify(u.after))).toBe(true);
  });

  it('says the same through the CLI, with the seed as a loaded document id', async () => {
    const comparison = JSON.parse(await cli('compare', 'guangdong-digital-economy-2023', 'guangdong-digital-economy-2023')) as Comparison;
    expect(comparison).toEqual(comparePlans(seed, seed));
  });
});

describe('compare on the hand-written 2024 edit of the seed', () => {
  const comparison = comparePlans(seed, edited);
  const pair = (oldNo: number) => comparison.pairs.find((p) => p.oldItem === item(2023, oldNo));

  it('reports exactly the edits made', () => {
    // (三) 发展硅能源产业 and (二十八) 发展数字应急 were dropped; 发展人工智能产业 and 完善数字经济统计监测 were added.
    expect(comparison.dropped).toEqual([item(2023, 3), item(2023, 28)]);
    expect(comparison.added).toEqual([item(2024, 5), item(2024, 34)]);
    // Later items renumber: (四) is now (三), (二十九) is now (二十八), and so on.
    expect(comparison.pairs.map((p) => [p.oldItem, p.newItem])).toEqual(
      [1, 2, 4, 5, ...Array.from({ length: 22 }, (_x, i) => i + 6), 29, 30, 31, 32, 33, 34].map((no) => [
        item(2023, no),
        item(2024, no === 4 || no === 5 ? no - 1 : no >= 29 ? no - 1 : no),
      ]),
    );
    // Revised: (十八) rewritten heavily, (二十三) one sentence reworded. (四) changed only 2023 → 2024: continued.
    expect(comparison.pairs.filter((p) => p.status === 'revised').map((p) => p.oldItem)).toEqual([item(2023, 18), item(2023, 23)]);
    expect(pair(4)!.status).toBe('continued');
    expect(pair(4)!.similarity).toBeLessThan(1);
    // (二十一) moved from section 五 to section 六: the same item, continued.
    expect(pair(21)).toMatchObject({ newItem: item(2024, 21), status: 'continued' });
    expect(edited.items.find((i) => i.id === item(2024, 21))!.section).toBe(6);
  });

  it('reports the owner changes, and 广东银保监局 → 国家金融监督管理总局广东监管局 as a rename', () => {
    const changed = comparison.pairs.filter((p) => p.changes.roleChanges.length > 0).map((p) => [p.oldItem, p.changes]);
    expect(changed).toEqual([
      [item(2023, 7), { ...noChanges, coAdded: ['gd.dept.science-technology'], roleChanges: [{ unitId: 'gd.dept.science-technology', before: [], after: ['co'] }] }],
      [
        item(2023, 14),
        {
          leadsAdded: ['gd.dept.development-reform'],
          leadsRemoved: ['gd.dept.industry-it'],
          coAdded: ['gd.dept.industry-it'],
          coRemoved: ['gd.dept.development-reform'],
          roleChanges: [
            { unitId: 'gd.dept.development-reform', before: ['co'], after: ['lead'] },
            { unitId: 'gd.dept.industry-it', before: ['lead'], after: ['co'] },
          ],
        },
      ],
      [item(2023, 19), { ...noChanges, coRemoved: ['gd.dept.agriculture'], roleChanges: [{ unitId: 'gd.dept.agriculture', before: ['co'], after: [] }] }],
    ]);
    const renamed = comparison.units.find((u) => u.unitId === 'gd.central.nfra-guangdong')!;
    expect(renamed.before).toEqual(renamed.after);
    expect(comparison.units.some((u) => u.unitId === 'gd.central.cbirc-guangdong')).toBe(false);
    expect(seed.items.find((i) => i.id === item(2023, 33))!.owners.some((o) => o.unitId === 'gd.central.cbirc-guangdong')).toBe(true);
  });

  it('gives exactly the golden output, through the CLI on two files', async () => {
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/compare/guangdong-digital-economy-2023-to-2024.expected.json'), 'utf8'));
    expect(JSON.parse(await cli('compare', SEED_FILE, EDIT_FILE))).toEqual(golden);
    expect(golden).toEqual(JSON.parse(JSON.stringify(comparison)));
  });

  it('exports pairs and unit deltas as CSV that starts with its header, the provenance apart with both documents’ hashes', () => {
    const provenance = compareProvenance(comparison, CompareOptionsSchema.parse({}), new Date('2026-01-01T00:00:00Z'));
    expect(provenance.documents.map((d) => d.sha256)).toEqual([seed.document.sha256, edited.document.sha256]);
    expect(comparePairsCsv(comparison).startsWith(`${PAIR_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(compareUnitsCsv(comparison, {}).startsWith(`${UNIT_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(comparePairsCsv(comparison, { excel: true })).toBe(`\uFEFF${comparePairsCsv(comparison)}`);
    const pairs = parse(comparePairsCsv(comparison), { columns: true }) as Record<string, string>[];
    expect(pairs).toHaveLength(36);
    expect(pairs.filter((row) => row.status === 'dropped').map((row) => row.oldItem)).toEqual(comparison.dropped);
    const units = parse(compareUnitsCsv(comparison, unitNames(seed, edited)), { columns: true }) as Record<string, string>[];
    expect(units.find((row) => row.unitId === 'gd.dept.science-technology')).toMatchObject({ name: '省科技厅', leadChange: '1', coChange: '1', totalChange: '2' });
  });

  it('writes the CLI’s CSV to stdout header first, and the provenance to the --provenance file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'compare-provenance-'));
    try {
      const path = join(folder, 'provenance.json');
      const stdout = await cli('compare', SEED_FILE, EDIT_FILE, '--format', 'csv-units', '--provenance', path);
      expect(stdout.startsWith(`${UNIT_COLUMNS.join(',')}\r\n`)).toBe(true);
      const recorded = JSON.parse(readFileSync(path, 'utf8'));
      expect(recorded.documents.map((d: { sha256: string }) => d.sha256)).toEqual([seed.document.sha256, edited.document.sha256]);
      expect(recorded.parameters).toMatchObject({ threshold: 0.3 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the table names the changes for a person', async () => {
    const table = await cli('compare', SEED_FILE, EDIT_FILE, '--format', 'table');
    expect(table).toContain('30 continued, 2 revised, 2 added, 2 dropped');
    expect(table).toContain('+lead 省发展改革委, -lead 省工业和信息化厅');
  });

  it('refuses a bad threshold or an unknown plan, naming it', async () => {
    await expect(cli('compare', SEED_FILE, EDIT_FILE, '--threshold', '2')).rejects.toThrow(/--threshold/);
    await expect(cli('compare', SEED_FILE, 'no-such-plan')).rejects.toThrow(/no-such-plan: neither a file nor a loaded document id/);
  });

  it('follows the two years as lineages', async () => {
    const report = JSON.parse(await cli('lineage', EDIT_FILE, 'guangdong-digital-economy-2023'));
    expect(report.documents.map((d: { year: number }) => d.year)).toEqual([2023, 2024]);
    expect(report.lineages).toHaveLength(36);
  });
});
