/**
 * Whose plan a document is, and what follows for its units: detection from issuer, title,
 * header, salutation, preamble and signature; the override; the bugs of issue 13 as reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../graph/errors';
import { findJurisdiction, chainOf, isWithin, NATIONAL_JURISDICTION, parentOf } from '../../graph/jurisdiction';
import { parseDocument, readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { MemoryStore } from '../../graph/store';

const registry = loadRegistry();
const PLANS = join(__dirname, '..', 'fixtures', 'plans');
const parse = (text: string, options: { jurisdiction?: string; sidecar?: { jurisdiction?: string } } = {}) =>
  parseDocument(text, { source: 'plan.txt', registry, ...options });
const units = (text: string, options?: { jurisdiction?: string }) =>
  parse(text, options).items.flatMap((item) => item.assignments.map((a) => `${a.role}:${a.nameAsWritten}:${a.unitId}${a.inferred ? '^' : ''}`));
const plan = (title: string, clause: string, ...extra: string[]) => [title, ...extra, '一、任务', `（一）推进工作。${clause}`].join('\n');

describe('the division table', () => {
  test('codes, full and short names, parents and chains', () => {
    expect(findJurisdiction('440600')).toEqual({ code: '440600', name: '佛山市', level: 'prefecture' });
    expect(findJurisdiction('佛山')).toEqual(findJurisdiction('佛山市'));
    expect(findJurisdiction('广西')).toEqual({ code: '450000', name: '广西壮族自治区', level: 'province' });
    expect(findJurisdiction('恩施')?.code).toBe('422800'); // the prefecture, not the county-level city of the same name
    expect(findJurisdiction('锡林郭勒盟')?.level).toBe('prefecture');
    expect(findJurisdiction('全国')).toEqual(NATIONAL_JURISDICTION);
    expect(findJurisdiction('朝阳区')).toBeUndefined(); // Beijing's and Changchun's
    expect(findJurisdiction('北京市朝阳区')?.code).toBe('110105');
    expect(chainOf('510107').map((j) => j.name)).toEqual(['武侯区', '成都市', '四川省', '全国']);
    expect(parentOf('110105')?.name).toBe('北京市'); // no 市辖区 in between
    expect(isWithin('440604', '440000')).toBe(true);
    expect(isWithin('440604', '440604')).toBe(true);
    expect(isWithin('450100', '440000')).toBe(false);
  });
});

describe('jurisdiction detection', () => {
  test('from the issuer and title, each narrowing the last', () => {
    expect(parse(plan('广东省佛山市南海区2024年工作要点', '（区财政局牵头）')).document.jurisdiction?.code).toBe('440605');
    expect(parse(plan('北京市朝阳区人民政府办公室关于印发朝阳区2024年工作要点的通知', '（区财政局牵头）')).document.jurisdiction?.code).toBe('110105');
  });

  test('a township from the county that holds it, and its own 镇 prefix', () => {
    const town = parse(plan('佛山市南海区狮山镇2024年工作要点', '（镇经济发展办牵头，镇财政所配合，区财政局指导）'));
    expect(town.document.jurisdiction).toEqual({ code: '440605124', name: '狮山镇', level: 'township' });
    expect(town.items[0]!.assignments.map((a) => a.unitId)).toEqual(['cn.440605124.经济发展办', 'cn.440605124.财政所', 'cn.440605.finance']);
    expect(chainOf('440605124').map((j) => j.name)).toEqual(['狮山镇', '南海区', '佛山市', '广东省', '全国']);
  });

  test('national for the State Council and ministries', () => {
    expect(parse(plan('国务院办公厅关于印发促进就业工作要点的通知', '（财政部牵头）')).document.jurisdiction).toEqual(NATIONAL_JURISDICTION);
    expect(parse(plan('商务部办公厅关于印发2024年工作要点的通知', '（财务司牵头）')).document.jurisdiction).toEqual(NATIONAL_JURISDICTION);
  });

  test('from the signature when the letter names no place; the salutation and preamble only when nothing else does', () => {
    const letter = ['关于印发2024年数字经济工作要点的通知', '各区人民政府，市政府各部门：', '现将工作要点印发给你们。', '一、任务', '（一）推进。（市财政局牵头）', '深圳市人民政府办公厅', '2024年3月1日'];
    expect(parse(letter.join('\n')).document.jurisdiction?.code).toBe('440300');
    const preambleOnly = ['2024年数字经济工作要点', '为推动我市数字经济发展，结合佛山市实际，制定本要点。', '一、任务', '（一）推进。（市财政局牵头）'];
    expect(parse(preambleOnly.join('\n')).document.jurisdiction?.code).toBe('440600');
    // A provincial plan's preamble may name its cities: the title's province stands.
    expect(parse(['广东省2024年工作要点', '支持广州、深圳建设国际数字城市。', '一、任务', '（一）推进。（省财政厅牵头）'].join('\n')).document.jurisdiction?.code).toBe('440000');
  });

  test('when detection fails: a jurisdiction-unknown warning, and the sidecar or the option sets it', () => {
    const text = plan('区2024年工作方案', '（区财政局牵头）');
    const unknown = parse(text);
    expect(unknown.document.jurisdiction).toBeUndefined();
    expect(unknown.warnings[0]).toMatchObject({ code: 'jurisdiction-unknown', line: 1, column: 1 });
    expect(unknown.items[0]!.assignments[0]!.unitId).toBe('cn.000000.区财政局');
    expect(parse(text, { sidecar: { jurisdiction: '武侯区' } }).items[0]!.assignments[0]!.unitId).toBe('cn.510107.finance');
    expect(parse(text, { sidecar: { jurisdiction: '440000' }, jurisdiction: '510107' }).document.jurisdiction?.name).toBe('武侯区');
    expect(() => parse(text, { jurisdiction: '朝阳区' })).toThrow(InvalidInputError);
  });
});

describe('the bugs of issue 13, as reported', () => {
  const shenzhen = '深圳市2024年数字政府工作要点';


  test.each([
    [
      '市政务服务数据管理局、公安局、人力资源社会保障局 distributes 市 to 市公安局',
      shenzhen,
      '（市政务服务数据管理局、公安局、人力资源社会保障局按职责分工负责）',
      ['co:市政务服务数据管理局:cn.440300.government-data', 'co:市公安局:cn.440300.public-security', 'co:市人力资源社会保障局:cn.440300.human-resources-social-security'],
    ],
    [
      '广州、深圳、黄埔海关 are three customs houses, not two places and a customs house',
      '广东省2024年口岸工作要点',
      '（广州、深圳、黄埔海关按职责分工负责）',
      ['co:广州海关:cn.440100.customs', 'co:深圳海关:cn.440300.customs', 'co:黄埔海关:cn.440112.customs'],
    ],
    [
      '市市场监管局、…、市政务服务数据管理局: never prefixed twice',
      shenzhen,
      '（市市场监管局、市财政局、市政务服务数据管理局按职责分工负责）',
      ['co:市市场监管局:cn.440300.market-regulation', 'co:市财政局:cn.440300.finance', 'co:市政务服务数据管理局:cn.440300.government-data'],
    ],
  ])('%s', (_case, title, clause, expected) => {
    expect(units(plan(title, clause))).toEqual(expected);
  });

  test('禅城、南海区政府 and 南宁、柳州市人民政府 share their heads', () => {
    expect(units(plan('佛山市2024年工作要点', '（禅城、南海区政府负责）'))).toEqual(['co:禅城区政府:cn.440604.government', 'co:南海区政府:cn.440605.government']);
    expect(units(plan('广西2024年工作要点', '（南宁、柳州市人民政府负责）'))).toEqual([
      'co:南宁市人民政府:cn.450100.government',
      'co:柳州市人民政府:cn.450200.government',
    ]);
  });

  test('第一个为牵头单位，下同 is a convention, neither 第一个为牵头单位 nor 下同 is a unit', () => {
    const parsed = parse([shenzhen, '一、任务', '（一）甲。（市发展改革委、市财政局，第一个为牵头单位，下同）', '（二）乙。（市财政局、市审计局）'].join('\n'));
    expect(parsed.document.firstListedLeads).toBe(true);
    expect(parsed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}${a.inferred ? '^' : ''}`))).toEqual([
      ['lead:市发展改革委^', 'co:市财政局'],
      ['lead:市财政局^', 'co:市审计局'],
    ]);
    expect(parsed.warnings.filter((w) => w.code !== 'unknown-unit')).toEqual([]);
  });

  test.each([
    ['列第一位者为牵头单位，下同'],
    ['列第一位的为牵头单位，下同'],
    ['排在第一位的为牵头单位，下同'],
    ['排名第一的为牵头单位，下同'],
    ['首位为牵头单位，下同'],
    ['排在首位的单位为牵头单位，下同'],
  ])('the convention phrased %s', (phrase) => {
    const parsed = parse([shenzhen, '一、任务', `（一）甲。（市发展改革委、市财政局，${phrase}）`, '（二）乙。（市财政局、市审计局）'].join('\n'));
    expect(parsed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}${a.inferred ? '^' : ''}`))).toEqual([
      ['lead:市发展改革委^', 'co:市财政局'],
      ['lead:市财政局^', 'co:市审计局'],
    ]);
  });

  test('a convention in a note applies from where it stands, not before', () => {
    const parsed = parse([shenzhen, '一、甲', '（一）甲。（市发展改革委、市财政局）', '二、乙', '注：本部分列第一位的为牵头单位。', '（二）乙。（市财政局、市审计局）'].join('\n'));
    expect(parsed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}${a.inferred ? '^' : ''}`))).toEqual([
      ['co:市发展改革委', 'co:市财政局'],
      ['lead:市财政局^', 'co:市审计局'],
    ]);
  });


  test('every level prefix distributes over a 、 list: 自治区, 州, 盟, 县, 区, 旗 and a place in full', () => {
    expect(units(plan('广西2024年工作要点', '（自治区发展改革委、财政厅负责）'))).toEqual(['co:自治区发展改革委:cn.450000.development-reform', 'co:自治区财政厅:cn.450000.finance']);
    expect(units(plan('延边朝鲜族自治州2024年工作要点', '（州财政局、统计局负责）'))).toEqual(['co:州财政局:cn.222400.finance', 'co:州统计局:cn.222400.statistics']);
    expect(units(plan('锡林郭勒盟2024年工作要点', '（盟财政局、统计局负责）'))).toEqual(['co:盟财政局:cn.152500.finance', 'co:盟统计局:cn.152500.statistics']);
    expect(units(plan('安吉县2024年工作要点', '（县财政局、统计局负责）'))).toEqual(['co:县财政局:cn.330523.finance', 'co:县统计局:cn.330523.statistics']);
    expect(units(plan('武侯区2024年工作要点', '（区财政局、统计局负责）'))).toEqual(['co:区财政局:cn.510107.finance', 'co:区统计局:cn.510107.statistics']);
    expect(units(plan('准格尔旗2024年工作要点', '（旗财政局、统计局负责）'))).toEqual(['co:旗财政局:cn.150622.finance', 'co:旗统计局:cn.150622.statistics']);
    expect(units(plan('广东省2024年工作要点', '（广州市发展改革委、工业和信息化局负责）'))).toEqual([
      'co:广州市发展改革委:cn.440100.development-reform',
      'co:广州市工业和信息化局:cn.440100.industry-it',
    ]);
  });

  test('a sentence in a clause is a warning with line and column, never a unit', () => {
    const parsed = parse(plan(shenzhen, '（市财政局负责，各区政府配合，按季度报送进展）'));
    expect(parsed.items[0]!.assignments.map((a) => a.nameAsWritten)).toEqual(['市财政局', '各区政府']);
    expect(parsed.warnings.find((w) => w.code === 'not-an-organisation')).toMatchObject({ line: 3, column: 24 });
  });

  test('a Guangxi plan\'s 工业和信息化厅 is Guangxi\'s, not Guangdong\'s', () => {
    expect(units(plan('广西2024年工作要点', '（工业和信息化厅牵头）'))).toEqual(['lead:工业和信息化厅:cn.450000.industry-it']);
  });

  test('a Shenzhen plan and a Foshan plan loaded together give two 市财政局 units', async () => {
    const store = new MemoryStore();
    for (const file of ['shenzhen-digital-government-2024.txt', 'foshan-manufacturing-2024.txt']) {
      const parsed = readDocumentFile(join(PLANS, file), registry);
      await store.loadDocument(parsed, registry.unitsFor(parsed));
    }
    const finance = (await store.searchUnits({ q: '财政局' })).filter((u) => u.function === 'finance');
    expect(finance.map((u) => [u.id, u.jurisdiction, u.level, u.nameEn])).toEqual([
      ['cn.440300.finance', '440300', 'prefecture', 'Shenzhen Municipal Finance Bureau'],
      ['cn.440600.finance', '440600', 'prefecture', 'Foshan Municipal Finance Bureau'],
    ]);
  });

  test('a traditional repost resolves to the same units as its original, names as written', () => {
    const ids = (file: string) => readDocumentFile(join(PLANS, file), registry).items.flatMap((i) => i.assignments.map((a) => a.unitId));
    expect(ids('shenzhen-digital-government-2024-repost.txt')).toEqual(ids('shenzhen-digital-government-2024.txt'));
    const repost = readFileSync(join(PLANS, 'shenzhen-digital-government-2024-repost.txt'), 'utf8');
    // The unit's own characters, as written, stand inside its name (distribution adds 市 before or 海關 after).
    for (const a of readDocumentFile(join(PLANS, 'shenzhen-digital-government-2024-repost.txt'), registry).items.flatMap((i) => i.assignments))
      expect(a.nameAsWritten).toContain(repost.slice(a.start, a.end));
  });
});
