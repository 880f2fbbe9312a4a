/** Chinese numerals as plans write them: 十五, 一百二十, 两千, 三万 (万 and 亿 are read by the caller), 二〇二五. */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * The value of a Chinese numeral below 万, or undefined when the characters are no well-formed
 * numeral (十四五 is the 14th Five-Year Plan, not a number). Digit strings (二〇二五) read digit by digit.
 */
export function chineseNumeralValue(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if (text.length > 1 && [...text].every((c) => c in DIGIT)) return Number([...text].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let pending: number | undefined;
  let lastPower = Infinity;
  for (const char of text) {
    if (char in DIGIT) {
      if (pending !== undefined && pending !== 0) return undefined; // two digits in a row: 十四五
      pending = DIGIT[char];
    } else if (char in POWER) {
      const power = POWER[char]!;
      if (power >= lastPower) return undefined;
      total += (pending ?? 1) * power;
      pending = undefined;
      lastPower = power;
    } else return undefined;
  }
  return total + (pending ?? 0);
}

/** Arabic (`1.5`, `12`) or Chinese (`十二`) numerals. */
export function numeralValue(text: string): number | undefined {
  if (/^\d{1,15}(?:\.\d{1,6})?$/.test(text)) return Number(text);
  return chineseNumeralValue(text);
}
