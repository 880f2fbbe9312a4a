import { useI18n } from '../core/i18n';

export interface PagerProps {
  /** Rows in the whole list, as the server states it. */
  total: number;
  /** Index (from 0) of the first row shown. */
  offset: number;
  /** Rows per page. */
  limit: number;
  onChange: (offset: number) => void;
  /** Names the list for screen readers when a page has several. */
  label: string;
}

/** Previous / next over a list the server sends a page at a time, with where the page stands in the whole. */
export function Pager({ total, offset, limit, onChange, label }: PagerProps) {
  const { t } = useI18n();
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('pager.previous')}
      </button>{' '}
      <span role="status">{t('pager.range', { from: total === 0 ? 0 : offset + 1, to: last, total })}</span>{' '}
      <button type="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}

/** A page offset kept in the URL as text: a non-negative integer, else the first page. */
export const offsetFrom = (text: string): number => (/^\d{1,9}$/.test(text) ? Number(text) : 0);
