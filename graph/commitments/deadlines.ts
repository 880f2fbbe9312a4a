/**
 * Deadlines an item sets, resolved to the last day they allow. Forms without a year resolve
 * against the plan's year: 年底前 / 年内 → 12-31, 三季度末前 → 09-30, 上半年 → 06-30, 6月底前 →
 * 06-30. What is read (docs/places.md has the table):
 * - day: `[YYYY年]M月D日前`; month: `[YYYY年]M月底前`, `M月底`, `M月前`;
 * - quarter: `[YYYY年][第]三季度末前` (also 底, 前, 内); half: `[YYYY年]上半年`, `下半年`;
 * - year: `[YYYY年]年底前`, `年底`, `年末`, `年内`, `到YYYY年`, `YYYY年底`;
 * - ongoing, with no date: 持续推进, 长期坚持, 长期推进, 常态化推进.
 * Not deadlines: durations (三年内), past dates (去年底), recurring ones (每年年底), and a bare
 * year (2025年 alone, often a name: 2023世界超高清视频产业发展大会).
 */
import { CodeUnitSet } from '../codeUnitSet';
import type { Deadline } from '../model';
import { numeralValue } from './numerals';

export type FoundDeadline = Omit<Deadline, 'start' | 'end'> & { start: number; end: number };

const NUMERAL = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:(\\d{4}|[〇零一二三四五六七八九]{4})年)?';
const BEFORE = '(?:前|之前|以前)';

/** The characters a written year (YEAR) and a month or day numeral (NUMERAL) can begin with. */
const YEAR_START = '0123456789〇零一二三四五六七八九';
const NUMERAL_START = '0123456789一二三四五六七八九十';

interface Form {
  /** The characters a match can begin with: at any other the pattern is not tried. */
  starts: CodeUnitSet;
  /**
   * Characters every match holds (one of them at least), each with how far past the match's start it can stand at
   * most: where none stands that near, the pattern is not tried.
   */
  anchors: Readonly<Record<string, number>>;
  pattern: RegExp;
  read(match: RegExpExecArray, year: number | undefined): Omit<FoundDeadline, 'text' | 'start' | 'end'> | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const yearOf = (written: string | undefined, plan: number | undefined) => (written === undefined ? plan : numeralValue(written));
const dated = (year: number | undefined, month: number, day: number) => (year === undefined ? null : `${year}-${pad(month)}-${pad(day)}`);

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Tried in order at each position: the most specific form first. */
const FORMS: Form[] = [
  {
    starts: new CodeUnitSet(YEAR_START + NUMERAL_START),
    // A written year (5 characters) and a numeral (3) come before 月.
    anchors: { 月: 8 },
    pattern: new RegExp(`${YEAR}${NUMERAL}月${NUMERAL}日${BEFORE}`, 'y'),
    read: (m, plan) => {
      const month = numeralValue(m[2]!);
      const day = numeralValue(m[3]!);
      const year = yearOf(m[1], plan);
      if (!month || month > 12 || !day || day > 31) return undefined;
      return { date: dated(year, month, day), precision: 'day' };
    },
  },
  {
    starts: new CodeUnitSet(YEAR_START + NUMERAL_START),
    anchors: { 月: 8 },
    pattern: new RegExp(`${YEAR}${NUMERAL}月(?:(?:底|末|份)${BEFORE}?|${BEFORE})`, 'y'),
    read: (m, plan) => {
      const month = numeralValue(m[2]!);
      const year = yearOf(m[1], plan);
      if (!month || month > 12) return undefined;
      return { date: year === undefined ? null : dated(year, month, lastDay(year, month)), precision: 'month' };
    },
  },
  {
    starts: new CodeUnitSet(`${YEAR_START}第一二三四1234`),
    anchors: { 季: 7 },
    pattern: new RegExp(`${YEAR}第?([一二三四1-4])季度(?:(?:末|底)${BEFORE}?|${BEFORE}|内)`, 'y'),
    read: (m, plan) => {
      const year = yearOf(m[1], plan);
      const month = QUARTER[m[2]!]! * 3;
      return { date: year === undefined ? null : dated(year, month, lastDay(year, month)), precision: 'quarter' };
    },
  },
  {
    starts: new CodeUnitSet(`${YEAR_START}上下`),
    anchors: { 半: 6 },
    pattern: new RegExp(`${YEAR}(上|下)半年(?:(?:底|末)${BEFORE}?|${BEFORE}|内)?`, 'y'),
    read: (m, plan) => {
      const year = yearOf(m[1], plan);
      return { date: m[2] === '上' ? dated(year, 6, 30) : dated(year, 12, 31), precision: 'half' };
    },
  },
  {
    starts: new CodeUnitSet(`${YEAR_START}年本今`),
    anchors: { 年: 5 },
    pattern: new RegExp(`${YEAR}(?:年底|年末)${BEFORE}?|(\\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末)${BEFORE}?|(?:本|今)?年内|年度内`, 'y'),
    read: (m, plan) => ({ date: dated(yearOf(m[1] ?? m[2], plan), 12, 31), precision: 'year' }),
  },
  {
    starts: new CodeUnitSet('到至截'),
    // 截止到 and four digits come before 年.
    anchors: { 年: 7 },
    pattern: /(?:到|至|截至|截止到?)(\d{4})年(?![\d一二三四五六七八九十上下第底末])/y,
    read: (m) => ({ date: dated(Number(m[1]), 12, 31), precision: 'year' }),
  },
  { starts: new CodeUnitSet('持长常'), anchors: { 推: 3, 坚: 2 }, pattern: /持续推进|长期坚持|长期推进|常态化推进/y, read: () => ({ date: null, precision: 'ongoing' }) },
];

/** Characters that make a following 年内 / 年底 a duration, a past date or a recurrence. */
const NOT_A_DEADLINE_BEFORE = /(?:[\d一二三四五六七八九十两几半去上前多]|每年?)$/;

/**
 * The characters a match of some form can begin with (a year or numeral, 第, 上/下, 年, 本/今, 到/至/截, 持/长/常):
 * elsewhere no form is tried, which spares seven regular expressions at most positions.
 */
const FORM_START = CodeUnitSet.union(FORMS.map((form) => form.starts));

/** The anchors of every form, and the farthest any form lets each stand past a match's start. */
const ANCHORS = [...new Set(FORMS.flatMap((form) => Object.keys(form.anchors)))];
const FARTHEST = ANCHORS.map((anchor) => Math.max(...FORMS.map((form) => form.anchors[anchor] ?? 0)));
/** Per form, its anchors as [index into ANCHORS, how far], for the loop. */
const FORM_ANCHORS = FORMS.map((form) => Object.entries(form.anchors).map(([anchor, reach]) => [ANCHORS.indexOf(anchor), reach] as const));

/** Whether one of a form's anchors stands near enough after `i` for a match there (a loop, not some(): no closure per position). */
function anchorNear(anchors: (typeof FORM_ANCHORS)[number], anchorAt: number[], i: number): boolean {
  for (const [k, reach] of anchors) if (anchorAt[k]! >= 0 && anchorAt[k]! - i <= reach) return true;
  return false;
}

/** Where each anchor next stands, at or after a position that moves forward through a text: one indexOf pass per anchor. */
class AnchorCursor {
  /** Per anchor, -1 when none is left. */
  readonly at: number[];
  /** The first position where a match can start, given the anchors ahead; Infinity when none is. */
  earliestStart = Infinity;
  /** The nearest anchor ahead: until the position passes it, nothing changes. */
  private nearest = -1;

  constructor(private readonly text: string) {
    this.at = ANCHORS.map((anchor) => text.indexOf(anchor));
  }

  moveTo(i: number): void {
    if (i <= this.nearest) return;
    const { at, text } = this;
    this.earliestStart = this.nearest = Infinity;
    for (let k = 0; k < ANCHORS.length; k++) {
      if (at[k]! >= 0 && at[k]! < i) at[k] = text.indexOf(ANCHORS[k]!, i);
      if (at[k]! < 0) continue;
      this.earliestStart = Math.min(this.earliestStart, at[k]! - FARTHEST[k]!);
      this.nearest = Math.min(this.nearest, at[k]!);
    }
  }
}

/**
 * Every deadline in `text`, left to right, with offsets into `text`. Linear: a fixed set of bounded patterns per
 * position, and each anchor's next place found with indexOf, each search starting where the last one ended.
 */
export function findDeadlines(text: string, planYear: number | undefined): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  // Positions far from every anchor are skipped.
  const anchors = new AnchorCursor(text);
  for (let i = 0; i < text.length; ) {
    anchors.moveTo(i);
    if (anchors.earliestStart === Infinity) break;
    if (anchors.earliestStart > i) {
      i = anchors.earliestStart;
      continue;
    }
    let hit: FoundDeadline | undefined;
    const code = text.charCodeAt(i);
    if (!FORM_START.has(code)) {
      i++;
      continue;
    }
    for (let f = 0; f < FORMS.length; f++) {
      const form = FORMS[f]!;
      if (!form.starts.has(code) || !anchorNear(FORM_ANCHORS[f]!, anchors.at, i)) continue;
      form.pattern.lastIndex = i;
      const match = form.pattern.exec(text);
      if (!match) continue;
      // 年内 / 年底 written right after a number or 去/每 (三年内, 去年底, 每年年底) is no deadline.
      if (/^(?:本|今)?年|^年度/.test(match[0]) && NOT_A_DEADLINE_BEFORE.test(text.slice(Math.max(0, i - 2), i))) break;
      const reading = form.read(match, planYear);
      if (reading) hit = { text: match[0], ...reading, start: i, end: i + match[0].length };
      break;
    }
    if (hit) {
      found.push(hit);
      i = hit.end;
    } else i++;
  }
  return found;
}
