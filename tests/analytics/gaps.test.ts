import { findGaps, gapPage, GapReasonCodeSchema, GapReportSchema, mergeGaps, packGapReport, splitByDocument } from '../../graph/analytics';
import type { Snapshot } from '../../graph/model';
import { snapshotOf, unit } from './fixtures';
import { itemLabel, SEED_TEXT, seedSnapshot } from './seed';

/** Full- and half-width punctuation folded to one form, whitespace removed. */
const fold = (s: string) =>
  s.replace(/\s+/g, '').replace(/[（），；]/g, (c) => ({ '（': '(', '）': ')', '，': ',', '；': ';' })[c] ?? c);

describe('findGaps on the seed', () => {
  let seed: Snapshot;
  beforeAll(async () => {
    seed = await seedSnapshot();
  });

  it('lists every item without 牵头 as no-lead, and no other', () => {
    const report = GapReportSchema.parse(findGaps(seed));
    const noLead = report.gaps.filter((g) => g.reasons.some((r) => r.code === 'no-lead')).map((g) => g.item.label);
    // Read off the seed text by hand: the clauses of these items contain no 牵头.
    expect(noLead).toEqual([1, 3, 4, 9, 15, 20, 21, 25, 29, 30, 32, 33, 34].map(itemLabel));
    expect(report.itemsExamined).toBe(34);
    expect(report.counts['no-lead']).toBe(13);
  });

  it('quotes each clause with source offsets that point at the clause in the original text', () => {
    for (const gap of findGaps(seed).gaps) {
      const clause = gap.clause!;
      expect(clause.text).not.toContain('牵头');
      expect(fold(SEED_TEXT.slice(clause.start, clause.end))).toBe(fold(clause.text));
      expect(gap.item.documentTitle).toContain('数字经济工作要点');
    }
  });

  it('finds diffusion where three or more named units share responsibility and none leads', () => {
    const diffusion = findGaps(seed).gaps.filter((g) => g.reasons.some((r) => r.code === 'diffusion'));
    // (四)(十五)(二十一)(二十五)(二十九) name only two co-responsible units, below the threshold of 3.
    expect(diffusion.map((g) => g.item.label)).toEqual([1, 3, 9, 20, 30, 32, 33, 34].map(itemLabel));
    const thirtyThree = diffusion.find((g) => g.item.label === itemLabel(33))!;
    expect(thirtyThree.reasons.find((r) => r.code === 'diffusion')!.units).toHaveLength(8);
    expect(findGaps(seed, { diffusionThreshold: 5 }).counts.diffusion).toBe(3); // (二十)(三十)(三十三)
  });
});

describe('findGaps on hand-made snapshots', () => {
  const snapshot = snapshotOf(
    [unit('A'), unit('B'), unit('C'), unit('G', 'generic'), unit('H', 'generic'), unit('新单位', 'department', true)],
    [
      { label: '（一）', owners: [['A', 'lead'], ['B', 'co']] },
      { label: '（二）', owners: [['G', 'implement'], ['H', 'co']] },
      { label: '（三）', owners: [['A', 'lead', true], ['B', 'co']] },
      { label: '（四）', owners: [['G', 'lead'], ['A', 'co']] },
      { label: '（五）', owners: [['新单位', 'lead']] },
      { label: '（六）', owners: [], clause: false },
      { label: '（七）', owners: [['A', 'co'], ['B', 'co'], ['C', 'co'], ['G', 'implement']] },
    ],
  );
  const reasonsOf = (label: string) =>
    findGaps(snapshot).gaps.find((g) => g.item.label === label)?.reasons.map((r) => r.code) ?? [];

  it('leaves an item with a stated, named lead alone', () => {
    expect(reasonsOf('（一）')).toEqual([]);
  });

  it('flags generic-only ownership, and a generic lead as no lead', () => {
    expect(reasonsOf('（二）')).toEqual(['no-lead', 'generic-only']);
    expect(reasonsOf('（四）')).toEqual(['no-lead']);
    const genericLead = findGaps(snapshot).gaps.find((g) => g.item.label === '（四）')!.reasons[0]!;
    expect(genericLead.units.map((u) => u.id)).toEqual(['G']);
  });

  it('flags an inferred lead, an unknown unit, an item without a clause, and diffusion', () => {
    expect(reasonsOf('（三）')).toEqual(['inferred-lead']);
    expect(reasonsOf('（五）')).toEqual(['unknown-unit']);
    expect(reasonsOf('（六）')).toEqual(['no-lead']);
    expect(findGaps(snapshot).gaps.find((g) => g.item.label === '（六）')!.clause).toBeNull();
    expect(reasonsOf('（七）')).toEqual(['no-lead', 'diffusion']);
  });

  it('counts items per reason and echoes the threshold', () => {
    const report = findGaps(snapshot, { diffusionThreshold: 4 });
    expect(report.parameters.diffusionThreshold).toBe(4);
    expect(report.counts).toEqual({ 'no-lead': 4, 'generic-only': 1, 'inferred-lead': 1, diffusion: 0, 'unknown-unit': 1 });
  });
});

describe('packed gap reports, as the worker sends them', () => {
  const twoDocuments = snapshotOf(
    [unit('A'), unit('B'), unit('C'), unit('D'), unit('新单位', 'department', true)],
    [
      { label: '（一）', documentId: 'd1', owners: [['A', 'co'], ['B', 'co'], ['C', 'co']] },
      { label: '（二）', documentId: 'd1', owners: [['新单位', 'lead'], ['A', 'co']] },
      { label: '（一）', documentId: 'd2', owners: [['B', 'co'], ['C', 'co'], ['D', 'co']] },
      { label: '（二）', documentId: 'd2', owners: [['A', 'lead']] },
      { label: '（三）', documentId: 'd2', owners: [], clause: false },
    ],
    ['d1', 'd2'],
  );

  it('gives any page, of any reason or of all, as that page of the report computed, units in full', async () => {
    for (const report of [findGaps(await seedSnapshot()), findGaps(twoDocuments)]) {
      const { gaps, ...figures } = report;
      const packed = packGapReport(report);
      for (const reason of [undefined, ...GapReasonCodeSchema.options]) {
        const selected = reason === undefined ? gaps : gaps.filter((gap) => gap.reasons.some((r) => r.code === reason));
        for (const [offset, limit] of [[0, 3], [2, 4], [0, 100], [selected.length, 5]] as const) {
          expect(gapPage(packed, { offset, limit }, reason)).toEqual({ ...figures, total: selected.length, offset, limit, gaps: selected.slice(offset, offset + limit) });
        }
      }
    }
  });

  it('lists each unit a reason names once, in the order first met, and the rows name them by id', async () => {
    const report = findGaps(await seedSnapshot());
    const packed = packGapReport(report);
    const named = report.gaps.flatMap((gap) => gap.reasons.flatMap((reason) => reason.units));
    expect(packed.units).toEqual([...new Map(named.map((u) => [u.id, u])).values()]); // a Map keeps each key where first set
    expect(named.length).toBeGreaterThan(packed.units.length); // the seed's diffusion gaps share units
    const rows = new TextDecoder().decode(packed.gaps.bytes);
    for (const unit of packed.units) expect(rows).not.toContain(JSON.stringify(unit.name));
  });

  it('merges per-document reports into the report of the whole, a unit both name listed once', () => {
    const parts = [...splitByDocument(twoDocuments).values()].map((part) => packGapReport(findGaps(part)));
    expect(parts.every((part) => part.units.some((u) => u.id === 'B'))).toBe(true);
    expect(mergeGaps(parts, {})).toEqual(packGapReport(findGaps(twoDocuments)));
  });
});
