import { endianness } from 'node:os';
import { simplifyUnits } from '../registry';
import type { MappedText } from './mappedText';

/** The code units `/[\s\u3000\u00A0\uFEFF]/` matches, tested without a regex (this runs once per source character). */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** [A-Za-z0-9] */
function isAsciiWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isChineseContext(code: number): boolean {
  return code >= 0x2e80;
}

/** Full-width letters, digits and signs become half-width, except the punctuation Chinese text writes full width. */
function halfWidth(code: number): number {
  if (code < 0xff01 || code > 0xff5e) return code;
  // （），；：？！ stay as they are.
  if (code === 0xff08 || code === 0xff09 || code === 0xff0c || code === 0xff1b || code === 0xff1a || code === 0xff1f || code === 0xff01) return code;
  return code - 0xfee0;
}

/** Punctuation written half-width in Chinese context and normalised to full width: ( ) , ; : ? ! → （），；：？！ */
function fullWidth(code: number): number {
  switch (code) {
    case 0x28:
      return 0xff08;
    case 0x29:
      return 0xff09;
    case 0x2c:
      return 0xff0c;
    case 0x3b:
      return 0xff1b;
    case 0x3a:
      return 0xff1a;
    case 0x3f:
      return 0xff1f;
    case 0x21:
      return 0xff01;
    default:
      return code;
  }
}

/** Index of the first non-whitespace character after `i` in the line, `lineEnd` when there is none. */
function nextVisibleIndex(source: string, i: number, lineEnd: number): number {
  let k = i + 1;
  while (k < lineEnd && isWhitespace(source.charCodeAt(k))) k++;
  return k;
}

/** The (half-width) character at `k`, -1 past the line. */
function visibleAt(source: string, k: number, lineEnd: number): number {
  return k < lineEnd ? halfWidth(source.charCodeAt(k)) : -1;
}

/** Output code units of the line being repaired and their simplified forms; grown as needed, reused across lines. */
let buffer = new Uint16Array(4096);
let simplifiedBuffer = new Uint16Array(4096);
/** The same memory as bytes, to make strings from (decode), made with the arrays rather than per line. */
let bufferBytes = Buffer.from(buffer.buffer);
let simplifiedBytes = Buffer.from(simplifiedBuffer.buffer);
const CHUNK = 8192;
/**
 * A Uint16Array holds its code units in the machine's byte order, which is UTF-16LE on every little-endian machine:
 * there a string is read from its bytes at once (Buffer#toString('utf16le') copies them), five times as fast as
 * String.fromCharCode over a line of 100 characters. Big-endian machines (s390x) take them one by one.
 */
const LITTLE_ENDIAN = endianness() === 'LE';

function decode(units: Uint16Array, bytes: Buffer, length: number): string {
  if (LITTLE_ENDIAN) return bytes.toString('utf16le', 0, 2 * length);
  let text = '';
  for (let from = 0; from < length; from += CHUNK)
    text += String.fromCharCode.apply(null, units.subarray(from, Math.min(length, from + CHUNK)) as unknown as number[]);
  return text;
}

/**
 * Repairs one line of PDF-extracted text:
 * - full-width letters and digits become half-width (ＤＣＭＭ → DCMM), full-width spaces are spaces;
 * - `( ) , ; : ? !` next to Chinese become full-width, parentheses always do (labels such as
 *   （一） then read the same whatever width the file used), so `1,000` and `http://` survive;
 * - whitespace is removed, except one space between two Latin words or numbers (`Windows 11`),
 *   because PDF extraction puts spaces inside Chinese words (`数据管 理局`) that mean nothing.
 *
 * One pass over the code units (a surrogate pair simply passes through as two units), so that
 * repaired and source text stay index-aligned and a line costs time linear in its length.
 *
 * `offsets`: where the source offsets go, an array indexed like `source` (one for the whole document, so that no line
 * allocates its own): the line's are written from `lineStart` on, which is room enough, since a repaired line is never
 * longer than its source. The result's `starts` is a view of them.
 */
export function repairLine(source: string, lineStart: number, lineEnd: number, offsets = new Uint32Array(source.length)): MappedText {
  if (buffer.length < lineEnd - lineStart) {
    buffer = new Uint16Array(lineEnd - lineStart);
    simplifiedBuffer = new Uint16Array(lineEnd - lineStart);
    bufferBytes = Buffer.from(buffer.buffer);
    simplifiedBytes = Buffer.from(simplifiedBuffer.buffer);
  }
  let length = 0;
  /** Last repaired character written, -1 before the first. */
  let before = -1;
  /** Last non-whitespace character read (half-width, not yet made full-width), -1 before the first. */
  let previousVisible = -1;
  /** Index of the first non-whitespace character after the current position (valid while it lies ahead). */
  let nextVisibleAt = lineStart;
  for (let i = lineStart; i < lineEnd; i++) {
    const code = source.charCodeAt(i);
    let out: number;
    if (isWhitespace(code)) {
      if (!isAsciiWord(before)) continue;
      if (nextVisibleAt <= i) nextVisibleAt = nextVisibleIndex(source, i, lineEnd);
      if (!isAsciiWord(visibleAt(source, nextVisibleAt, lineEnd))) continue;
      out = 0x20;
    } else {
      const char = halfWidth(code);
      out = char;
      const wide = fullWidth(char);
      if (wide !== char) {
        if (nextVisibleAt <= i) nextVisibleAt = nextVisibleIndex(source, i, lineEnd);
        const chinese = isChineseContext(previousVisible) || isChineseContext(visibleAt(source, nextVisibleAt, lineEnd));
        if (char === 0x28 || char === 0x29 || chinese) out = wide;
      }
      previousVisible = char;
    }
    offsets[lineStart + length] = i;
    buffer[length++] = out;
    before = out;
  }
  const text = decode(buffer, bufferBytes, length);
  const traditional = simplifyUnits(buffer, simplifiedBuffer, length);
  return { text, simplified: traditional ? decode(simplifiedBuffer, simplifiedBytes, length) : text, starts: offsets.subarray(lineStart, lineStart + length) };
}
