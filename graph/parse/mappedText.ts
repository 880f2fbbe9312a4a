/**
 * Repaired text that remembers where each of its characters came from. `starts[i]` is the source
 * offset of character i, which stands for the one source code unit there (a repaired character may
 * stand for a full-width one, and removed spaces simply leave gaps), except a separator line break,
 * which stands for none: repaired lines never hold a line break of their own. So any range of
 * repaired text maps back to the exact stretch of the original an auditor can find.
 */
export interface MappedText {
  readonly text: string;
  /**
   * toSimplified(text), made while repairing (the same string when nothing changed): the clause grammar and the
   * places, deadlines and targets readers all compare simplified text, and each simplifying it again cost a pass.
   */
  readonly simplified: string;
  readonly starts: Uint32Array;
}

const LINE_BREAK = 0x0a;

/** Source offset just past character i. */
function endOf(mapped: MappedText, i: number): number {
  return mapped.text.charCodeAt(i) === LINE_BREAK ? mapped.starts[i]! : mapped.starts[i]! + 1;
}

/** Source offset just past the last character, undefined when the text is empty. */
export function sourceEnd(mapped: MappedText): number | undefined {
  return mapped.text.length > 0 ? endOf(mapped, mapped.text.length - 1) : undefined;
}

/** Characters [from, to): a view of the offsets, not a copy (mapped texts are never changed). */
export function slice(mapped: MappedText, from: number, to: number = mapped.text.length): MappedText {
  const text = mapped.text.slice(from, to);
  return { text, simplified: mapped.simplified === mapped.text ? text : mapped.simplified.slice(from, to), starts: mapped.starts.subarray(from, to) };
}

export function concat(parts: readonly MappedText[]): MappedText {
  // Mapped texts are never changed, so one part is its own concatenation.
  if (parts.length === 1) return parts[0]!;
  const starts = new Uint32Array(parts.reduce((sum, part) => sum + part.starts.length, 0));
  let at = 0;
  for (const part of parts) {
    starts.set(part.starts, at);
    at += part.starts.length;
  }
  const text = parts.map((p) => p.text).join('');
  return { text, simplified: parts.every((p) => p.simplified === p.text) ? text : parts.map((p) => p.simplified).join(''), starts };
}

/** Source range [start, end) of repaired characters [from, to); empty ranges sit at `from`. */
export function sourceRange(mapped: MappedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = mapped.starts[from] ?? sourceEnd(mapped) ?? 0;
    return { start: at, end: at };
  }
  return { start: mapped.starts[from]!, end: endOf(mapped, to - 1) };
}

/** A line break between paragraphs, placed at a source offset and standing for no source character. */
export function lineBreak(at: number): MappedText {
  return { text: '\n', simplified: '\n', starts: Uint32Array.of(at) };
}
