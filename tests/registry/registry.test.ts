import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../graph/errors';
import { UnitSchema, type ParsedDocument } from '../../graph/model';
import { loadRegistry } from '../../graph/registry';

const registry = loadRegistry();

describe('loadRegistry', () => {
  test('reads seeds/units.json and every entry validates', () => {
    const units = registry.all();
    expect(units.length).toBeGreaterThan(80);
    for (const unit of units) expect(UnitSchema.parse(unit)).toEqual(unit);
  });

  test('a malformed entry is rejected with its index and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const path = join(dir, 'units.json');
    const good = { id: 'x.one', name: '甲', shortName: '甲', nameEn: 'One', kind: 'department', jurisdiction: '440000' };
    writeFileSync(path, JSON.stringify({ version: 1, units: [good, { ...good, id: 'x.two', kind: 'ministry' }] }));
    expect(() => loadRegistry(path)).toThrow(InvalidInputError);
    expect(() => loadRegistry(path)).toThrow(/units\[1\]\.kind/);
  });

  test('a duplicate id and a file that is not JSON are named too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const unit = { id: 'x.one', name: '甲', shortName: '甲', nameEn: 'One', kind: 'department', jurisdiction: '440000' };
    writeFileSync(join(dir, 'dup.json'), JSON.stringify({ version: 1, units: [unit, unit] }));
    expect(() => loadRegistry(join(dir, 'dup.json'))).toThrow(/units\[1\]\.id.*duplicate unit id 'x\.one'/);
    writeFileSync(join(dir, 'bad.json'), '{ "version": 1, ');
    expect(() => loadRegistry(join(dir, 'bad.json'))).toThrow(/bad\.json: cannot read the unit registry/);
  });
});

describe('resolve', () => {
  test.each([
    ['省工业和信息化厅', 'gd.dept.industry-it'],
    ['工业和信息化厅', 'gd.dept.industry-it'],
    ['省工信厅', 'gd.dept.industry-it'],
    ['广东省工业和信息化厅', 'gd.dept.industry-it'],
    ['省政务服务数据管 理局', 'gd.dept.government-data'],
    ['人 民银行深圳中心支行', 'gd.central.pboc-shenzhen'],
    ['省税务局', 'gd.central.tax'],
    ['广州市', 'gd.city.guangzhou'],
    ['广州市政府', 'gd.city.guangzhou'],
    ['广州市人民政府', 'gd.city.guangzhou'],
    ['廣東省工業和信息化廳', 'gd.dept.industry-it'],
    ['相关市政府', 'generic.gd.related-cities'],
  ])('%s → %s', (name, id) => {
    expect(registry.resolve(name, '440000')?.id).toBe(id);
  });

  test("prefers the document's jurisdiction, then the national one", () => {
    expect(registry.resolve('国资委', '440000')?.id).toBe('gd.dept.sasac');
    expect(registry.resolve('国资委', '100000')?.id).toBe('cn.dept.sasac');
    expect(registry.resolve('国资委')?.id).toBe('cn.dept.sasac');
    // A national body named in a provincial document still resolves.
    expect(registry.resolve('人力资源社会保障部', '440000')?.id).toBe('cn.dept.hrss');
    // Another province's 省科技厅 is not Guangdong's.
    expect(registry.resolve('省科技厅', '330000')).toBeUndefined();
  });
});

describe('scoped resolution: a name resolves inside the issuing government\'s chain', () => {
  const FOSHAN = '440600';
  const SHENZHEN = '440300';
  const WUHOU = '510107';
  const GUANGXI = '450000';
  const idOf = (name: string, jurisdiction: string) => registry.resolve(name, jurisdiction)?.id ?? registry.provisionalUnit(name, jurisdiction).id;

  test("市财政局 is each city's own, and a Foshan bureau written in full is the same unit", () => {
    expect(idOf('市财政局', FOSHAN)).toBe('cn.440600.finance');
    expect(idOf('市财政局', SHENZHEN)).toBe('cn.440300.finance');
    expect(idOf('佛山市财政局', FOSHAN)).toBe('cn.440600.finance');
    expect(idOf('佛山市财政局', '440000')).toBe('cn.440600.finance');
    expect(idOf('广东省佛山市财政局', SHENZHEN)).toBe('cn.440600.finance');
  });

  test("省科技厅 in a Foshan plan is Guangdong's; 区统计局 in a Wuhou plan is Wuhou's; 财政部 is national everywhere", () => {
    expect(registry.resolve('省科技厅', FOSHAN)?.id).toBe('gd.dept.science-technology');
    expect(idOf('区统计局', WUHOU)).toBe('cn.510107.statistics');
    for (const place of [FOSHAN, WUHOU, GUANGXI, '440000', '100000']) expect(registry.resolve('财政部', place)?.id).toBe('cn.dept.finance');
  });

  test("a Guangxi plan's bare 工业和信息化厅 and 国资委 are Guangxi's, not Guangdong's or the State Council's", () => {
    expect(registry.resolve('工业和信息化厅', GUANGXI)).toBeUndefined();
    expect(idOf('工业和信息化厅', GUANGXI)).toBe('cn.450000.industry-it');
    expect(idOf('自治区工业和信息化厅', GUANGXI)).toBe('cn.450000.industry-it');
    expect(registry.resolve('国资委', GUANGXI)).toBeUndefined();
  });

  test('names that carry their own place stand as written', () => {
    expect(idOf('广州海关', '440000')).toBe('cn.440100.customs');
    expect(idOf('黄埔海关', '440000')).toBe('cn.440112.customs');
    expect(registry.resolve('人民银行广州分行', FOSHAN)?.id).toBe('gd.central.pboc-guangzhou');
    expect(idOf('市规划和自然资源局武侯分局', WUHOU)).toBe('cn.510100.规划和自然资源局武侯分局');
  });

  test("a city's government, however written, is the registry's city unit", () => {
    expect(registry.resolve('市政府', FOSHAN)?.id).toBe('gd.city.foshan');
    expect(registry.resolve('佛山市人民政府', WUHOU)?.id).toBe('gd.city.foshan');
  });

  test('provisional units carry jurisdiction, level and function; an English name only from both', () => {
    expect(registry.provisionalUnit('市财政局', FOSHAN)).toMatchObject({
      jurisdiction: FOSHAN, level: 'prefecture', function: 'finance', kind: 'department', nameEn: 'Foshan Municipal Finance Bureau',
    });
    const wuhou = registry.provisionalUnit('区统计局', WUHOU);
    expect(wuhou).toMatchObject({ jurisdiction: WUHOU, level: 'county', function: 'statistics' });
    expect(wuhou.nameEn).toBeUndefined(); // the registry states no English for Wuhou: none is guessed
    expect(registry.provisionalUnit('市数据交易中心', FOSHAN).nameEn).toBeUndefined(); // no function known
    expect(registry.provisionalUnit('市财政局').jurisdiction).toBe('000000');
    expect(registry.provisionalUnit('市财政局').level).toBeUndefined();
  });

  test('unknown names do not resolve', () => {
    expect(registry.resolve('省数据交易所', '440000')).toBeUndefined();
    expect(registry.resolve('广东', '440000')).toBeUndefined();
  });
});

describe('the seed entries', () => {
  test('all 21 prefecture-level cities of Guangdong are city governments', () => {
    const cities = registry.all().filter((u) => u.kind === 'city' && u.level === 'prefecture' && u.jurisdiction.startsWith('44'));
    expect(cities).toHaveLength(21);
    expect(registry.get('gd.city.guangzhou')).toMatchObject({ name: '广州市人民政府', shortName: '广州市政府', nameEn: "Guangzhou Municipal People's Government" });
  });

  test('kinds: provincial department, party organ, central agency branch, generic placeholder', () => {
    const kindOf = (name: string) => registry.resolve(name, '440000')?.kind;
    expect(kindOf('省发展改革委')).toBe('department');
    expect(kindOf('省委宣传部')).toBe('party');
    expect(kindOf('省委网信办')).toBe('party');
    expect(kindOf('省税务局')).toBe('central-branch');
    expect(kindOf('人民银行广州分行')).toBe('central-branch');
    expect(kindOf('广东证监局')).toBe('central-branch');
    expect(kindOf('各地级以上市政府')).toBe('generic');
    expect(kindOf('各有关部门和单位')).toBe('generic');
    expect(registry.resolve('省税务局', '440000')?.name).toBe('国家税务总局广东省税务局');
  });

  test('广东银保监局 points at its successor without being replaced by it', () => {
    const cbirc = registry.resolve('广东银保监局', '440000')!;
    expect(cbirc.id).toBe('gd.central.cbirc-guangdong');
    expect(cbirc.validTo).toBe('2023-05-18');
    expect(registry.successorOf(cbirc.id)).toMatchObject({ name: '国家金融监督管理总局广东监管局', validFrom: '2023-05-18' });
    expect(registry.successorOf('gd.dept.finance')).toBeUndefined();
  });

  test('no spelling names two units of one jurisdiction', () => {
    const owners = new Map<string, Set<string>>();
    for (const unit of registry.all())
      for (const spelling of [unit.name, unit.shortName, ...unit.aliases]) {
        const key = `${unit.jurisdiction}:${spelling}`;
        owners.set(key, (owners.get(key) ?? new Set()).add(unit.id));
      }
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });
});

describe('provisional units', () => {
  test('are deterministic and guess their kind', () => {
    const unit = registry.provisionalUnit('省数据 交易所', '440000');
    expect(unit).toMatchObject({ id: 'cn.440000.数据交易所', name: '省数据交易所', kind: 'department', provisional: true });
    expect(registry.provisionalUnit('省数据交易所', '440000')).toEqual(unit);
    expect(registry.provisionalUnit('潮安区政府', '440000').kind).toBe('city');
    expect(registry.provisionalUnit('省委金融办', '440000').kind).toBe('party');
    expect(registry.provisionalUnit('各街道', '440000').kind).toBe('generic');
    expect(registry.provisionalUnit('区发改局').id).toBe('cn.000000.区发改局');
  });

  test('unitsFor lists every referenced unit once, registry or provisional', () => {
    const assignment = (nameAsWritten: string, unitId: string, provisional = false) => ({
      role: 'co' as const, nameAsWritten, unitId, generic: false, inferred: false, provisional, start: 0, end: 1,
    });
    const parsed = {
      document: { id: 'd', title: 't', jurisdiction: { code: '440000', name: '广东省', level: 'province' as const }, firstListedLeads: false, sha256: '0'.repeat(64), source: 'x' },
      sections: [],
      items: [
        { id: 'd/item-1', no: 1, label: '（一）', section: null, title: '', text: '', start: 0, end: 1, clause: null, places: [], deadlines: [], targets: [],
          assignments: [assignment('省科技厅', 'gd.dept.science-technology'), assignment('省数据交易所', 'cn.440000.数据交易所', true)] },
        { id: 'd/item-2', no: 2, label: '（二）', section: null, title: '', text: '', start: 0, end: 1, clause: null, places: [], deadlines: [], targets: [],
          assignments: [assignment('省科技厅', 'gd.dept.science-technology')] },
      ],
      warnings: [],
    } satisfies ParsedDocument;
    const units = registry.unitsFor(parsed);
    expect(units.map((u) => [u.id, u.provisional])).toEqual([
      ['gd.dept.science-technology', false],
      ['cn.440000.数据交易所', true],
    ]);
  });
});
