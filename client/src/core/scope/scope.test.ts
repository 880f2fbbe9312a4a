import { FOSHAN, NATIONAL, plan, SHENZHEN } from '../../testing/documents';
import { defaultJurisdiction, jurisdictionsOf, resolveScope, SCOPE_DEFAULTS, yearsOf } from './scope';

const plans = [plan('fs-a', FOSHAN, 2023), plan('fs-b', FOSHAN, 2024), plan('sz', SHENZHEN, 2024), plan('gov', NATIONAL, 2024)];

describe('the default scope', () => {
  it('counts plans per jurisdiction, most first, ties by code', () => {
    expect(jurisdictionsOf(plans).map(({ jurisdiction, plans: count }) => [jurisdiction.code, count])).toEqual([
      ['440600', 2],
      ['100000', 1],
      ['440300', 1],
    ]);
  });

  it('is none while every plan has one jurisdiction, so nothing is added together anyway', () => {
    expect(defaultJurisdiction([plan('a', FOSHAN), plan('b', FOSHAN)])).toBeNull();
    expect(resolveScope(SCOPE_DEFAULTS, [plan('a', FOSHAN)])).toMatchObject({ jurisdiction: null, isDefault: false });
  });

  it('with several jurisdictions, is the one with the most plans, its own plans only, and says it is a default', () => {
    const scope = resolveScope(SCOPE_DEFAULTS, plans);
    expect(scope).toMatchObject({ jurisdiction: { code: '440600', name: '佛山市' }, includeWithin: false, isDefault: true });
    expect(scope.params).toMatchObject({ jurisdiction: '440600', includeWithin: false });
  });

  it('counts plans of no known jurisdiction as another place, never chosen', () => {
    expect(defaultJurisdiction([plan('a'), plan('b'), plan('c', SHENZHEN)])?.jurisdiction).toEqual(SHENZHEN);
  });
});

describe('a scope the reader chose', () => {
  it('all jurisdictions: no jurisdiction sent', () => {
    const scope = resolveScope({ ...SCOPE_DEFAULTS, jurisdiction: 'all' }, plans);
    expect(scope).toMatchObject({ jurisdiction: null, isDefault: false });
    expect(scope.params.jurisdiction).toBeNull();
  });

  it('a jurisdiction includes the places within unless within=false', () => {
    expect(resolveScope({ ...SCOPE_DEFAULTS, jurisdiction: '100000' }, plans)).toMatchObject({
      jurisdiction: { code: '100000', name: '全国' },
      includeWithin: true,
      params: { jurisdiction: '100000', includeWithin: undefined },
    });
    expect(resolveScope({ ...SCOPE_DEFAULTS, jurisdiction: '100000', within: 'false' }, plans).params.includeWithin).toBe(false);
  });

  it('chosen documents replace the default; years are read, junk is ignored', () => {
    const scope = resolveScope({ ...SCOPE_DEFAULTS, document: 'sz,gov', yearFrom: '2024', yearTo: '20x4' }, plans);
    expect(scope).toMatchObject({ jurisdiction: null, isDefault: false, documents: ['sz', 'gov'], yearFrom: 2024, yearTo: null });
    expect(scope.params).toMatchObject({ document: ['sz', 'gov'], yearFrom: 2024 });
  });

  it('a jurisdiction no loaded plan names keeps its code as its name', () => {
    expect(resolveScope({ ...SCOPE_DEFAULTS, jurisdiction: '450000' }, plans).jurisdiction).toEqual({ code: '450000', name: '450000' });
  });

  it('lists the years of the plans', () => {
    expect(yearsOf([...plans, plan('undated', FOSHAN)])).toEqual([2023, 2024]);
  });
});
