import { useState } from 'react';
import { AsyncView } from '../../components/AsyncView';
import { ApiError, buildQuery, useApi, type DocumentListResponse } from '../../core/api';
import { deleteDocument } from '../../core/documents/ingest';
import { useI18n } from '../../core/i18n';
import { Link } from 'react-router-dom';
import { IngestForm } from './IngestForm';

/** The loaded documents, adding one (preview, then commit with the admin token) and deleting. */
export function DocumentsPage() {
  const { t } = useI18n();
  const documents = useApi<DocumentListResponse>('/documents');
  // The token lives only in this page's memory: never in the URL or storage.
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const remove = async (id: string, title: string) => {
    if (!token) return setMessage({ kind: 'error', text: t('documents.needToken') });
    if (!window.confirm(t('documents.confirmDelete', { title }))) return;
    try {
      await deleteDocument(id, token);
      setMessage({ kind: 'ok', text: t('documents.deleted', { id }) });
      documents.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return (
    <section className="page" aria-labelledby="documents-title">
      <h1 id="documents-title">{t('documents.title')}</h1>
      <div className="panel token-panel">
        <label>
          {t('documents.token')}
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby="token-hint"
          />
        </label>
        <span id="token-hint" className="hint">
          {t('documents.tokenHint')}
        </span>
      </div>
      {message && (
        <p className={message.kind === 'ok' ? 'notice notice-ok' : 'notice notice-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <h2>{t('documents.loaded')}</h2>
      <AsyncView state={documents} isEmpty={(list) => list.documents.length === 0}>
        {(list) => (
          <div className="table-scroll">
            <table className="data-table" data-testid="documents-table">
              <thead>
                <tr>
                  <th scope="col">{t('filter.document')}</th>
                  <th scope="col">{t('documents.published')}</th>
                  <th scope="col" className="numeric">
                    {t('documents.sections')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('documents.items')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('documents.responsibilities')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('documents.delete')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.documents.map((document) => (
                  <tr key={document.id} data-document-id={document.id}>
                    <td>
                      <Link to={`/items${buildQuery({ document: document.id })}`}>{document.title}</Link>
                      <div className="muted">{document.id}</div>
                    </td>
                    <td>{document.publishedAt ?? '—'}</td>
                    <td className="numeric">{document.sections}</td>
                    <td className="numeric">{document.items}</td>
                    <td className="numeric">{document.responsibilities}</td>
                    <td>
                      <button type="button" className="danger" onClick={() => void remove(document.id, document.title)}>
                        {t('documents.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncView>
      <IngestForm
        token={token}
        onCommitted={(text) => {
          setMessage({ kind: 'ok', text });
          documents.reload();
        }}
      />
    </section>
  );
}
