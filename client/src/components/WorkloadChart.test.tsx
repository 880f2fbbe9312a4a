import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import type { RoleWeights, WorkloadRow } from '../core/api';
import { renderWithApp, unit } from '../testing/render';
import { WorkloadChart } from './WorkloadChart';

const weights: RoleWeights = { lead: 3, co: 1, support: 0.5, implement: 1, guide: 0.5 };

const row = (
  summary: WorkloadRow['unit'],
  counts: Partial<WorkloadRow['counts']>,
  rank: number,
  overloaded = false,
): WorkloadRow => {
  const full = { lead: 0, co: 0, support: 0, implement: 0, guide: 0, ...counts };
  const weightedLoad = (Object.keys(full) as (keyof typeof full)[]).reduce((sum, role) => sum + full[role] * weights[role], 0);
  return {
    unit: summary,
    counts: full,
    assignments: Object.values(full).reduce((a, b) => a + b, 0),
    weightedLoad,
    share: 0,
    rank,
    peerGroup: summary.kind,
    overloaded,
  };
};

const industry = unit('gd.dept.industry-it', '省工业和信息化厅', 'Department of Industry and Information Technology');
const science = unit('gd.dept.science', '省科技厅', 'Department of Science and Technology');
const rows = [row(industry, { lead: 8, co: 4 }, 1, true), row(science, { lead: 1, co: 3 }, 2)];

describe('WorkloadChart', () => {
  it('lists units in rank order with their weighted load', () => {
    renderWithApp(<WorkloadChart rows={rows} weights={weights} thresholds={{ department: 20 }} onSelect={() => {}} />);
    const items = within(screen.getByRole('list', { name: '各单位加权负荷排名图' })).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-unit-id'))).toEqual(['gd.dept.industry-it', 'gd.dept.science']);
    expect(within(items[0]!).getByText('28')).toBeInTheDocument(); // 8 × 3 + 4 × 1
    expect(within(items[1]!).getByText('6')).toBeInTheDocument(); // 1 × 3 + 3 × 1
  });

  it('sizes each role segment by count × weight on one scale with the threshold', () => {
    const { container } = renderWithApp(
      <WorkloadChart rows={rows} weights={weights} thresholds={{ department: 20 }} onSelect={() => {}} />,
    );
    const first = container.querySelector('[data-unit-id="gd.dept.industry-it"]')!;
    // Scale max is the top load, 28: lead 24/28, co 4/28, threshold 20/28.
    expect((first.querySelector('.segment-lead') as HTMLElement).style.width).toBe(`${(100 * 24) / 28}%`);
    expect((first.querySelector('.segment-co') as HTMLElement).style.width).toBe(`${(100 * 4) / 28}%`);
    expect(first.querySelector('.segment-support')).toBeNull();
    expect((first.querySelector('.threshold-marker') as HTMLElement).style.left).toBe(`${(100 * 20) / 28}%`);
  });

  it('marks overloaded units, in the row and in words', () => {
    const { container } = renderWithApp(
      <WorkloadChart rows={rows} weights={weights} thresholds={{ department: 20 }} onSelect={() => {}} />,
    );
    expect(container.querySelector('[data-unit-id="gd.dept.industry-it"]')).toHaveClass('overloaded');
    expect(container.querySelector('[data-unit-id="gd.dept.science"]')).not.toHaveClass('overloaded');
    expect(screen.getByRole('button', { name: /省工业和信息化厅.*超负荷/ })).toBeInTheDocument();
  });

  it('draws no threshold for a peer group too small to judge', () => {
    const { container } = renderWithApp(
      <WorkloadChart rows={rows} weights={weights} thresholds={{ department: null }} onSelect={() => {}} />,
    );
    expect(container.querySelector('.threshold-marker')).toBeNull();
  });

  it('opens a unit when its row is clicked', () => {
    const onSelect = jest.fn();
    renderWithApp(<WorkloadChart rows={rows} weights={weights} thresholds={{}} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: /省科技厅/ }));
    expect(onSelect).toHaveBeenCalledWith('gd.dept.science');
  });

  it('shows English unit names in English', () => {
    renderWithApp(<WorkloadChart rows={rows} weights={weights} thresholds={{}} onSelect={() => {}} />, { lang: 'en' });
    expect(screen.getByText('Department of Industry and Information Technology')).toBeInTheDocument();
    expect(screen.queryByText('省工业和信息化厅')).toBeNull();
  });
});
