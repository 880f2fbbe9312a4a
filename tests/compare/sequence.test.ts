/**
 * Matching against the generator's ground truth: a plan and its next four years, with items dropped,
 * added, reworded lightly and heavily, moved across sections, and owners added, removed, swapped and
 * renamed through a registry successor. Every step's pairs are compared with the truth.
 */
import { generatePlanSequence, type TruthPair } from '../../bench/synth';
import { buildLineages, canonicalUnitId, comparePlans, planFromParsed, type Comparison, type Pair } from '../../graph/compare';
import { parseDocument } from '../../graph/parse';
import { createRegistry } from '../../graph/registry';

const sequence = generatePlanSequence({ seed: 2021, years: 5, firstYear: 2021, items: 60 });
const registry = createRegistry(sequence.registry.units);
const plans = sequence.documents.map((d) =>
  planFromParsed(parseDocument(Buffer.from(d.text), { source: `${d.id}.txt`, registry, sidecar: d.sidecar }), registry),
);
const comparisons: Comparison[] = sequence.truth.steps.map((_step, i) => comparePlans(plans[i]!, plans[i + 1]!));
const key = (pair: { oldItem: string; newItem: string }) => `${pair.oldItem} → ${pair.newItem}`;

/** Matched pairs the truth also pairs, with both sides. */
const agreed: { truth: TruthPair; found: Pair }[] = sequence.truth.steps.flatMap((step, i) => {
  const found = new Map(comparisons[i]!.pairs.map((pair) => [key(pair), pair]));
  return step.pairs.flatMap((truth) => (found.has(key(truth)) ? [{ truth, found: found.get(key(truth))! }] : []));
});

describe('compare on a generated five-year sequence', () => {
  it('holds every kind of edit the issue names', () => {
    const kinds = new Set(sequence.truth.steps.flatMap((s) => s.pairs.flatMap((p) => p.edits.map((e) => e.kind))));
    expect(kinds).toEqual(new Set(['reworded-light', 'reworded-heavy', 'moved', 'owner-added', 'owner-removed', 'owners-swapped', 'owner-renamed']));
    expect(sequence.truth.steps.every((s) => s.added.length > 0 && s.dropped.length > 0)).toBe(true);
    expect(Object.keys(sequence.truth.renames).length).toBe(4);
  });

  it('matches items with precision and recall of at least 0.95', () => {
    const truthPairs = new Set(sequence.truth.steps.flatMap((s) => s.pairs.map(key)));
    const foundPairs = comparisons.flatMap((c) => c.pairs.map(key));
    const truePositives = foundPairs.filter((pair) => truthPairs.has(pair)).length;
    const precision = truePositives / foundPairs.length;
    const recall = truePositives / truthPairs.size;
    expect(truthPairs.size).toBeGreaterThan(200);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('puts at least 0.95 of all items in their right place (the right partner, added or dropped)', () => {
    let right = 0;
    let all = 0;
    sequence.truth.steps.forEach((step, i) => {
      const comparison = comparisons[i]!;
      const found = new Set([...comparison.pairs.map(key), ...comparison.added.map((id) => `+${id}`), ...comparison.dropped.map((id) => `-${id}`)]);
      const truth = [...step.pairs.map(key), ...step.added.map((id) => `+${id}`), ...step.dropped.map((id) => `-${id}`)];
      right += truth.filter((entry) => found.has(entry)).length;
      all += truth.length;
    });
    expect(right / all).toBeGreaterThanOrEqual(0.95);
  });

  it('calls unchanged texts continued and reworded ones revised', () => {
    for (const { truth, found } of agreed) expect([truth.task, found.status]).toEqual([truth.task, truth.textUnchanged ? 'continued' : 'revised']);
  });

  it('reports exactly the owner edits, and a rename through a successor as no change', () => {
    const canonical = (unitId: string) => canonicalUnitId(registry, unitId);
    for (const { truth, found } of agreed) {
      const expected = { leadsAdded: [] as string[], leadsRemoved: [] as string[], coAdded: [] as string[], coRemoved: [] as string[] };
      for (const edit of truth.edits) {
        if (edit.kind === 'owner-added') expected.coAdded.push(canonical(edit.unitId));
        if (edit.kind === 'owner-removed') expected.coRemoved.push(canonical(edit.unitId));
        if (edit.kind === 'owners-swapped') {
          expected.leadsAdded.push(canonical(edit.newLead));
          expected.coAdded.push(canonical(edit.formerLead));
          expected.leadsRemoved.push(canonical(edit.formerLead));
          expected.coRemoved.push(canonical(edit.newLead));
        }
      }
      const { roleChanges, ...byRole } = found.changes;
      expect([truth.task, byRole]).toEqual([truth.task, Object.fromEntries(Object.entries(expected).map(([k, ids]) => [k, ids.sort()]))]);
      const ownerEdits = truth.edits.filter((e) => e.kind === 'owner-added' || e.kind === 'owner-removed' || e.kind === 'owners-swapped');
      expect([truth.task, roleChanges.length > 0]).toEqual([truth.task, ownerEdits.length > 0]);
    }
    // The renames happened to owners of matched pairs, and cost them nothing.
    expect(agreed.some(({ truth }) => truth.edits.some((e) => e.kind === 'owner-renamed'))).toBe(true);
  });

  it('follows tasks across the five years as lineages', () => {
    const report = buildLineages([...plans].reverse());
    expect(report.documents.map((d) => d.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    // The truth's chains: a task's item in each year, from the pairs of each step.
    const chains = new Map<string, (string | null)[]>();
    sequence.truth.steps.forEach((step, column) => {
      for (const pair of step.pairs) {
        const chain = chains.get(pair.task) ?? Array.from({ length: 5 }, () => null);
        chain[column] = pair.oldItem;
        chain[column + 1] = pair.newItem;
        chains.set(pair.task, chain);
      }
    });
    const found = new Set(report.lineages.map((l) => l.cells.map((cell) => cell?.itemId ?? '-').join(' ')));
    const truthRows = [...chains.values()].map((chain) => chain.map((id) => id ?? '-').join(' '));
    const recovered = truthRows.filter((row) => found.has(row)).length;
    expect(recovered / truthRows.length).toBeGreaterThanOrEqual(0.9);
    expect(report.lineages.every((l) => l.cells.length === 5)).toBe(true);
  });
});
