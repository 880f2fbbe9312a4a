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

  it('carries the provenance in a leading # line only when asked, which readers skip as a comment', () => {
    expect(toEdgesCsv(TRICKY, { now: NOW }).content.startsWith('source,')).toBe(true);
    const file = toEdgesCsv(TRICKY, { now: NOW, seed: 9, provenanceComment: true });
    const [first] = file.content.split('\r\n');
    const provenance = ProvenanceSchema.parse(JSON.parse(first!.replace(/^# provenance: /, '')));
    expect(provenance).toEqual(file.provenance);
    expect(provenance.parameters.seed).toBe(9);
    expect(read(file.content, { comment: '#' })).toEqual(read(toEdgesCsv(TRICKY, { now: NOW }).content));
  });
});
