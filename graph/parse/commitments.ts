/**
 * Where and by when, per item: places its body names (outside the clause: a city government in
 * the clause is a responsibility, not a place of work), and the deadlines and targets its whole
 * text sets (a clause's 完成时限 is the item's deadline too). Offsets map back to the source.
 */
import { findDeadlines, findTargets } from '../commitments';
import type { Deadline, Place, Target } from '../model';
import { findPlaces } from '../places';
import { sourceRange, type MappedText } from './mappedText';

export interface CommitmentContext {
  /** GB/T 2260 code of the plan's jurisdiction. */
  jurisdiction?: string;
  /** The plan's year, against which 年底前 and 三季度末前 resolve. */
  year?: number;
}

export interface ItemCommitments {
  places: Place[];
  deadlines: Deadline[];
  targets: Target[];
}

type Span = { start: number; end: number };

/** The finding with source offsets in place of offsets into the item's text: changed in place, as the readers' findings are fresh objects. */
function located<T extends Span>(text: MappedText, found: T): T {
  const { start, end } = sourceRange(text, found.start, found.end);
  found.start = start;
  found.end = end;
  return found;
}

/** A numeral inside a place name is part of the name (七台河市, 六盘水市), not a deadline or a target. */
function outside(places: readonly Span[], { start, end }: Span): boolean {
  return !places.some((place) => start < place.end && place.start < end);
}

/** `clause`: the clause's range in `text` (textStart, textEnd), masked out for places. */
export function readCommitments(text: MappedText, clause: { textStart: number; textEnd: number } | null, context: CommitmentContext): ItemCommitments {
  // Simplifying keeps the length, so offsets into it are offsets into text.text.
  const { simplified } = text;
  const places = findPlaces(simplified, { jurisdiction: context.jurisdiction }, clause ? { from: clause.textStart, to: clause.textEnd } : undefined);
  // Inline arrows and functions declared once: under tsx (keepNames) a named closure costs a defineProperty per item.
  const deadlines = findDeadlines(simplified, context.year).filter((found) => outside(places, found));
  const targets = findTargets(simplified).filter((found) => outside(places, found));
  // Located last: in place, and the places' offsets must stay the text's while deadlines and targets are sifted.
  return {
    places: places.map((found) => located(text, found)),
    deadlines: deadlines.map((found) => located(text, found)),
    targets: targets.map((found) => located(text, found)),
  };
}
