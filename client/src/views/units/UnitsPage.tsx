import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { SelectFilter } from '../../components/SelectFilter';
import { SortableTable, type Column } from '../../components/SortableTable';
import { UnitBadges } from '../../components/UnitBadges';
import { encodeId, useApi, type UnitListResponse, type UnitSummary } from '../../core/api';
import { UNIT_KINDS } from '../../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';

const LEVELS = ['national', 'province', 'prefecture', 'county', 'township'] as const;

/**
 * Every unit the plans in scope name, searchable by name or alias and filtered by its own
 * jurisdiction, kind and function: "finance bureaus across the cities" is one choice away.
 */
export function UnitsPage() {
  const { t, unitName } = useI18n();
  const { scope } = useScope();
  const [state, setState] = useUrlState({ q: '', unitJurisdiction: '', kind: '', function: '', level: '' });
  // The choices come from every unit in scope; the table from the units the filters keep.
  const all = useApi<UnitListResponse>('/units', scope.params);
  const units = useApi<UnitListResponse>('/units', { ...scope.params, ...state });
  const choices = all.data ?? { units: [], jurisdictions: [] };
  const functions = [...new Set(choices.units.flatMap((unit) => unit.function ?? []))].sort();
  const placeName = new Map(choices.jurisdictions.map((jurisdiction) => [jurisdiction.code, jurisdiction.name]));

  const columns: Column<UnitSummary>[] = [
    {
      key: 'name',
      label: t('units.name'),
      value: (unit) => unitName(unit),
      render: (unit) => (
        <>
          <Link to={`/units/${encodeId(unit.id)}`}>{unitName(unit)}</Link>
          <UnitBadges generic={unit.kind === 'generic'} provisional={unit.provisional} />
        </>
      ),
    },
    { key: 'jurisdiction', label: t('units.jurisdiction'), value: (unit) => placeName.get(unit.jurisdiction) ?? null },
    { key: 'level', label: t('units.level'), value: (unit) => (unit.level ? t(`level.${unit.level}`) : null) },
    { key: 'kind', label: t('filter.kind'), value: (unit) => t(`kind.${unit.kind}` as MessageKey) },
    { key: 'function', label: t('units.function'), value: (unit) => unit.function ?? null },
  ];

  const selects = [
    {
      key: 'unitJurisdiction' as const,
      label: t('units.jurisdiction'),
      options: choices.jurisdictions.map((jurisdiction) => ({ value: jurisdiction.code, label: jurisdiction.name })),
    },
    { key: 'level' as const, label: t('units.level'), options: LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) })) },
    { key: 'kind' as const, label: t('filter.kind'), options: UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}` as MessageKey) })) },
    { key: 'function' as const, label: t('units.function'), options: functions.map((name) => ({ value: name, label: name })) },
  ];

  return (
    <section className="page" aria-labelledby="units-title">
      <h1 id="units-title">{t('units.title')}</h1>
      <div className="filter-bar" role="group" aria-label={t('filter.label')}>
        <label>
          {t('units.search')}
          <input type="search" value={state.q} maxLength={200} onChange={(e) => setState({ q: e.target.value })} />
        </label>
        {selects.map((select) => (
          <SelectFilter
            key={select.key}
            label={select.label}
            value={state[select.key]}
            options={select.options}
            onChange={(value) => setState({ [select.key]: value })}
          />
        ))}
      </div>
      <AsyncView state={units} isEmpty={(list) => list.units.length === 0}>
        {(list) => (
          <div data-testid="units-table">
            <p className="muted">{t('units.count', { n: list.units.length })}</p>
            <SortableTable columns={columns} rows={list.units} rowKey={(unit) => unit.id} />
          </div>
        )}
      </AsyncView>
    </section>
  );
}
