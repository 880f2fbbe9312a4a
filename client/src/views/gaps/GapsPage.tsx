import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { FilterBar } from '../../components/FilterBar';
import { encodeId, useApi, type GapsResponse } from '../../core/api';
import { useI18n, type MessageKey } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { UnmeasuredItems } from './UnmeasuredItems';

type GapCode = GapsResponse['gaps'][number]['reasons'][number]['code'];

export function GapsPage() {
  const { t, unitName } = useI18n();
  const [state, setState] = useUrlState({ section: '', kind: '', reason: '' });
  const { scope } = useScope();
  const gaps = useApi<GapsResponse>('/gaps', { ...scope.params, section: state.section, kind: state.kind });

  return (
    <section className="page" aria-labelledby="gaps-title">
      <h1 id="gaps-title">{t('gaps.title')}</h1>
      <p className="lead-text">{t('gaps.lead')}</p>
      <FilterBar values={state} onChange={setState} show={['section', 'kind']} />
      <AsyncView state={gaps} isEmpty={(report) => report.gaps.length === 0}>
        {(report) => {
          const shown = state.reason
            ? report.gaps.filter((gap) => gap.reasons.some((reason) => reason.code === state.reason))
            : report.gaps;
          return (
            <>
              <div className="segmented wrap" role="group" aria-label={t('gaps.reason')}>
                <button type="button" aria-pressed={!state.reason} onClick={() => setState({ reason: '' })}>
                  {t('gaps.all')} ({report.gaps.length})
                </button>
                {(Object.entries(report.counts) as [GapCode, number][])
                  .filter(([, count]) => count > 0)
                  .map(([code, count]) => (
                    <button
                      key={code}
                      type="button"
                      aria-pressed={state.reason === code}
                      onClick={() => setState({ reason: code })}
                    >
                      {t(`gap.${code}` as MessageKey)} ({count})
                    </button>
                  ))}
              </div>
              <p className="counts" role="status">
                {t('gaps.count', { n: shown.length })} / {report.itemsExamined}
              </p>
              <ol className="gap-list">
                {shown.map((gap) => (
                  <li key={gap.item.id} className="gap">
                    <Link to={`/items/${encodeId(gap.item.id)}`} className="item-link">
                      <span className="item-label">{gap.item.label}</span>
                      {gap.item.title}
                    </Link>
                    <span className="muted"> · {gap.item.documentTitle}</span>
                    {gap.clause && <blockquote className="source-text clause-quote">{gap.clause.text}</blockquote>}
                    <ul className="reasons">
                      {gap.reasons.map((reason) => (
                        <li key={reason.code}>
                          <span className={`badge badge-gap gap-${reason.code}`}>{t(`gap.${reason.code}` as MessageKey)}</span>{' '}
                          {t(`gapText.${reason.code}` as MessageKey, {
                            n: reason.units.length,
                            k: report.parameters.diffusionThreshold,
                          })}
                          {reason.units.length > 0 && (
                            <span className="muted">
                              {' '}
                              ({reason.units.map((unit) => unitName(unit)).join('、')})
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </AsyncView>
      <UnmeasuredItems />
    </section>
  );
}
