import { useState, type FormEvent } from 'react';
import { ApiError, type DocumentListResponse } from '../../core/api';
import { updateDocumentMetadata, type MetadataValues } from '../../core/documents/ingest';
import { useI18n } from '../../core/i18n';
import { MetadataFields } from './MetadataFields';

type DocumentRow = DocumentListResponse['documents'][number];

/** Correct one document's metadata (PATCH /api/documents/{id}, with the admin token). */
export function DocumentMetadataForm({
  document,
  token,
  onSaved,
  onCancel,
}: {
  document: DocumentRow;
  token: string;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<MetadataValues>({
    title: document.title,
    issuer: document.issuer ?? '',
    jurisdiction: document.jurisdiction?.code ?? '',
    year: document.year === undefined ? '' : String(document.year),
    publishedAt: document.publishedAt ?? '',
  });
  const [error, setError] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!token) return setError(t('documents.needToken'));
    updateDocumentMetadata(document.id, values, token).then(
      () => onSaved(document.id),
      (cause: unknown) => setError(cause instanceof ApiError ? cause.message : String(cause)),
    );
  };

  return (
    <section className="panel" aria-labelledby="metadata-title">
      <h2 id="metadata-title">
        {t('documents.edit')}: {document.title}
      </h2>
      <form onSubmit={save}>
        <MetadataFields values={values} onChange={(patch) => setValues((current) => ({ ...current, ...patch }))} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('documents.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('documents.cancel')}
          </button>
        </div>
      </form>
      {error && (
        <p className="notice notice-error" role="alert">
          {t('state.error')}
          {error}
        </p>
      )}
    </section>
  );
}
