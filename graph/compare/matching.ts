/**
 * The assignment: each old item to at most one new item, maximising the total score of the matched
 * pairs (Hungarian algorithm, the `munkres` package). A pair scores its text similarity plus a
 * small share of its sections' title similarity, so that section context decides only between
 * near-equal candidates; pairs whose text similarity is below the threshold are never matched.
 */
import { munkres } from 'munkres';

export interface Candidate {
  row: number;
  column: number;
  /** What the assignment maximises (text similarity plus the section tie-breaker). */
  score: number;
}

/**
 * The optimal one-to-one matching of `candidates` (the pairs allowed at all). Rows and columns that
 * share no candidate cannot affect each other, so the problem splits into the connected components
 * of the candidate graph and each is solved alone: the same optimum, on matrices of a few items
 * instead of the whole plans.
 */
export function assign(candidates: readonly Candidate[]): Candidate[] {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps the later finds short.
    for (let current = node; current !== root; ) {
      const next = parent.get(current)!;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  const node = (side: 'r' | 'c', index: number) => {
    const key = `${side}${index}`;
    if (!parent.has(key)) parent.set(key, key);
    return key;
  };
  for (const { row, column } of candidates) {
    const [a, b] = [find(node('r', row)), find(node('c', column))];
    if (a !== b) parent.set(a, b);
  }
  const components = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const root = find(`r${candidate.row}`);
    components.set(root, [...(components.get(root) ?? []), candidate]);
  }
  const chosen: Candidate[] = [];
  for (const component of components.values()) {
    if (component.length === 1) {
      chosen.push(component[0]!);
      continue;
    }
    const rows = [...new Set(component.map((c) => c.row))];
    const columns = [...new Set(component.map((c) => c.column))];
    const rowIndex = new Map(rows.map((row, i) => [row, i]));
    const columnIndex = new Map(columns.map((column, i) => [column, i]));
    const top = Math.max(...component.map((c) => c.score));
    // Costs: top − score for a candidate, top (no gain) for a pair that is not one.
    const cost = rows.map(() => columns.map(() => top));
    const byCell = new Map<string, Candidate>();
    for (const candidate of component) {
      const [r, c] = [rowIndex.get(candidate.row)!, columnIndex.get(candidate.column)!];
      cost[r]![c] = top - candidate.score;
      byCell.set(`${r},${c}`, candidate);
    }
    for (const [r, c] of munkres(cost)) {
      const candidate = byCell.get(`${r},${c}`);
      if (candidate) chosen.push(candidate);
    }
  }
  return chosen.sort((a, b) => a.row - b.row);
}
