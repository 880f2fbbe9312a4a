const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 12 → 十二, 20 → 二十, 34 → 三十四 (item numbers stay below 100 in this genre). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`toChineseNumeral: ${n} is not in 1–99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/**
 * A search for an item number becomes its label as the parser writes it, `（十二）`: typing 12,
 * 十二 or (十二) finds item (十二) and not (三十二), whose text merely contains 十二.
 * Anything else is searched as typed.
 */
export function itemSearchText(query: string): string {
  const q = query.trim();
  if (/^\d{1,2}$/.test(q) && Number(q) >= 1) return `（${toChineseNumeral(Number(q))}）`;
  const numeral = /^[（(]?([一二三四五六七八九十]{1,3})[）)]?$/.exec(q);
  return numeral ? `（${numeral[1]}）` : q;
}
