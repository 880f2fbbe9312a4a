import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { encodeId, useApi, type UnmeasuredResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';

/** Items that commit to nothing measurable: no dated deadline, no quantified target. */
export function UnmeasuredItems() {
  const { t } = useI18n();
  const { scope } = useScope();
  const report = useApi<UnmeasuredResponse>('/commitments/unmeasured', scope.params);
  return (
    <section aria-labelledby="unmeasured-title" data-testid="unmeasured">
      <h2 id="unmeasured-title">{t('unmeasured.title')}</h2>
      <p className="lead-text">{t('unmeasured.lead')}</p>
      <AsyncView state={report} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <p className="counts">{t('unmeasured.count', { n: data.items.length, total: data.itemsExamined })}</p>
            <ol className="unmeasured-list">
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
          </>
        )}
      </AsyncView>
    </section>
  );
}
