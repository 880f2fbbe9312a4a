import { WARNINGS_PER_CODE, type ParseWarning, type WarningsOmitted } from '../model';
import type { ClauseWarning } from './clause';

interface Kept {
  warning: ClauseWarning;
  itemId: string | undefined;
  /** Order of arrival: warnings at one offset keep it. */
  seq: number;
}

const bySourceOrder = (a: Kept, b: Kept) => a.warning.offset - b.warning.offset || a.seq - b.seq;

/**
 * The warnings of one document, at most `perCode` of each code: the first in the source, the rest
 * counted, since a line of a million `(` warns a million times (docs/reliability.md, parser fuzzing).
 * Each code's list is cut back to `perCode` whenever it doubles, so memory stays bounded and the
 * work linear in the number of warnings.
 */
export class WarningCollector {
  private readonly kept = new Map<string, Kept[]>();
  private readonly omitted: WarningsOmitted = {};
  /** Per code, once it has been cut back: the offset of the last warning kept. */
  private readonly lastKeptOffset = new Map<string, number>();
  private seq = 0;

  constructor(private readonly perCode = WARNINGS_PER_CODE) {}

  add(warning: ClauseWarning, itemId?: string): void {
    const { code, offset } = warning;
    // After a cut, a warning past the last one kept can never be among the first: counted, not stored.
    const last = this.lastKeptOffset.get(code);
    if (last !== undefined && offset >= last) {
      this.omitted[code] = (this.omitted[code] ?? 0) + 1;
      return;
    }
    let list = this.kept.get(code);
    if (list === undefined) this.kept.set(code, (list = []));
    list.push({ warning, itemId, seq: this.seq++ });
    if (list.length >= 2 * this.perCode) this.cut(list);
  }

  private cut(list: Kept[]): void {
    if (list.length <= this.perCode) return;
    list.sort(bySourceOrder);
    const code = list[0]!.warning.code;
    this.omitted[code] = (this.omitted[code] ?? 0) + list.length - this.perCode;
    list.length = this.perCode;
    this.lastKeptOffset.set(code, list[this.perCode - 1]!.warning.offset);
  }

  /** The kept warnings in source order, located, and the count of the rest per code (undefined when none). */
  finish(locate: (offset: number) => { line: number; column: number }, file: string): { warnings: ParseWarning[]; warningsOmitted?: WarningsOmitted } {
    for (const list of this.kept.values()) this.cut(list);
    const warnings = [...this.kept.values()]
      .flat()
      .sort(bySourceOrder)
      .map(({ warning, itemId }) => {
        // Property by property in ParseWarningSchema's key order: conditional spreads cost V8 a runtime copy each.
        const located = { code: warning.code, message: warning.message } as ParseWarning;
        if (warning.params) located.params = warning.params;
        const { line, column } = locate(warning.offset);
        located.line = line;
        located.column = column;
        located.file = file;
        if (itemId) located.itemId = itemId;
        return located;
      });
    return Object.keys(this.omitted).length > 0 ? { warnings, warningsOmitted: { ...this.omitted } } : { warnings };
  }
}
