import { parseResponsibilityClause, type ClauseContext, type ClauseReading, type ClauseWarning } from './clause';
import { slice, sourceRange, type MappedText } from './mappedText';
import { ROLE_LABEL } from './roles';

export interface FoundClause {
  /** The parenthetical in the paragraph's repaired text, parentheses included: [from, to). */
  from: number;
  to: number;
  reading: ClauseReading;
}

/** Only sentence punctuation may follow a trailing clause. */
const AFTER_CLAUSE = /^[。；;，,.\s]*$/;
/**
 * How far before its closing parenthesis a clause whose opening one is lost may start, in characters: every
 * start tried reads the rest of the clause, so this bounds the search at LONGEST_LOST_CLAUSE² per item
 * rather than the square of the sentence (docs/reliability.md has the line that showed it). Real clauses stay far
 * below it: the longest in the seeds, fixtures and synthetic corpus has 79 characters.
 */
const LONGEST_LOST_CLAUSE = 200;
/** ROLE_LABEL without the global flag, so that exec always searches from the start. */
const FIRST_ROLE_LABEL = new RegExp(ROLE_LABEL.source);

/** One message string for every such warning: a runaway line has a million of them. */
const UNBALANCED = { 'a closing': 'a closing parenthesis is never opened', 'an opening': 'an opening parenthesis is never closed' };

function unbalanced(body: MappedText, index: number, what: 'a closing' | 'an opening'): ClauseWarning {
  return { code: 'unbalanced-parenthesis', message: UNBALANCED[what], offset: body.starts[index]! };
}

/** The clause in [innerFrom, innerTo) of the body, when it names units; [from, to) includes its parentheses. */
function read(body: MappedText, context: ClauseContext, from: number, innerFrom: number, innerTo: number, to: number): FoundClause | undefined {
  const reading = parseResponsibilityClause(slice(body, innerFrom, innerTo), context);
  return reading.namesUnits ? { from, to, reading } : undefined;
}

/**
 * The trailing parenthetical that names units. Parentheticals inside a body — (LIMS),
 * (简称 DCMM), (广东) — are passed over: they are not at the end, or they name no unit.
 * A clause missing one of its parentheses is still read, with a warning.
 */
export function findTrailingClause(body: MappedText, context: ClauseContext, warnings: ClauseWarning[]): FoundClause | undefined {
  const text = body.text;
  const groups: [number, number][] = [];
  const open: number[] = [];
  const unmatchedClose: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xff08 /* （ */) open.push(i);
    else if (code === 0xff09 /* ） */) {
      const from = open.pop();
      if (from === undefined) unmatchedClose.push(i);
      else if (open.length === 0) groups.push([from, i + 1]);
    }
  }
  for (const index of unmatchedClose) warnings.push(unbalanced(body, index, 'a closing'));
  for (const index of open) warnings.push(unbalanced(body, index, 'an opening'));

  let end = text.length;
  while (end > 0 && /[。；;，,.\s]/.test(text[end - 1]!)) end--;
  const firstOpen = open[0];
  if (firstOpen !== undefined) return read(body, context, firstOpen, firstOpen + 1, end, end);
  const lastClose = unmatchedClose[unmatchedClose.length - 1];
  if (lastClose !== undefined && lastClose === end - 1) {
    // The opening parenthesis is lost, so the clause starts where the first unit the registry knows does.
    // Groups end in order, so the last one ends last (no spread: there may be millions).
    const lastGroupEnd = groups.length > 0 ? groups[groups.length - 1]![1] - 1 : -1;
    const sentenceStart = Math.max(text.lastIndexOf('。', lastClose), lastGroupEnd) + 1;
    // Each try reads the rest of the clause, so the tries stay within a clause's length of its end.
    for (let from = Math.max(sentenceStart, lastClose - LONGEST_LOST_CLAUSE); from < lastClose; from++) {
      const clause = read(body, context, from, from, lastClose, end);
      if (clause && clause.reading.assignments.every((a) => !a.provisional)) return clause;
    }
    return read(body, context, sentenceStart, sentenceStart, lastClose, end);
  }
  const last = groups[groups.length - 1];
  if (last && AFTER_CLAUSE.test(text.slice(last[1]))) {
    if (last[1] - last[0] === 2) warnings.push({ code: 'empty-clause', message: 'the trailing parentheses name no unit at all', offset: sourceRange(body, last[0], last[0] + 1).start });
    return read(body, context, last[0], last[0] + 1, last[1] - 1, last[1]);
  }
  // No parentheses at all: a last sentence that is a role label, `…工作。责任单位：省科技厅`.
  const lastSentence = text.lastIndexOf('。', end - 1) + 1;
  const label = FIRST_ROLE_LABEL.exec(body.simplified.slice(lastSentence, end));
  return label?.index === 0 ? read(body, context, lastSentence, lastSentence, end, end) : undefined;
}
