import { computeWorkload, WorkloadReportSchema } from '../../graph/analytics';
import type { Snapshot } from '../../graph/model';
import { snapshotOf, unit } from './fixtures';
import { itemLabel, seedSnapshot, STATE_COUNCIL_PLAN } from './seed';

describe('computeWorkload on the seed', () => {
  let seed: Snapshot;
  beforeAll(async () => {
    seed = await seedSnapshot();
  });

  it('ranks 省工业和信息化厅 first with the lead and co counts the text has', () => {
    const report = computeWorkload(seed);
    const first = report.rows[0]!;
    expect(first.unit.shortName).toBe('省工业和信息化厅');
    expect(first.rank).toBe(1);
    // Counted by hand in the seed text: 牵头 in (二)(五)(六)(十三)(十四)(十八)(三十一);
    // 按职责分工负责 in (一)(三)(四)(十五)(十九)(二十)(三十)(三十二)(三十三)(三十四).
    expect(first.counts).toEqual({ lead: 7, co: 10, support: 0, implement: 0, guide: 0 });
    expect(first.weightedLoad).toBe(7 * 3 + 10 * 1);
    const labelsOf = (role: string) =>
      seed.responsibilities
        .filter((r) => r.unitId === first.unit.id && r.role === role)
        .map((r) => seed.items.find((i) => i.id === r.itemId)!.label)
        .sort();
    expect(labelsOf('lead')).toEqual([2, 5, 6, 13, 14, 18, 31].map(itemLabel).sort());
    expect(labelsOf('co')).toEqual([1, 3, 4, 15, 19, 20, 30, 32, 33, 34].map(itemLabel).sort());
  });

  it('validates against its schema, keeps generic placeholders out, and shares sum to 1', () => {
    const report = WorkloadReportSchema.parse(computeWorkload(seed));
    expect(report.rows.some((r) => r.unit.kind === 'generic')).toBe(false);
    expect(report.rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
    expect(report.concentration.top1Share).toBeCloseTo(31 / report.concentration.totalLoad, 12);
  });

  it('flags 省工业和信息化厅 as overloaded among departments, with the threshold reported', () => {
    const report = computeWorkload(seed);
    const departments = report.overloadRule.peerGroups.find((g) => g.peerGroup === '440000/province/department')!;
    expect(departments).toMatchObject({ jurisdiction: '440000', jurisdictionName: '广东省', level: 'province', kind: 'department' });
    // The 26 provincial departments' loads (lead 3, co 1), counted in the seed text, in ascending order:
    //   1 ×13 (one co each), 2 (省地方金融监管局, two co), 3 ×4 (one lead), 4 ×4 (one lead + one co), 5 (省发展改革委, five co),
    //   11 (省科技厅 2·3 + 5), 14 (省政务服务数据管理局 3·3 + 5), 31 (省工业和信息化厅 7·3 + 10).
    // Type 7 quantiles, h = (n − 1)·p + 1 = 25·p + 1: Q1 at h = 7.25 → x7 = x8 = 1; median at h = 13.5 → (1 + 2)/2 = 1.5;
    // Q3 at h = 19.75 → x19 = x20 = 4. IQR = 4 − 1 = 3; threshold = 4 + 1.5 × 3 = 8.5: 31, 14 and 11 are above it.
    expect(departments).toMatchObject({ units: 26, q1: 1, median: 1.5, q3: 4, iqr: 3, threshold: 8.5, overloaded: 3 });
    const flagged = report.rows.filter((r) => r.peerGroup === departments.peerGroup && r.overloaded);
    expect(flagged.map((r) => [r.unit.shortName, r.weightedLoad])).toEqual([
      ['省工业和信息化厅', 31],
      ['省政务服务数据管理局', 14],
      ['省科技厅', 11],
    ]);
  });
});

describe('computeWorkload on the seed beside a State Council plan', () => {
  it('puts 财政部 and 广东省财政厅 in different peer groups, and leaves Guangdong’s thresholds as they are with the seed alone', async () => {
    const alone = computeWorkload(await seedSnapshot());
    const together = computeWorkload(await seedSnapshot([STATE_COUNCIL_PLAN]));
    const finance = (report: typeof together, jurisdiction: string) =>
      report.rows.find((row) => row.unit.function === 'finance' && row.unit.jurisdiction === jurisdiction);
    const ministry = finance(together, '100000');
    const provincial = finance(together, '440000');
    expect([ministry?.unit.shortName, provincial?.unit.shortName]).toEqual(['财政部', '省财政厅']);
    expect(ministry!.peerGroup).not.toBe(provincial!.peerGroup);
    const guangdong = (report: typeof together) => report.overloadRule.peerGroups.filter((group) => group.jurisdiction === '440000');
    expect(guangdong(together)).toEqual(guangdong(alone));
    const flagged = (report: typeof together) => report.rows.filter((row) => row.unit.jurisdiction === '440000' && row.overloaded).map((row) => row.unit.id);
    expect(flagged(together)).toEqual(flagged(alone));
    expect(together.overloadRule.peerGroups.some((group) => group.jurisdiction === '100000' && group.kind === 'department')).toBe(true);
  });
});

describe('computeWorkload on hand-made snapshots', () => {
  // Five departments, one city, one generic placeholder.
  const units = ['A', 'B', 'C', 'D', 'E'].map((id) => unit(id)).concat([unit('city', 'city'), unit('G', 'generic')]);
  const snapshot: Snapshot = snapshotOf(units, [
    { label: '（一）', owners: [['A', 'lead'], ['B', 'co'], ['G', 'implement']] },
    { label: '（二）', owners: [['A', 'lead'], ['C', 'co'], ['city', 'implement']] },
    { label: '（三）', owners: [['A', 'lead'], ['D', 'support']] },
    { label: '（四）', owners: [['B', 'co'], ['E', 'guide']] },
    { label: '（五）', owners: [['A', 'co'], ['G', 'implement']] },
  ]);

  it('weighs roles with the documented defaults and ranks with ties sharing a rank', () => {
    const report = computeWorkload(snapshot);
    const byId = Object.fromEntries(report.rows.map((r) => [r.unit.id, r]));
    expect(byId.A!.weightedLoad).toBe(3 * 3 + 1); // three leads, one co
    expect(byId.B!.weightedLoad).toBe(2);
    expect(byId.D!.weightedLoad).toBe(0.5);
    expect(byId.E!.weightedLoad).toBe(0.5);
    expect(report.rows.map((r) => [r.unit.id, r.rank])).toEqual([
      ['A', 1], ['B', 2], ['C', 3], ['city', 3], ['D', 5], ['E', 5],
    ]);
    expect(byId.G).toBeUndefined();
  });

  it('takes weight overrides and generic placeholders when asked, and echoes the parameters', () => {
    const report = computeWorkload(snapshot, { weights: { lead: 10 }, includeGeneric: true });
    const byId = Object.fromEntries(report.rows.map((r) => [r.unit.id, r]));
    expect(byId.A!.weightedLoad).toBe(31);
    expect(byId.G!.counts.implement).toBe(2);
    expect(report.parameters.weights).toEqual({ lead: 10, co: 1, support: 0.5, implement: 1, guide: 0.5 });
    expect(report.parameters.includeGeneric).toBe(true);
  });

  it('computes the overload threshold per peer group from type-7 quartiles', () => {
    const report = computeWorkload(snapshot);
    // Department loads, ascending: 0.5, 0.5, 1, 2, 10 → Q1 = 0.5, Q3 = 2, IQR 1.5, threshold 4.25.
    const departments = report.overloadRule.peerGroups.find((g) => g.peerGroup === '440000/province/department')!;
    expect(departments).toMatchObject({ units: 5, q1: 0.5, median: 1, q3: 2, iqr: 1.5, threshold: 4.25, overloaded: 1 });
    expect(report.rows.filter((r) => r.overloaded).map((r) => r.unit.id)).toEqual(['A']);
    // One city is too few to judge.
    const cities = report.overloadRule.peerGroups.find((g) => g.peerGroup === '100000/province/city')!;
    expect(cities.threshold).toBeNull();
    expect(report.overloadRule.rule).toContain('Q3 + 1.5 × IQR');
  });

  it('compares a unit only with units of its jurisdiction, level and kind: a ministry or a city bureau never joins a province’s departments', () => {
    const ministry = { ...unit('MOF'), jurisdiction: '100000', level: 'national' as const };
    const cityBureau = { ...unit('FS'), jurisdiction: '440600', level: 'prefecture' as const };
    const crowded = snapshotOf([...units, ministry, cityBureau], [
      { label: '（一）', owners: [['A', 'lead'], ['B', 'co'], ['G', 'implement']] },
      { label: '（二）', owners: [['A', 'lead'], ['C', 'co'], ['city', 'implement'], ['MOF', 'lead']] },
      { label: '（三）', owners: [['A', 'lead'], ['D', 'support'], ['FS', 'lead']] },
      { label: '（四）', owners: [['B', 'co'], ['E', 'guide'], ['MOF', 'lead'], ['FS', 'co']] },
      { label: '（五）', owners: [['A', 'co'], ['G', 'implement']] },
    ]);
    const report = computeWorkload(crowded);
    const groupOf = (id: string) => report.rows.find((r) => r.unit.id === id)!.peerGroup;
    expect([groupOf('A'), groupOf('MOF'), groupOf('FS')]).toEqual(['440000/province/department', '100000/national/department', '440600/prefecture/department']);
    const provincial = (r: typeof report) => r.overloadRule.peerGroups.find((g) => g.peerGroup === '440000/province/department');
    expect(provincial(report)).toEqual(provincial(computeWorkload(snapshot)));
    expect(report.overloadRule.peerGroups.find((g) => g.peerGroup === '100000/national/department')).toMatchObject({ jurisdictionName: '全国', units: 1, threshold: null });
  });

  it('compares the governments a plan names (kind city) with each other, within the jurisdiction above them', async () => {
    const report = computeWorkload(await seedSnapshot());
    const cities = report.rows.filter((row) => row.unit.kind === 'city');
    expect(cities.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cities.map((row) => row.peerGroup))).toEqual(new Set(['440000/prefecture/city']));
    const group = report.overloadRule.peerGroups.find((g) => g.peerGroup === '440000/prefecture/city');
    expect(group).toMatchObject({ jurisdiction: '440000', jurisdictionName: '广东省', level: 'prefecture', kind: 'city', units: cities.length });
    expect(group?.threshold).not.toBeNull();
  });

  it('reports concentration: top shares, Gini and HHI worked out by hand', () => {
    const { concentration } = computeWorkload(snapshot);
    // Loads 10, 2, 1, 1, 0.5, 0.5 (total 15).
    expect(concentration.totalLoad).toBe(15);
    expect(concentration.top1Share).toBeCloseTo(10 / 15, 12);
    expect(concentration.top3Share).toBeCloseTo(13 / 15, 12);
    // Gini = Σ (2i − n − 1) xᵢ / (n Σx) over 0.5, 0.5, 1, 1, 2, 10.
    const gini = (-5 * 0.5 - 3 * 0.5 - 1 * 1 + 1 * 1 + 3 * 2 + 5 * 10) / (6 * 15);
    expect(concentration.gini).toBeCloseTo(gini, 12);
    expect(concentration.hhi).toBeCloseTo([10, 2, 1, 1, 0.5, 0.5].reduce((s, x) => s + (x / 15) ** 2, 0), 12);
  });

  it('answers an empty snapshot with empty figures', () => {
    const report = computeWorkload(snapshotOf([], []));
    expect(report.rows).toEqual([]);
    expect(report.concentration).toEqual({ units: 0, totalLoad: 0, top1Share: 0, top3Share: 0, gini: 0, hhi: 0 });
  });

  it('rejects a negative weight, naming it', () => {
    expect(() => computeWorkload(snapshot, { weights: { lead: -1 } })).toThrow(/lead/);
  });
});
