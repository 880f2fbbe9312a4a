import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ScopeProvider } from '../core/scope/ScopeProvider';
import { FOSHAN, NATIONAL, plan, SHENZHEN } from '../testing/documents';
import { fakeApi } from '../testing/fakeApi';
import { renderWithApp } from '../testing/render';
import { ScopeBar } from './ScopeBar';

const PLANS = [
  plan('foshan-2023', FOSHAN, 2023),
  plan('foshan-2024', FOSHAN, 2024),
  plan('shenzhen-2024', SHENZHEN, 2024),
  plan('state-council-2024', NATIONAL, 2024),
];

/** The API's scope rule for these plans: own plans of the jurisdiction (this fake knows no "within"), years, documents. */
function documentsInScope(query: URLSearchParams) {
  const chosen = query.get('document')?.split(',');
  return {
    documents: PLANS.filter(
      (document) =>
        (!query.get('jurisdiction') || document.jurisdiction?.code === query.get('jurisdiction')) &&
        (!query.get('yearFrom') || (document.year ?? 0) >= Number(query.get('yearFrom'))) &&
        (!chosen || chosen.includes(document.id)),
    ),
  };
}

describe('ScopeBar', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi({ '/documents': documentsInScope });
  });
  afterEach(() => api.restore());

  const show = (route = '/workload') =>
    renderWithApp(
      <ScopeProvider>
        <ScopeBar />
      </ScopeProvider>,
      { route },
    );

  it('with plans of several jurisdictions, shows the default choice and why, never all of them added together', async () => {
    show();
    await waitFor(() => expect(screen.getByTestId('scope-summary')).toHaveTextContent('佛山市（仅本级文件） · 全部年份 · 2 / 4 份文件'));
    expect(screen.getByTestId('scope-default')).toHaveTextContent('已载入 3 个地区的文件，不合并计算');
    expect(screen.getByRole('combobox', { name: '地区' })).toHaveValue('440600');
    const asked = api.requests.filter((url) => url.searchParams.has('jurisdiction'));
    expect(asked.at(-1)?.search).toBe('?jurisdiction=440600&includeWithin=false');
  });

  it('combines every jurisdiction only when asked to, and then says so', async () => {
    show();
    fireEvent.click(await screen.findByRole('button', { name: '合并查看全部地区' }));
    await waitFor(() => expect(screen.getByTestId('scope-summary')).toHaveTextContent('全部地区 · 全部年份 · 4 / 4 份文件'));
    expect(screen.queryByTestId('scope-default')).not.toBeInTheDocument();
  });

  it('reads a shared scope from the URL: jurisdiction with the places within, a year range, chosen plans', async () => {
    show('/workload?jurisdiction=100000&yearFrom=2024&document=shenzhen-2024,state-council-2024');
    await waitFor(() => expect(screen.getByTestId('scope-summary')).toHaveTextContent('全国（含下辖地区） · 2024–… · 1 / 4 份文件'));
    expect(screen.getByRole('checkbox', { name: '含下辖地区' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /深圳市工作要点/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /佛山市工作要点 \(2023\)/ })).not.toBeChecked();
  });

  it('changes the scope from its controls', async () => {
    show();
    await screen.findByTestId('scope-default');
    fireEvent.change(screen.getByRole('combobox', { name: '起始年份' }), { target: { value: '2024' } });
    await waitFor(() => expect(screen.getByTestId('scope-summary')).toHaveTextContent('佛山市（仅本级文件） · 2024–… · 1 / 4 份文件'));
    fireEvent.change(screen.getByRole('combobox', { name: '地区' }), { target: { value: '440300' } });
    await waitFor(() => expect(screen.getByTestId('scope-summary')).toHaveTextContent('深圳市（仅本级文件）'));
    expect(screen.queryByTestId('scope-default')).not.toBeInTheDocument();
  });
});
