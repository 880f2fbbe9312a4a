/**
 * The clause grammar (runs of units, each closed by a role marker such as 牵头 or 按职责分工负责; 、 within a run;
 * a leading 省 distributed over a list; generic placeholders; inferred leads), one realistic clause per variant.
 * Offsets returned for a string clause index into that string.
 */
import { parseResponsibilityClause, type ClauseContext } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';

const registry = loadRegistry();
const guangdong: ClauseContext = { registry, jurisdiction: '440000' };
const national: ClauseContext = { registry, jurisdiction: '100000' };

/** `role:name`, with `^` for inferred, `*` for generic, `?` for provisional. */
function roles(clause: string, context: ClauseContext = guangdong): string[] {
  return parseResponsibilityClause(clause, context).assignments.map(
    (a) => `${a.role}:${a.nameAsWritten}${a.inferred ? '^' : ''}${a.generic ? '*' : ''}${a.provisional ? '?' : ''}`,
  );
}

describe('role markers', () => {
  test('牵头, 按职责分工负责 and 落实 in one clause', () => {
    expect(roles('省工业和信息化厅牵头,省税务局、通信管理局按职责分工负责,相关市政府落实')).toEqual([
      'lead:省工业和信息化厅',
      'co:省税务局',
      'co:省通信管理局',
      'implement:相关市政府*',
    ]);
  });

  test.each([
    ['省科技厅负责', 'co'],
    ['省科技厅分工负责', 'co'],
    ['省科技厅牵头负责', 'lead'],
    ['省科技厅配合', 'support'],
    ['省科技厅参与', 'support'],
    ['省科技厅协助', 'support'],
    ['省科技厅支持', 'support'],
    ['省科技厅落实', 'implement'],
    ['省科技厅结合实际落实', 'implement'],
    ['省科技厅指导', 'guide'],
    ['省科技厅督促', 'guide'],
  ])('%s → %s', (clause, role) => {
    expect(roles(clause)).toEqual([`${role}:省科技厅`]);
  });

  test('support and guide in a labelled-free clause', () => {
    expect(roles('省政务服务数据管理局牵头，省委网信办指导，省通信管理局、省公安厅配合')).toEqual([
      'lead:省政务服务数据管理局',
      'guide:省委网信办',
      'support:省通信管理局',
      'support:省公安厅',
    ]);
  });

  test('a run spans commas: units whose prefixes differ share the next marker', () => {
    expect(roles('省委宣传部,省文化和旅游厅按职责分工负责')).toEqual(['co:省委宣传部', 'co:省文化和旅游厅']);
    expect(roles('省地方金融监管局,人民银行广州分行、人 民银行深圳中心支行按职责分工负责,广州、深圳市政府落 实')).toEqual([
      'co:省地方金融监管局',
      'co:人民银行广州分行',
      'co:人民银行深圳中心支行',
      'implement:广州市政府',
      'implement:深圳市政府',
    ]);
  });

  test('an unknown role word is reported where it stands and its units read as co-responsible', () => {
    const clause = '省科技厅统筹，省财政厅配合';
    const reading = parseResponsibilityClause(clause, guangdong);
    expect(roles(clause)).toEqual(['co:省科技厅', 'support:省财政厅']);
    expect(reading.warnings).toEqual([expect.objectContaining({ code: 'unknown-role-word', offset: clause.indexOf('统筹') })]);
  });
});

describe('prepositions', () => {
  test('由…牵头: the preposition is no part of the unit', () => {
    const clause = '由省发展改革委牵头，其他有关单位配合';
    const reading = parseResponsibilityClause(clause, guangdong);
    expect(roles(clause)).toEqual(['lead:省发展改革委', 'support:其他有关单位*']);
    expect(clause.slice(reading.assignments[0]!.start, reading.assignments[0]!.end)).toBe('省发展改革委');
  });
});

describe('deadlines in a clause', () => {
  test('name no unit', () => {
    expect(roles('省科技厅牵头，省财政厅配合，2023年12月底前完成')).toEqual(['lead:省科技厅', 'support:省财政厅']);
    expect(roles('牵头单位：省科技厅；完成时限：长期坚持')).toEqual(['lead:省科技厅']);
    expect(parseResponsibilityClause('省科技厅牵头，2024年底前完成', guangdong).warnings).toEqual([]);
  });
});

describe('distribution', () => {
  test('a leading 省 carries over a 、 list', () => {
    expect(roles('省发展改革委、科技厅、工业和 信息化厅按职责分工负责')).toEqual(['co:省发展改革委', 'co:省科技厅', 'co:省工业和信息化厅']);
  });

  test('省 carries over to names that merely begin with 市 (市场监管局)', () => {
    expect(roles('省发展改革委、市场监管局按职责分工负责')).toEqual(['co:省发展改革委', 'co:省市场监管局']);
  });

  test('省委 carries over as 省委', () => {
    expect(roles('省委组织部、宣传部按职责分工负责')).toEqual(['co:省委组织部', 'co:省委宣传部']);
  });

  test('units with their own prefix stand as written', () => {
    expect(roles('省发展改革委、科技厅、工业和信息化厅、财政厅、地方金融监管局,人民银行广州分行、广东银保监局、广东证监局按职责分工负责')).toEqual([
      'co:省发展改革委',
      'co:省科技厅',
      'co:省工业和信息化厅',
      'co:省财政厅',
      'co:省地方金融监管局',
      'co:人民银行广州分行',
      'co:广东银保监局',
      'co:广东证监局',
    ]);
  });

  test('a city suffix distributes backwards: 广州、深圳、韶关市政府', () => {
    const clause = '省商务厅牵头,广州、深圳、韶关市政府落实';
    const reading = parseResponsibilityClause(clause, guangdong);
    expect(roles(clause)).toEqual(['lead:省商务厅', 'implement:广州市政府', 'implement:深圳市政府', 'implement:韶关市政府']);
    // Each unit's offsets cover its own characters only.
    expect(reading.assignments.map((a) => clause.slice(a.start, a.end))).toEqual(['省商务厅', '广州', '深圳', '韶关市政府']);
  });

  test('a city written as 广州市 also takes the shared 政府', () => {
    expect(roles('广州市、深圳市政府落实')).toEqual(['implement:广州市政府', 'implement:深圳市政府']);
  });

  test('national names starting with 市 are no prefix', () => {
    expect(roles('市场监管总局、教育部负责', national)).toEqual(['co:市场监管总局', 'co:教育部']);
  });

  test('the carried prefix is not part of the unit offsets', () => {
    const clause = '省发展改革委、科技厅负责';
    const [, second] = parseResponsibilityClause(clause, guangdong).assignments;
    expect(second!.nameAsWritten).toBe('省科技厅');
    expect(clause.slice(second!.start, second!.end)).toBe('科技厅');
  });
});

describe('generic placeholders', () => {
  test('stay generic and are never resolved to real units', () => {
    expect(roles('省工业和信息化厅牵头,相关行业主管部门按职责分工负责,相关市政府落实')).toEqual([
      'lead:省工业和信息化厅',
      'co:相关行业主管部门*',
      'implement:相关市政府*',
    ]);
    expect(roles('各地级以上市政府结合实际落实')).toEqual(['implement:各地级以上市政府*']);
  });

  test('…等和各有关省级人民政府负责: the named units and a placeholder', () => {
    expect(roles('商务部、发展改革委、农业农村部等和各有关省级人民政府负责', national)).toEqual([
      'co:商务部',
      'co:发展改革委',
      'co:农业农村部',
      'co:各有关省级人民政府*',
    ]);
  });

  test('…等有关部门和单位负责', () => {
    expect(roles('财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责', national)).toEqual([
      'co:财政部',
      'co:人力资源社会保障部',
      'co:民政部',
      'co:有关部门和单位*',
    ]);
  });

  test('a placeholder with nested parentheses stays one unit', () => {
    expect(roles('各省（区、市）人民政府负责', national)).toEqual(['co:各省（区、市）人民政府*']);
  });
});

describe('units with no role marker', () => {
  test('are read as co-responsible, flagged as unmarked, and no lead is invented', () => {
    const reading = parseResponsibilityClause('省科技厅、省财政厅', guangdong);
    expect(roles('省科技厅、省财政厅')).toEqual(['co:省科技厅', 'co:省财政厅']);
    expect(reading.unmarked).toBe(true);
    expect(reading.namesUnits).toBe(true);
    expect(reading.warnings).toEqual([expect.objectContaining({ code: 'unknown-role-word', offset: 0, message: expect.stringContaining('no role word follows 省科技厅、省财政厅') })]);
  });

  test('after a written lead too', () => {
    const reading = parseResponsibilityClause('省科技厅牵头，省财政厅', guangdong);
    expect(reading.assignments.map((a) => `${a.role}:${a.nameAsWritten}`)).toEqual(['lead:省科技厅', 'co:省财政厅']);
    expect(reading.warnings.map((w) => [w.code, w.offset])).toEqual([['unknown-role-word', 7]]);
  });

  test('under a declared convention, the first-listed unit leads (inferred), and listing is no fault', () => {
    expect(roles('省科技厅、省财政厅', { ...guangdong, firstListedLeads: true })).toEqual(['lead:省科技厅^', 'co:省财政厅']);
    expect(parseResponsibilityClause('省科技厅、省财政厅', { ...guangdong, firstListedLeads: true }).warnings).toEqual([]);
  });
});

describe('the first-listed-leads convention', () => {
  test('declared inside the clause, with 下同', () => {
    const reading = parseResponsibilityClause('人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同', national);
    expect(reading.assignments.map((a) => `${a.role}:${a.nameAsWritten}:${a.inferred}`)).toEqual(['lead:人力资源社会保障部:true', 'co:财政部:false']);
    expect(reading.declaresFirstListedLeads).toBe(true);
    expect(reading.conventionCarriesOn).toBe(true);
  });

  test('declared without 下同 applies to that clause only', () => {
    const reading = parseResponsibilityClause('省科技厅、省财政厅负责，列第一位的为牵头单位', guangdong);
    expect(roles('省科技厅、省财政厅负责，列第一位的为牵头单位')).toEqual(['lead:省科技厅^', 'co:省财政厅']);
    expect(reading.conventionCarriesOn).toBe(false);
  });

  test('never overrides a written lead, a written non-co role, or makes a placeholder lead', () => {
    const convention = { ...guangdong, firstListedLeads: true };
    expect(roles('省财政厅、省科技厅牵头负责', convention)).toEqual(['lead:省财政厅', 'lead:省科技厅']);
    expect(roles('相关市政府落实', convention)).toEqual(['implement:相关市政府*']);
    expect(roles('各有关部门和单位,各省级人民政府按职责分工负责', { registry, jurisdiction: '100000', firstListedLeads: true })).toEqual([
      'co:各有关部门和单位*',
      'co:各省级人民政府*',
    ]);
  });

  test('without a convention no lead is inferred', () => {
    expect(roles('省发展改革委、科技厅按职责分工负责')).toEqual(['co:省发展改革委', 'co:省科技厅']);
  });
});

describe('labelled roles', () => {
  test('（牵头单位：…；配合单位：…）', () => {
    expect(roles('牵头单位：市经贸委；配合单位：市发改委、国土房管局、规划局', { registry })).toEqual([
      'lead:市经贸委?',
      'support:市发改委?',
      'support:市国土房管局?',
      'support:市规划局?',
    ]);
  });

  test('（责任单位：…） alone reads co-responsible; first-listed leads only under a convention', () => {
    expect(roles('责任单位：省统计局、省财政厅、省国资委')).toEqual(['co:省统计局', 'co:省财政厅', 'co:省国资委']);
    expect(roles('责任单位：省统计局、省财政厅', { ...guangdong, firstListedLeads: true })).toEqual(['lead:省统计局^', 'co:省财政厅']);
  });
});

describe('traditional characters', () => {
  test('role words are understood and names keep their written form but resolve', () => {
    const reading = parseResponsibilityClause('廣東省工業和信息化廳牽頭，省財政廳、商務廳按職責分工負責，相關市政府落實', guangdong);
    expect(reading.assignments.map((a) => `${a.role}:${a.nameAsWritten}:${a.unitId}`)).toEqual([
      'lead:廣東省工業和信息化廳:gd.dept.industry-it',
      'co:省財政廳:gd.dept.finance',
      'co:省商務廳:gd.dept.commerce',
      'implement:相關市政府:generic.gd.related-cities',
    ]);
    expect(reading.warnings).toEqual([]);
  });
});

describe('unknown units', () => {
  test('become provisional, are warned about where they stand, and are never dropped', () => {
    const clause = '省政务服务数据管理局牵头，省数据交易所配合';
    const reading = parseResponsibilityClause(clause, guangdong);
    expect(roles(clause)).toEqual(['lead:省政务服务数据管理局', 'support:省数据交易所?']);
    expect(reading.assignments[1]!.unitId).toBe('cn.440000.数据交易所');
    expect(reading.warnings).toEqual([
      expect.objectContaining({ code: 'unknown-unit', offset: clause.indexOf('省数据交易所'), message: expect.stringContaining('省数据交易所') }),
    ]);
  });
});

describe('parentheticals that are not clauses', () => {
  test.each(['LIMS', '简称 DCMM', 'CIM', ' BIM', '广东', '征信', '试行', '一期', '含技工院校', '此件公开发布'])('(%s)', (inner) => {
    expect(parseResponsibilityClause(inner, guangdong).namesUnits).toBe(false);
  });
});
