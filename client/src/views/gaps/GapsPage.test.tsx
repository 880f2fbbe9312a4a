import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { GapsResponse } from '../../core/api';
import { ScopeProvider } from '../../core/scope/ScopeProvider';
import { fakeApi } from '../../testing/fakeApi';
import { renderWithApp } from '../../testing/render';
import { GAPS_PER_PAGE, GapsPage } from './GapsPage';

/** 120 gaps, the even ones without a lead, served a page at a time as the server does. */
const GAPS: GapsResponse['gaps'] = Array.from({ length: 120 }, (_, i) => ({
  item: { id: `plan/item-${i}`, documentId: 'plan', documentTitle: '工作要点', label: `（${i}）`, title: `事项${i}`, sectionId: null },
  clause: null,
  reasons: [{ code: i % 2 === 0 ? 'no-lead' : 'inferred-lead', message: '', units: [] }],
}));

function answer(query: URLSearchParams): GapsResponse {
  const reason = query.get('reason');
  const matching = reason ? GAPS.filter((gap) => gap.reasons.some((r) => r.code === reason)) : GAPS;
  const limit = Number(query.get('limit'));
  const offset = Number(query.get('offset'));
  return {
    parameters: { diffusionThreshold: 3 },
    itemsExamined: 300,
    counts: { 'no-lead': 60, 'generic-only': 0, 'inferred-lead': 60, diffusion: 0, 'unknown-unit': 0 },
    gaps: matching.slice(offset, offset + limit),
    total: matching.length,
    offset,
    limit,
    dataVersion: 'v1',
    stale: false,
  };
}

describe('GapsPage paging', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi({
      '/gaps': answer,
      '/commitments/unmeasured': () => ({ total: 0, offset: 0, limit: 50, itemsExamined: 0, items: [] }),
      '/documents': () => ({ documents: [] }),
    });
  });
  afterEach(() => api.restore());

  const gapRows = () => document.querySelectorAll('.gap-list > li');
  const gapRequests = () => api.requests.filter((url) => url.pathname === '/api/gaps');

  it('asks for one page, states the total, and turns pages by offset', async () => {
    renderWithApp(
      <ScopeProvider>
        <GapsPage />
      </ScopeProvider>,
      { route: '/gaps' },
    );
    await waitFor(() => expect(gapRows()).toHaveLength(GAPS_PER_PAGE));
    expect(gapRequests()[0]!.searchParams.get('limit')).toBe(String(GAPS_PER_PAGE));
    expect(gapRequests()[0]!.searchParams.get('offset')).toBe('0');
    const pager = screen.getAllByRole('navigation', { name: '责任缺口' })[0]!;
    expect(within(pager).getByRole('status')).toHaveTextContent('第 1–50 条，共 120 条');
    expect(within(pager).getByRole('button', { name: '上一页' })).toBeDisabled();

    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(gapRows()[0]).toHaveTextContent('事项50'));
    expect(gapRequests().at(-1)!.searchParams.get('offset')).toBe('50');

    fireEvent.click(within(screen.getAllByRole('navigation', { name: '责任缺口' })[0]!).getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(gapRows()).toHaveLength(20));
    const last = screen.getAllByRole('navigation', { name: '责任缺口' })[0]!;
    expect(within(last).getByRole('status')).toHaveTextContent('第 101–120 条，共 120 条');
    expect(within(last).getByRole('button', { name: '下一页' })).toBeDisabled();
  });

  it('filters by reason on the server and starts again from the first page', async () => {
    renderWithApp(
      <ScopeProvider>
        <GapsPage />
      </ScopeProvider>,
      { route: '/gaps?offset=50' },
    );
    await waitFor(() => expect(gapRows()[0]).toHaveTextContent('事项50'));
    fireEvent.click(screen.getByRole('button', { name: /无牵头单位|no-lead/ }));
    await waitFor(() => expect(gapRequests().at(-1)!.searchParams.get('reason')).toBe('no-lead'));
    expect(gapRequests().at(-1)!.searchParams.get('offset')).toBe('0');
    await waitFor(() => expect(gapRows()[0]).toHaveTextContent('事项0'));
    expect(screen.getAllByRole('navigation', { name: '责任缺口' })[0]!).toHaveTextContent('共 60 条');
  });
});
