/** The `parse` command as a person or a script runs it: exit codes, JSON on stdout, errors on stderr. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParsedDocumentSchema } from '../../graph/model';

const ROOT = join(__dirname, '..', '..');
const SEED = 'seeds/documents/guangdong-digital-economy-2023.txt';

function cli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/cli.ts', 'parse', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli parse', () => {
  test('--format json: exit 0 and a ParsedDocument with the 34 items', () => {
    const { status, stdout, stderr } = cli(SEED, '--format', 'json');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const parsed = ParsedDocumentSchema.parse(JSON.parse(stdout));
    expect(parsed.items).toHaveLength(34);
    expect(parsed.document).toMatchObject({ id: 'guangdong-digital-economy-2023', publishedAt: '2023-04-01', source: SEED });
    expect(parsed.items[1]!.assignments.map((a) => `${a.role}:${a.nameAsWritten}`)).toEqual(['lead:省工业和信息化厅', 'co:省税务局', 'co:省通信管理局', 'implement:相关市政府']);
  });

  test('--format table: items with their lead and co units, and the warnings', () => {
    const { status, stdout } = cli(SEED, '--format', 'table');
    expect(status).toBe(0);
    expect(stdout).toContain('（二） 发展软件与信息技术服务业\n    lead      省工业和信息化厅\n    co        省税务局、省通信管理局\n    implement 相关市政府 (generic)');
    expect(stdout).toContain('（一） 加快数字产业集群建设\n    lead      —');
    expect(stdout).toMatch(new RegExp(`${SEED}:12:\\d+: no-lead: item （一） names no lead unit`));
  });

  test('--jurisdiction overrides detection; a place the table cannot tell is refused before any file is read', () => {
    const district = join(mkdtempSync(join(tmpdir(), 'cli-')), 'district.txt');
    writeFileSync(district, '区2024年工作方案\n一、任务\n（一）推进。（区财政局牵头）\n');
    const { status, stdout } = cli(district, '--jurisdiction', '武侯区');
    expect(status).toBe(0);
    const parsed = ParsedDocumentSchema.parse(JSON.parse(stdout));
    expect(parsed.document.jurisdiction).toEqual({ code: '510107', name: '武侯区', level: 'county' });
    expect(parsed.items[0]!.assignments[0]!.unitId).toBe('cn.510107.finance');
    const refused = cli(district, '--jurisdiction', '朝阳区');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("'朝阳区' is no GB/T 2260 code or place name known uniquely");
  });

  test('a document that cannot be parsed: exit 1 and one file:line:col line on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from('工作要点\n', 'utf8'), Buffer.from([0xff, 0xfe, 0x00, 0x81])]));
    const { status, stdout, stderr } = cli(bad);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${bad}:2:1: the bytes are neither UTF-8 nor GB18030/GBK text (first byte that is not UTF-8: 0xff)\n`);
  });

  test('an unknown format is refused', () => {
    const { status, stderr } = cli(SEED, '--format', 'xml');
    expect(status).toBe(1);
    expect(stderr).toContain('--format must be one of json, table');
  });
});
