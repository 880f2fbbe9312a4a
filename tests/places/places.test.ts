/**
 * Places, deadlines and targets against gold written by hand: the seed's places (with its traps)
 * and three plans of our own (a city, a ministry, a county) rich in deadlines and targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDeadlines, findTargets } from '../../graph/commitments';
import type { Item, ParsedDocument } from '../../graph/model';
import { parseDocument, readDocumentFile } from '../../graph/parse';
import { findPlaces, placeInfo, REGIONS } from '../../graph/places';
import { loadRegistry } from '../../graph/registry';

const ROOT = join(__dirname, '..', '..');
const registry = loadRegistry();
const parse = (file: string): { parsed: ParsedDocument; source: string } => {
  const path = join(ROOT, file);
  return { parsed: readDocumentFile(path, registry), source: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
};
const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('places of the seed', () => {
  const { parsed, source } = parse('seeds/documents/guangdong-digital-economy-2023.txt');
  const gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden/guangdong-digital-economy-2023.places.json'), 'utf8')) as {
    items: Record<string, Array<[string, string]>>;
  };

  it.each(parsed.items.map((item) => [item.label, item] as const))('item %s names exactly its gold places', (label, item: Item) => {
    expect(item.places.map((p) => [p.mention, p.code])).toEqual(gold.items[label] ?? []);
  });

  it('gives offsets that slice back to each mention (spaces PDF extraction left aside)', () => {
    for (const place of parsed.items.flatMap((item) => item.places)) expect(noSpace(source.slice(place.start, place.end))).toBe(place.mention);
    const exact = parsed.items.filter((item) => ['（二）', '（二十）', '（二十七）'].includes(item.label)).flatMap((item) => item.places);
    expect(exact.length).toBeGreaterThan(20);
    for (const place of exact) expect(source.slice(place.start, place.end)).toBe(place.mention);
  });

  it('reads no place for 广东强芯, nor from the clause (广州、深圳、韶关市政府落实)', () => {
    const item14 = parsed.items.find((item) => item.label === '（十四）')!;
    expect(item14.places.some((p) => p.code === '440000')).toBe(false);
    const item20 = parsed.items.find((item) => item.label === '（二十）')!;
    expect(item20.places.every((p) => p.end <= item20.clause!.start)).toBe(true);
  });

  it('names zones by the district they lie in and regions by their members', () => {
    const heng = parsed.items.flatMap((i) => i.places).find((p) => p.mention === '横琴')!;
    expect(heng).toMatchObject({ code: '440402', name: '香洲区', level: 'county', zone: '横琴' });
    expect(placeInfo('R-GBA')?.members).toEqual(expect.arrayContaining(['440100', '440300', '810000', '820000']));
    expect(placeInfo('440402')).toMatchObject({ within: '440400' });
    for (const region of REGIONS) for (const member of region.members) expect(placeInfo(member)).toBeDefined();
  });
});

describe('the place traps, pattern by pattern', () => {
  const guangdong = { jurisdiction: '440000' };
  const mentions = (text: string, context = guangdong) => findPlaces(text, context).map((p) => p.mention);
  it('keeps a place inside an organisation or project name in running text', () => {
    expect(mentions('支持广州华星t9等项目')).toEqual(['广州']);
    expect(mentions('建设好广州实验室')).toEqual(['广州']);
  });
  it('reads no place inside quotes or titles', () => {
    expect(mentions('打造“广州方案”，修订《深圳经济特区数据条例》')).toEqual([]);
  });
  it("never reads the plan's own jurisdiction or those above it", () => {
    expect(mentions('实施广东强芯工程，建设广东省平台')).toEqual([]);
    expect(mentions('推动广州、佛山协同', { jurisdiction: '440100' })).toEqual(['佛山']);
  });
  it('reads 市 followed by 场 or 民 as the start of a word', () => {
    expect(findPlaces('培育广州市场主体，服务深圳市民', guangdong).map((p) => [p.mention, p.code])).toEqual([['广州', '440100'], ['深圳', '440300']]);
    expect(mentions('保障市场供给')).toEqual([]);
  });
  it('reads no short name that is an everyday word, nor a name that only begins with a place', () => {
    expect(mentions('光明未来，和平发展，城区覆盖，支持中山大学')).toEqual([]);
    expect(mentions('建设光明区科学城')).toEqual(['光明区']);
    expect(mentions('建设示范县')).toEqual([]);
  });
  it('prefers places inside the plan\'s province for short names and leaves the ambiguous out', () => {
    expect(findPlaces('支持番禺、龙岗发展', guangdong).map((p) => p.code)).toEqual(['440113', '440307']);
    expect(findPlaces('支持番禺发展', { jurisdiction: '510000' })).toEqual([]);
    // 朝阳区 is in Beijing and in Changchun: a national plan cannot tell which.
    expect(findPlaces('支持朝阳区发展', { jurisdiction: '100000' })).toEqual([]);
    expect(findPlaces('支持朝阳区发展', { jurisdiction: '110000' }).map((p) => p.code)).toEqual(['110105']);
  });
});

describe('deadlines and targets of our three plans', () => {
  const plans = ['guangzhou-business-environment-2024', 'miit-5g-applications-2024', 'wengyuan-rural-revitalisation-2024'];
  it.each(plans)('%s matches its gold exactly', (id) => {
    const { parsed, source } = parse(`tests/fixtures/plans/commitments/${id}.txt`);
    const gold = JSON.parse(readFileSync(join(ROOT, `tests/fixtures/plans/commitments/${id}.gold.json`), 'utf8')) as {
      items: Record<string, { places: Array<[string, string]>; deadlines: Array<[string, string | null, string]>; targets: Array<[string, number, string, string]> }>;
    };
    expect(parsed.items.map((item) => item.label)).toEqual(Object.keys(gold.items));
    for (const item of parsed.items) {
      const expected = gold.items[item.label]!;
      expect([item.label, item.places.map((p) => [p.mention, p.code])]).toEqual([item.label, expected.places]);
      expect([item.label, item.deadlines.map((d) => [d.text, d.date, d.precision])]).toEqual([item.label, expected.deadlines]);
      expect([item.label, item.targets.map((t) => [t.text, t.value, t.unit, t.comparator])]).toEqual([item.label, expected.targets]);
      for (const found of [...item.places.map((p) => ({ ...p, text: p.mention })), ...item.deadlines, ...item.targets])
        expect(source.slice(found.start, found.end)).toBe(found.text);
    }
  });
});

describe('deadline and target readers', () => {
  it('resolve relative forms against the plan year and leave durations, past and recurring dates alone', () => {
    const read = (text: string) => findDeadlines(text, 2023).map((d) => [d.text, d.date, d.precision]);
    expect(read('年底前完成')).toEqual([['年底前', '2023-12-31', 'year']]);
    expect(read('2025年6月底前完成')).toEqual([['2025年6月底前', '2025-06-30', 'month']]);
    expect(read('二〇二五年底前')).toEqual([['二〇二五年底前', '2025-12-31', 'year']]);
    expect(read('2024年2月底前')).toEqual([['2024年2月底前', '2024-02-29', 'month']]);
    expect(read('三年内完成，去年底启动，每年年底前报送')).toEqual([]);
    expect(findDeadlines('年底前', undefined)).toEqual([{ text: '年底前', date: null, precision: 'year', start: 0, end: 3 }]);
  });
  it('reject numbers that are names, ordinals, models or articles', () => {
    expect(findTargets('支持“跨境十条”，第五次普查，推进5G和4K/8K，一网通办2.0，培育一批企业，打造一个平台，千家万户，十四五规划')).toEqual([]);
  });
});

describe('numerals inside place names', () => {
  it('are no target: 七台河市 is a city, not seven machines', () => {
    const parsed = parseDocument('2024年工作要点\n\n一、任务\n\n（一）建设平台。推动七台河市、六盘水市开展试点，新增10台设备。（省发展改革委牵头）\n', {
      source: 'numerals.txt',
      registry,
      jurisdiction: '100000',
    });
    const [item] = parsed.items;
    expect(item!.places.map((p) => p.mention)).toEqual(['七台河市', '六盘水市']);
    expect(item!.targets.map((t) => t.text)).toEqual(['10台']);
  });
});
