import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CompareResponse } from '../../core/api';
import { alignRows, largestLoadChanges, textDiff } from '../../core/compare/rows';
import { fakeApi } from '../../testing/fakeApi';
import { renderWithApp } from '../../testing/render';
import { ComparePage } from './ComparePage';

const plan = (id: string, year: number, items: CompareResponse['plans']['old']['items']) => ({
  document: { id, title: `${year}年工作要点`, year, sha256: 'a'.repeat(64), items: items.length },
  items,
});
const item = (id: string, label: string, title: string, body: string, owners: [string, 'lead' | 'co'][]) => ({
  id,
  label,
  section: 1,
  sectionTitle: '推进数据治理',
  title,
  body,
  clause: null,
  owners: owners.map(([unitId, role]) => ({ role, nameAsWritten: unitId, unitId, canonicalId: unitId })),
});
const zero = { lead: 0, co: 0, support: 0, implement: 0, guide: 0 };
const COMPARISON: CompareResponse = {
  old: plan('p-2023', 2023, []).document,
  new: plan('p-2024', 2024, []).document,
  threshold: 0.3,
  pairs: [
    {
      oldItem: 'p-2023/item-1',
      newItem: 'p-2024/item-1',
      similarity: 0.8,
      status: 'revised',
      changes: { leadsAdded: ['sci'], leadsRemoved: [], coAdded: [], coRemoved: ['sci'], roleChanges: [{ unitId: 'sci', before: ['co'], after: ['lead'] }] },
    },
  ],
  added: ['p-2024/item-2'],
  dropped: ['p-2023/item-2'],
  units: [
    { unitId: 'sci', before: { ...zero, co: 1 }, after: { ...zero, lead: 1, co: 1 } },
    { unitId: 'data', before: { ...zero, lead: 1 }, after: zero },
  ],
  plans: {
    old: plan('p-2023', 2023, [
      item('p-2023/item-1', '（一）', '建设数据平台', '建设数据平台。完善数据共享机制。', [['data', 'lead'], ['sci', 'co']]),
      item('p-2023/item-2', '（二）', '培育数据市场', '培育数据市场。', [['data', 'lead']]),
    ]),
    new: plan('p-2024', 2024, [
      item('p-2024/item-1', '（一）', '建设数据平台', '建设数据平台。健全数据共享机制。', [['sci', 'lead']]),
      item('p-2024/item-2', '（二）', '发展人工智能', '发展人工智能。', [['sci', 'co']]),
    ]),
  },
  unitNames: { sci: '省科技厅', data: '省政务服务数据管理局' },
};

describe('compare rows', () => {
  it('aligns pairs, dropped and added items', () => {
    expect(alignRows(COMPARISON).map((row) => [row.status, row.old?.id ?? null, row.new?.id ?? null])).toEqual([
      ['revised', 'p-2023/item-1', 'p-2024/item-1'],
      ['dropped', 'p-2023/item-2', null],
      ['added', null, 'p-2024/item-2'],
    ]);
  });

  it('marks the characters removed on the old side and added on the new', () => {
    const diff = textDiff('完善数据共享机制', '健全数据共享机制');
    expect(diff.old.filter((p) => p.change === 'removed').map((p) => p.text).join('')).toBe('完善');
    expect(diff.new.filter((p) => p.change === 'added').map((p) => p.text).join('')).toBe('健全');
  });

  it('ranks units by the size of their change', () => {
    expect(largestLoadChanges(COMPARISON, 5).map((c) => [c.unitId, c.change])).toEqual([
      ['data', -1],
      ['sci', 1],
    ]);
  });
});

describe('ComparePage', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi({
      '/documents': () => ({ documents: [] }),
      '/compare': () => COMPARISON,
    });
  });
  afterEach(() => api.restore());

  it('shows the plans side by side with text changes, owner badges, the chart and a status filter', async () => {
    renderWithApp(<ComparePage />, { route: '/compare?old=p-2023&new=p-2024' });
    const table = await screen.findByTestId('compare-table');
    expect(screen.getByTestId('compare-summary')).toHaveTextContent('延续 0 · 修改 1 · 新增 1 · 删除 1');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(table.querySelector('del')).toHaveTextContent('完善');
    expect(table.querySelector('ins')).toHaveTextContent('健全');
    expect(within(table).getByText('+牵头 省科技厅')).toHaveClass('badge-gained');
    expect(within(table).getByText('−负责 省科技厅')).toHaveClass('badge-lost');
    expect(document.querySelector('[data-unit-id="data"]')).toHaveTextContent('1 → 0 (-1)');
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'added' } });
    await waitFor(() => expect(within(screen.getByTestId('compare-table')).getAllByRole('row')).toHaveLength(2));
    expect(api.requests.some((url) => url.pathname === '/api/compare' && url.searchParams.get('old') === 'p-2023')).toBe(true);
  });
});
