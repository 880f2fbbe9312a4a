/**
 * Sentences that commit to places, deadlines and targets, each with its truth written here, by
 * the generator's own arithmetic (never by the readers under test): real prefectures by their
 * full names, deadlines in every form the reader knows resolved against the plan's year, and
 * targets with Arabic or Chinese numerals, 万/亿 and the comparator words.
 */
import { allJurisdictions, chainOf, findJurisdiction } from '../../graph/jurisdiction';
import type { Comparator, DeadlinePrecision } from '../../graph/model';
import { COMMON_WORDS } from '../../graph/places';
import type { Random } from './prng';

export interface ExpectedPlace {
  mention: string;
  code: string;
}
export interface ExpectedDeadline {
  text: string;
  date: string | null;
  precision: DeadlinePrecision;
}
export interface ExpectedTarget {
  text: string;
  value: number;
  unit: string;
  comparator: Comparator;
}
export interface ExpectedCommitments {
  places: ExpectedPlace[];
  deadlines: ExpectedDeadline[];
  targets: ExpectedTarget[];
}

export const noCommitments = (): ExpectedCommitments => ({ places: [], deadlines: [], targets: [] });

let prefectures: Array<{ code: string; name: string }> | undefined;
/** Prefectures whose full name names them alone in the whole table (so no plan's province decides), three characters or more. */
function namedPrefectures() {
  prefectures ??= allJurisdictions()
    .filter((j) => j.level === 'prefecture' && j.name.length >= 3 && !COMMON_WORDS.has(j.name) && findJurisdiction(j.name)?.code === j.code)
    .map(({ code, name }) => ({ code, name }));
  return prefectures;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const CHINESE_QUARTER = ['一', '二', '三', '四'];

/** `推动佛山市、南宁市…`: two real prefectures outside the plan's own chain (its setting is never a mention). */
export function placeSentence(random: Random, planCode: string, object: string): { text: string; truth: ExpectedCommitments } {
  const setting = new Set(chainOf(planCode).map((j) => j.code));
  const [a, b] = random.shuffle(namedPrefectures().filter((p) => !setting.has(p.code))).slice(0, 2);
  return {
    text: `推动${a!.name}、${b!.name}开展${object}。`,
    truth: { ...noCommitments(), places: [{ mention: a!.name, code: a!.code }, { mention: b!.name, code: b!.code }] },
  };
}

/** A deadline in one of the forms plans write, with the day it resolves to in a plan of `year`. */
export function deadlineSentence(random: Random, year: number, object: string): { text: string; truth: ExpectedCommitments } {
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const quarter = random.int(1, 4);
  const forms: Array<[string, string | null, DeadlinePrecision]> = [
    [`${year + 1}年${month}月底前`, `${year + 1}-${pad(month)}-${pad(lastDay(year + 1, month))}`, 'month'],
    [`${month}月${day}日前`, `${year}-${pad(month)}-${pad(day)}`, 'day'],
    ['年底前', `${year}-12-31`, 'year'],
    ['年内', `${year}-12-31`, 'year'],
    [`${CHINESE_QUARTER[quarter - 1]}季度末前`, `${year}-${pad(quarter * 3)}-${pad(lastDay(year, quarter * 3))}`, 'quarter'],
    ['上半年', `${year}-06-30`, 'half'],
    ['持续推进', null, 'ongoing'],
  ];
  const [text, date, precision] = random.pick(forms);
  return { text: `${text}完成${object}。`, truth: { ...noCommitments(), deadlines: [{ text, date, precision }] } };
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 2..99 in Chinese numerals: 十五, 二十, 九十九. */
const chinese = (n: number) => (n < 10 ? CHINESE_DIGITS[n]! : `${n >= 20 ? CHINESE_DIGITS[Math.floor(n / 10)] : ''}十${CHINESE_DIGITS[n % 10]}`);

/** A quantified target: a number, maybe 万 or 亿, a measure word, and the words that set the comparator. */
export function targetSentence(random: Random, object: string): { text: string; truth: ExpectedCommitments } {
  const n = random.int(2, 99);
  const [numeral, value] = random.pick([[String(n), n], [chinese(n), n], [`${n}万`, n * 1e4], [`${n}亿`, n * 1e8]] as Array<[string, number]>);
  const unit = random.pick(['个', '家', '项', '元', '个工作日', '%']);
  const [before, after, comparator] = random.pick([
    ['', '', '='],
    ['不少于', '', '>='],
    ['', '以上', '>='],
    ['压缩至', '以内', '<='],
    ['', '左右', '≈'],
    ['提升至', '', '>='],
  ] as Array<[string, string, Comparator]>);
  const text = `${before}${numeral}${unit}${after}`;
  return { text: `${object}目标${text}。`, truth: { ...noCommitments(), targets: [{ text, value, unit, comparator }] } };
}

/** The vocabulary's opener 持续推进 is ongoing work wherever it stands: the truth of a sentence built from `openers`. */
export function ongoingOpeners(text: string, openers: string[]): { text: string; truth: ExpectedCommitments } {
  const deadlines = openers.filter((opener) => opener === '持续推进').map(() => ({ text: '持续推进', date: null, precision: 'ongoing' as const }));
  return { text, truth: { ...noCommitments(), deadlines } };
}
