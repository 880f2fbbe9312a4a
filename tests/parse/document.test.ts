import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { InvalidInputError, ParseError } from '../../graph/errors';
import { ParsedDocumentSchema, type Item, type ParsedDocument } from '../../graph/model';
import { parseDocument, readDocumentFile } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { NATIONAL_JURISDICTION } from '../../graph/jurisdiction';

const GUANGDONG = { code: '440000', name: '广东省', level: 'province' };
import { MemoryStore } from '../../graph/store';

const ROOT = join(__dirname, '..', '..');
const SEED = join(ROOT, 'seeds/documents/guangdong-digital-economy-2023.txt');
const registry = loadRegistry();
const seedBytes = readFileSync(SEED);
const seedSource = seedBytes.toString('utf8');
const seed = readDocumentFile(SEED, registry);

const byLabel = (parsed: ParsedDocument, label: string): Item => {
  const item = parsed.items.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return item;
};
const unitsOf = (item: Item, role: string) => item.assignments.filter((a) => a.role === role).map((a) => a.nameAsWritten);
const parse = (text: string, source = 'test.txt') => parseDocument(text, { source, registry });
/** What a person compares: items, clauses and assignments, offsets included. */
const essentials = (parsed: ParsedDocument) => ({ sections: parsed.sections, items: parsed.items, warnings: parsed.warnings });

describe('the seed document', () => {
  test('8 sections, 34 items (一)…(三十四), every item exactly one clause', () => {
    expect(seed.sections).toHaveLength(8);
    expect(seed.items).toHaveLength(34);
    expect(seed.items.map((i) => i.no)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(seed.items.every((i) => i.clause !== null && i.clause.text.startsWith('（') && i.clause.text.endsWith('）'))).toBe(true);
    expect(seed.warnings.filter((w) => w.code !== 'no-lead')).toEqual([]);
  });

  test('metadata: title, issuer, publication date, view count, preamble, hash', () => {
    expect(seed.document).toMatchObject({
      id: 'guangdong-digital-economy-2023',
      title: '2023年广东省数字经济工作要点',
      issuer: '广东省数字经济发展工作领导小组办公室',
      publishedAt: '2023-04-01',
      year: 2023,
      jurisdiction: GUANGDONG,
      viewCount: 2113,
      firstListedLeads: false,
      sha256: createHash('sha256').update(seedBytes).digest('hex'),
    });
    expect(seed.document.preamble).toMatch(/^为贯彻《国务院关于印发“十四五”数字经济发展规划的通知》（国发〔2021〕29号）/);
  });

  test('the header is read from the text alone, without the sidecar', () => {
    const bare = parse(seedSource, SEED);
    expect(bare.document).toMatchObject({ title: '2023年广东省数字经济工作要点', issuer: '广东省数字经济发展工作领导小组办公室', publishedAt: '2023-04-01', jurisdiction: GUANGDONG });
    expect(essentials(bare)).toEqual(essentials(seed));
  });

  test('a covering letter `X关于印发《Y》的通知` above its salutation: issuer X, title Y without 《》, the salutation not glued on', () => {
    const letter = [
      '浏阳市人民政府办公室关于印发《浏阳市2024年优化营商环境重点任务分工方案》的通知',
      '各镇人民政府、街道办事处，市直各单位：',
      '现将《浏阳市2024年优化营商环境重点任务分工方案》印发给你们，请认真贯彻落实。',
      '浏阳市2024年优化营商环境重点任务分工方案',
      '一、提升政务服务效能',
      '（一）深化改革。（市行政审批服务局牵头）',
    ].join('\n');
    expect(parse(letter, 'liuyang.txt').document).toMatchObject({
      title: '浏阳市2024年优化营商环境重点任务分工方案',
      issuer: '浏阳市人民政府办公室',
      jurisdiction: { code: '430181', name: '浏阳市', level: 'county' },
    });
    // Printed once only, the quoted title is the plan's title, as written (traditional characters too).
    const once = '廣州市人民政府辦公廳關於印發《廣州市數字經濟工作要點》的通知\n（一）推進。（市工信局牽頭）';
    expect(parse(once, 'guangzhou.txt').document).toMatchObject({ title: '廣州市數字經濟工作要點', issuer: '廣州市人民政府辦公廳' });
  });

  test('(二): lead, co and a generic implementer', () => {
    const item = byLabel(seed, '（二）');
    expect([unitsOf(item, 'lead'), unitsOf(item, 'co'), unitsOf(item, 'implement')]).toEqual([['省工业和信息化厅'], ['省税务局', '省通信管理局'], ['相关市政府']]);
    expect(item.assignments.find((a) => a.nameAsWritten === '相关市政府')!.generic).toBe(true);
  });

  test('(九): three co-responsible units across a comma', () => {
    expect(unitsOf(byLabel(seed, '（九）'), 'co')).toEqual(['省地方金融监管局', '人民银行广州分行', '人民银行深圳中心支行']);
  });

  test('(十二): the lead whose name a space splits, located in the source', () => {
    const item = byLabel(seed, '（十二）');
    const [lead] = item.assignments;
    expect(lead).toMatchObject({ role: 'lead', nameAsWritten: '省政务服务数据管理局', unitId: 'gd.dept.government-data' });
    expect(seedSource.slice(lead!.start, lead!.end)).toBe('省政务服务数据管 理局');
    // The paragraph split mid-sentence is one sentence again.
    expect(item.text).toContain('编制《广东省数据条例》，研究制定');
  });

  test('(八): nine city governments by suffix distribution', () => {
    expect(unitsOf(byLabel(seed, '（八）'), 'implement')).toEqual(
      ['广州', '深圳', '珠海', '佛山', '惠州', '东莞', '中山', '江门', '肇庆'].map((city) => `${city}市政府`),
    );
  });

  test('(一) has no lead and says so', () => {
    const item = byLabel(seed, '（一）');
    expect(unitsOf(item, 'lead')).toEqual([]);
    expect(seed.warnings).toContainEqual(expect.objectContaining({ code: 'no-lead', itemId: item.id }));
  });

  test('parentheticals inside a body are not clauses', () => {
    expect(byLabel(seed, '（二十一）').text).toContain('（LIMS）');
    expect(byLabel(seed, '（二十一）').clause!.text).toBe('（省生态环境厅、水利厅按职责分工负责）');
    expect(byLabel(seed, '（二十七）').clause!.text).toBe('（省住房城乡建设厅牵头，广州、深圳、佛山市政府落实）');
    expect(byLabel(seed, '（九）').text).toContain('深圳信用（征信）服务平台');
  });

  test('clause offsets: source slice and item text agree', () => {
    for (const item of seed.items) {
      const clause = item.clause!;
      expect(seedSource.slice(clause.start, clause.end).replace(/\s+/g, '').replace(/[(),]/g, (c) => ({ '(': '（', ')': '）', ',': '，' })[c]!)).toBe(clause.text);
      expect(item.text.slice(clause.textStart, clause.textEnd)).toBe(clause.text);
    }
  });
});

describe('decoding', () => {
  test('a GBK-encoded copy of the seed parses identically', () => {
    const gbk = iconv.encode(seedSource, 'gbk');
    const parsed = parseDocument(gbk, { source: 'seed-gbk.txt', registry });
    expect(essentials(parsed)).toEqual(essentials(parse(seedSource, 'seed-gbk.txt')));
  });

  test('a UTF-8 BOM is removed and offsets index the text without it', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]);
    const parsed = parseDocument(withBom, { source: 'seed-bom.txt', registry });
    expect(essentials(parsed)).toEqual(essentials(parse(seedSource, 'seed-bom.txt')));
  });

  test('Windows line ends change nothing but offsets', () => {
    const crlf = seedSource.replace(/\n/g, '\r\n');
    const parsed = parse(crlf);
    expect(parsed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}`))).toEqual(seed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}`)));
    for (const a of parsed.items.flatMap((i) => i.assignments)) expect(crlf.slice(a.start, a.end).replace(/\s+/g, '')).toMatch(new RegExp(`^(省)?${a.nameAsWritten.replace(/^省/, '').replace(/市政府$/, '')}`));
  });

  test('bytes that are neither UTF-8 nor GB18030 give a ParseError naming file, line and column', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二', 'utf8'), Buffer.from([0xff, 0x00, 0xfe, 0x01])]);
    expect(() => parseDocument(bytes, { source: 'bad.txt', registry })).toThrow(ParseError);
    expect(() => parseDocument(bytes, { source: 'bad.txt', registry })).toThrow(/^bad\.txt:2:7: the bytes are neither UTF-8 nor GB18030/);
  });

  test('an empty document and one without items are fatal', () => {
    expect(() => parse(' \n\n ', 'empty.txt')).toThrow(/^empty\.txt:1:1: the document is empty$/);
    expect(() => parse('标题\n\n只有一段话，没有任何编号的任务。', 'plain.txt')).toThrow(/^plain\.txt:1:1: the document has no numbered items/);
  });
});

describe('reading files', () => {
  test('the sidecar gives id and metadata; without one the id comes from the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-'));
    const path = join(dir, 'Zhuhai_Plan 2024.txt');
    writeFileSync(path, '珠海市2024年工作要点\n\n一、总体\n\n（一）推进某事。（市科技局牵头）\n');
    expect(readDocumentFile(path, registry).document.id).toBe('zhuhai_plan-2024');
    writeFileSync(join(dir, 'Zhuhai_Plan 2024.meta.json'), JSON.stringify({ id: 'zhuhai-2024', issuer: '珠海市人民政府办公室', publishedAt: '2024-02-01' }));
    expect(readDocumentFile(path, registry).document).toMatchObject({ id: 'zhuhai-2024', issuer: '珠海市人民政府办公室', publishedAt: '2024-02-01', year: 2024 });
    writeFileSync(join(dir, 'Zhuhai_Plan 2024.meta.json'), JSON.stringify({ publishedAt: '1 Feb 2024' }));
    expect(() => readDocumentFile(path, registry)).toThrow(InvalidInputError);
    expect(() => readDocumentFile(path, registry)).toThrow(/meta\.json: publishedAt/);
  });
});

describe('structure of other layouts', () => {
  test('sub-items that carry their own clauses become items with a parent', () => {
    const parsed = parse(
      ['某省2024年工作要点', '一、总体要求', '（一）培育数据产业。围绕数据采集开展工作。', '（1）建设集聚区。（省工业和信息化厅牵头）', '（2）开展试点。（省商务厅牵头，省财政厅配合）', '（二）加强协调。（省政务服务数据管理局牵头）'].join('\n'),
      'sub.txt',
    );
    expect(parsed.items.map((i) => [i.id, i.label, i.parent ?? null, i.title])).toEqual([
      ['sub/item-1', '（一）', null, '培育数据产业'],
      ['sub/item-1.1', '（一）（1）', 'sub/item-1', '建设集聚区'],
      ['sub/item-1.2', '（一）（2）', 'sub/item-1', '开展试点'],
      ['sub/item-2', '（二）', null, '加强协调'],
    ]);
    expect(parsed.warnings.filter((w) => w.code === 'item-without-clause')).toEqual([]);
  });

  test('sub-items running on in one paragraph are split, each keeping its clause', () => {
    const text = '工作要点\n一、任务\n（一）推进改革。1.建立制度，推广2.0版本（省科技厅负责）2.完善机制，覆盖3.5%企业。（省财政厅负责）';
    const parsed = parse(text, 'inline.txt');
    expect(parsed.items.map((i) => [i.label, i.title, i.assignments.map((a) => a.nameAsWritten)])).toEqual([
      ['（一）', '推进改革', []],
      ['（一）1.', '建立制度，推广2.0版本', ['省科技厅']],
      ['（一）2.', '完善机制，覆盖3.5%企业', ['省财政厅']],
    ]);
    const [, first, second] = parsed.items;
    expect(text.slice(first!.clause!.start, first!.clause!.end)).toBe('（省科技厅负责）');
    expect(text.slice(second!.assignments[0]!.start, second!.assignments[0]!.end)).toBe('省财政厅');
  });

  test('sub-items without clauses of their own stay inside the item whose clause follows them', () => {
    const parsed = parse(['工作要点', '一、任务', '（一）推进改革。', '①建立制度；', '②完善机制。（省发展改革委牵头，省财政厅配合）'].join('\n'));
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]!.text).toBe('推进改革。\n①建立制度；\n②完善机制。（省发展改革委牵头，省财政厅配合）');
    expect(unitsOf(parsed.items[0]!, 'lead')).toEqual(['省发展改革委']);
  });

  test('labelled lines after a task, in a district plan numbered 1. 2.', () => {
    const text = ['某区2024年重点工作任务分解和责任分工方案', '', '一、优化营商环境', '1.推进政务服务“一网通办”。', '牵头单位：区发改局', '责任单位：各街道，区财政局', '2.开展信用体系建设。', '牵头单位：区发改局'].join('\n');
    const parsed = parse(text, 'district.txt');
    expect(parsed.items.map((i) => [i.label, i.title, i.assignments.map((a) => `${a.role}:${a.nameAsWritten}${a.generic ? '*' : ''}`)])).toEqual([
      ['1.', '推进政务服务“一网通办”', ['lead:区发改局', 'co:各街道*', 'co:区财政局']],
      ['2.', '开展信用体系建设', ['lead:区发改局']],
    ]);
    expect(parsed.items[0]!.clause!.text).toBe('牵头单位：区发改局\n责任单位：各街道，区财政局');
    const first = parsed.items[0]!.assignments[0]!;
    expect(text.slice(first.start, first.end)).toBe('区发改局');
    expect(parsed.warnings.filter((w) => w.code === 'unknown-unit').map((w) => [w.line, w.column])).toEqual([[5, 6], [6, 6], [6, 10], [8, 6]]);
  });

  test('tasks numbered afresh in every section get the section in their id and label', () => {
    const parsed = parse(['区工作方案', '一、营商环境', '1.推进甲。（区发改局牵头）', '2.推进乙。（区财政局牵头）', '二、保障措施', '1.加强领导。（区委办牵头）'].join('\n'), 'district.txt');
    expect(parsed.items.map((i) => [i.id, i.label])).toEqual([
      ['district/section-1/item-1', '一、1.'],
      ['district/section-1/item-2', '一、2.'],
      ['district/section-2/item-1', '二、1.'],
    ]);
    expect(parsed.warnings.filter((w) => w.code === 'duplicate-item-number')).toEqual([]);
  });

  test('a role label closing the last sentence, without parentheses', () => {
    const parsed = parse('工作要点\n一、任务\n（一）推进某事。完成建设。责任单位：省科技厅、省财政厅');
    expect(parsed.items[0]!.clause).toMatchObject({ text: '责任单位：省科技厅、省财政厅' });
    expect(parsed.items[0]!.assignments.map((a) => `${a.role}:${a.nameAsWritten}`)).toEqual(['co:省科技厅', 'co:省财政厅']);
  });

  test('a document-level convention makes the first-listed unit lead in every clause', () => {
    const parsed = parse(['工作方案', '各项任务列第一位的为牵头单位。', '一、任务', '（一）甲。（省科技厅、省财政厅按职责分工负责）', '（二）乙。（省教育厅负责）'].join('\n'));
    expect(parsed.document.firstListedLeads).toBe(true);
    expect(parsed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}:${a.inferred}`))).toEqual([
      ['lead:省科技厅:true', 'co:省财政厅:false'],
      ['lead:省教育厅:true'],
    ]);
  });

  test("another province's plan does not borrow Guangdong's units; a Guangdong city's does", () => {
    const zhejiang = parse('浙江省2024年数字经济工作要点\n一、任务\n（一）推进。（省科技厅牵头，省财政厅配合）');
    expect(zhejiang.document.jurisdiction).toEqual({ code: '330000', name: '浙江省', level: 'province' });
    expect(zhejiang.items[0]!.assignments.map((a) => [a.unitId, a.provisional])).toEqual([
      ['cn.330000.science-technology', true],
      ['cn.330000.finance', true],
    ]);
    const guangzhou = parse('广州市2024年数字经济工作要点\n一、任务\n（一）推进。（省科技厅牵头，市财政局配合）');
    expect(guangzhou.document.jurisdiction).toEqual({ code: '440100', name: '广州市', level: 'prefecture' });
    expect(guangzhou.items[0]!.assignments.map((a) => a.unitId)).toEqual(['gd.dept.science-technology', 'cn.440100.finance']);
  });

  test('a traditional-character repost reads the same roles', () => {
    const parsed = parse(['廣東省工作要點', '一、總體要求', '（一）推進數字政府建設。加快建設。（廣東省政務服務數據管理局牽頭，省財政廳配合，相關市政府落實）'].join('\n'));
    expect(parsed.document.jurisdiction).toEqual(GUANGDONG);
    expect(parsed.items[0]!.assignments.map((a) => `${a.role}:${a.nameAsWritten}:${a.unitId}`)).toEqual([
      'lead:廣東省政務服務數據管理局:gd.dept.government-data',
      'support:省財政廳:gd.dept.finance',
      'implement:相關市政府:generic.gd.related-cities',
    ]);
  });
});

describe('a section number printed twice', () => {
  const text = ['工作要点', '一、总体', '（一）甲。（省科技厅牵头）', '三、任务', '（二）乙。（省财政厅牵头）', '三、保障', '（三）丙。（省教育厅牵头）'].join('\n');
  const parsed = parse(text, 'repeat.txt');

  test('the repeat gets its own section id, as a repeated item number does, and a warning', () => {
    expect(parsed.sections.map((s) => [s.id, s.no, s.label, s.title])).toEqual([
      ['repeat/section-1', 1, '一、', '总体'],
      ['repeat/section-3', 3, '三、', '任务'],
      ['repeat/section-3-2', 3, '三、', '保障'],
    ]);
    expect(parsed.items.map((i) => [i.id, i.section, i.sectionId])).toEqual([
      ['repeat/item-1', 1, 'repeat/section-1'],
      ['repeat/item-2', 3, 'repeat/section-3'],
      ['repeat/item-3', 3, 'repeat/section-3-2'],
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.file, w.line, w.column, w.message])).toEqual([
      ['jurisdiction-unknown', 'repeat.txt', 1, 1, expect.stringContaining('--jurisdiction')],
      ['duplicate-section-number', 'repeat.txt', 6, 1, 'section number 三、 appears more than once; this one is repeat/section-3-2'],
    ]);
  });

  test('items numbered afresh under the repeat take its id into theirs', () => {
    const district = parse(['区工作方案', '三、甲', '1.推进甲。（区发改局牵头）', '三、乙', '1.推进乙。（区财政局牵头）'].join('\n'), 'district.txt');
    expect(district.items.map((i) => [i.id, i.label])).toEqual([
      ['district/section-3/item-1', '三、1.'],
      ['district/section-3-2/item-1', '三、1.'],
    ]);
  });

  test('the document loads into a store with both sections, each with its own item', async () => {
    const store = new MemoryStore();
    await expect(store.loadDocument(parsed, registry.unitsFor(parsed))).resolves.toMatchObject({ outcome: 'created', items: 3 });
    const detail = await store.getDocument('repeat');
    expect(detail?.sections.map((s) => [s.id, s.label, s.items])).toEqual([
      ['repeat/section-1', '一、', 1],
      ['repeat/section-3', '三、', 1],
      ['repeat/section-3-2', '三、', 1],
    ]);
    expect((await store.getItem('repeat/item-3'))?.section?.id).toBe('repeat/section-3-2');
  });
});

describe('warnings say file, line and column', () => {
  const text = [
    '工作要点', // 1
    '一、任务', // 2
    '（一）甲任务。内容（省科技厅牵头，省财政厅配合', // 3
    '（二）乙任务。没有条款。', // 4
    '（三）丙任务。（省科技厅统筹）', // 5
    '（三）丁任务。（各有关单位负责）', // 6
    '（五）戊任务。（ ）', // 7
  ].join('\n');
  const parsed = parse(text, 'warn.txt');
  const where = (code: string) => parsed.warnings.filter((w) => w.code === code).map((w) => [w.file, w.line, w.column, w.itemId]);

  test('an unbalanced parenthesis, and the clause is still read', () => {
    expect(where('unbalanced-parenthesis')).toEqual([['warn.txt', 3, 10, 'test/item-1'.replace('test', 'warn')]]);
    expect(parsed.items[0]!.assignments.map((a) => `${a.role}:${a.nameAsWritten}`)).toEqual(['lead:省科技厅', 'support:省财政厅']);
  });

  test('an item without a clause', () => {
    expect(where('item-without-clause')).toEqual([['warn.txt', 4, 1, 'warn/item-2'], ['warn.txt', 7, 1, 'warn/item-5']]);
  });

  test('an unknown role word', () => {
    expect(where('unknown-role-word')).toEqual([['warn.txt', 5, 13, 'warn/item-3']]);
  });

  test('a duplicate item number gets its own id and a warning', () => {
    expect(parsed.items.map((i) => i.id)).toEqual(['warn/item-1', 'warn/item-2', 'warn/item-3', 'warn/item-3-2', 'warn/item-5']);
    expect(where('duplicate-item-number')).toEqual([['warn.txt', 6, 1, undefined]]);
  });

  test('a task owned only by a placeholder', () => {
    expect(where('generic-only')).toEqual([['warn.txt', 6, 8, 'warn/item-3-2']]);
  });

  test('empty trailing parentheses', () => {
    expect(where('empty-clause')).toEqual([['warn.txt', 7, 8, 'warn/item-5']]);
    expect(where('item-without-clause')).toContainEqual(['warn.txt', 7, 1, 'warn/item-5']);
  });

  test('the output still validates', () => {
    expect(() => ParsedDocumentSchema.parse(parsed)).not.toThrow();
  });
});

// /work/shared beside /work/main, two levels up from a worktree under /work/wt.
const CORPUS = [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')].find(existsSync) ?? '';
const describeCorpus = CORPUS ? describe : describe.skip;

describeCorpus('State Council documents (../shared/corpus)', () => {
  test('employment 2018: ministries, 列第一位者为牵头单位，下同 → inferred leads', () => {
    const parsed = readDocumentFile(join(CORPUS, 'cn-employment-2018.txt'), registry);
    expect(parsed.document).toMatchObject({ title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见', issuer: '国务院', jurisdiction: NATIONAL_JURISDICTION, firstListedLeads: true });
    expect(parsed.sections).toHaveLength(5);
    expect(parsed.items).toHaveLength(15);
    const roles = (label: string) => byLabel(parsed, label).assignments.map((a) => `${a.role}:${a.nameAsWritten}${a.inferred ? '^' : ''}${a.generic ? '*' : ''}`);
    expect(roles('（一）')).toEqual(['lead:人力资源社会保障部^', 'co:财政部']);
    expect(roles('（二）')).toEqual(['lead:财政部^', 'co:工业和信息化部', 'co:人民银行', 'co:银保监会']);
    expect(roles('（四）')).toEqual(['lead:人力资源社会保障部^', 'co:科技部', 'co:财政部', 'co:住房城乡建设部', 'co:市场监管总局', 'co:各省级人民政府*']);
    expect(roles('（五）')).toEqual(['lead:人力资源社会保障部^', 'co:有关部门和单位*']);
    expect(roles('（十二）')).toEqual(['co:各省级人民政府*']);
    expect(roles('（十四）')).toEqual(['co:各有关部门和单位*', 'co:各省级人民政府*']);
    // The closing paragraph, signature and date after (十五) are not part of the item.
    expect(byLabel(parsed, '（十五）').text.endsWith('（各有关部门和单位，各省级人民政府按职责分工负责）')).toBe(true);
    expect(parsed.warnings.filter((w) => !['no-lead', 'generic-only'].includes(w.code))).toEqual([]);
  });

  test('consumption poverty 2018: the 等和各有关省级人民政府 form, no convention, no lead invented', () => {
    const parsed = readDocumentFile(join(CORPUS, 'cn-consumption-poverty-2018.txt'), registry);
    expect(parsed.document).toMatchObject({ issuer: '国务院办公厅', jurisdiction: NATIONAL_JURISDICTION, firstListedLeads: false });
    expect(parsed.sections).toHaveLength(6);
    expect(parsed.items).toHaveLength(17);
    expect(parsed.items.every((i) => i.assignments.every((a) => a.role === 'co' && !a.inferred && !a.provisional))).toBe(true);
    const names = (label: string) => byLabel(parsed, label).assignments.map((a) => `${a.nameAsWritten}${a.generic ? '*' : ''}`);
    expect(names('（一）')).toEqual(['扶贫办', '中央统战部', '中央和国家机关工委', '教育部', '卫生健康委', '人民银行', '国资委', '国管局', '中央军委政治工作部', '全国总工会', '各省级人民政府*']);
    expect(names('（四）')).toEqual(['商务部', '发展改革委', '农业农村部', '各有关省级人民政府*']);
    expect(byLabel(parsed, '（一）').assignments[0]!.unitId).toBe('cn.dept.poverty-alleviation');
    expect(parsed.warnings.filter((w) => w.code === 'no-lead')).toHaveLength(17);
  });
});
