import { AsyncView } from '../../components/AsyncView';
import { SelectFilter } from '../../components/SelectFilter';
import { apiUrl, useApi, type CompareResponse, type DocumentListResponse, type LineageResponse } from '../../core/api';
import { COMPARE_STATUSES, type CompareStatus } from '../../core/compare/rows';
import { useI18n } from '../../core/i18n';
import { splitList, useUrlState } from '../../core/urlState/useUrlState';
import { LineageTable } from './LineageTable';
import { LoadChangeChart } from './LoadChangeChart';
import { PlanDiff } from './PlanDiff';

/**
 * Plans over time (issue 17): two plans side by side with their matched items aligned and the text
 * differences marked, owner changes as badges, the units whose load changed most, and task lineages
 * across several plans.
 */
export function ComparePage() {
  const { t } = useI18n();
  const [state, setState] = useUrlState({ old: '', new: '', status: '', lineage: '' });
  const documents = useApi<DocumentListResponse>('/documents');
  const both = state.old !== '' && state.new !== '';
  const comparison = useApi<CompareResponse>(both ? '/compare' : null, { old: state.old, new: state.new });
  const lineageIds = splitList(state.lineage);
  const lineage = useApi<LineageResponse>(lineageIds.length >= 2 ? '/compare/lineage' : null, { document: lineageIds });
  const options = (documents.data?.documents ?? []).map((d) => ({ value: d.id, label: `${d.year ?? ''} ${d.title}`.trim() }));

  return (
    <section className="page" aria-labelledby="compare-title">
      <h1 id="compare-title">{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      <div className="filter-bar" role="group" aria-label={t('filter.label')}>
        <SelectFilter label={t('compare.old')} value={state.old} options={options} onChange={(value) => setState({ old: value })} />
        <SelectFilter label={t('compare.new')} value={state.new} options={options} onChange={(value) => setState({ new: value })} />
        <SelectFilter
          label={t('compare.status')}
          value={state.status}
          options={COMPARE_STATUSES.map((status) => ({ value: status, label: t(`compare.status.${status}`) }))}
          onChange={(value) => setState({ status: value })}
        />
      </div>
      {both && (
        <AsyncView state={comparison}>
          {(result) => (
            <div data-testid="compare-result">
              <p data-testid="compare-summary">
                {t('compare.summary', {
                  continued: result.pairs.filter((p) => p.status === 'continued').length,
                  revised: result.pairs.filter((p) => p.status === 'revised').length,
                  added: result.added.length,
                  dropped: result.dropped.length,
                  threshold: result.threshold,
                })}
              </p>
              <p className="downloads">
                <a href={apiUrl('/compare/export/pairs', { old: state.old, new: state.new })} download>
                  {t('compare.exportPairs')}
                </a>{' '}
                <a href={apiUrl('/compare/export/units', { old: state.old, new: state.new })} download>
                  {t('compare.exportUnits')}
                </a>
              </p>
              <h2>{t('compare.chart')}</h2>
              <LoadChangeChart comparison={result} />
              <h2>{t('compare.items')}</h2>
              <PlanDiff comparison={result} status={state.status as CompareStatus | ''} />
            </div>
          )}
        </AsyncView>
      )}
      <h2>{t('compare.lineage.title')}</h2>
      <p className="muted">{t('compare.lineage.hint')}</p>
      <fieldset className="lineage-picker">
        <legend>{t('compare.lineage.title')}</legend>
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={lineageIds.includes(option.value)}
              onChange={(e) =>
                setState({
                  lineage: (e.target.checked ? [...lineageIds, option.value] : lineageIds.filter((id) => id !== option.value)).join(','),
                })
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {lineageIds.length >= 2 && <AsyncView state={lineage}>{(report) => <LineageTable report={report} />}</AsyncView>}
    </section>
  );
}
