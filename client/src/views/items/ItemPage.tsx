import { Link, useParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { ClauseHighlight } from '../../components/ClauseHighlight';
import { CopyButton } from '../../components/CopyButton';
import { OwnersList } from '../../components/OwnersList';
import { buildQuery, encodeId, useApi, type ItemDetailResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { formatCitation } from '../../core/items/citation';

export function ItemPage() {
  const { t } = useI18n();
  const id = useParams()['*'] ?? '';
  const detail = useApi<ItemDetailResponse>(id ? `/items/${encodeId(id)}` : null);

  return (
    <section className="page" aria-labelledby="item-title">
      <AsyncView state={detail}>
        {(data) => {
          const { item, document, section } = data;
          return (
            <article>
              <nav aria-label="breadcrumb" className="breadcrumb">
                <ol>
                  <li>
                    <Link to={`/items${buildQuery({ document: document.id })}`}>{document.title}</Link>
                  </li>
                  {section && (
                    <li>
                      <Link to={`/items${buildQuery({ document: document.id, section: section.id })}`}>
                        {section.label}
                        {section.title}
                      </Link>
                    </li>
                  )}
                  <li aria-current="page">{item.label}</li>
                </ol>
              </nav>
              <h1 id="item-title">
                <span className="item-label">{item.label}</span>
                {item.title}
              </h1>
              <div className="item-layout">
                <div>
                  <h2>{t('items.text')}</h2>
                  <ClauseHighlight text={item.text} clause={item.clause} label={t('items.clause')} />
                  <h2>{t('items.clause')}</h2>
                  {item.clause ? (
                    <blockquote className="clause-quote">
                      <p className="source-text">{item.clause.text}</p>
                      <footer className="muted">
                        {document.id} · {t('items.offsets', { start: item.clause.start, end: item.clause.end })}
                      </footer>
                    </blockquote>
                  ) : (
                    <p className="notice">{t('items.noClause')}</p>
                  )}
                  <CopyButton text={formatCitation(data)} label={t('items.copyCitation')} />
                </div>
                <aside className="panel">
                  <h2>{t('items.owners')}</h2>
                  <OwnersList owners={data.owners} />
                </aside>
              </div>
            </article>
          );
        }}
      </AsyncView>
    </section>
  );
}
