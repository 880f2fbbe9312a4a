import { Link, useLocation } from 'react-router-dom';
import type { ApiError } from '../core/api';
import { useI18n, type MessageKey } from '../core/i18n';

/** Where to go back to when a thing of this kind is not found: its list. */
const LIST_OF: Record<string, { path: string; view: MessageKey }> = {
  unit: { path: '/units', view: 'nav.units' },
  item: { path: '/items', view: 'nav.items' },
  document: { path: '/documents', view: 'nav.documents' },
  view: { path: '/network', view: 'nav.network' },
};

/** An API 404: what was not found, and the way back to its list (no retry: asking again finds nothing). */
export function NotFoundNotice({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const [what = '', id = ''] = Object.entries((error.details ?? {}) as Record<string, unknown>)[0] ?? [];
  const back = LIST_OF[what] ?? { path: '/workload', view: 'nav.workload' as MessageKey };
  const whatKey = `notFound.what.${what}` as MessageKey;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('notFound.thing', { what: what in LIST_OF ? t(whatKey) : what, id: String(id) })}</p>
      <Link to={back.path}>{t('notFound.back', { view: t(back.view) })}</Link>
    </div>
  );
}

/** The explorer's own 404: an address no view answers. */
export function NotFoundPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.page', { path: pathname })}</p>
      <Link to="/workload">{t('notFound.back', { view: t('nav.workload') })}</Link>
    </section>
  );
}
