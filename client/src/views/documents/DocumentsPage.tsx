import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { SortableTable, type Column } from '../../components/SortableTable';
import { ApiError, buildQuery, useApi, type DocumentListResponse } from '../../core/api';
import { deleteDocument } from '../../core/documents/ingest';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { DocumentMetadataForm } from './DocumentMetadataForm';
import { IngestForm } from './IngestForm';

type DocumentRow = DocumentListResponse['documents'][number];

/** The loaded documents with their metadata, sortable; adding one (preview, then commit with the admin token), correcting and deleting. */
export function DocumentsPage() {
  const { t } = useI18n();
  const documents = useApi<DocumentListResponse>('/documents');
  const scope = useScope();
  // The token lives only in this page's memory: never in the URL or storage.
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [editing, setEditing] = useState<DocumentRow | null>(null);

  const changed = (text: string) => {
    setMessage({ kind: 'ok', text });
    documents.reload();
    scope.reload();
  };

  const remove = async (id: string, title: string) => {
    if (!token) return setMessage({ kind: 'error', text: t('documents.needToken') });
    if (!window.confirm(t('documents.confirmDelete', { title }))) return;
    try {
      await deleteDocument(id, token);
      changed(t('documents.deleted', { id }));
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) });
    }
  };

  const columns: Column<DocumentRow>[] = [
    {
      key: 'title',
      label: t('filter.document'),
      value: (document) => document.title,
      render: (document) => (
        <>
          <Link to={`/items${buildQuery({ document: document.id })}`}>{document.title}</Link>
          <div className="muted">{document.id}</div>
        </>
      ),
    },
    { key: 'issuer', label: t('documents.issuer'), value: (document) => document.issuer ?? null },
    { key: 'jurisdiction', label: t('documents.jurisdiction'), value: (document) => document.jurisdiction?.name ?? null },
    { key: 'year', label: t('documents.year'), value: (document) => document.year ?? null, numeric: true },
    { key: 'publishedAt', label: t('documents.published'), value: (document) => document.publishedAt ?? null },
    { key: 'sections', label: t('documents.sections'), value: (document) => document.sections, numeric: true },
    { key: 'items', label: t('documents.items'), value: (document) => document.items, numeric: true },
    { key: 'responsibilities', label: t('documents.responsibilities'), value: (document) => document.responsibilities, numeric: true },
    {
      key: 'actions',
      label: t('documents.edit'),
      value: () => null,
      sortable: false,
      render: (document) => (
        <span className="actions">
          <button type="button" onClick={() => setEditing(document)}>
            {t('documents.edit')}
          </button>
          <button type="button" className="danger" onClick={() => void remove(document.id, document.title)}>
            {t('documents.delete')}
          </button>
        </span>
      ),
    },
  ];

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
          <SortableTable
            columns={columns}
            rows={list.documents}
            rowKey={(document) => document.id}
            rowData={(document) => ({ 'data-document-id': document.id })}
            testId="documents-table"
          />
        )}
      </AsyncView>
      {editing && (
        <DocumentMetadataForm
          key={editing.id}
          document={editing}
          token={token}
          onSaved={(id) => {
            setEditing(null);
            changed(t('documents.saved', { id }));
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <IngestForm token={token} onCommitted={changed} />
    </section>
  );
}
