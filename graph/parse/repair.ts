import type { MappedText } from './mappedText';

const WHITESPACE = /[\s\u3000\u00A0\uFEFF]/;
const ASCII_WORD = /[A-Za-z0-9]/;
/** Punctuation written half-width in Chinese context and normalised to full width. */
const TO_FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

function isChineseContext(char: string | undefined): boolean {
  return char !== undefined && char.charCodeAt(0) >= 0x2e80;
}

/**
 * Repairs one line of PDF-extracted text:
 * - full-width letters and digits become half-width (ＤＣＭＭ → DCMM), full-width spaces are spaces;
 * - `( ) , ; : ? !` next to Chinese become full-width, parentheses always do (labels such as
 *   （一） then read the same whatever width the file used), so `1,000` and `http://` survive;
 * - whitespace is removed, except one space between two Latin words or numbers (`Windows 11`),
 *   because PDF extraction puts spaces inside Chinese words (`数据管 理局`) that mean nothing.
 */
export function repairLine(source: string, lineStart: number, lineEnd: number): MappedText {
  const chars: { char: string; start: number; end: number }[] = [];
  // Code unit by code unit, so that repaired and source text stay index-aligned (a surrogate
  // pair simply passes through as two units).
  for (let i = lineStart; i < lineEnd; i++) {
    const code = source.charCodeAt(i);
    let char = source[i]!;
    if (code >= 0xff01 && code <= 0xff5e && !'（），；：？！'.includes(char)) char = String.fromCharCode(code - 0xfee0);
    chars.push({ char, start: i, end: i + 1 });
  }
  const visible = (index: number, step: 1 | -1): string | undefined => {
    for (let k = index + step; k >= 0 && k < chars.length; k += step) if (!WHITESPACE.test(chars[k]!.char)) return chars[k]!.char;
    return undefined;
  };
  const text: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  chars.forEach(({ char, start, end }, index) => {
    let out = char;
    if (WHITESPACE.test(char)) {
      const before = text[text.length - 1];
      const after = visible(index, 1);
      const keep = before !== undefined && before !== ' ' && ASCII_WORD.test(before) && after !== undefined && ASCII_WORD.test(after);
      if (!keep) return;
      out = ' ';
    } else if (char in TO_FULL_WIDTH) {
      if (char === '(' || char === ')' || isChineseContext(visible(index, -1)) || isChineseContext(visible(index, 1))) out = TO_FULL_WIDTH[char]!;
    }
    text.push(out);
    starts.push(start);
    ends.push(end);
  });
  return { text: text.join(''), starts, ends };
}
