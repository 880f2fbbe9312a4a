/**
 * Property tests (fast-check): the parser never fails except with a typed ParseError, and every
 * offset it reports slices back to the characters it claims, in any document it accepts.
 */
import fc from 'fast-check';
import { ParseError } from '../../graph/errors';
import { ParsedDocumentSchema, type ParsedDocument, type Role } from '../../graph/model';
import { parseDocument } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';

const registry = loadRegistry();

/** Folds away what repair changes: whitespace and character width. */
const fold = (text: string) =>
  text
    .replace(/[\s\u3000]+/g, '')
    .normalize('NFKC')
    .replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));

/** Parses, accepting only success or a ParseError. */
function parseOrTypedError(input: string | Uint8Array): ParsedDocument | undefined {
  try {
    return parseDocument(input, { source: 'fuzz.txt', registry });
  } catch (error) {
    if (error instanceof ParseError) {
      expect(error.message).toMatch(/^fuzz\.txt:\d+:\d+: /);
      return undefined;
    }
    throw error;
  }
}

function expectOffsetsSliceBack(source: string, parsed: ParsedDocument) {
  // Valid, and exactly what the schema gives back: the parser builds its output to the schema without parsing it.
  expect(JSON.stringify(ParsedDocumentSchema.parse(parsed))).toBe(JSON.stringify(parsed));
  for (const item of parsed.items) {
    expect(item.start).toBeLessThanOrEqual(item.end);
    expect(item.end).toBeLessThanOrEqual(source.length);
    if (item.clause) {
      const { clause } = item;
      expect(item.text.slice(clause.textStart, clause.textEnd)).toBe(clause.text);
      expect(fold(source.slice(clause.start, clause.end))).toBe(fold(clause.text));
    }
    for (const a of item.assignments) {
      const written = fold(source.slice(a.start, a.end));
      expect(written.length).toBeGreaterThan(0);
      expect(fold(a.nameAsWritten)).toContain(written);
      if (item.clause) {
        expect(a.start).toBeGreaterThanOrEqual(item.clause.start);
        expect(a.end).toBeLessThanOrEqual(item.clause.end);
      }
    }
  }
}

/** Text in the alphabet of work plans: Chinese, numbering, both widths of punctuation, spaces. */
const planChars = fc.constantFrom(...'一二三十（）()、，,；;：:。省市厅局委牵头负责配合落实按职责分工科技财政广州深圳政府相关等和 \n\u3000'.split(''));
const planText = fc.array(planChars, { maxLength: 300 }).map((chars) => chars.join(''));

describe('the parser never throws anything but a ParseError', () => {
  test('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const parsed = parseOrTypedError(text);
        if (parsed) expectOffsetsSliceBack(text.replace(/^\uFEFF/, ''), parsed);
      }),
      { numRuns: 200 },
    );
  });

  test('on strings made of work-plan characters', () => {
    fc.assert(
      fc.property(planText, (text) => {
        const parsed = parseOrTypedError(`标题\n一、任务\n（一）${text}`);
        if (parsed) expectOffsetsSliceBack(`标题\n一、任务\n（一）${text}`, parsed);
      }),
      { numRuns: 300 },
    );
  });

  test('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        parseOrTypedError(bytes);
      }),
      { numRuns: 200 },
    );
  });
});

const ROLE_MARKERS: readonly [string, Role][] = [
  ['牵头', 'lead'],
  ['按职责分工负责', 'co'],
  ['负责', 'co'],
  ['配合', 'support'],
  ['支持', 'support'],
  ['落实', 'implement'],
  ['指导', 'guide'],
];
const guangdongUnits = registry.all().filter((u) => u.jurisdiction.startsWith('44'));
const knownNames = guangdongUnits.map((u) => u.shortName);
/** Names a carried 省 may be left off: provincial bodies that are not party organs or placeholders. */
const carriesProvince = new Set([
  ...guangdongUnits.filter((u) => u.kind !== 'generic' && /^省(?!委)/.test(u.shortName)).map((u) => u.shortName),
  '省数据交易所',
  '省大数据中心',
]);
const unknownNames = ['省数据交易所', '省大数据中心', '省信创产业联盟秘书处'];

/** A unit name with PDF-extraction spaces inserted at random places. */
const writtenName = fc
  .tuple(fc.constantFrom(...knownNames, ...unknownNames), fc.array(fc.nat(), { maxLength: 2 }))
  .map(([name, cuts]) => {
    let written = name;
    for (const cut of cuts) {
      const at = 1 + (cut % Math.max(1, written.length - 1));
      written = `${written.slice(0, at)} ${written.slice(at)}`;
    }
    return { name, written };
  });
/** Written text of one run and the `role:name` assignments it must give. */
interface GeneratedRun {
  written: string;
  expected: string[];
}
const unitRun = fc
  .record({
    units: fc.array(writtenName, { minLength: 1, maxLength: 4 }),
    /** Write 省发展改革委、科技厅 rather than 省发展改革委、省科技厅 where the list allows it. */
    carryPrefix: fc.boolean(),
    /** The 等 forms: the named units and a placeholder. */
    etc: fc.constantFrom<[string, string[]]>(['', []], ['等有关部门和单位', ['有关部门和单位']], ['等和各有关单位', ['各有关单位']], ['等', []]),
    marker: fc.constantFrom(...ROLE_MARKERS),
  })
  .map(({ units, carryPrefix, etc, marker }): GeneratedRun => {
    const carries = (k: number) => carryPrefix && k > 0 && carriesProvince.has(units[0]!.name) && carriesProvince.has(units[k]!.name);
    const written = units.map((u, k) => (carries(k) ? u.written.replace(/^省/, '') : u.written)).join('、');
    const names = [...units.map((u) => u.name), ...etc[1]];
    return { written: `${written}${etc[0]}${marker[0]}`, expected: names.map((name) => `${marker[1]}:${name}`) };
  });
const cities = guangdongUnits.filter((u) => u.kind === 'city').map((u) => u.shortName.replace(/市政府$/, ''));
/** 广州、深圳、韶关市政府落实: the suffix distributes backwards. */
const cityRun = fc
  .tuple(fc.subarray(cities, { minLength: 1, maxLength: 4 }), fc.constantFrom(...ROLE_MARKERS))
  .map(([places, marker]): GeneratedRun => ({
    written: `${places.join('、')}市政府${marker[0]}`,
    expected: places.map((place) => `${marker[1]}:${place}市政府`),
  }));
const run = fc.oneof(unitRun, cityRun);
const item = fc.record({ runs: fc.array(run, { minLength: 1, maxLength: 3 }), comma: fc.constantFrom(',', '，', ';', '；'), wide: fc.boolean() });
const plan = fc.array(item, { minLength: 1, maxLength: 6 });

describe('realistic generated plans', () => {
  test('every unit is read, in order, with its role, and its offsets slice back to it', () => {
    fc.assert(
      fc.property(plan, (items) => {
        const lines = ['2024年某省工作要点', '', '一、总体任务', ''];
        const expected: string[][] = [];
        items.forEach(({ runs, comma, wide }, index) => {
          const open = wide ? '（' : '(';
          const close = wide ? '）' : ')';
          const clause = runs.map((r) => r.written).join(comma);
          lines.push(`  ${open}${'一二三四五六'[index]}${close}推进第${index + 1}项任务。加快建设(LIMS)平台。${open}${clause}${close}`, '');
          expected.push(runs.flatMap((r) => r.expected));
        });
        const source = lines.join('\n');
        const parsed = parseDocument(source, { source: 'generated.txt', registry });
        expect(parsed.items.map((i) => i.assignments.map((a) => `${a.role}:${a.nameAsWritten}`))).toEqual(expected);
        expectOffsetsSliceBack(source, parsed);
        for (const a of parsed.items.flatMap((i) => i.assignments))
          expect([a.nameAsWritten, a.nameAsWritten.replace(/^省/, ''), a.nameAsWritten.replace(/市政府$/, '')]).toContain(source.slice(a.start, a.end).replace(/\s+/g, ''));
      }),
      { numRuns: 80 },
    );
  });
});
