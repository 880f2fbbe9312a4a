import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import type { Owner } from '../core/api';
import { renderWithApp, unit } from '../testing/render';
import { OwnersList } from './OwnersList';

const owner = (role: Owner['role'], summary: Owner['unit'], extra: Partial<Owner> = {}): Owner => ({
  role,
  inferred: false,
  nameAsWritten: summary.shortName,
  start: 0,
  end: summary.shortName.length,
  unit: summary,
  ...extra,
});

const dataBureau = unit('gd.dept.data', '省政务服务数据管理局', 'Guangdong Government Service and Data Administration');
const reform = unit('gd.dept.ndrc', '省发展改革委', 'Development and Reform Commission');
const cities = unit('generic.related-cities', '相关市政府', 'Relevant city governments', 'generic');

describe('OwnersList', () => {
  it('groups owners by role, lead first, each linking to the unit profile', () => {
    renderWithApp(<OwnersList owners={[owner('co', reform), owner('lead', dataBureau), owner('implement', cities)]} />);
    const groups = screen.getAllByRole('term').map((term) => term.textContent);
    expect(groups).toEqual(['牵头', '负责', '落实']);
    expect(screen.getByRole('link', { name: '省政务服务数据管理局' })).toHaveAttribute('href', '/units/gd.dept.data');
  });

  it('says so when nobody leads', () => {
    renderWithApp(<OwnersList owners={[owner('co', reform)]} />);
    expect(screen.getByText('无牵头单位')).toBeInTheDocument();
  });

  it('marks inferred roles and generic owners visibly', () => {
    const { container } = renderWithApp(
      <OwnersList owners={[owner('lead', dataBureau, { inferred: true }), owner('implement', cities)]} />,
    );
    const lead = container.querySelector('dd[data-role="lead"]')!;
    expect(within(lead as HTMLElement).getByText('推定')).toHaveAttribute('title', expect.stringContaining('列第一位'));
    const implement = container.querySelector('dd[data-role="implement"]')!;
    expect(within(implement as HTMLElement).getByText('泛指')).toBeInTheDocument();
  });

  it('shows the name as written when it differs from the registry name', () => {
    renderWithApp(<OwnersList owners={[owner('co', reform, { nameAsWritten: '发展改革委' })]} />);
    expect(screen.getByText('「发展改革委」')).toBeInTheDocument();
  });

  it('uses the registry English names in English', () => {
    renderWithApp(<OwnersList owners={[owner('lead', dataBureau)]} />, { lang: 'en' });
    expect(screen.getByRole('link', { name: 'Guangdong Government Service and Data Administration' })).toBeInTheDocument();
    expect(screen.getByText('Lead')).toBeInTheDocument();
  });
});
