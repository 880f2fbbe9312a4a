import { Converter } from 'opencc-js';
import { NameMemo } from '../memo';

/**
 * Traditional → simplified, one character at a time so that indices stay aligned with the
 * text they came from (OpenCC's phrase tables could change lengths). Hong Kong and Taiwan
 * reposts of mainland documents write 牽頭, 負責, 廣東省; the registry and the clause grammar
 * compare against the simplified form while names keep their written form.
 */
const toSimplifiedPhrase = Converter({ from: 'hk', to: 'cn' });
/** Simplified form of each code unit, filled in as characters are first met (0: not yet converted). */
const simplifiedUnit = new Uint16Array(0x10000);

/** The simplified form of one UTF-16 code unit (itself when it has none). */
function simplifyUnit(code: number): number {
  if (code < 0x3400 || (code >= 0xd800 && code <= 0xdfff)) return code;
  let simplified = simplifiedUnit[code]!;
  if (simplified === 0) {
    const char = String.fromCharCode(code);
    const converted = toSimplifiedPhrase(char);
    simplified = converted.length === 1 ? converted.charCodeAt(0) : code;
    simplifiedUnit[code] = simplified;
  }
  return simplified;
}

/**
 * Writes the simplified form of `units[0, length)` into `simplified`; whether any differs. One call per line of
 * text rather than one per character: under tsx every call through a module's exports goes through a getter.
 */
export function simplifyUnits(units: Uint16Array, simplified: Uint16Array, length: number): boolean {
  let changed = false;
  for (let i = 0; i < length; i++) {
    const code = units[i]!;
    const simple = simplifyUnit(code);
    simplified[i] = simple;
    if (simple !== code) changed = true;
  }
  return changed;
}

/** Same length as the input, every traditional character replaced by its simplified form. */
export function toSimplified(text: string): string {
  let first = 0;
  while (first < text.length && simplifyUnit(text.charCodeAt(first)) === text.charCodeAt(first)) first++;
  // Most text is simplified already: then it is returned as it is, without a copy.
  if (first === text.length) return text;
  let out = text.slice(0, first);
  for (let i = first; i < text.length; i++) out += String.fromCharCode(simplifyUnit(text.charCodeAt(i)));
  return out;
}

/** The key a unit name is looked up by: no whitespace, half-width letters, simplified characters. */
export function unitKey(name: string): string {
  return keys.get(name);
}

/** Unit names repeat across thousands of clauses, and the key is pure. */
const keys = new NameMemo((name: string) =>
  toSimplified(name.normalize('NFKC').replace(/\s+/g, '').replace(/[()]/g, (p) => (p === '(' ? '（' : '）'))),
);
