import type { ReactNode } from 'react';
import { isStale, type ApiState } from '../core/api/useApi';
import { describeError, useI18n } from '../core/i18n';
import { NotFoundNotice } from './NotFound';

interface AsyncViewProps<T> {
  state: ApiState<T> & { reload?: () => void };
  /** When true for the loaded data, the empty message is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every view needs, in one place. */
export function AsyncView<T>({ state, isEmpty, emptyText, children }: AsyncViewProps<T>) {
  const i18n = useI18n();
  const { t } = i18n;
  if (state.status === 'error') {
    if (state.error.status === 404) return <NotFoundNotice error={state.error} />;
    return (
      <div className="notice notice-error" role="alert">
        <span>
          {t('state.error')}
          {describeError(i18n, state.error)}
        </span>
        {/* Retrying helps only when the server or the network failed, not when the request was wrong. */}
        {state.reload && (state.error.status === 0 || state.error.status >= 500) && (
          <button type="button" onClick={state.reload}>
            {t('state.retry')}
          </button>
        )}
      </div>
    );
  }
  if (state.data === undefined) {
    return (
      <p className="notice" role="status" aria-live="polite">
        {t('state.loading')}
      </p>
    );
  }
  if (isEmpty?.(state.data)) return <p className="notice">{emptyText ?? t('state.empty')}</p>;
  const updating = isStale(state.data);
  return (
    <div className={state.status === 'loading' ? 'refreshing' : undefined} aria-busy={state.status === 'loading' || updating}>
      {updating && (
        <p className="notice notice-updating" role="status" aria-live="polite" data-testid="updating">
          {t('state.updating')}
        </p>
      )}
      {children(state.data)}
    </div>
  );
}
