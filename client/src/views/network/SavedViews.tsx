import { useState, type FormEvent } from 'react';
import { ApiError, encodeId, requestJson, useApi } from '../../core/api';
import type { SavedViewInput, SavedViewListResponse, SavedViewResponse } from '../../core/api';
import { describeError, useI18n } from '../../core/i18n';

interface SavedViewsProps {
  /** The view as it is now, to save: its URL parameters and node positions. */
  current: () => Pick<SavedViewInput, 'parameters' | 'positions'>;
  onOpen: (id: string) => void;
}

/** The link that opens a saved view, in the sender's language. */
export const viewLink = (id: string, lang: string): string =>
  `${window.location.origin}/network?view=${encodeURIComponent(id)}&lang=${lang}`;

/** Name, describe and save the view on the server; list, open, share and delete saved views. */
export function SavedViews({ current, onOpen }: SavedViewsProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const list = useApi<SavedViewListResponse>('/views');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  // Only in this page's memory, as on the Documents page: never in the URL or storage.
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; link?: string } | null>(null);

  const failed = (error: unknown) =>
    setMessage({ kind: 'error', text: error instanceof ApiError ? describeError(i18n, error) : String(error) });

  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: SavedViewInput = { name, description, page: 'network', ...current() };
    requestJson<SavedViewResponse>('/views', { method: 'POST', body: JSON.stringify(body), contentType: 'application/json', token }).then(
      ({ view }) => {
        setMessage({ kind: 'ok', text: t('views.saved', { name: view.name }), link: viewLink(view.id, lang) });
        list.reload();
      },
      failed,
    );
  };

  const remove = (id: string) =>
    requestJson(`/views/${encodeId(id)}`, { method: 'DELETE', token }).then(() => list.reload(), failed);

  return (
    <section className="panel saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('views.title')}</h2>
      <form onSubmit={save} className="stacked">
        <label>
          {t('views.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        <label>
          {t('views.description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={2000} />
        </label>
        <label>
          {t('documents.token')}
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        </label>
        <p className="hint">{t('views.tokenHint')}</p>
        <button type="submit">{t('views.save')}</button>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'notice notice-error' : 'notice'}>
          {message.text}{' '}
          {message.link && (
            <a href={message.link} data-testid="saved-view-link">
              {message.link}
            </a>
          )}
        </p>
      )}
      {list.data && list.data.views.length === 0 && <p className="muted">{t('views.none')}</p>}
      <ul className="saved-view-list">
        {list.data?.views.map((view) => (
          <li key={view.id} data-view-id={view.id}>
            <strong>{view.name}</strong>
            {view.description && <span className="muted"> — {view.description}</span>}
            <span className="row-actions">
              <button type="button" className="link-button" onClick={() => onOpen(view.id)}>
                {t('views.open')}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => void navigator.clipboard?.writeText(viewLink(view.id, lang))}
              >
                {t('views.share')}
              </button>
              <button type="button" className="link-button" onClick={() => void remove(view.id)}>
                {t('views.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
