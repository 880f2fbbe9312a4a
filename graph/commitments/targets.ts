/**
 * Quantified targets: a number (Arabic or Chinese, with 万 / 亿), a measure word, and the words
 * around it that set the comparator. `新建5G基站1.5万个` → 15000 个 `=`; `不少于100亿元` →
 * 10000000000 元 `>=`; `压缩至1个工作日以内` → 1 个工作日 `<=`; `95%左右` → 95 % `≈`;
 * `不少于百分之九十` → 90 % `>=`; `半个工作日` → 0.5 个工作日.
 *
 * Not targets: numbers without a measure word (5G, 4K/8K, 2.0), ordinals (第五次), numbers glued
 * to Latin letters or digits (t9), the lone Chinese 一 (an article: 一个平台), Chinese numerals opening
 * with 百 or 千 (千家万户), and anything in
 * “quotes” or 《titles》 (“跨境十条”, “一件事”): names, not commitments. Years and months carry
 * no measure word of the list, so dates are never targets.
 */
import { CodeUnitSet } from '../codeUnitSet';
import type { Comparator, Target } from '../model';
import { QuoteTracker } from '../places';
import { CHINESE_NUMERAL_CHARS, numeralValue } from './numerals';

export type FoundTarget = Target;

/** Longest first, so that 个工作日 wins over 个 and 平方公里 over 公里. */
const MEASURE_WORDS = [
  '个工作日', '个百分点', '个小时', '平方公里', '平方米', '立方米', '千瓦时', '标准机架', '工作日', '百分点', '人次', '户次', '公里', '千米',
  '公顷', '小时', '分钟', '千瓦', '兆瓦', '机架', 'PFlops', 'EFlops', 'TFlops', 'Gbps', 'Mbps', '%', '％', '元', '个', '家', '项', '所', '座',
  '条', '套', '户', '人', '名', '次', '米', '亩', '吨', '台', '件', '张', '类', '种', '部', '款', '倍', '天', '处', '间', '辆', '艘', '架', '株', '场',
].sort((a, b) => b.length - a.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');

const BEFORE: Array<[string, Comparator]> = [
  ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['至少', '>='], ['超过', '>='], ['突破', '>='], ['达到', '>='], ['提升至', '>='],
  ['提升到', '>='], ['提高至', '>='], ['提高到', '>='], ['增加至', '>='], ['增加到', '>='], ['增长至', '>='], ['增长到', '>='], ['扩大至', '>='],
  ['压缩至', '<='], ['压缩到', '<='], ['缩短至', '<='], ['缩短到', '<='], ['降至', '<='], ['降低至', '<='], ['降低到', '<='], ['减少至', '<='],
  ['不超过', '<='], ['不高于', '<='], ['不多于', '<='], ['控制在', '='], ['大约', '≈'], ['约', '≈'], ['近', '≈'], ['达', '>='],
];
const AFTER: Array<[string, Comparator]> = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['内', '<='], ['左右', '≈'], ['上下', '≈'],
];
const alternation = (pairs: Array<[string, Comparator]>) => pairs.map(([word]) => escape(word)).join('|');

/**
 * Bounded quantifiers throughout, and sticky: findTargets tries it at one position at a time, so each try costs a
 * constant however long a run of numerals is (an unanchored search over a run of 千, a numeral and the first
 * character of 千米/千瓦, is what a backtracking checker flags as quadratic).
 */
const TARGET = new RegExp(
  `(${alternation(BEFORE)})?(?:(\\d{1,15}(?:\\.\\d{1,6})?|[${CHINESE_NUMERAL_CHARS}]{1,8}|半(?=个))(万亿|亿|万)?(${MEASURE_WORDS.map(escape).join('|')})|百分之([${CHINESE_NUMERAL_CHARS}]{1,4}|\\d{1,3}(?:\\.\\d{1,6})?))(${alternation(AFTER)})?`,
  'y',
);
/**
 * The characters a match can begin with: a comparator word, a numeral, 半 or 百分之. Elsewhere TARGET is not tried,
 * which spares a large alternation at most positions.
 */
const TARGET_START = new CodeUnitSet([...BEFORE.map(([word]) => word[0]!), ...'0123456789', ...CHINESE_NUMERAL_CHARS, '半', '百']);
const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
/** A number glued to these is a model name or an ordinal, not a quantity. */
const GLUED_BEFORE = /[A-Za-z0-9./+\-第]$/;

/** Every target in `text`, left to right, with offsets into `text`. Linear: one bounded sticky try per position. */
export function findTargets(text: string): FoundTarget[] {
  const quotes = new QuoteTracker();
  const found: FoundTarget[] = [];
  for (let start = 0; start < text.length; ) {
    const code = text.charCodeAt(start);
    const quoted = quotes.inside(code);
    if (!TARGET_START.has(code)) {
      start++;
      continue;
    }
    TARGET.lastIndex = start;
    const match = TARGET.exec(text);
    if (!match) {
      start++;
      continue;
    }
    const target = quoted ? undefined : readTarget(text, match, start);
    if (target) found.push(target);
    // As a global search would, the next try starts after this match, kept or not.
    quotes.skip(text, start + 1, start + match[0].length);
    start += match[0].length;
  }
  return found;
}

/** The target one match states, or nothing when the number is glued to a name, an ordinal or an idiom. */
function readTarget(text: string, match: RegExpExecArray, start: number): FoundTarget | undefined {
  const [written, before, numeral, multiplier, unit, percentWords, after] = match;
  const end = start + written.length;
  const numberStart = start + (before?.length ?? 0);
  if (GLUED_BEFORE.test(text.slice(Math.max(0, numberStart - 1), numberStart))) return undefined;
  const comparator = AFTER.find(([word]) => word === after)?.[1] ?? BEFORE.find(([word]) => word === before)?.[1] ?? '=';
  if (percentWords !== undefined) {
    const value = numeralValue(percentWords);
    return value === undefined ? undefined : { text: written, value, unit: '%', comparator, start, end };
  }
  // 半个工作日: half of one.
  const base = numeral === '半' ? 0.5 : numeralValue(numeral!);
  // The lone Chinese 一 is an article (一个平台, 一批); 百/千 without a digit open idioms (千家万户, 百城千屏).
  if (base === undefined || (numeral === '一' && !before) || /^[百千]/.test(numeral!)) return undefined;
  const product = base * (multiplier ? MULTIPLIER[multiplier]! : 1);
  // Twelve significant digits drop binary noise (1.1万 is 11000, not 11000.000000000002). An integer of at most twelve
  // digits has none, and most targets are such: they skip the round trip through a string.
  const value = Number.isInteger(product) && product < 1e12 ? product : Number(product.toPrecision(12));
  return { text: written, value, unit: unit === '％' ? '%' : unit!, comparator, start, end };
}
