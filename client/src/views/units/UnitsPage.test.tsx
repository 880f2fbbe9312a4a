import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UnitListResponse, UnitSummary } from '../../core/api';
import { ScopeProvider } from '../../core/scope/ScopeProvider';
import { fakeApi } from '../../testing/fakeApi';
import { renderWithApp } from '../../testing/render';
import { UnitsPage } from './UnitsPage';

const unit = (id: string, shortName: string, jurisdiction: string, level: UnitSummary['level'], unitFunction: UnitSummary['function']): UnitSummary => ({
  id,
  name: shortName,
  shortName,
  kind: 'department',
  jurisdiction,
  level,
  function: unitFunction,
  provisional: false,
});
const UNITS = [
  unit('440600.finance', '市财政局', '440600', 'prefecture', 'finance'),
  unit('440300.finance', '市财政局', '440300', 'prefecture', 'finance'),
  unit('100000.finance', '财政部', '100000', 'national', 'finance'),
  unit('440600.public-security', '市公安局', '440600', 'prefecture', 'public-security'),
];
const JURISDICTIONS: UnitListResponse['jurisdictions'] = [
  { code: '100000', name: '全国', level: 'national' },
  { code: '440300', name: '深圳市', level: 'prefecture' },
  { code: '440600', name: '佛山市', level: 'prefecture' },
];

describe('UnitsPage', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi({
      '/documents': () => ({ documents: [] }),
      '/units': (query) => ({
        units: UNITS.filter(
          (candidate) =>
            (!query.get('function') || candidate.function === query.get('function')) &&
            (!query.get('unitJurisdiction') || candidate.jurisdiction === query.get('unitJurisdiction')) &&
            (!query.get('q') || candidate.shortName.includes(query.get('q')!)),
        ),
        jurisdictions: JURISDICTIONS,
      }),
    });
  });
  afterEach(() => api.restore());

  const rows = () => within(screen.getByTestId('units-table')).getAllByRole('row').slice(1);
  const render = () =>
    renderWithApp(
      <ScopeProvider>
        <UnitsPage />
      </ScopeProvider>,
      { route: '/units' },
    );

  it('lists every unit with its jurisdiction, level, kind and function: two 市财政局 of two cities are two rows', async () => {
    render();
    await waitFor(() => expect(rows()).toHaveLength(4));
    const finance = rows().filter((row) => within(row).queryByText('市财政局'));
    expect(finance.map((row) => within(row).getAllByRole('cell')[1]!.textContent).sort()).toEqual(['佛山市', '深圳市']);
    expect(rows().find((row) => within(row).queryByText('市公安局'))).toHaveTextContent('佛山市地市级政府部门public-security');
    expect(screen.getByRole('link', { name: '财政部' })).toHaveAttribute('href', '/units/100000.finance');
  });

  it('searches by name and filters by function and jurisdiction, asking the API with those parameters', async () => {
    render();
    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.change(screen.getByRole('combobox', { name: '职能' }), { target: { value: 'finance' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByRole('combobox', { name: '所属地区' }), { target: { value: '440600' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(api.requests.at(-1)?.searchParams.get('function')).toBe('finance');
    expect(api.requests.at(-1)?.searchParams.get('unitJurisdiction')).toBe('440600');
    fireEvent.change(screen.getByRole('searchbox', { name: '名称或别名' }), { target: { value: '公安' } });
    await waitFor(() => expect(screen.getByText('没有可显示的内容。')).toBeInTheDocument());
    expect(api.requests.at(-1)?.searchParams.get('q')).toBe('公安');
  });
});
