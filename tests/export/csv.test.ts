import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { computeNetworkMetrics, computeWorkload } from '../../graph/analytics';
import {
  NODE_COLUMNS,
  ProvenanceSchema,
  RESPONSIBILITY_COLUMNS,
  toEdgesCsv,
  toNodesCsv,
  toResponsibilitiesCsv,
  toWorkloadCsv,
  WORKLOAD_COLUMNS,
} from '../../graph/export';
import { NOW, TRICKY } from './fixtures';

/** csv-parse, strict RFC 4180: header row as keys, every field as text. */
const read = (content: string, options: { comment?: string } = {}) =>
  parse(content, { columns: true, bom: true, relax_quotes: false, ...options }) as Record<string, string>[];

describe('CSV exports read back by csv-parse', () => {
  it('nodes: the documented columns, one row per unit, numbers as the analytics give them', () => {
    const file = toNodesCsv(TRICKY, { now: NOW });
    const rows = read(file.content);
    expect(Object.keys(rows[0]!)).toEqual([...NODE_COLUMNS]);
    const workload = computeWorkload(TRICKY);
    const network = computeNetworkMetrics(TRICKY);
    expect(rows.map((r) => r.id)).toEqual(workload.rows.map((r) => r.unit.id));
    for (const row of rows) {
      const metrics = network.nodes.find((n) => n.unit.id === row.id)!;
      expect(Number(row.betweenness)).toBe(metrics.betweenness);
      expect(Number(row.pagerank)).toBe(metrics.pagerank);
      expect(Number(row.community)).toBe(metrics.community);
    }
    expect(file.mediaType).toMatch(/^text\/csv; charset=utf-8/);
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes commas, quotes and newlines', () => {
    const rows = read(toNodesCsv(TRICKY, { now: NOW }).content);
    const name = (id: string) => rows.find((r) => r.id === id)!.name;
    expect(name('u.formula')).toBe(`'=HYPERLINK("http://x","点")`);
    expect(name('u.plus')).toBe(`'+科技厅 & <实验室>`);
    expect(name('u.comma')).toBe('省发展改革委, "规划" 处');
    expect(name('u.newline')).toBe('两行\n名称');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('edges: source, target, weight and the shared item labels', () => {
    const rows = read(toEdgesCsv(TRICKY, { now: NOW }).content);
    expect(Object.keys(rows[0]!)).toEqual(['source', 'target', 'weight', 'sharedItems']);
    const tie = rows.find((r) => [r.source, r.target].sort().join() === 'u.comma,u.formula')!;
    expect(tie).toMatchObject({ weight: '2', sharedItems: '（一）; （四）' });
    expect(rows.some((r) => r.source === 'u.generic' || r.target === 'u.generic')).toBe(false);
  });

  it('responsibilities: every item–unit edge with role, inference, the name as written and its offsets', () => {
    const rows = read(toResponsibilitiesCsv(TRICKY, { now: NOW }).content);
    expect(Object.keys(rows[0]!)).toEqual([...RESPONSIBILITY_COLUMNS]);
    expect(rows).toHaveLength(TRICKY.responsibilities.length);
    const inferred = rows.find((r) => r.unitId === 'u.plus')!;
    expect(inferred).toMatchObject({ role: 'lead', inferred: 'true', itemLabel: '（三）' });
    const source = TRICKY.responsibilities.find((r) => r.unitId === 'u.plus')!;
    expect([Number(inferred.start), Number(inferred.end)]).toEqual([source.start, source.end]);
    expect(rows.find((r) => r.unitId === 'u.generic')!.unitKind).toBe('generic');
  });

  it('workload: rank, counts, load and share', () => {
    const rows = read(toWorkloadCsv(TRICKY, { now: NOW }).content);
    expect(Object.keys(rows[0]!)).toEqual([...WORKLOAD_COLUMNS]);
    expect(rows[0]).toMatchObject({ rank: '1', id: 'u.plain', lead: '2', co: '1', weightedLoad: '7' });
  });

  it('starts with the header row and keeps the provenance beside the table, not in it', () => {
    const file = toEdgesCsv(TRICKY, { now: NOW, seed: 9 });
    expect(file.content.startsWith('source,target,weight,sharedItems\r\n')).toBe(true);
    expect(file.content).not.toContain('provenance');
    expect(ProvenanceSchema.parse(file.provenance).parameters.seed).toBe(9);
    expect(toNodesCsv(TRICKY, { now: NOW }).content.startsWith(`${NODE_COLUMNS.join(',')}\r\n`)).toBe(true);
  });

  it('gives Excel the same table behind a UTF-8 byte order mark when asked', () => {
    const plain = toNodesCsv(TRICKY, { now: NOW }).content;
    const excel = toNodesCsv(TRICKY, { now: NOW, excel: true }).content;
    expect(excel).toBe(`\uFEFF${plain}`);
    expect(Buffer.from(excel, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('CSV exports read by Python with no options', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'csv-python-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** csv.DictReader, and pandas.read_csv when pandas is installed, on the file as written: their rows as JSON. */
  const readInPython = (path: string) => {
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8', newline='') as f: rows = list(csv.DictReader(f))",
      'try:',
      '    import pandas',
      "    frame = pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)",
      "    framed = frame.to_dict(orient='records')",
      'except ImportError:',
      '    framed = None',
      "print(json.dumps({'rows': rows, 'pandas': framed}, ensure_ascii=False))",
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as { rows: Record<string, string>[]; pandas: Record<string, string>[] | null };
  };

  it.each([
    ['nodes', () => toNodesCsv(TRICKY, { now: NOW })],
    ['edges', () => toEdgesCsv(TRICKY, { now: NOW })],
  ])('%s.csv: the header as keys, every row and cell as csv-parse reads them (quotes, line breaks, formula guards)', (name, make) => {
    const file = make();
    const path = join(folder, `${name}.csv`);
    writeFileSync(path, file.content, 'utf8');
    const { rows, pandas } = readInPython(path);
    expect(rows).toEqual(read(file.content));
    if (pandas !== null) expect(pandas).toEqual(rows);
  });
});
