/** The parts of matching on small cases whose answer is known by hand. */
import { canonicalUnitId, comparePlans, cosine, isContinued, tfidfVectors, type ComparablePlan } from '../../graph/compare';
import { assign } from '../../graph/compare/matching';
import { createRegistry } from '../../graph/registry';
import { UnitSchema } from '../../graph/model';

const plan = (id: string, items: [string, string][]): ComparablePlan => ({
  document: { id, title: id, sha256: '0'.repeat(64), items: items.length },
  items: items.map(([sectionTitle, body], i) => ({
    id: `${id}/item-${i + 1}`,
    label: `（${i + 1}）`,
    section: 1,
    sectionTitle,
    title: body.slice(0, 6),
    body,
    clause: null,
    owners: [],
  })),
});

describe('assign', () => {
  it('maximises the total score where taking the best pair first would not', () => {
    const chosen = assign([
      { row: 0, column: 0, score: 0.9 },
      { row: 0, column: 1, score: 0.8 },
      { row: 1, column: 0, score: 0.85 },
      { row: 1, column: 1, score: 0.3 },
    ]);
    expect(chosen.map((c) => [c.row, c.column])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('solves separate components alone and leaves rows without candidates unmatched', () => {
    const chosen = assign([
      { row: 0, column: 3, score: 0.5 },
      { row: 2, column: 1, score: 0.7 },
      { row: 2, column: 2, score: 0.6 },
      { row: 3, column: 1, score: 0.65 },
    ]);
    expect(chosen.map((c) => [c.row, c.column])).toEqual([
      [0, 3],
      [2, 2],
      [3, 1],
    ]);
  });
});

describe('similarity', () => {
  it('is 1 for the same text whatever its spacing and width, and 0 for texts sharing no n-gram', () => {
    const [a, b, c] = tfidfVectors(['加快数字产业集群建设（一）', '加快 数字产业 集群建设(一)', '完善社会信用体系']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 10);
    expect(cosine(a!, c!)).toBe(0);
  });

  it('calls a pair continued up to 2% of changed characters', () => {
    const text = '办好 2023 世界超高清视频产业发展大会，推动超高清视频产业集聚区建设，做精做优超高清视频创新产业园区。';
    expect(isContinued(text, text.replace('2023', '2024'), 0.02)).toBe(true);
    expect(isContinued(text, text.replace('推动超高清视频产业集聚区建设', '建设人工智能产业园区'), 0.02)).toBe(false);
  });
});

describe('comparePlans', () => {
  it('uses section titles only to break a tie between equal texts', () => {
    const body = '推进政务数据共享，建设一体化政务服务平台。';
    const old = plan('old', [['提升公共服务数字化水平', body]]);
    const next = plan('new', [
      ['营造数字经济良好发展环境', body],
      ['提升公共服务数字化水平', body],
    ]);
    const comparison = comparePlans(old, next);
    expect(comparison.pairs.map((p) => [p.oldItem, p.newItem, p.similarity])).toEqual([['old/item-1', 'new/item-2', 1]]);
    expect(comparison.added).toEqual(['new/item-1']);
  });

  it('matches nothing below the threshold', () => {
    const old = plan('old', [['一', '加快数字产业集群建设，培育壮大战略性新兴产业。']]);
    const next = plan('new', [['一', '完善社会信用体系，健全守信激励失信惩戒机制。']]);
    expect(comparePlans(old, next)).toMatchObject({ pairs: [], added: ['new/item-1'], dropped: ['old/item-1'] });
    expect(comparePlans(old, old, { threshold: 1 }).pairs).toHaveLength(1);
  });
});

describe('canonicalUnitId', () => {
  const unit = (id: string, successorId?: string) =>
    UnitSchema.parse({ id, name: id, shortName: id, kind: 'department', jurisdiction: '440000', level: 'province', ...(successorId ? { successorId } : {}) });

  it('follows successor links to the end, and stops where a cycle closes', () => {
    const registry = createRegistry([unit('a', 'b'), unit('b', 'c'), unit('c'), unit('x', 'y'), unit('y', 'x')]);
    expect(canonicalUnitId(registry, 'a')).toBe('c');
    expect(canonicalUnitId(registry, 'c')).toBe('c');
    expect(canonicalUnitId(registry, 'x')).toBe('y');
    expect(canonicalUnitId(registry, 'unknown.provisional')).toBe('unknown.provisional');
  });
});
