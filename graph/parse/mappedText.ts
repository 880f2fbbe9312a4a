/**
 * Repaired text that remembers where each of its characters came from. `starts[i]`/`ends[i]`
 * are the source offsets of character i (a repaired character may stand for a full-width one,
 * and removed spaces simply leave gaps), so any range of repaired text maps back to the exact
 * stretch of the original an auditor can find.
 */
export interface MappedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export function slice(mapped: MappedText, from: number, to: number = mapped.text.length): MappedText {
  return { text: mapped.text.slice(from, to), starts: mapped.starts.slice(from, to), ends: mapped.ends.slice(from, to) };
}

export function concat(parts: readonly MappedText[]): MappedText {
  // Mapped texts are never changed, so one part is its own concatenation.
  if (parts.length === 1) return parts[0]!;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const part of parts) {
    for (const offset of part.starts) starts.push(offset);
    for (const offset of part.ends) ends.push(offset);
  }
  return { text: parts.map((p) => p.text).join(''), starts, ends };
}

/** Source range [start, end) of repaired characters [from, to); empty ranges sit at `from`. */
export function sourceRange(mapped: MappedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = mapped.starts[from] ?? mapped.ends[mapped.ends.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: mapped.starts[from]!, end: mapped.ends[to - 1]! };
}

/** A one-character separator (e.g. a line break between paragraphs) placed at a source offset. */
export function separator(char: string, at: number): MappedText {
  return { text: char, starts: [at], ends: [at] };
}
