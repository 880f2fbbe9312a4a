/**
 * The parser fuzzer's generator and oracle, shared by the quick unit-suite run
 * (tests/reliability/parser-fuzz.test.ts) and the million-case campaign (`npm run fuzz`,
 * scripts/fuzz-parser.ts).
 *
 * Documents come from the genre's grammar (title, preamble, 一、 sections, （一） items, 1. (1) ①
 * sub-items, trailing clauses, labelled role lines) and are then mutated: clauses cut short,
 * parentheses nested or left open, widths mixed, lone surrogates, random bytes spliced in, and
 * now and then a single 10 MB line. The oracle accepts only a result that validates against
 * ParsedDocumentSchema with every offset inside the source, or a typed ParseError.
 */
import fc from 'fast-check';
import { ParseError } from '../../graph/errors';
import { ParsedDocumentSchema } from '../../graph/model';
import { decodeDocument, parseDocument } from '../../graph/parse';
import type { UnitRegistry } from '../../graph/registry';

const pick = (values: string) => fc.constantFrom(...values.split(' '));

const UNITS = pick(
  '省发展改革委 科技厅 省科技厅 工业和信息化厅 省工业和 信息化厅 省委网信办 省委宣传部 人民银行广州分行 省税务局 通信管理局 ' +
    '广州 深圳、韶关市政府 相关市政府 各地级以上市政府 相关行业主管部门 各有关单位 省政务服务数据管 理局 市场监管总局 人力资源社会保障部 ' +
    '各省级人民政府 區財政局 省未知局 X局 省',
);
const ROLE_MARKERS = pick('牵头 按职责分工负责 分工负责 负责 配合 参与 协助 支持 落实 指导 督促 牵头负责');
const SEPARATORS = pick('、 ， , ； ; 、、 ，、');
const NUMERALS = pick('一 二 三 四 五 六 七 八 九 十 十一 十二 二十 三十四 一百 零');
const PROSE = pick(
  '推进数据治理。 完善数据共享机制 建设“数字政府”。 编制《广东省数据条 例》 加快全国一体 化算力网络 培育数据要素市场。 ' +
    '各项任务列第一位的为牵头单位。 浏览量:2113 发布时间:2023/04/01 以下同 。 （ ） ( ) 1. ①',
);

/** One responsibility clause, parenthesised or not, sometimes labelled (牵头单位：…；配合单位：…). */
const clause = fc.oneof(
  fc
    .array(fc.tuple(fc.array(UNITS, { minLength: 1, maxLength: 4 }), ROLE_MARKERS, SEPARATORS), { minLength: 1, maxLength: 4 })
    .map((runs) => runs.map(([units, marker, separator]) => `${units.join('、')}${marker}${separator}`).join('').replace(/[、，,；;]+$/, '')),
  fc
    .array(fc.tuple(pick('牵头单位 责任单位 配合单位 參與單位 牵头部门'), pick('： :'), fc.array(UNITS, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 })
    .map((labels) => labels.map(([label, colon, units]) => `${label}${colon}${units.join('、')}`).join('；')),
);
const parenthesised = fc.tuple(pick('（ ( 【'), clause, pick('） ) 】 ）） ')).map(([open, body, close]) => `${open}${body}${close}`);

const itemLabel = fc.oneof(
  fc.tuple(pick('（ ('), NUMERALS, pick('） )')).map(([open, n, close]) => `${open}${n}${close}`),
  fc.nat({ max: 40 }).map((n) => `${n}.`),
  fc.nat({ max: 40 }).map((n) => `(${n})`),
  pick('① ② ③ ⑳'),
);
const item = fc
  .tuple(itemLabel, fc.array(PROSE, { maxLength: 4 }), fc.option(parenthesised, { freq: 4 }), fc.option(fc.tuple(pick('牵头单位： 责任单位：'), UNITS)))
  .map(([label, prose, tail, roleLine]) => `${label}${prose.join('')}${tail ?? ''}${roleLine ? `\n${roleLine.join('')}` : ''}`);
const section = fc
  .tuple(NUMERALS, fc.array(PROSE, { maxLength: 2 }), fc.array(item, { maxLength: 5 }))
  .map(([n, title, items]) => [`${n}、${title.join('')}`, ...items].join('\n'));

/** A work plan in the genre: header lines, a preamble, sections of items. */
export const genreDocument = fc
  .tuple(
    fc.array(PROSE, { maxLength: 3 }),
    fc.array(fc.oneof(section, item), { maxLength: 8 }),
    pick('\n \r\n \n\n \n\u3000\u3000'),
  )
  .map(([header, body, newline]) => [`广东省2023年工作要点`, header.join(''), ...body].join(newline));

/** A mutation applied to a rendered document, each kind named so a failure says what made it. */
type Mutation = (text: string) => string;
const at = (text: string, fraction: number) => Math.floor(text.length * fraction);
const splice = (text: string, fraction: number, insert: string) => text.slice(0, at(text, fraction)) + insert + text.slice(at(text, fraction));
const toFullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const toHalfWidth = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Truncated clauses and documents: cut anywhere, including inside a surrogate pair.
  fraction.map((f): Mutation => (text) => text.slice(0, at(text, f))),
  // Nested and unbalanced parentheses.
  fc.tuple(fraction, fc.nat({ max: 6 }), pick('（ ( ） ) 【 】')).map(([f, depth, p]): Mutation => (text) => splice(text, f, p.repeat(depth + 1))),
  fc.tuple(fraction, clause).map(([f, c]): Mutation => (text) => splice(text, f, `（${c}（${c}）（（）`)),
  // Mixed widths.
  fc.constant<Mutation>(toFullWidth),
  fc.constant<Mutation>(toHalfWidth),
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => (text) => text.slice(0, at(text, Math.min(a, b))) + toFullWidth(text.slice(at(text, Math.min(a, b)), at(text, Math.max(a, b)))) + text.slice(at(text, Math.max(a, b)))),
  // Lone surrogates and other odd code points.
  fc.tuple(fraction, pick('\uD800 \uDBFF \uDC00 \uDFFF \uFEFF \u0000 \u200B \uFFFD \u2028 \r \u000C 𠀀 👍🏽')).map(([f, c]): Mutation => (text) => splice(text, f, c)),
  // Arbitrary text spliced in.
  fc.tuple(fraction, fc.string({ unit: 'binary', maxLength: 40 })).map(([f, s]): Mutation => (text) => splice(text, f, s)),
  // Lines duplicated or dropped.
  fc.tuple(fc.nat(), fc.boolean()).map(([n, drop]): Mutation => (text) => {
    const lines = text.split('\n');
    const i = n % lines.length;
    lines.splice(i, drop ? 1 : 0, ...(drop ? [] : [lines[i]!]));
    return lines.join('\n');
  }),
);

export const mutatedDocument = fc
  .tuple(genreDocument, fc.array(mutation, { maxLength: 4 }))
  .map(([text, mutations]) => mutations.reduce((acc, mutate) => mutate(acc), text));

/** About 10 MB on one line: a huge item, a huge clause, or a huge unbalanced run of parentheses. */
export const TEN_MB = 10 * 1024 * 1024;
export const hugeLineDocument = fc.tuple(pick('推进 （ 省科技厅、 ( a'), pick('item clause open')).map(([unit, shape]) => {
  // UTF-16 length of ~10 MB of UTF-8: CJK characters are 3 bytes each.
  const repeat = Math.ceil(TEN_MB / Buffer.byteLength(unit, 'utf8'));
  const line = unit.repeat(repeat);
  if (shape === 'item') return `标题\n（一）${line}（省科技厅牵头）`;
  if (shape === 'clause') return `标题\n（一）建设。（${line}牵头）`;
  return `标题\n（一）建设。${line}`;
});

/** Random bytes, and genre documents re-encoded or corrupted as bytes (GB18030, BOM, torn UTF-8). */
export const byteDocument: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.tuple(mutatedDocument, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.boolean()).map(([text, n, noise, bom]) => {
    const bytes = Buffer.from(text, 'utf8');
    const i = bytes.length === 0 ? 0 : n % bytes.length;
    const corrupted = Buffer.concat([bytes.subarray(0, i), Buffer.from(noise), bytes.subarray(i)]);
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), corrupted]) : corrupted;
  }),
  mutatedDocument.map((text) => Buffer.from(text, 'utf8').subarray(0, Math.max(0, Buffer.byteLength(text) - 1))),
);

/** The campaign's mix; the 10 MB line is rare (each costs whole seconds), the rest are small. */
export const fuzzInput = (options: { hugeLines: boolean }): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    { weight: 40, arbitrary: mutatedDocument },
    { weight: 20, arbitrary: genreDocument },
    { weight: 15, arbitrary: byteDocument },
    { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    ...(options.hugeLines ? [{ weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).chain((n) => (n === 0 ? hugeLineDocument : mutatedDocument)) }] : []),
  );

/** Why a parse result breaks the contract (empty when it holds). */
function offsetProblems(source: string, parsed: unknown): string[] {
  const checked = ParsedDocumentSchema.safeParse(parsed);
  if (!checked.success) return [`invalid ParsedDocument: ${checked.error.message.slice(0, 500)}`];
  const problems: string[] = [];
  // The parser builds its output to the schema without parsing it: the schema must give it back unchanged.
  if (JSON.stringify(checked.data) !== JSON.stringify(parsed)) problems.push('the schema changes the output (a key stripped, defaulted or reordered)');
  const inRange = (what: string, start: number, end: number, lo = 0, hi = source.length) => {
    if (!(lo <= start && start <= end && end <= hi)) problems.push(`${what} [${start}, ${end}) outside [${lo}, ${hi}]`);
  };
  for (const item of checked.data.items) {
    inRange(`item ${item.id}`, item.start, item.end);
    if (item.clause) {
      inRange(`clause of ${item.id}`, item.clause.start, item.clause.end);
      inRange(`clause text of ${item.id}`, item.clause.textStart, item.clause.textEnd, 0, item.text.length);
      if (item.text.slice(item.clause.textStart, item.clause.textEnd) !== item.clause.text) problems.push(`clause of ${item.id} does not slice back from its text`);
    }
    for (const a of item.assignments) inRange(`assignment ${a.nameAsWritten} of ${item.id}`, a.start, a.end, item.clause?.start ?? 0, item.clause?.end ?? source.length);
  }
  const lines = checked.data.warnings.length === 0 ? 0 : source.split('\n').length;
  for (const w of checked.data.warnings) if (w.line > lines) problems.push(`warning line ${w.line} beyond the source's ${lines} lines`);
  return problems;
}

export interface FuzzOutcome {
  kind: 'parsed' | 'parse-error';
  /** ParseError code, for the campaign's tally. */
  code?: string;
}

/**
 * Parses one input and throws (with the reason) unless the parser either returned a valid,
 * in-range ParsedDocument or threw a ParseError whose message names `fuzz.txt:line:column`.
 */
export function checkParse(input: string | Uint8Array, registry: UnitRegistry): FuzzOutcome {
  let parsed;
  try {
    parsed = parseDocument(input, { source: 'fuzz.txt', registry });
  } catch (error) {
    if (error instanceof ParseError && /^fuzz\.txt:\d+:\d+: /.test(error.message)) return { kind: 'parse-error', code: error.code };
    throw error;
  }
  const source = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeDocument(input, 'fuzz.txt').text;
  const problems = offsetProblems(source, parsed);
  if (problems.length > 0) throw new Error(`contract broken: ${problems.slice(0, 5).join('; ')}`);
  return { kind: 'parsed' };
}
