import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { offsetFrom, Pager } from '../../components/Pager';
import { encodeId, useApi, type UnmeasuredResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';

const UNMEASURED_PER_PAGE = 50;

/** Items that commit to nothing measurable: no dated deadline, no quantified target. */
export function UnmeasuredItems() {
  const { t } = useI18n();
  const { scope } = useScope();
  // Its own offset in the URL: the gaps above page on theirs.
  const [state, setState] = useUrlState({ unmeasuredOffset: '' });
  const report = useApi<UnmeasuredResponse>('/commitments/unmeasured', {
    ...scope.params,
    limit: UNMEASURED_PER_PAGE,
    offset: offsetFrom(state.unmeasuredOffset),
  });
  return (
    <section aria-labelledby="unmeasured-title" data-testid="unmeasured">
      <h2 id="unmeasured-title">{t('unmeasured.title')}</h2>
      <p className="lead-text">{t('unmeasured.lead')}</p>
      <AsyncView state={report} isEmpty={(data) => data.total === 0}>
        {(data) => (
          <>
            <p className="counts">{t('unmeasured.count', { n: data.total, total: data.itemsExamined })}</p>
            <ol className="unmeasured-list" start={data.offset + 1}>
              {data.items.map((item) => (
                <li key={item.id}>
                  <Link to={`/items/${encodeId(item.id)}`} className="item-link">
                    <span className="item-label">{item.label}</span>
                    {item.title}
                  </Link>
                  {item.ongoing && <span className="badge badge-generic">{t('unmeasured.ongoing')}</span>}
                  <span className="muted"> · {item.documentTitle}</span>
                </li>
              ))}
            </ol>
            <Pager
              total={data.total}
              offset={data.offset}
              limit={data.limit}
              label={t('unmeasured.title')}
              onChange={(next) => setState({ unmeasuredOffset: String(next) })}
            />
          </>
        )}
      </AsyncView>
    </section>
  );
}
