/** Two plans in, their comparison out: match, classify, and weigh each unit's load before and after. */
import { isContinued, responsibilityChanges } from './classification';
import { unitLoadChanges } from './load';
import { assign, type Candidate } from './matching';
import { cosine, similarPairs, tfidfVectors } from './similarity';
import { CompareOptionsSchema, type CompareOptionsInput, type ComparablePlan, type Comparison, type Pair } from './types';

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The matched pairs of two plans: text similarity over title and body (never the clause, whose
 * department names are what the owner changes report, and whose boilerplate would make unrelated tasks
 * of the same departments look alike), the section titles' similarity as a tie-breaker, an optimal
 * assignment, and the threshold.
 */
export function matchItems(oldPlan: ComparablePlan, newPlan: ComparablePlan, options: CompareOptionsInput = {}): { oldIndex: number; newIndex: number; similarity: number }[] {
  const { threshold, sectionWeight } = CompareOptionsSchema.parse(options);
  const texts = [...oldPlan.items, ...newPlan.items].map((item) => item.body);
  const vectors = tfidfVectors(texts);
  const sectionVectors = tfidfVectors([...oldPlan.items, ...newPlan.items].map((item) => item.sectionTitle ?? ''));
  const oldCount = oldPlan.items.length;
  const similar = similarPairs(vectors.slice(0, oldCount), vectors.slice(oldCount), threshold);
  const similarity = new Map(similar.map((pair) => [`${pair.row},${pair.column}`, pair.similarity]));
  const candidates: Candidate[] = similar.map(({ row, column, similarity: text }) => {
    const [a, b] = [sectionVectors[row]!, sectionVectors[oldCount + column]!];
    return { row, column, score: text + sectionWeight * (a.size > 0 && b.size > 0 ? cosine(a, b) : 0) };
  });
  return assign(candidates).map(({ row, column }) => ({ oldIndex: row, newIndex: column, similarity: similarity.get(`${row},${column}`)! }));
}

export function comparePlans(oldPlan: ComparablePlan, newPlan: ComparablePlan, options: CompareOptionsInput = {}): Comparison {
  const parsed = CompareOptionsSchema.parse(options);
  const matches = matchItems(oldPlan, newPlan, parsed);
  const pairs: Pair[] = matches.map(({ oldIndex, newIndex, similarity }) => {
    const [a, b] = [oldPlan.items[oldIndex]!, newPlan.items[newIndex]!];
    return {
      oldItem: a.id,
      newItem: b.id,
      similarity: round(similarity),
      status: isContinued(a.body, b.body, parsed.continuedTolerance) ? 'continued' : 'revised',
      changes: responsibilityChanges(a, b),
    };
  });
  const matchedOld = new Set(matches.map((m) => m.oldIndex));
  const matchedNew = new Set(matches.map((m) => m.newIndex));
  return {
    old: oldPlan.document,
    new: newPlan.document,
    threshold: parsed.threshold,
    pairs,
    added: newPlan.items.filter((_item, index) => !matchedNew.has(index)).map((item) => item.id),
    dropped: oldPlan.items.filter((_item, index) => !matchedOld.has(index)).map((item) => item.id),
    units: unitLoadChanges(oldPlan, newPlan),
  };
}
