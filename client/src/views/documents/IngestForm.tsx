import { useState, type FormEvent } from 'react';
import { ApiError, type IngestPreviewResponse } from '../../core/api';
import { commitDocument, EMPTY_METADATA, previewDocument, type DocumentSource, type MetadataValues } from '../../core/documents/ingest';
import { describeError, useI18n } from '../../core/i18n';
import { IngestPreview } from './IngestPreview';
import { MetadataFields } from './MetadataFields';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string };

export function IngestForm({ token, onCommitted }: { token: string; onCommitted: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [text, setText] = useState('');
  const [id, setId] = useState('');
  // What the reader knows better than the header detection; left empty, the detected values stand.
  const [metadata, setMetadata] = useState<MetadataValues>(EMPTY_METADATA);
  const [preview, setPreview] = useState<IngestPreviewResponse | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const source = (): DocumentSource | null =>
    file ? { kind: 'file', file } : text.trim() ? { kind: 'text', text } : null;

  const run = async (action: () => Promise<void>) => {
    setStatus({ kind: 'busy' });
    try {
      await action();
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? describeError(i18n, error) : String(error) });
    }
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    const chosen = source();
    if (!chosen) return setStatus({ kind: 'error', message: t('documents.needText') });
    if (!token) return setStatus({ kind: 'error', message: t('documents.needToken') });
    void run(async () => {
      setPreview(null);
      setPreview(await previewDocument(chosen, id.trim(), metadata, token));
    });
  };

  const onCommit = () => {
    const chosen = source();
    if (!chosen) return setStatus({ kind: 'error', message: t('documents.needText') });
    if (!token) return setStatus({ kind: 'error', message: t('documents.needToken') });
    void run(async () => {
      const committed = await commitDocument(chosen, id.trim(), metadata, token);
      setPreview(null);
      onCommitted(t('documents.committed', { id: committed.result.documentId, outcome: t(`outcome.${committed.result.outcome}`) }));
    });
  };

  return (
    <section className="panel ingest" aria-labelledby="ingest-title">
      <h2 id="ingest-title">{t('documents.add')}</h2>
      <form onSubmit={onPreview}>
        <div className="file-row">
          <label>
            {t('documents.file')}
            <input
              key={fileInputKey}
              type="file"
              accept=".txt,text/plain"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </label>
          {file && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setFile(null);
                setPreview(null);
                setFileInputKey((key) => key + 1); // a fresh input is the only way to empty one
              }}
            >
              {t('documents.clearFile')}
            </button>
          )}
        </div>
        <label>
          {t('documents.paste')}
          <textarea
            rows={8}
            value={text}
            disabled={file !== null}
            onChange={(e) => {
              setText(e.target.value);
              setPreview(null);
            }}
          />
        </label>
        <label>
          {t('documents.id')}
          <input type="text" value={id} pattern="[a-z0-9][a-z0-9._\-]*" onChange={(e) => setId(e.target.value)} />
        </label>
        <MetadataFields
          values={metadata}
          onChange={(patch) => {
            setMetadata((current) => ({ ...current, ...patch }));
            setPreview(null);
          }}
        />
        <div className="actions">
          <button type="submit" disabled={status.kind === 'busy'}>
            {t('documents.preview')}
          </button>
          <button type="button" className="primary" disabled={status.kind === 'busy' || !preview} onClick={onCommit}>
            {t('documents.commit')}
          </button>
        </div>
      </form>
      {status.kind === 'busy' && (
        <p className="notice" role="status">
          {t('state.loading')}
        </p>
      )}
      {status.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('state.error')}
          {status.message}
        </p>
      )}
      {preview && <IngestPreview preview={preview} />}
    </section>
  );
}
