/**
 * A set of UTF-16 code units as a bitset: 8 KB, which stays in the first-level cache while a reader tests every
 * character of a text against it. A byte (or word) per code unit takes 64–128 KB, and Chinese text reads it all over
 * its 21,000 ideographs, so every test there missed the cache.
 */
export class CodeUnitSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  constructor(chars: Iterable<string> = []) {
    for (const char of chars) this.add(char.charCodeAt(0));
  }

  /** The code units in any of `sets`. */
  static union(sets: readonly CodeUnitSet[]): CodeUnitSet {
    const union = new CodeUnitSet();
    for (const set of sets) for (let i = 0; i < union.bits.length; i++) union.bits[i]! |= set.bits[i]!;
    return union;
  }

  add(code: number): void {
    this.bits[code >>> 5]! |= 1 << (code & 31);
  }

  /** Whether the code unit is in the set (NaN, charCodeAt past the end, reads as code unit 0). */
  has(code: number): boolean {
    return (this.bits[(code >>> 5) & 0x7ff]! & (1 << (code & 31))) !== 0;
  }
}
