/**
 * The analytics commands on the embedded store (seeds loaded at start). Two runs go through the
 * real binary, as a person runs it; the others run the same commands in-process, which is the
 * same code without a process start each (seconds apiece on a busy machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { GapReportSchema, NetworkReportSchema, WorkloadReportSchema } from '../../graph/analytics';
import { ProvenanceSchema, WORKLOAD_COLUMNS } from '../../graph/export';
import { registerExport } from '../../scripts/commands/export';
import { registerGaps } from '../../scripts/commands/gaps';
import { registerMetrics } from '../../scripts/commands/metrics';
import { registerWorkload } from '../../scripts/commands/workload';
import { runCliInProcess } from '../support/cliInProcess';
import { itemLabel, SEED_ID } from './seed';

const ROOT = join(__dirname, '..', '..');

/** The embedded store, whatever the developer's shell has. */
const embeddedEnv = () => {
  const env = { ...process.env };
  delete env.NEO4J_URI;
  return env;
};

/** Through the real binary: exit status, stdout, stderr. */
function spawnCli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/cli.ts', ...args, '--document', SEED_ID], {
    cwd: ROOT,
    env: embeddedEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** In-process: the same commands on a fresh program (tests/support/cliInProcess.ts), on the seed. */
const cli = (...args: string[]) => runCliInProcess([registerWorkload, registerGaps, registerMetrics, registerExport], [...args, '--document', SEED_ID]);

describe('cli workload', () => {
  test('--format json ranks 省工业和信息化厅 first with 7 leads and 10 co-responsibilities', async () => {
    const { status, stdout } = await cli('workload', '--format', 'json');
    expect(status).toBe(0);
    const report = WorkloadReportSchema.parse(JSON.parse(stdout));
    expect(report.rows[0]).toMatchObject({ rank: 1, unit: { shortName: '省工业和信息化厅' }, counts: { lead: 7, co: 10 } });
  });

  test('the table states the ranking, the overload rule with its thresholds, and the concentration', () => {
    const { status, stdout } = spawnCli('workload');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toMatch(/^\s*1\s+省工业和信息化厅\s+department\s+7\s+10\s+0\s+0\s+0\s+31\s+22\.6%\s+yes$/);
    expect(stdout).toContain('overload rule: A unit is overloaded when its weighted load is above Q3 + 1.5 × IQR');
    expect(stdout).toMatch(/department: 26 units, Q1 1, Q3 4, IQR 3, threshold 8\.5/);
    expect(stdout).toMatch(/top-1 22\.6%, top-3 40\.9%, Gini 0\.\d+, HHI 0\.\d+/);
  });

  test('--format csv with --weights gives the table re-weighted', async () => {
    const { status, stdout } = await cli('workload', '--format', 'csv', '--weights', 'lead:5,co:2');
    expect(status).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...WORKLOAD_COLUMNS]);
    expect(rows[0]).toMatchObject({ rank: '1', name: expect.stringContaining('工业和信息化厅'), weightedLoad: String(7 * 5 + 10 * 2) });
  });

  test.each([
    [['--weights', 'lead:heavy'], '--weights'],
    [['--weights', 'boss:3'], '--weights'],
    // The CLI's old syntax: one syntax everywhere now, the API's.
    [['--weights', 'lead=3'], '--weights'],
    [['--resolution', '-1'], '--resolution'],
    [['--format', 'xml'], '--format'],
    [['--kind', 'ministry'], '--kind'],
  ])('bad input %j: exit 1 and a message naming %s', async (args, flag) => {
    const { status, stdout, stderr } = await cli('workload', ...args);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^error: ${flag}: `));
  });

  test('an unknown document is an error naming it, not an empty table', async () => {
    const { status, stderr } = await cli('workload', '--document', 'no-such-plan');
    expect(status).toBe(1);
    expect(stderr).toContain("--document: unknown document no-such-plan");
  });
});

describe('cli gaps', () => {
  test('lists every seed item that has no 牵头, each with its clause quoted', () => {
    const { status, stdout } = spawnCli('gaps');
    expect(status).toBe(0);
    for (const no of [1, 3, 4, 9, 15, 20, 21, 25, 29, 30, 32, 33, 34]) {
      expect(stdout).toMatch(new RegExp(`^${itemLabel(no)} .*\\n  clause \\d+–\\d+: [(（].*[)）]\\n(  - .*\\n)*  - no-lead: `, 'm'));
    }
    expect(stdout).toContain('13 of 34 items have gaps (no-lead 13, generic-only 0, inferred-lead 0, diffusion 8, unknown-unit 0).');
  });

  test('--format json validates against the schema', async () => {
    const { status, stdout } = await cli('gaps', '--format', 'json', '--diffusion-threshold', '4');
    expect(status).toBe(0);
    expect(GapReportSchema.parse(JSON.parse(stdout)).parameters.diffusionThreshold).toBe(4);
  });
});

describe('cli metrics', () => {
  test('--format json: the network report with the seed and resolution given', async () => {
    const { status, stdout } = await cli('metrics', '--format', 'json', '--seed', '7', '--resolution', '1.2');
    expect(status).toBe(0);
    const report = NetworkReportSchema.parse(JSON.parse(stdout));
    expect(report.parameters).toMatchObject({ seed: 7, resolution: 1.2 });
    expect(report.graph.nodes).toBe(44);
  });

  test('the table names communities by their units', async () => {
    const { status, stdout } = await cli('metrics');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Louvain \(resolution 1, seed 42\): \d+ communities, modularity 0\.\d+/);
    expect(stdout).toContain('省工业和信息化厅');
  });
});

describe('cli export', () => {
  test.each([
    ['csv', ['nodes.csv', 'edges.csv', 'responsibilities.csv', 'workload.csv', 'provenance.json', 'places.csv', 'deadlines.csv', 'targets.csv']],
    ['graphml', ['coordination.graphml', 'unit-item-place.graphml']],
    ['gexf', ['coordination.gexf', 'unit-item-place.gexf']],
    ['json', ['report.json', 'cytoscape.json']],
  ])('--format %s writes %j into --out', async (format, names) => {
    const out = mkdtempSync(join(tmpdir(), 'export-'));
    const { status, stdout } = await cli('export', '--format', format, '--out', out);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(names.map((name) => join(out, name)));
    for (const name of names) expect(existsSync(join(out, name))).toBe(true);
    if (format === 'csv') {
      const provenance = ProvenanceSchema.parse(JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8')));
      expect(provenance.documents.map((d) => d.id)).toEqual([SEED_ID]);
    }
  });

  test('without --out: exit 1 naming it', async () => {
    const { status, stderr } = await cli('export', '--format', 'csv');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: --out: /);
  });
});
