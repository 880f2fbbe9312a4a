import { z } from 'zod';

/**
 * Where and by when: what an item's body (its text outside the responsibility clause) says about
 * the places the work happens in, its deadlines and its quantified targets. Offsets are source
 * offsets as everywhere (document.ts): `source.slice(start, end)` is the mention as written (with
 * whatever spaces PDF extraction left inside it).
 */
const offset = z.number().int().nonnegative();

/** Governments of the division table, and `region` for named regions (粤港澳大湾区, 珠三角) that are no government. */
export const PlaceLevelSchema = z.enum(['province', 'prefecture', 'county', 'region']);
export type PlaceLevel = z.infer<typeof PlaceLevelSchema>;

/** A GB/T 2260 code (`440100`), or `R-` and a key for a named region (`R-GBA`). */
export const PlaceCodeSchema = z.string().regex(/^(?:\d{6}|R-[A-Z0-9-]+)$/, 'a 6-digit GB/T 2260 code or a region code R-…');

export const PlaceSchema = z.object({
  code: PlaceCodeSchema,
  /** The official name: 广州市, 南沙区, 粤港澳大湾区. */
  name: z.string().min(1),
  level: PlaceLevelSchema,
  /** The mention as written, without whitespace: 广州, 横琴, 珠三角. */
  mention: z.string().min(1),
  /** For a zone (前海, 横琴), its name: the place is the district it lies in. */
  zone: z.string().optional(),
  start: offset,
  end: offset,
});
export type Place = z.infer<typeof PlaceSchema>;

/**
 * How precisely the text fixes the date: 6月15日前 day, 2025年6月底前 month, 三季度末前 quarter,
 * 上半年 half (a half-year), 年底前 / 年内 year; `ongoing` (持续推进, 长期坚持) has no date.
 */
export const DeadlinePrecisionSchema = z.enum(['day', 'month', 'quarter', 'half', 'year', 'ongoing']);
export type DeadlinePrecision = z.infer<typeof DeadlinePrecisionSchema>;

export const DeadlineSchema = z.object({
  /** As written, without whitespace: `2025年6月底前`, `年内`, `持续推进`. */
  text: z.string().min(1),
  /**
   * The last day the text allows, YYYY-MM-DD; relative forms (年底前, 三季度末前) resolve against
   * the plan's year. Null for ongoing work, and when the text gives no year and the plan has none.
   */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  precision: DeadlinePrecisionSchema,
  start: offset,
  end: offset,
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** 不少于/以上/达到 `>=`, 以内/不超过/压缩至 `<=`, 左右/约 `≈`, otherwise `=`. */
export const ComparatorSchema = z.enum(['>=', '<=', '=', '≈']);
export type Comparator = z.infer<typeof ComparatorSchema>;

export const TargetSchema = z.object({
  /** As written, without whitespace, comparator words included: `不少于100亿元`, `1个工作日以内`. */
  text: z.string().min(1),
  /** The number with 万 / 亿 applied: `1.5万个` → 15000, `100亿元` → 10000000000, `95%` → 95. */
  value: z.number().finite(),
  /** The measure word without 万 / 亿: 个, 家, 元, 个工作日, %, PFlops. */
  unit: z.string().min(1),
  comparator: ComparatorSchema,
  start: offset,
  end: offset,
});
export type Target = z.infer<typeof TargetSchema>;
