import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { FilterBar } from '../../components/FilterBar';
import { encodeId, useApi, type ItemPageResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { itemSearchText } from '../../core/items/numberQuery';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';

const PAGE_SIZE = 20;

export function ItemSearchPage() {
  const { t, unitName } = useI18n();
  const [state, setState] = useUrlState({ q: '', page: '1', section: '', role: '', unit: '' });
  const { scope } = useScope();
  const [draft, setDraft] = useState(state.q);
  const items = useApi<ItemPageResponse>('/items', {
    q: itemSearchText(state.q),
    ...scope.params,
    section: state.section,
    role: state.role,
    unit: state.unit,
    page: state.page,
    pageSize: PAGE_SIZE,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ q: draft.trim(), page: '1' });
  };

  return (
    <section className="page" aria-labelledby="items-title">
      <h1 id="items-title">{t('items.title')}</h1>
      <form className="search-form" role="search" onSubmit={submit}>
        <label htmlFor="item-search">{t('items.search')}</label>
        <input
          id="item-search"
          type="search"
          value={draft}
          placeholder={t('items.searchPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('items.search')}</button>
      </form>
      <FilterBar
        values={state}
        onChange={(patch) => setState({ ...patch, page: '1' })}
        show={['section', 'role']}
      />
      {state.unit && (
        <p className="chip">
          {t('workload.unit')}: {state.unit}{' '}
          <button type="button" className="link-button" onClick={() => setState({ unit: '', page: '1' })}>
            {t('filter.reset')}
          </button>
        </p>
      )}
      <AsyncView state={items} isEmpty={(page) => page.items.length === 0}>
        {(page) => {
          const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
          return (
            <>
              <p className="counts" role="status">
                {t('items.results', { total: page.total })}
              </p>
              <ol className="item-list">
                {page.items.map((item) => (
                  <li key={item.id}>
                    <Link to={`/items/${encodeId(item.id)}`} className="item-link">
                      <span className="item-label">{item.label}</span> {item.title}
                    </Link>
                    {item.clause && <div className="clause-snippet">{item.clause.text}</div>}
                    <div className="item-meta">
                      {item.leads.length > 0 ? (
                        <>
                          <span className="role role-lead">{t('items.leads')}</span>{' '}
                          {item.leads.map((unit) => unitName(unit)).join('、')}
                        </>
                      ) : (
                        <span className="badge badge-gap">{t('items.noLead')}</span>
                      )}
                      <span className="muted"> · {item.documentId}</span>
                    </div>
                  </li>
                ))}
              </ol>
              {pages > 1 && (
                <nav className="pager" aria-label={t('items.page', { page: page.page, pages })}>
                  <button
                    type="button"
                    disabled={page.page <= 1}
                    onClick={() => setState({ page: String(page.page - 1) })}
                  >
                    {t('items.prev')}
                  </button>
                  <span>{t('items.page', { page: page.page, pages })}</span>
                  <button
                    type="button"
                    disabled={page.page >= pages}
                    onClick={() => setState({ page: String(page.page + 1) })}
                  >
                    {t('items.next')}
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
