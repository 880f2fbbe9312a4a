import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { FilterBar } from '../../components/FilterBar';
import { offsetFrom, Pager } from '../../components/Pager';
import { encodeId, useApi, type GapsResponse } from '../../core/api';
import { useI18n, type MessageKey } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { UnmeasuredItems } from './UnmeasuredItems';

type GapCode = GapsResponse['gaps'][number]['reasons'][number]['code'];

/** Gaps per page: the whole list of a large scope is tens of megabytes. */
export const GAPS_PER_PAGE = 50;

export function GapsPage() {
  const { t, unitName } = useI18n();
  const [state, setState] = useUrlState({ section: '', kind: '', reason: '', offset: '' });
  const { scope } = useScope();
  const offset = offsetFrom(state.offset);
  const gaps = useApi<GapsResponse>('/gaps', {
    ...scope.params,
    section: state.section,
    kind: state.kind,
    reason: state.reason,
    limit: GAPS_PER_PAGE,
    offset,
  });

  return (
    <section className="page" aria-labelledby="gaps-title">
      <h1 id="gaps-title">{t('gaps.title')}</h1>
      <p className="lead-text">{t('gaps.lead')}</p>
      <FilterBar values={state} onChange={(patch) => setState({ ...patch, offset: '' })} show={['section', 'kind']} />
      <AsyncView state={gaps} isEmpty={(report) => report.total === 0 && !state.reason}>
        {(report) => {
          const pager = (
            <Pager
              total={report.total}
              offset={report.offset}
              limit={report.limit}
              label={t('gaps.title')}
              onChange={(next) => setState({ offset: String(next) })}
            />
          );
          return (
            <>
              <div className="segmented wrap" role="group" aria-label={t('gaps.reason')}>
                <button type="button" aria-pressed={!state.reason} onClick={() => setState({ reason: '', offset: '' })}>
                  {t('gaps.all')}
                  {!state.reason && ` (${report.total})`}
                </button>
                {(Object.entries(report.counts) as [GapCode, number][])
                  .filter(([, count]) => count > 0)
                  .map(([code, count]) => (
                    <button
                      key={code}
                      type="button"
                      aria-pressed={state.reason === code}
                      onClick={() => setState({ reason: code, offset: '' })}
                    >
                      {t(`gap.${code}` as MessageKey)} ({count})
                    </button>
                  ))}
              </div>
              <p className="counts" role="status">
                {t('gaps.count', { n: report.total })} / {report.itemsExamined}
              </p>
              {pager}
              <ol className="gap-list" start={report.offset + 1}>
                {report.gaps.map((gap) => (
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
              {pager}
            </>
          );
        }}
      </AsyncView>
      <UnmeasuredItems />
    </section>
  );
}
